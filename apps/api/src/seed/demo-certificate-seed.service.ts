import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { UserDirectoryService } from '@eoffice/accounts';
import { AppError, FileReceiver, MediaType } from '@eoffice/core';
import { CERTIFICATE_UPLOAD_LIMITS, CertificateOwner, CertificateRegistrationService } from '@eoffice/documents';
import type { DemoCertificateEntry, DemoPkiManifest } from './demo-pki-files';

/**
 * Registers the demo PKI's certificates for their owners, through the same checks as an upload,
 * so a fresh `npm run up` can sign. One already registered is skipped: safe to run again.
 */
@Injectable()
export class DemoCertificateSeedService {
  private readonly logger = new Logger(DemoCertificateSeedService.name);

  constructor(
    private readonly directory: UserDirectoryService,
    private readonly registration: CertificateRegistrationService,
    private readonly receiver: FileReceiver,
  ) {}

  /** Returns how many were registered now. */
  async register(dir: string, manifest: DemoPkiManifest): Promise<number> {
    let registered = 0;
    for (const entry of manifest.certificates) {
      const owner = await this.ownerOf(entry);
      if (!owner) {
        this.logger.warn(`Demo certificate ${entry.pkcs12} not registered: no ${entry.kind} owner "${entry.owner}"`);
        continue;
      }
      if (await this.registerOne(dir, entry, owner)) registered += 1;
    }
    return registered;
  }

  private async registerOne(dir: string, entry: DemoCertificateEntry, owner: CertificateOwner): Promise<boolean> {
    const image = await this.receiver.receive(createReadStream(join(dir, entry.image)), {
      maxBytes: CERTIFICATE_UPLOAD_LIMITS.imageBytes,
      allowedTypes: [MediaType.png],
      originalName: entry.image,
    });
    const material = { pkcs12: readFileSync(join(dir, entry.pkcs12)), passphrase: entry.passphrase, image };
    try {
      await this.registration.register(owner, material, null);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'CERTIFICATE_DUPLICATE') return false;
      throw error;
    }
  }

  private async ownerOf(entry: DemoCertificateEntry): Promise<CertificateOwner | null> {
    if (entry.kind === 'organisation') {
      const agency = await this.directory.findAgencyByCode(entry.owner);
      return agency ? { kind: 'organisation', agencyId: agency.id } : null;
    }
    const user = await this.directory.findUserByUsername(entry.owner);
    return user?.active ? { kind: 'personal', userId: user.id } : null;
  }
}
