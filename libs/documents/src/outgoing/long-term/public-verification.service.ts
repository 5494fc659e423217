import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, FileService, RateLimitStore } from '@eoffice/core';
import { PadesLevel, verifyPdfSignatures } from '@eoffice/signing';
import { SigningCertificateService } from '../../certificates';
import { OutgoingDocument } from '../entities/outgoing-document.entity';

/** 16 random bytes, base64url: 22 characters that say nothing about the document and cannot be guessed. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const WINDOW_MS = 60_000;
const COUNT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if n > tonumber(ARGV[2]) then return redis.call('PTTL', KEYS[1]) end
return 0`;

export interface PublicSigner {
  name: string | null;
  role: 'signer' | 'agency' | 'timestamp';
  signedAt: string | null;
  /** The time-stamp's time the signature is judged at (null without a time-stamp). */
  provenAt: string | null;
  level: PadesLevel | null;
  valid: boolean;
  validLongTerm: boolean;
}

export interface PublicVerification {
  numberSymbol: string;
  issuedAt: string;
  issuer: string;
  /** Omitted (null) for a confidential document: the page shows no content of it. */
  subject: string | null;
  confidential: boolean;
  status: 'issued' | 'dispatched' | 'recalled';
  recalledAt: string | null;
  recallReason: string | null;
  signers: PublicSigner[];
  /** Every signature of the stored file is intact and trusted, and later revisions hold only allowed changes (validation data, time-stamps). */
  verifies: boolean;
  /** SHA-256 of the stored issued file the answer is about. */
  sha256: string;
  checkedAt: string;
}

export class VerificationRateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'VERIFICATION_RATE_LIMITED', `Tra cứu quá nhiều lần, vui lòng thử lại sau ${retryAfterSeconds} giây (too many look-ups, retry after ${retryAfterSeconds} s)`);
  }
}

const notFound = (): AppError =>
  new AppError(404, 'VERIFICATION_NOT_FOUND', 'Mã xác thực không đúng hoặc không tồn tại (no document has this verification code)');

/**
 * Tra cứu văn bản: the public answer behind the link and QR code printed on an issued copy.
 * Unauthenticated, limited per address, found only by its random token (a forged or guessed one
 * is 404 like a missing one), and bound to the stored file: it says whether that file's signatures
 * still verify now, and at which time-stamp each one is judged.
 */
@Injectable()
export class PublicVerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly files: FileService,
    private readonly keyring: SigningCertificateService,
    private readonly limits: RateLimitStore,
  ) {}

  newToken(): string {
    return randomBytes(16).toString('base64url');
  }

  /** The link printed on the document, or undefined when PUBLIC_VERIFY_BASE_URL is not set. */
  linkFor(token: string): string | undefined {
    const base = this.config.PUBLIC_VERIFY_BASE_URL;
    return base ? `${base.replace(/\/+$/, '')}/verify/${token}` : undefined;
  }

  async verify(token: string, clientAddress: string): Promise<PublicVerification> {
    const wait = await this.limits.eval('public-verify', COUNT, [`verify:${clientAddress}`], [WINDOW_MS, this.config.PUBLIC_VERIFY_PER_MINUTE]);
    if (wait && wait > 0) throw new VerificationRateLimitedError(Math.max(1, Math.ceil(wait / 1000)));
    if (!TOKEN_PATTERN.test(token)) throw notFound();
    const document = await this.dataSource.getRepository(OutgoingDocument).createQueryBuilder('d')
      .where('d.verification_token = :token', { token })
      .andWhere('d.issued_file_id IS NOT NULL')
      .getOne();
    if (!document?.issuedFileId || !document.issuedAt || !document.numberSymbol) throw notFound();
    const [file, agency] = await Promise.all([
      this.files.get(document.issuedFileId),
      this.dataSource.query<Array<{ name: string }>>('SELECT name FROM unit WHERE id = $1', [document.agencyId]),
    ]);
    const bytes = await this.files.readBytes(file);
    const report = verifyPdfSignatures(bytes, await this.keyring.trustOptions());
    const signatures = report.signatures.filter((s) => s.kind === 'signature');
    const confidential = document.confidentiality !== 'normal';
    return {
      numberSymbol: document.numberSymbol,
      issuedAt: document.issuedAt.toISOString(),
      issuer: agency[0]?.name ?? '',
      subject: confidential ? null : document.subject,
      confidential,
      status: document.status === 'recalled' || document.recalledAt ? 'recalled' : document.dispatchedAt ? 'dispatched' : 'issued',
      recalledAt: document.recalledAt?.toISOString() ?? null,
      recallReason: confidential ? null : document.recallReason,
      signers: report.signatures.map((s, i) => ({
        name: s.signerName ?? null,
        role: s.kind === 'documentTimestamp' ? 'timestamp' : i === 0 ? 'signer' : 'agency',
        signedAt: s.signedAt ?? null,
        provenAt: s.longTerm?.provenAt ?? s.timestamp?.time ?? null,
        level: s.longTerm?.level ?? null,
        valid: s.intact && s.certificateTrusted,
        validLongTerm: s.longTerm?.validLongTerm ?? false,
      })),
      verifies: signatures.length > 0 && report.signatures.every((s) => s.intact && s.certificateTrusted)
        && report.onlyAllowedChangesAfterFirstSignature,
      sha256: file.sha256,
      checkedAt: new Date().toISOString(),
    };
  }
}
