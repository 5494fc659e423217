import { sign } from 'node:crypto';
import { parseCertificate } from '../certificates/certificate-parser';
import { derAlgorithm, derElement, derInteger, derSequence } from '../crypto/der-writer';
import { DerTag } from '../crypto/der-reader';
import { Oid } from '../crypto/oids';
import { DemoIdentity } from './demo-certificates';

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return derElement(DerTag.UTC_TIME, Buffer.from(text, 'latin1'));
}

export interface DemoRevocation {
  /** DER of the revoked certificate */
  certificate: Buffer;
  revokedAt: Date;
}

/** A CRL signed by the demo CA, to exercise offline revocation checks. */
export function createDemoCrl(ca: DemoIdentity, revocations: DemoRevocation[], now = new Date()): Buffer {
  const issuer = parseCertificate(ca.certificate);
  const algorithm = derAlgorithm(Oid.sha256WithRsa, true);
  const entries = revocations.map((r) => derSequence(parseCertificate(r.certificate).serialNumberDer, utcTime(r.revokedAt)));
  const tbs = derSequence(
    derInteger(1), // v2
    algorithm,
    issuer.subjectDer,
    utcTime(now),
    utcTime(new Date(now.getTime() + 7 * 86_400_000)),
    ...(entries.length > 0 ? [derSequence(...entries)] : []),
  );
  const signature = sign('sha256', tbs, ca.privateKey);
  return derSequence(tbs, algorithm, derElement(DerTag.BIT_STRING, Buffer.concat([Buffer.from([0]), signature])));
}
