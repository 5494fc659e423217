import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, FileService, JobName, JobPayloads, OnJob, withTempDir } from '@eoffice/core';
import { TextExtractor } from '../ocr';
import { OutgoingRepository } from './outgoing.repository';

export interface OutgoingTextIngest {
  fileId: string;
  method: 'text-layer' | 'ocr';
  characters: number;
}

/**
 * In the worker: the words of an outgoing document's current PDF (the draft's, then the issued one
 * with its number) go into `extracted_text`, which the search column folds in, as the scans of
 * incoming documents do. Queued when a version is added, a docx draft is converted and a document
 * is issued; it reads the current state, so running it twice or late changes nothing.
 */
@Injectable()
export class OutgoingTextService {
  constructor(
    private readonly documents: OutgoingRepository,
    private readonly files: FileService,
    private readonly extractor: TextExtractor,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  @OnJob(JobName.outgoingTextExtract)
  async extract({ documentId }: JobPayloads[typeof JobName.outgoingTextExtract]): Promise<OutgoingTextIngest | null> {
    const source = await this.documents.searchTextSource(documentId);
    // No PDF yet (a docx draft being converted: the conversion queues this job again), or already read.
    if (!source?.pdfFileId || source.pdfFileId === source.textFileId) return null;
    const fileId = source.pdfFileId;
    const file = await this.files.get(fileId);
    const extracted = await withTempDir('outgoing-text', async (dir) => {
      const path = join(dir, 'document.pdf');
      await this.files.copyToPath(file, path);
      return this.extractor.extract(path);
    });
    const stored = await this.dataSource.transaction(async (manager) => {
      if (!(await this.documents.saveSearchText(manager, documentId, fileId, extracted.text))) return false;
      await this.audit.record(manager, {
        actorId: null,
        action: 'outgoing.text_extracted',
        entityType: 'outgoing_document',
        entityId: documentId,
        data: { fileId, method: extracted.method, characters: extracted.text.length, pageCount: extracted.pageCount, pagesRead: extracted.pagesRead },
      });
      return true;
    });
    return stored ? { fileId, method: extracted.method, characters: extracted.text.length } : null;
  }
}
