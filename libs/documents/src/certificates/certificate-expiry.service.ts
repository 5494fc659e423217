import { Injectable } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { JobName, OnJob } from '@eoffice/core';
import { vietnamDate } from '@eoffice/vietnamese';
import { CertificateExpiryNotices } from './expiry-notices';
import { expiryDedupeKey, ExpiryThreshold, expiryThreshold, expiryTitle, expiryWindowEnd } from './rules/expiry-reminder';
import type { SigningCertificate } from './signing-certificate.entity';
import { SigningCertificateRepository } from './signing-certificate.repository';

const BATCH = 500;

/**
 * Every morning: the owner of an active certificate ending within 30 days is told, once per
 * threshold (30 days, 7 days, expired); for an agency's seal certificate, its administrators.
 */
@Injectable()
export class CertificateExpiryService {
  constructor(
    private readonly certificates: SigningCertificateRepository,
    private readonly notices: CertificateExpiryNotices,
    private readonly organisation: OrganisationScope,
  ) {}

  @OnJob(JobName.certificateExpiryReminders)
  async remindExpiring(): Promise<number> {
    const now = new Date();
    let sent = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.certificates.findActiveEndingBefore(expiryWindowEnd(now), afterId, BATCH);
      if (batch.length === 0) return sent;
      for (const certificate of batch) {
        const threshold = expiryThreshold(certificate.notAfter, now);
        if (threshold !== null) sent += await this.remind(certificate, threshold);
      }
      afterId = batch[batch.length - 1].id;
    }
  }

  private async remind(certificate: SigningCertificate, threshold: ExpiryThreshold): Promise<number> {
    const name = certificate.subjectCommonName ?? certificate.subject;
    const who = `${certificate.kind === 'personal' ? 'chứng thư cá nhân' : 'chứng thư của cơ quan'} “${name}”, số hiệu ${certificate.serialNumber}`;
    const title = expiryTitle(who, vietnamDate(certificate.notAfter), threshold).slice(0, 1200);
    const dedupeKey = expiryDedupeKey(certificate.id, threshold);
    const recipients = await this.recipientsOf(certificate);
    return this.notices.tell(recipients.map((userId) => ({ userId, certificateId: certificate.id, title, dedupeKey })));
  }

  private async recipientsOf(certificate: SigningCertificate): Promise<string[]> {
    if (certificate.kind === 'organisation') return this.organisation.administratorIdsFor(certificate.ownerAgencyId!);
    const owner = await this.organisation.findActiveUser(certificate.ownerUserId!);
    return owner ? [owner.id] : [];
  }
}
