import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, AuditService, FileService, ReceivedFile } from '@eoffice/core';
import { importPkcs12, parseCertificate, SigningCredentials, summariseCertificate, toPem } from '@eoffice/signing';
import { AppearanceImages } from './appearance-images.service';
import { CertificateChecker } from './certificate-checker.service';
import { CertificateKeyVault } from './certificate-key-vault.service';
import { withCertificateErrors } from './rules/certificate-errors';
import { assertCertificateHolder } from './rules/certificate-holder';
import { CertificateOwner, ownerColumns } from './rules/certificate-owner';
import type { CertificateKind, SigningCertificate } from './signing-certificate.entity';
import { SigningCertificateRepository } from './signing-certificate.repository';

/** A PKCS#12 file with its passphrase and the image its signatures show. Held in memory only; the file's bytes are zeroed once read. */
export interface CertificateMaterial {
  pkcs12: Buffer;
  passphrase: string;
  image: ReceivedFile;
}

export interface CertificateUpload extends CertificateMaterial {
  kind: CertificateKind;
  /** Organisation certificates: the agency; default the administrator's own. */
  agencyId?: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Đăng ký chứng thư số: a person stores their own certificate, an administrator an agency's seal
 * certificate. The key is sealed at rest; neither it nor the passphrase reaches a log, an answer
 * or the audit trail.
 */
@Injectable()
export class CertificateRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: SigningCertificateRepository,
    private readonly organisation: OrganisationScope,
    private readonly checker: CertificateChecker,
    private readonly vault: CertificateKeyVault,
    private readonly images: AppearanceImages,
    private readonly files: FileService,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, input: CertificateUpload): Promise<SigningCertificate> {
    return this.register(await this.ownerFor(actor, input), input, actor.id);
  }

  /** Also the seed's way in (createdBy null). Throws 409 CERTIFICATE_DUPLICATE if the owner has it already. */
  async register(owner: CertificateOwner, material: CertificateMaterial, createdBy: string | null): Promise<SigningCertificate> {
    const credentials = openPkcs12(material);
    await this.checker.check(credentials.certificate, credentials.chain);
    await this.images.assertUsable(owner.kind, material.image);
    const parsed = parseCertificate(credentials.certificate);
    if (owner.kind === 'personal') await this.assertHolder(owner.userId, summariseCertificate(parsed).commonName);
    const fingerprint = parsed.sha256.toString('hex');
    if (await this.certificates.isRegistered(owner, fingerprint)) throw duplicate();
    try {
      return await this.insert(owner, credentials, material.image, createdBy);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw duplicate(); // the same upload twice at once
      throw error;
    }
  }

  /** Ngừng sử dụng: the owner or an administrator; anybody else is told it does not exist. */
  async revoke(actor: Actor, id: string, reason?: string): Promise<SigningCertificate> {
    const certificate = await this.certificates.findById(id);
    if (!certificate || !this.mayManage(actor, certificate)) throw AppError.notFound('chứng thư số (certificate)');
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.certificates.deactivate(manager, id, actor.id))) {
        throw AppError.conflict('CERTIFICATE_INACTIVE', 'Chứng thư số đã ngừng sử dụng (certificate already deactivated)');
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'certificate.revoked',
        entityType: 'signing_certificate',
        entityId: id,
        data: { kind: certificate.kind, fingerprint: certificate.fingerprint, ...(reason ? { reason } : {}) },
      });
      return (await this.certificates.findById(id, manager))!;
    });
  }

  /** A person stores only a certificate issued in their own name: signing with another's would forge it. */
  private async assertHolder(userId: string, commonName: string | undefined): Promise<void> {
    const person = await this.organisation.findActiveUser(userId);
    if (!person) throw AppError.notFound('người dùng (user)');
    assertCertificateHolder(commonName, person.fullName);
  }

  private mayManage(actor: Actor, certificate: SigningCertificate): boolean {
    return this.organisation.canAdminister(actor) || (certificate.kind === 'personal' && certificate.ownerUserId === actor.id);
  }

  /** Personal: oneself, whoever one is. Organisation: administrators only, for an agency (default their own). */
  private async ownerFor(actor: Actor, input: CertificateUpload): Promise<CertificateOwner> {
    if (input.kind === 'personal') {
      if (input.agencyId) throw AppError.validation('agencyId chỉ dùng cho chứng thư của cơ quan', [{ field: 'agencyId', message: 'only for kind=organisation' }]);
      return { kind: 'personal', userId: actor.id };
    }
    this.organisation.assertCanAdminister(actor);
    const agency = await this.organisation.agencyOf(input.agencyId ?? actor.unitId).catch(() => null);
    if (!agency || (input.agencyId && agency.id !== input.agencyId)) {
      throw AppError.validation('agencyId phải là một cơ quan (agencyId is not an agency)', [{ field: 'agencyId', message: 'not an agency' }]);
    }
    return { kind: 'organisation', agencyId: agency.id };
  }

  private insert(owner: CertificateOwner, credentials: SigningCredentials, image: ReceivedFile, createdBy: string | null) {
    const summary = summariseCertificate(parseCertificate(credentials.certificate));
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const columns = ownerColumns(owner);
      const imageFile = await this.files.record(image, createdBy, manager);
      const certificate = await this.certificates.insert(manager, {
        id,
        ...columns,
        subjectCommonName: summary.commonName ?? null,
        subject: summary.subject,
        issuer: summary.issuer,
        serialNumber: summary.serialNumber,
        fingerprint: summary.sha256Fingerprint,
        notBefore: new Date(summary.validFrom),
        notAfter: new Date(summary.validTo),
        certificatePem: toPem(credentials.certificate),
        chainPems: credentials.chain.map((der) => toPem(der)),
        encryptedPrivateKey: this.vault.seal({ id, ...columns }, credentials.privateKey),
        imageFileId: imageFile.id,
        createdBy,
      });
      await this.audit.record(manager, {
        actorId: createdBy,
        action: 'certificate.registered',
        entityType: 'signing_certificate',
        entityId: id,
        data: { ...columns, ...summary, imageSha256: imageFile.sha256 },
      });
      return certificate;
    });
  }
}

function openPkcs12(material: CertificateMaterial): SigningCredentials {
  try {
    return withCertificateErrors(() => importPkcs12(material.pkcs12, material.passphrase));
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Key types node cannot load, and the like: still the file's fault, never the server's.
    throw new AppError(400, 'PKCS12_INVALID', 'Không đọc được khóa trong tệp PKCS#12 (unreadable key in the PKCS#12 file)');
  } finally {
    material.pkcs12.fill(0);
  }
}

function duplicate(): AppError {
  return AppError.conflict(
    'CERTIFICATE_DUPLICATE',
    'Chứng thư số này đã được đăng ký; chứng thư đã ngừng sử dụng không đăng ký lại được (certificate already registered for this owner)',
  );
}
