import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { CertificateSummary, parseCertificate, SigningCredentials, TrustOptions } from '@eoffice/signing';
import { AppearanceImages } from './appearance-images.service';
import { CertificateChecker } from './certificate-checker.service';
import { CertificateKeyVault } from './certificate-key-vault.service';
import { decodePresentedCertificate } from './rules/certificate-text';
import type { CertificateOwner } from './rules/certificate-owner';
import { chooseSigningCertificate, SignerChoiceProblem } from './rules/signer-choice';
import type { SigningCertificate } from './signing-certificate.entity';
import { SigningCertificateRepository } from './signing-certificate.repository';
import { TrustStore } from './trust-store.service';

/** Everything a signature needs: the key opened for this one use, its certificate and chain, and the image. */
export interface LoadedSigner {
  certificate: SigningCertificate;
  credentials: SigningCredentials;
  /** Blue signature (personal) or red seal (organisation), transparent PNG; every stored certificate has one. */
  image: Buffer;
}

const CHOICE_MESSAGES: Record<SignerChoiceProblem, string> = {
  CERTIFICATE_MISSING: 'Chưa có chứng thư số đang sử dụng; hãy tải lên chứng thư (no active signing certificate)',
  CERTIFICATE_EXPIRED: 'Mọi chứng thư số đang sử dụng đều đã hết hạn; hãy tải lên chứng thư mới (every active certificate has expired)',
  CERTIFICATE_NOT_YET_VALID: 'Chứng thư số chưa đến ngày có hiệu lực (no active certificate is valid yet)',
};

/**
 * The stored certificates as signing sees them: whose key signs, checked again at the moment of
 * use (dates, trust, CRLs), and the trust material for verification. Callers decide whether the
 * person may sign the document; this service only answers whose certificate it would be.
 */
@Injectable()
export class SigningCertificateService {
  constructor(
    private readonly certificates: SigningCertificateRepository,
    private readonly checker: CertificateChecker,
    private readonly vault: CertificateKeyVault,
    private readonly images: AppearanceImages,
    private readonly trust: TrustStore,
  ) {}

  /**
   * The actor's own active personal certificate: the one named, or the newest valid one.
   * 404 NOT_FOUND if the named one is not theirs; 400 CERTIFICATE_MISSING, CERTIFICATE_INACTIVE,
   * CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID, CERTIFICATE_UNTRUSTED, CERTIFICATE_REVOKED.
   * Inside a transaction pass its manager: every read then uses the transaction's connection.
   */
  async personalSigner(actor: Actor, certificateId?: string, manager?: EntityManager): Promise<LoadedSigner> {
    const owner: CertificateOwner = { kind: 'personal', userId: actor.id };
    return this.load(certificateId ? await this.named(actor, certificateId, manager) : await this.newestValid(owner, manager), manager);
  }

  /** The agency's active organisation certificate with its seal image; the same checks and errors. */
  async organisationSigner(agencyId: string, manager?: EntityManager): Promise<LoadedSigner> {
    return this.load(await this.newestValid({ kind: 'organisation', agencyId }, manager), manager);
  }

  /**
   * Deferred signing: the certificate a signer's token presents (PEM or base64 DER), checked
   * against time, key usage, trust anchors and CRLs. 400 CERTIFICATE_INVALID and the codes above.
   */
  async checkPresentedCertificate(certificate: string, chain: readonly Buffer[] = []): Promise<CertificateSummary> {
    return this.checker.check(decodePresentedCertificate(certificate), chain);
  }

  /** The image of the person's newest active personal certificate, for a signature made by their token. */
  async signatureImageOf(userId: string, manager?: EntityManager): Promise<Buffer | null> {
    const newest = (await this.certificates.findForOwner({ kind: 'personal', userId }, manager)).find((c) => c.active);
    return newest ? this.images.load(newest.imageFileId, manager) : null;
  }

  /** Trust anchors and CRLs for verifyPdfSignatures and for the signing functions' `trust` option. */
  trustOptions(): Promise<TrustOptions> {
    return this.trust.trustOptions();
  }

  private async named(actor: Actor, id: string, manager?: EntityManager): Promise<SigningCertificate> {
    const certificate = await this.certificates.findById(id, manager);
    if (!certificate || certificate.kind !== 'personal' || certificate.ownerUserId !== actor.id) {
      throw AppError.notFound('chứng thư số (certificate)');
    }
    if (!certificate.active) {
      throw new AppError(400, 'CERTIFICATE_INACTIVE', 'Chứng thư số đã ngừng sử dụng (certificate deactivated)');
    }
    return certificate;
  }

  private async newestValid(owner: CertificateOwner, manager?: EntityManager): Promise<SigningCertificate> {
    const choice = chooseSigningCertificate(await this.certificates.findForOwner(owner, manager), new Date());
    if (typeof choice === 'string') throw new AppError(400, choice, CHOICE_MESSAGES[choice]);
    return choice;
  }

  private async load(certificate: SigningCertificate, manager?: EntityManager): Promise<LoadedSigner> {
    await this.checker.check(certificate.certificatePem, certificate.chainPems);
    const sealed = await this.certificates.findSealedKey(certificate.id, manager);
    return {
      certificate,
      credentials: {
        privateKey: this.vault.open(certificate, sealed),
        certificate: parseCertificate(certificate.certificatePem).der,
        chain: certificate.chainPems.map((pem) => parseCertificate(pem).der),
      },
      image: await this.images.load(certificate.imageFileId, manager),
    };
  }
}
