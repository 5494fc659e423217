import type { KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { EdxmlRefusal } from './edxml-errors';
import { XMLDSIG_NS } from './edxml-limits';
import { parseStrictXml } from './xml-strict';

const ALGORITHMS = {
  canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
};

export interface EnvelopeSigner {
  privateKey: KeyObject | string;
  /** The agency's certificate (PEM), published in KeyInfo for the reader's information only. */
  certificatePem: string;
}

/**
 * Signs the whole envelope (reference URI "", enveloped) and puts the signature at the end of
 * edXMLHeader, where QCVN 102 places it. Everything the receiver reads is under this one reference.
 */
export function signEnvelope(xml: string, signer: EnvelopeSigner): string {
  const privateKey = typeof signer.privateKey === 'string' ? signer.privateKey : signer.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const sig = new SignedXml({
    privateKey,
    publicCert: signer.certificatePem,
    canonicalizationAlgorithm: ALGORITHMS.canonicalization,
    signatureAlgorithm: ALGORITHMS.signature,
  });
  sig.addReference({ xpath: '/*', isEmptyUri: true, digestAlgorithm: ALGORITHMS.digest, transforms: [ALGORITHMS.enveloped, ALGORITHMS.canonicalization] });
  sig.computeSignature(xml, { location: { reference: "/*/*[local-name(.)='edXMLHeader']", action: 'append' } });
  return sig.getSignedXml();
}

/**
 * Verifies the envelope's signature with the certificate the directory holds for the sender — never
 * with the one the package carries — and answers the document as signed: one Signature, one
 * Reference covering the whole envelope, so no unsigned element can be read afterwards.
 */
export function verifyEnvelope(xml: string, doc: Document, senderCertificatePem: string): Document {
  const signatures = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Signature');
  if (signatures.length !== 1) throw signatureInvalid(`${signatures.length} chữ ký (signatures)`);
  const references = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Reference');
  if (references.length !== 1 || references[0].getAttribute('URI') !== '') throw signatureInvalid('chữ ký không phủ toàn bộ gói (the reference must be the whole envelope)');
  const sig = new SignedXml({ publicCert: senderCertificatePem, getCertFromKeyInfo: () => null });
  let valid: boolean;
  try {
    sig.loadSignature(signatures[0] as unknown as Node);
    valid = sig.checkSignature(xml);
  } catch (error) {
    throw signatureInvalid(error instanceof Error ? error.message : String(error));
  }
  const signed = sig.getSignedReferences();
  if (!valid || signed.length !== 1) throw signatureInvalid('chữ ký không khớp (the signature does not verify)');
  return parseStrictXml(signed[0]);
}

function signatureInvalid(why: string): EdxmlRefusal {
  return new EdxmlRefusal('EDXML_SIGNATURE_INVALID', `Chữ ký số của gói tin không hợp lệ: ${why}`);
}
