import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppearanceImages } from './appearance-images.service';
import { CertificateChecker } from './certificate-checker.service';
import { CertificateExpiryService } from './certificate-expiry.service';
import { CertificateKeyVault } from './certificate-key-vault.service';
import { CertificateQueryService } from './certificate-query.service';
import { CertificateRegistrationService } from './certificate-registration.service';
import { SigningCertificate } from './signing-certificate.entity';
import { SigningCertificateRepository } from './signing-certificate.repository';
import { SigningCertificateService } from './signing-certificate.service';
import { TrustStore } from './trust-store.service';

/**
 * Chứng thư số: registered signing certificates, their keys, trust and expiry. Expiry reminders go
 * out through the CertificateExpiryNotices port (notifications implements it).
 */
@Module({
  imports: [TypeOrmModule.forFeature([SigningCertificate])],
  providers: [
    SigningCertificateRepository,
    TrustStore,
    CertificateChecker,
    CertificateKeyVault,
    AppearanceImages,
    CertificateRegistrationService,
    CertificateQueryService,
    SigningCertificateService,
    CertificateExpiryService,
  ],
  exports: [CertificateRegistrationService, CertificateQueryService, SigningCertificateService, CertificateExpiryService],
})
export class CertificatesModule {}
