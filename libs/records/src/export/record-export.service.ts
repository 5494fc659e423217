import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
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
      await this.writeParts(dir, index, stored);
      const result = await runCommand('qpdf', ['@' + join(dir, 'qpdf-args.txt')], { timeoutMs: EXPORT_TIMEOUT_MS, cwd: dir });
      if (!qpdfSucceeded(result.exitCode)) throw new Error(`qpdf failed (${result.exitCode}): ${result.stderr.slice(0, 500)}`);
      const { sha256, sizeBytes } = await hashFile(out);
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actorId: actor.id,
          action: 'record.exported',
          entityType: 'record',
          entityId: id,
          data: { fileCode: index.record.fileCode, documents: index.documents.length, sha256, sizeBytes },
        }),
      );
      const stream = createReadStream(out);
      stream.once('close', () => void rm(dir, { recursive: true, force: true }));
      return { fileName: `${index.record.fileCode.replace(/[/\\]/g, '_')}.pdf`, sizeBytes, sha256, stream };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The index page, the index files, each stored PDF (checked against its SHA-256) and qpdf's argument file. */
  private async writeParts(dir: string, index: RecordIndex, storedFiles: Map<string, StoredFile>): Promise<void> {
    await writeFile(join(dir, 'muc-luc.pdf'), await renderPdf(indexReport(index)));
    await writeFile(join(dir, 'ho-so.xml'), recordIndexXml(index));
    await writeFile(join(dir, 'ho-so.json'), JSON.stringify(index, null, 2));
    // Streams are copied as they are: qpdf would otherwise Flate-compress every attachment (scans
    // and signed PDFs hardly compress; measured, that was most of qpdf's CPU time on a record of scans).
    const args = ['--stream-data=preserve', '--empty', '--pages', 'muc-luc.pdf'];
    const attachments: string[] = [];
    // Every file (the documents' PDFs and what travels with them) copied and checked on one pass
    // each, a few at once; qpdf's arguments keep DocOrdinal order.
    const every = index.documents.flatMap((d) => d.files.map((f) => ({ d, f })));
    await eachLimited(every, COPY_CONCURRENCY, ({ f }) => copyChecked(this.files, storedFiles.get(f.fileName)!, join(dir, f.fileName)).then(() => undefined));
    for (const d of index.documents) args.push(d.fileName);
    for (const { d, f } of every) {
      const about = f.role === 'document' ? oneLine(d.subject) : `${ROLE_LABELS[f.role]}${f.title ? ': ' + oneLine(f.title) : ''}`;
      attachments.push('--add-attachment', f.fileName, `--key=${f.fileName}`, `--mimetype=${f.mimeType}`, `--description=${d.docOrdinal}. ${about}`, '--');
    }
    for (const name of ['ho-so.xml', 'ho-so.json']) {
      attachments.push('--add-attachment', name, `--key=${name}`, `--mimetype=${name.endsWith('xml') ? 'application/xml' : 'application/json'}`, '--');
    }
    // Joined pages keep their look; their signature fields are flattened away (a joined copy is not signed).
    args.push('--', '--flatten-annotations=all', ...attachments, 'ho-so.pdf');
    await writeFile(join(dir, 'qpdf-args.txt'), args.join('\n') + '\n');
  }
}

/** The attachment's description in Vietnamese, by role (pdfdetach -list and the viewers show it). */
const ROLE_LABELS: Record<IndexedFileRole, string> = {
  document: 'Văn bản', original: 'Bản gốc điện tử', result: 'Kết quả xử lý', appendix: 'Phụ lục', draft: 'Dự thảo', 'draft-pdf': 'Dự thảo (PDF)',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);

function hashFile(path: string): Promise<{ sha256: string; sizeBytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    createReadStream(path)
      .on('data', (chunk: Buffer | string) => {
        hash.update(chunk);
        sizeBytes += Buffer.byteLength(chunk);
      })
      .once('error', reject)
      .once('end', () => resolve({ sha256: hash.digest('hex'), sizeBytes }));
  });
}
