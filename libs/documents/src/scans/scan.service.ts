import { Inject, Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import {
  APP_CONFIG,
  AppConfig,
  AppError,
  Deadline,
  FileService,
  JobContext,
  JobName,
  JobOutbox,
  JobPayloads,
  JobRun,
  JobRunService,
  MediaType,
  OnJob,
  ReceivedFile,
  ReportProgress,
  withTempDir,
} from '@eoffice/core';
import { lowestImageDpi, SearchablePdfMaker } from '../ocr';
import { ScanArrivals } from './scan-arrivals';
import { assertScanInput } from './scan-input';
import { pdfNameFor, ScanFiles } from './scan-files.service';
import { ScanRateLimiter } from './scan-rate-limiter.service';

/** What GET /jobs/:id shows once a scan is done: the PDF to register the document with. */
export interface ScanResult extends Record<string, unknown> {
  fileId: string;
  sha256: string;
  sizeBytes: number;
  pageCount: number;
  /** False when the clerk sent a PDF that already had text: that file is the result. */
  ocr: boolean;
  /** The lowest resolution of the scanned pictures (null: no picture, a born-digital PDF). */
  resolutionDpi: number | null;
  /** Below SCAN_MIN_DPI (200, Decree 30 Phụ lục I): diacritics may be misread; rescan if it matters. */
  lowResolution: boolean;
}

/** Scans below this are shown with a warning (Decree 30 Phụ lục I: 200 dpi at least). */
export const SCAN_MIN_DPI = 200;

/** Số hóa: the clerk's page images (or an image-only PDF) become one searchable PDF, in the worker. */
@Injectable()
export class ScanService {
  constructor(
    private readonly files: FileService,
    private readonly scanFiles: ScanFiles,
    private readonly jobRuns: JobRunService,
    private readonly outbox: JobOutbox,
    private readonly maker: SearchablePdfMaker,
    private readonly rate: ScanRateLimiter,
    private readonly arrivals: ScanArrivals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Before the body is read (SCAN_PAGES_PER_MINUTE): a clerk over the minute's pages is refused with nothing stored. */
  assertRoom(actor: Actor): Promise<void> {
    return this.rate.assertRoom(actor.id);
  }

  async request(actor: Actor, received: ReceivedFile[]): Promise<JobRun> {
    if (!hasRole(actor, Role.clerk)) throw AppError.forbidden();
    assertScanInput(received.map((file) => file.mimeType), this.config.OCR_MAX_PAGES);
    // Pages are counted before anything is recorded: a PDF pdfinfo cannot read is refused here.
    const pages = this.config.SCAN_PAGES_PER_MINUTE > 0 ? await this.scanFiles.pageCount(received) : 0;
    const run = await this.outbox.transaction(async (manager) => {
      const fileIds = [];
      for (const file of received) fileIds.push((await this.files.record(file, actor.id, manager)).id);
      const created = await this.jobRuns.create(manager, { name: JobName.scanToPdf, requestedBy: actor.id, input: { fileIds } });
      // The run's id doubles as the queue job's id.
      await this.outbox.add(manager, JobName.scanToPdf, { jobRunId: created.id }, { jobId: created.id });
      return created;
    });
    await this.rate.count(actor.id, pages);
    return run;
  }

  @OnJob(JobName.scanToPdf)
  make({ jobRunId }: JobPayloads[typeof JobName.scanToPdf], context: JobContext): Promise<ScanResult | null> {
    return this.jobRuns.track(jobRunId, context, (run, progress) => this.makeSearchablePdf(run, progress));
  }

  private async makeSearchablePdf(run: JobRun, progress: ReportProgress): Promise<ScanResult> {
    const files = await Promise.all((run.input.fileIds as string[]).map((id) => this.files.get(id)));
    return withTempDir('scan', async (dir) => {
      const paths = [];
      for (const [index, file] of files.entries()) paths.push(await this.scanFiles.download(file, dir, `input-${index}`));
      await progress(10);
      const deadline = new Deadline(this.config.OCR_TIMEOUT_SECONDS * 1000);
      const made =
        files[0].mimeType === MediaType.pdf
          ? await this.maker.fromPdf(paths[0], dir, deadline)
          : await this.maker.fromImages(paths, dir, deadline);
      await progress(90);
      const resolutionDpi = await lowestImageDpi(made.path, made.pageCount, deadline);
      const pdf = made.ocr ? await this.scanFiles.storePdf(made.path, run.requestedBy, pdfNameFor(files[0])) : files[0];
      // Every arrival waits in the intake for the clerk; a scan requested by nobody (none today) has no agency.
      if (run.requestedBy) {
        await this.arrivals.received({ jobRunId: run.id, requestedBy: run.requestedBy, pdf, pageCount: made.pageCount, name: pdfNameFor(files[0]) });
      }
      const lowResolution = resolutionDpi !== null && resolutionDpi < SCAN_MIN_DPI;
      return { fileId: pdf.id, sha256: pdf.sha256, sizeBytes: pdf.sizeBytes, pageCount: made.pageCount, ocr: made.ocr, resolutionDpi, lowResolution };
    });
  }
}
