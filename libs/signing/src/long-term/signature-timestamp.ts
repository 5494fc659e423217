import { createHash } from 'node:crypto';
import { SigningError } from '../errors/signing-error';
import { attribute } from '../crypto/cms-builder';
import { parseSignedData } from '../crypto/cms-parser';
import { contextTag, derBytes, derChildren, readDer } from '../crypto/der-reader';
import { derExplicit, derSequence, derSetOf } from '../crypto/der-writer';
import { Oid } from '../crypto/oids';
import { UpdatedPdf } from '../pdf/updated-pdf';
import { ByteRange, embedCmsInPlace } from '../signature/signature-placeholder';
import { requestTimestamp, TimestampAuthoritySettings } from './tsa-client';
import { TimestampToken } from './timestamp-token';

/**
 * Adds an unsigned attribute to the single SignerInfo of a CMS SignedData, re-encoding only the
 * enclosing lengths: the signed parts (signed attributes, signature value, certificates) keep
 * their exact bytes, so the signature still verifies.
 */
export function addUnsignedAttribute(cms: Buffer, oid: string, value: Buffer): Buffer {
  const contentInfo = readDer(cms);
  const [type, wrapper] = derChildren(cms, contentInfo);
  const signedData = derChildren(cms, wrapper)[0];
  const fields = derChildren(cms, signedData);
  const signerInfos = fields[fields.length - 1];
  const infos = derChildren(cms, signerInfos);
  if (infos.length !== 1) throw new SigningError('SIGNATURE_INVALID', `Expected one signer, found ${infos.length}`);
  const parts = derChildren(cms, infos[0]);
  const existing = parts.find((p) => p.tag === contextTag(1));
  const unsigned = [...(existing ? derChildren(cms, existing).map((a) => derBytes(cms, a)) : []), attribute(oid, value)];
  const signerInfo = derSequence(...parts.filter((p) => p !== existing).map((p) => derBytes(cms, p)), derSetOf(unsigned, contextTag(1)));
  const rebuilt = derSequence(...fields.slice(0, -1).map((f) => derBytes(cms, f)), derSetOf([signerInfo]));
  return derSequence(derBytes(cms, type), derExplicit(0, rebuilt));
}

/** Where a signing step left its signature: the /ByteRange it wrote into the revision `tail`. */
export function lastByteRange(pdf: UpdatedPdf): ByteRange {
  const text = pdf.tail.toString('latin1');
  const at = text.lastIndexOf('/ByteRange [');
  const match = at >= 0 ? /^\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text.slice(at)) : null;
  if (!match) throw new SigningError('FIELD_MISSING', 'The last revision holds no signature to time-stamp');
  const byteRange = match.slice(1).map(Number) as ByteRange;
  if (byteRange[1] < pdf.headLength || byteRange[2] + byteRange[3] !== pdf.length) {
    throw new SigningError('INVALID_ARGUMENT', 'Only the signature of the revision just written can be time-stamped in place');
  }
  return byteRange;
}

/**
 * PAdES B-T for a signature just made (ETSI EN 319 142-1 §5.3): the TSA stamps the SHA-256 of the
 * signature value, and the token goes into the SignerInfo's unsigned attributes. /Contents lies
 * outside the signed byte range, so the CMS is rewritten in place in the step's own revision —
 * nothing is appended and no signed byte changes. Must run before anything else is appended.
 */
export async function timestampLastSignature(pdf: UpdatedPdf, tsa: TimestampAuthoritySettings): Promise<{ pdf: UpdatedPdf; token: TimestampToken }> {
  const byteRange = lastByteRange(pdf);
  const offset = byteRange[1] + 1 - pdf.headLength;
  const hex = pdf.tail.toString('latin1', offset, offset + byteRange[2] - byteRange[1] - 2);
  const cms = parseSignedData(Buffer.from(hex, 'hex'));
  const signer = cms.signers[0];
  if (!signer) throw new SigningError('SIGNATURE_INVALID', 'The signature has no signer');
  if (signer.unsignedAttributes.has(Oid.signatureTimeStampToken)) throw new SigningError('INVALID_ARGUMENT', 'The signature is already time-stamped');
  const token = await requestTimestamp(tsa, createHash('sha256').update(signer.signature).digest());
  const stamped = addUnsignedAttribute(cms.der, Oid.signatureTimeStampToken, token.der);
  if (stamped.length * 2 > hex.length) {
    throw new SigningError('SIGNATURE_TOO_LARGE', `The time-stamped signature needs ${stamped.length} bytes but only ${hex.length / 2} were reserved`);
  }
  // The rest of the reserved space stays zero padding, as the signer left it.
  embedCmsInPlace(pdf.tail, pdf.headLength, byteRange, stamped);
  // A fresh object: an earlier toBuffer() of `pdf` holds the CMS without the token.
  return { pdf: new UpdatedPdf(pdf.earlier, pdf.tail), token };
}
