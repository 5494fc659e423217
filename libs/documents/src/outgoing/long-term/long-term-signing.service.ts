import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, LessThan, Not } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, FileService, JobName, JobPayloads, MediaType, OnJob } from '@eoffice/core';
import {
  addDocumentTimestamp, addValidationData, isSigningError, PadesLevel, SigningError, timestampLastSignature,
  TimestampAuthoritySettings, TrustOptions, UpdatedPdf,
} from '@eoffice/signing';
import { SigningCertificateService } from '../../certificates';
import { OutgoingDocument } from '../entities/outgoing-document.entity';
import type { OutgoingAppendix } from '../entities/outgoing-appendix.entity';
import { OutgoingAppendixRepository } from '../outgoing-appendix.repository';

const DAY_MS = 86_400_000;

const LEVELS: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];
/** The weakest of several files' levels (a document and its appendices). */
export const lowestLevel = (levels: PadesLevel[]): PadesLevel => LEVELS[Math.min(...levels.map((l) => LEVELS.indexOf(l)))];

/** What the issue stores about the issued file's long-term validity. */
export interface LongTermOutcome {
  pdf: UpdatedPdf;
  level: PadesLevel;
  /** Why the level is below B-LT; null when it is not (or no TSA is configured). */
  warning: string | null;
  stampedUntil: Date | null;
  /** A job should upgrade the file later (the TSA or OCSP responder was down). */
  upgradeLater: boolean;
}

interface ExtendedFile {
  pdf: UpdatedPdf;
  warnings: string[];
  stampedUntil: Date | null;
}

export const longTermUnavailable = (what: string, cause: string): AppError =>
  new AppError(503, 'LONG_TERM_UNAVAILABLE', `Không lấy được ${what}, chưa ban hành được văn bản (SIGNING_LONG_TERM_REQUIRED): ${cause}`);

/**
 * PAdES long-term validity of issued documents. Right after the agency's signature the TSA stamps
 * it in place (B-T) and a DSS revision adds the certificates and OCSP answers (B-LT). A TSA or OCSP
 * responder that is down leaves the document at B-B/B-T with a warning and a job that upgrades it
 * (DSS + document time-stamp) — or refuses the issue when SIGNING_LONG_TERM_REQUIRED. The nightly
 * refresh re-time-stamps records (B-LTA) before their last time-stamp's certificate expires.
 */
@Injectable()
export class LongTermSigningService {
  private readonly logger = new Logger(LongTermSigningService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly files: FileService,
    private readonly keyring: SigningCertificateService,
    private readonly appendices: OutgoingAppendixRepository,
  ) {}

  get retryDelayMs(): number {
    return this.config.SIGNING_LONG_TERM_RETRY_SECONDS * 1000;
  }

  get enabled(): boolean {
    return !!this.config.SIGNING_TSA_URL;
  }

  private get tsa(): TimestampAuthoritySettings {
    return { url: this.config.SIGNING_TSA_URL as string, timeoutMs: this.config.SIGNING_LONG_TERM_TIMEOUT_SECONDS * 1000 };
  }

  private validation(trust: TrustOptions) {
    return { trust, ocsp: { url: this.config.SIGNING_OCSP_URL, timeoutMs: this.config.SIGNING_LONG_TERM_TIMEOUT_SECONDS * 1000 }, revocationRequired: this.config.SIGNING_LONG_TERM_REQUIRED };
  }

  /**
   * B-T for the leader's signature just made (any provider), best effort: without a time-stamp it
   * stays B-B until the upgrade covers it with a document time-stamp.
   */
  async stampSignature(signed: UpdatedPdf): Promise<UpdatedPdf> {
    if (!this.enabled) return signed;
    try {
      return (await timestampLastSignature(signed, this.tsa)).pdf;
    } catch (error) {
      if (!isSigningError(error)) throw error;
      this.logger.warn({ code: error.code, error: error.message }, 'leader signature left at B-B');
      return signed;
    }
  }

  /** B-T then B-LT for the signature just made; `sealed` must end with that signature's revision. */
  async afterSeal(sealed: UpdatedPdf, trust: TrustOptions): Promise<LongTermOutcome> {
    if (!this.enabled) return { pdf: sealed, level: 'B-B', warning: null, stampedUntil: null, upgradeLater: false };
    let stamped: Awaited<ReturnType<typeof timestampLastSignature>>;
    try {
      stamped = await timestampLastSignature(sealed, this.tsa);
    } catch (error) {
      if (!isTsaOrOcspError(error)) throw error;
      if (this.config.SIGNING_LONG_TERM_REQUIRED) throw longTermUnavailable('dấu thời gian (TSA)', error.message);
      return { pdf: sealed, level: 'B-B', warning: `TSA: ${error.message}`, stampedUntil: null, upgradeLater: true };
    }
    const stampedUntil = stamped.token.tsaCertificate?.notAfter ?? null;
    try {
      const withDss = await addValidationData(stamped.pdf, this.validation(trust));
      const warning = withDss.warnings.length ? `OCSP: ${withDss.warnings.join('; ')}` : null;
      return { pdf: withDss.pdf, level: warning ? 'B-T' : 'B-LT', warning, stampedUntil, upgradeLater: !!warning };
    } catch (error) {
      if (isSigningError(error, 'CERTIFICATE_REVOKED')) {
        throw new AppError(400, 'CERTIFICATE_REVOKED', `Chứng thư số đã bị thu hồi (OCSP): ${error.message}`);
      }
      if (!isTsaOrOcspError(error)) throw error;
      throw longTermUnavailable('trạng thái chứng thư (OCSP)', error.message);
    }
  }

  /** Queued by an issue that stayed below B-LT: validation data and a document time-stamp (→ B-LTA). */
  @OnJob(JobName.outgoingLongTermUpgrade)
  async upgrade({ documentId }: JobPayloads[typeof JobName.outgoingLongTermUpgrade]): Promise<PadesLevel | 'skipped'> {
    return this.extend(documentId, (level) => level === 'B-B' || level === 'B-T');
  }

  /**
   * Nightly: what is still pending, and records whose last time-stamp's certificate expires within
   * SIGNING_LTA_REFRESH_DAYS get a new DSS (the TSA's revocation data) and a new document time-stamp.
   */
  @OnJob(JobName.longTermRefresh)
  async refresh(): Promise<{ extended: number; failed: number }> {
    if (!this.enabled) return { extended: 0, failed: 0 };
    const horizon = new Date(Date.now() + this.config.SIGNING_LTA_REFRESH_DAYS * DAY_MS);
    const repo = this.dataSource.getRepository(OutgoingDocument);
    const due = await repo.find({
      select: { id: true },
      where: [
        { issuedFileId: Not(IsNull()), longTermLevel: 'B-B' },
        { issuedFileId: Not(IsNull()), longTermLevel: 'B-T' },
        { issuedFileId: Not(IsNull()), longTermStampedUntil: LessThan(horizon) },
      ],
      take: 500,
    });
    let extended = 0;
    let failed = 0;
    for (const { id } of due) {
      try {
        if ((await this.extend(id, () => true)) !== 'skipped') extended += 1;
      } catch (error) {
        failed += 1;
        this.logger.warn({ documentId: id, error: String(error) }, 'long-term refresh failed; tried again next run');
      }
    }
    return { extended, failed };
  }

  /**
   * Appends DSS + document time-stamp to the issued file and to each issued appendix (they travel
   * together, so their proofs never lapse apart), then records the new files under the document's
   * row lock; the document's level is the weakest of them.
   */
  private async extend(documentId: string, applies: (level: PadesLevel | null) => boolean): Promise<PadesLevel | 'skipped'> {
    if (!this.enabled) return 'skipped';
    const before = await this.dataSource.getRepository(OutgoingDocument).findOneBy({ id: documentId });
    if (!before?.issuedFileId || !applies(before.longTermLevel)) return 'skipped';
    const trust = await this.keyring.trustOptions();
    // Network calls outside the transaction; the row is re-checked under its lock before writing.
    const main = await this.extendFile(before.issuedFileId, trust);
    const appendices: { appendix: OutgoingAppendix; extended: ExtendedFile }[] = [];
    for (const appendix of await this.appendices.listOf(documentId)) {
      if (appendix.issuedFileId) appendices.push({ appendix, extended: await this.extendFile(appendix.issuedFileId, trust) });
    }
    const warnings = [...main.warnings, ...appendices.flatMap((a) => a.extended.warnings)];
    const level: PadesLevel = warnings.length ? 'B-T' : 'B-LTA';
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(OutgoingDocument);
      const locked = await repo.findOne({ where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.issuedFileId !== before.issuedFileId) return 'skipped';
      const name = (locked.numberSymbol ?? 'issued').replace('/', '_');
      const file = await this.files.recordBytes(main.pdf.parts(), { mimeType: MediaType.pdf, originalName: `${name}.pdf` }, null, manager);
      for (const { appendix, extended } of appendices) {
        const stored = await this.files.recordBytes(extended.pdf.parts(), { mimeType: MediaType.pdf, originalName: `${name}_PL${appendix.position}.pdf` }, null, manager);
        await this.appendices.markIssued(manager, appendix.id, stored.id, extended.warnings.length ? 'B-T' : 'B-LTA');
      }
      await repo.update({ id: documentId }, {
        issuedFileId: file.id,
        longTermLevel: level,
        longTermWarning: warnings.length ? `OCSP: ${warnings.join('; ')}` : null,
        longTermStampedUntil: main.stampedUntil,
        longTermRefreshedAt: new Date(),
      });
      return level;
    });
  }

  /** One issued file with DSS and a document time-stamp over the whole (B-LTA, or B-T when OCSP answers are missing). */
  private async extendFile(fileId: string, trust: TrustOptions): Promise<ExtendedFile> {
    const bytes = await this.files.readBytes(fileId);
    const withDss = await addValidationData(bytes, { ...this.validation(trust), revocationRequired: false });
    const stamped = await addDocumentTimestamp(withDss.pdf, this.tsa).catch((error: unknown) => {
      if (isTsaOrOcspError(error)) throw new AppError(503, 'LONG_TERM_UNAVAILABLE', `TSA: ${error.message}`);
      throw error;
    });
    return { pdf: stamped.pdf, warnings: withDss.warnings, stampedUntil: stamped.token.tsaCertificate?.notAfter ?? null };
  }
}

function isTsaOrOcspError(error: unknown): error is SigningError {
  return isSigningError(error, 'TSA_UNAVAILABLE') || isSigningError(error, 'TSA_FAILED')
    || isSigningError(error, 'OCSP_UNAVAILABLE') || isSigningError(error, 'OCSP_FAILED');
}
