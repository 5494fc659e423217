import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AuditService, Deadline, FileService, JobName, JobPayloads, JobQueue, MediaType, OnJob, withTempDir } from '@eoffice/core';
import type { ExtractedText, TextLayerSource } from '../ocr';
import { SearchablePdfMaker, TextExtractor } from '../ocr';
import { pdfNameFor, ScanFiles } from '../scans';
import type { IncomingDocument } from './entities/incoming-document.entity';
import { IncomingRepository } from './incoming.repository';
import { incomingScanJobId } from './incoming-scan-job';

export interface ScanIngest {
  convertedFromImage: boolean;
  /** null: the text had been saved before this job ran (read with another document's, see below). */
  method: ExtractedText['method'] | null;
  characters: number;
  /** Other documents whose text layer was read in the same pdftotext run (and saved with this one's). */
  alsoRead?: number;
}

const TEXT_EXTRACTED = 'incoming.text_extracted';

/** Scans up to this size are read together with other recent ones: a registration's one-page letter, not a 50 MB book. */
const BATCH_MAX_BYTES = 1024 * 1024;
/** Documents read in one pdftotext run: the job's own and up to this many more. */
const BATCH_OTHERS = 15;
/** Ids the batch leaves alone in this process: being read by another job here, or not readable that way. */
const NOT_BATCHED_KEPT = 1000;

/**
 * After registration, in the worker: a scan sent as an image becomes a searchable PDF (the
 * document then points to the PDF and keeps the image as `scanImageFileId`), and the words of the
 * scan go into `extracted_text`, which the search column folds in. Running it again changes nothing.
 */
@Injectable()
export class IncomingScanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: IncomingRepository,
    private readonly files: FileService,
    private readonly scanFiles: ScanFiles,
    private readonly maker: SearchablePdfMaker,
    private readonly extractor: TextExtractor,
    private readonly audit: AuditService,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly logger = new Logger(IncomingScanService.name);
  /** Documents whose job runs in this process now: a batch does not take them. */
  private readonly inFlight = new Set<string>();
  /** Documents a batch could not read (left out, or needing OCR): left to their own jobs. */
  private readonly notBatched = new Set<string>();

  @OnJob(JobName.incomingScanIngest)
  async ingest({ documentId }: JobPayloads[typeof JobName.incomingScanIngest]): Promise<ScanIngest | null> {
    const document = await this.documents.findScanState(documentId);
    if (!document) return null;
    // Read with another document's batch before this job came: nothing left to do.
    if (document.textExtractedAt) return { convertedFromImage: false, method: null, characters: 0 };
    this.inFlight.add(document.id);
    try {
      return await withTempDir('incoming-scan', async (dir) => {
        const deadline = new Deadline(this.config.OCR_TIMEOUT_SECONDS * 1000);
        const { path, convertedFromImage, sizeBytes } = await this.scanAsPdf(document, dir, deadline);
        if (!convertedFromImage && sizeBytes <= BATCH_MAX_BYTES) {
          const batched = await this.readWithOthers(document.id, path, dir, deadline);
          if (batched) return batched;
        }
        const extracted = await this.extractor.extract(path, deadline);
        await this.saveText(document.id, extracted);
        return { convertedFromImage, method: extracted.method, characters: extracted.text.length };
      });
    } finally {
      this.inFlight.delete(document.id);
    }
  }

  /**
   * This document's text layer read in one pdftotext run with other recent small PDF scans still
   * waiting for theirs (issue 13.10: starting poppler was a quarter of a registration's CPU), all
   * saved in one statement; their own jobs then find the text saved. Null when this document could
   * not be read that way (it needs OCR, pdf-lib cannot read it as it is, or no other was waiting):
   * the caller reads it alone, as ever. What the batch read of the others is saved either way.
   */
  private async readWithOthers(documentId: string, path: string, dir: string, deadline: Deadline): Promise<ScanIngest | null> {
    const excluding = [documentId, ...this.inFlight, ...this.notBatched];
    const others = await this.documents.findTextLayerCandidates(excluding, BATCH_MAX_BYTES, BATCH_OTHERS);
    if (!others.length) return null;
    const sources: TextLayerSource[] = [{ id: documentId, bytes: await readFile(path) }];
    for (const other of others) {
      // Another document's missing or unreadable file is its own job's failure to report, not this one's.
      const bytes = await this.files.readBytes(other).catch(() => null);
      if (bytes) sources.push({ id: other.id, bytes });
      else this.rememberNotBatched(other.id);
    }
    const read = await this.extractor.extractTextLayers(sources, dir, deadline);
    for (const other of others) if (!read.has(other.id)) this.rememberNotBatched(other.id);
    const texts = [...read].map(([id, extracted]) => ({ id, text: extracted.text, data: this.auditData(extracted) }));
    // Millisecond precision, as AuditService.record: what PostgreSQL stores is what the sealer hashes.
    await this.documents.saveExtractedTexts(texts, new Date(), TEXT_EXTRACTED);
    await this.dropCoveredJobs([...read.keys()].filter((id) => id !== documentId));
    const own = read.get(documentId);
    return own ? { convertedFromImage: false, method: own.method, characters: own.text.length, alsoRead: read.size - 1 } : null;
  }

  /**
   * The waiting jobs of the other documents this batch read, taken off the queue: their text is
   * saved (by this batch, or by another reading that came first), so all such a job would do is read
   * the row and stop, at the cost of a BullMQ cycle and a statement (issue 13.10). Only after the save
   * has committed, so no document loses its reading: a job that is running, not queued yet (the API's
   * relay) or queued under the outbox's id (copies of issued documents) is left alone and stops cheaply.
   */
  private async dropCoveredJobs(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const queue = this.queue.queueFor(JobName.incomingScanIngest);
    await Promise.all(
      ids.map((id) =>
        queue.remove(incomingScanJobId(id)).catch((error: unknown) => this.logger.debug({ documentId: id, error: String(error) }, 'covered scan job not removed')),
      ),
    );
  }

  private rememberNotBatched(id: string): void {
    if (this.notBatched.size >= NOT_BATCHED_KEPT) this.notBatched.delete(this.notBatched.values().next().value!);
    this.notBatched.add(id);
  }

  private async scanAsPdf(document: Pick<IncomingDocument, 'id' | 'scanFileId'>, dir: string, deadline: Deadline) {
    const scan = await this.files.get(document.scanFileId);
    const local = await this.scanFiles.download(scan, dir, 'scan');
    if (scan.mimeType === MediaType.pdf) return { path: local, convertedFromImage: false, sizeBytes: scan.sizeBytes };
    const made = await this.maker.fromImages([local], dir, deadline);
    const pdf = await this.scanFiles.storePdf(made.path, scan.uploadedBy, pdfNameFor(scan));
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.documents.replaceImageScan(manager, document.id, scan.id, pdf.id))) return;
      await this.audit.record(manager, {
        actorId: null,
        action: 'incoming.scan_converted',
        entityType: 'incoming_document',
        entityId: document.id,
        data: { imageFileId: scan.id, imageSha256: scan.sha256, pdfFileId: pdf.id, pdfSha256: pdf.sha256, pageCount: made.pageCount },
      });
    });
    return { path: made.path, convertedFromImage: true, sizeBytes: pdf.sizeBytes };
  }

  /** The text and its audit entry together, in one statement (see IncomingRepository.saveExtractedText). */
  private saveText(documentId: string, extracted: ExtractedText): Promise<void> {
    return this.documents.saveExtractedText(documentId, extracted.text, {
      // Millisecond precision, as AuditService.record: what PostgreSQL stores is what the sealer hashes.
      occurredAt: new Date(),
      action: TEXT_EXTRACTED,
      data: this.auditData(extracted),
    });
  }

  private auditData(extracted: ExtractedText): Record<string, unknown> {
    return { method: extracted.method, characters: extracted.text.length, pageCount: extracted.pageCount, pagesRead: extracted.pagesRead };
  }
}
