import { SigningError } from '../errors/signing-error';
import { contextTag, decodeOid, DerNode, derBytes, derChildren, derContent, DerTag, readDer } from './der-reader';
import { Oid } from './oids';

export interface ParsedSignerInfo {
  issuerDer?: Buffer;
  serialContent?: Buffer;
  subjectKeyIdentifier?: Buffer;
  digestAlgorithm: string;
  /** Signed attributes re-tagged as a universal SET: the bytes that were signed. */
  signedAttributes?: Buffer;
  attributes: Map<string, Buffer[]>;
  /** Unsigned attributes (e.g. the signature time-stamp token of PAdES B-T). */
  unsignedAttributes: Map<string, Buffer[]>;
  signatureAlgorithm: string;
  /** DER of the signature algorithm's parameters, when present (RSASSA-PSS needs them). */
  signatureAlgorithmParameters?: Buffer;
  signature: Buffer;
}

export interface ParsedSignedData {
  /** The CMS object alone, without the zero padding a PDF /Contents carries. */
  der: Buffer;
  certificates: Buffer[];
  encapsulatedContentType: string;
  hasEncapsulatedContent: boolean;
  /** The eContent OCTET STRING's content (a time-stamp token's TSTInfo). */
  encapsulatedContent?: Buffer;
  signers: ParsedSignerInfo[];
}

export function parseSignedData(input: Uint8Array): ParsedSignedData {
  const buffer = Buffer.from(input);
  try {
    const contentInfo = readDer(buffer);
    const der = buffer.subarray(0, contentInfo.end);
    const [type, wrapper] = derChildren(der, contentInfo);
    if (decodeOid(derContent(der, type)) !== Oid.signedData || !wrapper) throw new Error('not a SignedData');
    const signedData = derChildren(der, wrapper)[0];
    const fields = derChildren(der, signedData);
    const encapsulated = derChildren(der, fields[2]);
    const certificateSet = fields.find((f) => f.tag === contextTag(0));
    const signerInfos = fields[fields.length - 1];
    return {
      der,
      certificates: certificateSet ? derChildren(der, certificateSet).map((c) => Buffer.from(derBytes(der, c))) : [],
      encapsulatedContentType: decodeOid(derContent(der, encapsulated[0])),
      hasEncapsulatedContent: encapsulated.length > 1,
      encapsulatedContent: encapsulated.length > 1 ? octetStringContent(der, derChildren(der, encapsulated[1])[0]) : undefined,
      signers: derChildren(der, signerInfos).map((info) => parseSignerInfo(der, info)),
    };
  } catch (error) {
    if (error instanceof SigningError && error.code !== 'PDF_MALFORMED') throw error;
    throw new SigningError('SIGNATURE_INVALID', `Not a valid CMS SignedData object: ${(error as Error).message}`, { cause: error });
  }
}

function parseSignerInfo(der: Buffer, info: DerNode): ParsedSignerInfo {
  const [, sid, digestAlgorithm, ...rest] = derChildren(der, info);
  const signedAttrs = rest[0].tag === contextTag(0) ? rest.shift() : undefined;
  const [signatureAlgorithm, signature, unsignedAttrs] = rest;
  const algorithmParts = derChildren(der, signatureAlgorithm);
  const parsed: ParsedSignerInfo = {
    digestAlgorithm: algorithmOid(der, digestAlgorithm),
    attributes: signedAttrs ? readAttributes(der, signedAttrs) : new Map(),
    unsignedAttributes: unsignedAttrs?.tag === contextTag(1) ? readAttributes(der, unsignedAttrs) : new Map(),
    signatureAlgorithm: algorithmOid(der, signatureAlgorithm),
    signatureAlgorithmParameters: algorithmParts[1] ? Buffer.from(derBytes(der, algorithmParts[1])) : undefined,
    signature: Buffer.from(derContent(der, signature)),
  };
  if (signedAttrs) {
    parsed.signedAttributes = Buffer.from(derBytes(der, signedAttrs));
    parsed.signedAttributes[0] = DerTag.SET;
  }
  if (sid.tag === DerTag.SEQUENCE) {
    const [issuer, serial] = derChildren(der, sid);
    parsed.issuerDer = Buffer.from(derBytes(der, issuer));
    parsed.serialContent = Buffer.from(derContent(der, serial));
  } else {
    parsed.subjectKeyIdentifier = Buffer.from(derContent(der, sid));
  }
  return parsed;
}

/** An OCTET STRING's content; BER producers may split it into a constructed string of segments. */
function octetStringContent(der: Buffer, node: DerNode): Buffer {
  if (!node.constructed) return Buffer.from(derContent(der, node));
  return Buffer.concat(derChildren(der, node).map((segment) => octetStringContent(der, segment)));
}

function algorithmOid(der: Buffer, algorithm: DerNode): string {
  return decodeOid(derContent(der, derChildren(der, algorithm)[0]));
}

function readAttributes(der: Buffer, set: DerNode): Map<string, Buffer[]> {
  const map = new Map<string, Buffer[]>();
  for (const attribute of derChildren(der, set)) {
    const [type, values] = derChildren(der, attribute);
    map.set(decodeOid(derContent(der, type)), derChildren(der, values).map((v) => Buffer.from(derBytes(der, v))));
  }
  return map;
}

/** The content octets of the single messageDigest attribute value. */
export function messageDigestOf(signer: ParsedSignerInfo): Buffer | undefined {
  const value = signer.attributes.get(Oid.messageDigest)?.[0];
  return value ? Buffer.from(derContent(value, readDer(value))) : undefined;
}

/** The first ESSCertIDv2 certificate hash (SHA-256 when no algorithm is given). */
export function signingCertificateHashOf(signer: ParsedSignerInfo): { algorithm: string; hash: Buffer } | undefined {
  const value = signer.attributes.get(Oid.signingCertificateV2)?.[0];
  if (!value) return undefined;
  const certs = derChildren(value, readDer(value))[0];
  const first = derChildren(value, certs)[0];
  const parts = derChildren(value, first);
  const hasAlgorithm = parts[0].tag === DerTag.SEQUENCE;
  return {
    algorithm: hasAlgorithm ? algorithmOid(value, parts[0]) : Oid.sha256,
    hash: Buffer.from(derContent(value, parts[hasAlgorithm ? 1 : 0])),
  };
}
