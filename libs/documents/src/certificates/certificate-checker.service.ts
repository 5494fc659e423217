import { Injectable } from '@nestjs/common';
import { CertificateCheckOptions, CertificateInput, CertificateSummary, checkCertificate, summariseCertificate } from '@eoffice/signing';
import { withCertificateErrors } from './rules/certificate-errors';
import { TrustStore } from './trust-store.service';

/**
 * One check for every moment a certificate matters — upload, loading a stored signer, a token's
 * certificate: dates, key usage, and, when trust anchors are configured, the chain to them and
 * the CRLs. Throws the API's answer (CERTIFICATE_EXPIRED, CERTIFICATE_UNTRUSTED, ...).
 */
@Injectable()
export class CertificateChecker {
  constructor(private readonly trust: TrustStore) {}

  async check(certificate: CertificateInput, chain: readonly CertificateInput[], at = new Date()): Promise<CertificateSummary> {
    const options: CertificateCheckOptions = this.trust.hasAnchors
      ? { ...(await this.trust.trustOptions()), intermediates: [...chain], at }
      : // Nothing is configured to trust: the certificate stands for itself, so only dates and usage count.
        { trustAnchors: [certificate], at };
    return withCertificateErrors(() => summariseCertificate(checkCertificate(certificate, options).certificate));
  }
}
