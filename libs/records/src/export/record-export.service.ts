import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, AuditService, FileService, runCommand, StoredFile } from '@eoffice/core';
import { FilableDocuments } from '@eoffice/documents';
import { renderPdf } from '@eoffice/reports';
import { RecordDocumentRepository } from '../records/record-document.repository';
import { RecordService } from '../records/record.service';
import { IndexedFileRole, indexReport, RecordIndex } from './record-index';
import { indexWithFiles } from './index-with-files';
import { recordIndexXml } from './record-index-xml';
import { COPY_CONCURRENCY, copyChecked, eachLimited } from './copy-checked';
import { qpdfSucceeded } from './pdf-pages';
import { appendAttachments, PdfAttachment } from './pdf-attachments';

/** qpdf joins and attaches in its own process; a 10,000-page record takes well under this. */
const EXPORT_TIMEOUT_MS = 15 * 60_000;

export interface RecordExportFile {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  stream: Readable;
}

/**
 * Export of a record (issue 15.3). The PDF is the index page, then every document's pages in
 * DocOrdinal order (chronological once closed) for reading, and — because joining pages rewrites
 * them and would break every signature — each stored PDF attached byte for byte (PDF embedded
 * files, `pdfdetach` takes them out) with the XML and JSON index. The signatures are checked on
 * the attachments, which are the originals; the joined pages are a reading copy.
 * Everything is written to a private directory and joined by qpdf in its own process, so a
 * record of thousands of pages does not pass through the API's memory; the answer streams from disk.
 */
@Injectable()
export class RecordExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordService,
    private readonly filed: RecordDocumentRepository,
    private readonly documents: FilableDocuments,
    private readonly organisation: OrganisationScope,
    private readonly files: FileService,
    private readonly audit: AuditService,
  ) {}

  /** The index alone (JSON, or XML from it), with the same access rules as the PDF. */
  async index(actor: Actor, id: string): Promise<RecordIndex> {
    return (await this.collect(actor, id)).index;
  }

  /** The index and every stored file of the documents (by attachment name), read once for both uses. */
  private async collect(actor: Actor, id: string): Promise<{ index: RecordIndex; stored: Map<string, StoredFile> }> {
    const record = await this.records.visible(actor, id);
    const rows = await this.filed.listOf(record.id);
    const seen = await this.documents.visibleMany(actor, rows.map((r) => ({ kind: r.documentKind, id: r.documentId })));
    if (seen.length < rows.length) {
      throw new AppError(403, 'RECORD_DOCUMENTS_HIDDEN', 'Hồ sơ có văn bản bạn không được xem; không thể xuất toàn bộ (the record holds documents you may not see)');
    }
    return indexWithFiles(this.files, this.organisation, record, rows, seen, await this.documents.companions(seen, record.includeDrafts));
  }

  xml(index: RecordIndex): string {
    return recordIndexXml(index);
  }

  async pdf(actor: Actor, id: string): Promise<RecordExportFile> {
    const { index, stored } = await this.collect(actor, id);
    if (!index.documents.length) throw AppError.conflict('RECORD_EMPTY', 'Hồ sơ chưa có văn bản nào (the record is empty)');
    const dir = await mkdtemp(join(tmpdir(), 'eoffice-record-export-'));
    try {
      const out = join(dir, 'ho-so.pdf');
      await this.writeReadingCopy(dir, index, stored, out);
      // The originals go in after qpdf, byte for byte, streamed from the store (hashed on the way).
      const { sha256, sizeBytes } = await appendAttachments(out, this.attachments(index, stored));
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actorId: actor.id,
          action: 'record.exported',
          entityType: 'record',
          entityId: id,
          data: { fileCode: index.record.fileCode, documents: index.documents.length, sha256, sizeBytes },
        }),
      );
      // Read in 1 MiB pieces: fewer reads and socket writes for an answer of hundreds of MB.
      const stream = createReadStream(out, { highWaterMark: 1024 * 1024 });
      stream.once('close', () => void rm(dir, { recursive: true, force: true }));
      return { fileName: `${index.record.fileCode.replace(/[/\\]/g, '_')}.pdf`, sizeBytes, sha256, stream };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * The index page, then every document's pages in DocOrdinal order, joined by qpdf in its own
   * process. A local store's files are read where they lie (the attachment pass checks their
   * SHA-256 before anything is given out); a remote store's are copied out first, checked as copied.
   */
  private async writeReadingCopy(dir: string, index: RecordIndex, storedFiles: Map<string, StoredFile>, out: string): Promise<void> {
    await writeFile(join(dir, 'muc-luc.pdf'), await renderPdf(indexReport(index)));
    const paths = new Map<string, string>();
    for (const d of index.documents) {
      const local = this.files.localPath(storedFiles.get(d.fileName)!);
      if (local) paths.set(d.fileName, local);
    }
    const remote = index.documents.filter((d) => !paths.has(d.fileName));
    await eachLimited(remote, COPY_CONCURRENCY, async (d) => {
      await copyChecked(this.files, storedFiles.get(d.fileName)!, join(dir, d.fileName));
      paths.set(d.fileName, join(dir, d.fileName));
    });
    // Streams copied as they are (no recompression of scans); no object streams, so the
    // attachments can follow as a plain incremental update. Joined pages keep their look; their
    // signature fields are flattened away (a joined copy is not signed: the originals are attached).
    const args = ['--stream-data=preserve', '--object-streams=disable', '--empty', '--pages', 'muc-luc.pdf', ...index.documents.map((d) => paths.get(d.fileName)!),
      '--', '--flatten-annotations=all', out];
    await writeFile(join(dir, 'qpdf-args.txt'), args.join('\n') + '\n');
    const result = await runCommand('qpdf', ['@' + join(dir, 'qpdf-args.txt')], { timeoutMs: EXPORT_TIMEOUT_MS, cwd: dir });
    if (!qpdfSucceeded(result.exitCode)) throw new Error(`qpdf failed (${result.exitCode}): ${result.stderr.slice(0, 500)}`);
  }

  /** Every file of every document in DocOrdinal order (its PDF, then what travels with it), then the XML and JSON index. */
  private attachments(index: RecordIndex, storedFiles: Map<string, StoredFile>): PdfAttachment[] {
    const files = index.documents.flatMap((d) =>
      d.files.map((f): PdfAttachment => ({
        name: f.fileName,
        mimeType: f.mimeType,
        description: `${d.docOrdinal}. ${f.role === 'document' ? oneLine(d.subject) : `${ROLE_LABELS[f.role]}${f.title ? ': ' + oneLine(f.title) : ''}`}`,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        open: () => this.files.open(storedFiles.get(f.fileName)!),
      })),
    );
    const inHand = (name: string, mimeType: string, description: string, text: string): PdfAttachment => {
      const bytes = Buffer.from(text, 'utf8');
      return { name, mimeType, description, sizeBytes: bytes.length, open: () => Readable.from([bytes]) };
    };
    return [
      ...files,
      inHand('ho-so.xml', 'application/xml', 'Mục lục hồ sơ (XML)', recordIndexXml(index)),
      inHand('ho-so.json', 'application/json', 'Mục lục hồ sơ (JSON)', JSON.stringify(index, null, 2)),
    ];
  }
}

/** The attachment's description in Vietnamese, by role (pdfdetach -list and the viewers show it). */
const ROLE_LABELS: Record<IndexedFileRole, string> = {
  document: 'Văn bản', original: 'Bản gốc điện tử', result: 'Kết quả xử lý', appendix: 'Phụ lục', draft: 'Dự thảo', 'draft-pdf': 'Dự thảo (PDF)',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);
