import { randomBytes } from 'node:crypto';
import { createDemoSealPng, createDemoSignaturePng } from './demo-images';
import { createDemoCa, DemoIdentity, exportPkcs12, issueDemoCertificate } from './demo-certificates';

export interface DemoPkcs12 {
  p12: Buffer;
  passphrase: string;
  /** DER, also inside the PKCS#12; handy for showing the subject without opening the file. */
  certificate: Buffer;
}

export interface DemoPki {
  /** The demo root CA: configure its certificate as the trust anchor of a demo installation. */
  ca: DemoIdentity;
  leader: DemoPkcs12;
  agency: DemoPkcs12;
  /** Blue transparent handwritten signature of the leader. */
  signatureImage: Buffer;
  /** Red transparent round seal, 36 mm, with its real size recorded in the PNG (pHYs). */
  sealImage: Buffer;
}

export interface DemoPkiOptions {
  leaderName?: string;
  agencyName?: string;
  now?: Date;
}

/**
 * A complete local PKI for the demo seed: CA, the leader's personal certificate and the agency's
 * organisation certificate, as PKCS#12 files with random passphrases, plus the two images.
 */
export function createDemoPki(options: DemoPkiOptions = {}): DemoPki {
  const agencyName = options.agencyName ?? 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh';
  const ca = createDemoCa(undefined, options.now);
  const leader = issueDemoCertificate(ca, { commonName: options.leaderName ?? 'Nguyễn Văn Đức', organisation: agencyName }, options.now);
  const agency = issueDemoCertificate(ca, { commonName: agencyName, organisation: agencyName }, options.now);
  return {
    ca,
    leader: packPkcs12(leader, ca, 'leader'),
    agency: packPkcs12(agency, ca, 'agency'),
    signatureImage: createDemoSignaturePng(),
    sealImage: createDemoSealPng(),
  };
}

function packPkcs12(identity: DemoIdentity, ca: DemoIdentity, friendlyName: string): DemoPkcs12 {
  const passphrase = randomBytes(18).toString('base64url');
  return { p12: exportPkcs12(identity, [ca.certificate], passphrase, friendlyName), passphrase, certificate: identity.certificate };
}
