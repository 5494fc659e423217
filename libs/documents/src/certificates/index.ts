// Area "certificates": what outgoing signing, filing and notifications may use.
export { CertificatesModule } from './certificates.module';
export * from './signing-certificate.entity';
export type { CertificateOwner } from './rules/certificate-owner';
export { CERTIFICATE_UPLOAD_LIMITS } from './rules/upload-limits';
export { appearanceImageProblem } from './rules/appearance-image';
export { assertCertificateHolder } from './rules/certificate-holder';
export { certificateAppError } from './rules/certificate-errors';
export * from './certificate-registration.service';
export * from './certificate-query.service';
export * from './certificate-expiry.service';
export * from './expiry-notices';
export * from './signing-certificate.service';
