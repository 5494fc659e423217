import { TrustOptions } from '../src/certificates/certificate-checker';
import { importPkcs12 } from '../src/certificates/pkcs12-importer';
import { SigningCredentials } from '../src/certificates/signing-credentials';
import { createDemoPki, DemoPki } from '../src/demo/demo-pki';

export interface TestPki {
  pki: DemoPki;
  leader: SigningCredentials;
  agency: SigningCredentials;
  trust: TrustOptions;
}

/** The demo PKI with both PKCS#12 files opened; create once per spec file (RSA-2048 key generation). */
export function createTestPki(): TestPki {
  const pki = createDemoPki();
  return {
    pki,
    leader: importPkcs12(pki.leader.p12, pki.leader.passphrase),
    agency: importPkcs12(pki.agency.p12, pki.agency.passphrase),
    trust: { trustAnchors: [pki.ca.certificate] },
  };
}

/**
 * For hooks that create the PKI and sign: three RSA-2048 keys and node-forge's PKCS#12 take a
 * second alone, several on the shared 2-core machine while other suites run.
 */
export const PKI_SETUP_TIMEOUT_MS = 60_000;

export const AGENCY_NAME = 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh';
export const LEADER_NAME = 'Nguyễn Văn Đức';
