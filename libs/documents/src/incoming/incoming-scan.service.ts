import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, Deadline, FileService, JobName, JobPayloads, MediaType, OnJob, withTempDir } from '@eoffice/core';
import type { ExtractedText } from '../ocr';
import { SearchablePdfMaker, TextExtractor } from '../ocr';
import { pdfNameFor, ScanFiles } from '../scans';
import type { IncomingDocument } from './entities/incoming-document.entity';
import { IncomingRepository } from './incoming.repository';

export interface ScanIngest {
  convertedFromImage: boolean;
  method: ExtractedText['method'];
  characters: number;
}

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.incomingScanIngest)
  async ingest({ documentId }: JobPayloads[typeof JobName.incomingScanIngest]): Promise<ScanIngest | null> {
    const document = await this.documents.findById(documentId);
    if (!document) return null;
    return withTempDir('incoming-scan', async (dir) => {
      const deadline = new Deadline(this.config.OCR_TIMEOUT_SECONDS * 1000);
      const { path, convertedFromImage } = await this.scanAsPdf(document, dir, deadline);
      const extracted = await this.extractor.extract(path, deadline);
      await this.saveText(document.id, extracted);
      return { convertedFromImage, method: extracted.method, characters: extracted.text.length };
    });
  }

  private async scanAsPdf(document: IncomingDocument, dir: string, deadline: Deadline) {
    const scan = await this.files.get(document.scanFileId);
    const local = await this.scanFiles.download(scan, dir, 'scan');
    if (scan.mimeType === MediaType.pdf) return { path: local, convertedFromImage: false };
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
    return { path: made.path, convertedFromImage: true };
  }

  /** The text and its audit entry together, in one statement (see IncomingRepository.saveExtractedText). */
  private saveText(documentId: string, extracted: ExtractedText): Promise<void> {
    return this.documents.saveExtractedText(documentId, extracted.text, {
      // Millisecond precision, as AuditService.record: what PostgreSQL stores is what the sealer hashes.
      occurredAt: new Date(),
      action: 'incoming.text_extracted',
      data: { method: extracted.method, characters: extracted.text.length, pageCount: extracted.pageCount, pagesRead: extracted.pagesRead },
    });
  }
}
