import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { parseCertificate, ParsedCertificate } from '../certificates/certificate-parser';
import { parseSignedData, ParsedSignedData } from '../crypto/cms-parser';
import { decodeStreamContents } from '../pdf/stream-decoder';
import { listFields } from '../form/acroform';
import { Oid } from '../crypto/oids';

export interface EmbeddedSignature {
  fieldName: string;
  subFilter?: string;
  cms: ParsedSignedData;
  /** The certificates the CMS carries, and those of its signature time-stamp token. */
  certificates: ParsedCertificate[];
}

/** The CMS of every signed field (signatures and document time-stamps); unreadable ones are skipped. */
export function embeddedSignatures(context: PDFContext, catalog: PDFDict): EmbeddedSignature[] {
  return listFields(context, catalog).filter((f) => f.type === 'Sig').flatMap((field) => {
    const value = field.dict.lookup(PDFName.of('V'));
    if (!(value instanceof PDFDict)) return [];
    const contents = value.lookup(PDFName.of('Contents'));
    const subFilter = value.lookup(PDFName.of('SubFilter'));
    if (!(contents instanceof PDFHexString || contents instanceof PDFString)) return [];
    try {
      const bytes = contents instanceof PDFString ? Buffer.from(contents.asBytes()) : Buffer.from(contents.asString().replace(/\s+/g, ''), 'hex');
      const cms = parseSignedData(bytes);
      return [{ fieldName: field.name, subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : undefined, cms, certificates: certificatesOf(cms) }];
    } catch {
      return [];
    }
  });
}

export function certificatesOf(cms: ParsedSignedData): ParsedCertificate[] {
  const tokens = cms.signers.flatMap((s) => s.unsignedAttributes.get(Oid.signatureTimeStampToken) ?? []);
  const ders = [...cms.certificates, ...tokens.flatMap((token) => {
    try {
      return parseSignedData(token).certificates;
    } catch {
      return [];
    }
  })];
  return ders.flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
}

export interface DocumentSecurityStore {
  certificates: Buffer[];
  ocsps: Buffer[];
  crls: Buffer[];
}

/** The catalog's /DSS (ETSI EN 319 142-1 §5.4.2), empty when there is none. */
export function readDss(context: PDFContext, catalog: PDFDict): DocumentSecurityStore {
  const dss = catalog.lookup(PDFName.of('DSS'));
  const streams = (key: string): Buffer[] => {
    const array = dss instanceof PDFDict ? dss.lookup(PDFName.of(key)) : undefined;
    if (!(array instanceof PDFArray)) return [];
    return array.asArray().flatMap((item) => {
      const stream = context.lookup(item);
      return stream instanceof PDFRawStream ? [Buffer.from(decodeStreamContents(stream))] : [];
    });
  };
  return { certificates: streams('Certs'), ocsps: streams('OCSPs'), crls: streams('CRLs') };
}
