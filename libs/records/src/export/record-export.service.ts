import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
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
import { qpdfJoining, qpdfSucceeded } from './pdf-pages';
import { incrementalUpdate, PdfAttachment } from './pdf-attachments';
import { checkPieces, sendPieces, verifyFiles } from './export-pieces';

/** qpdf joins and attaches in its own process; a 10,000-page record takes well under this. */
const EXPORT_TIMEOUT_MS = 15 * 60_000;

export interface RecordExportFile {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /**
   * Writes the export to `out` (not ending it) and removes its working directory, also on failure.
   * Rejects when a file changed since it was checked or `out` closed first: the caller then aborts
   * the answer rather than end it.
   */
  writeTo(out: Writable): Promise<void>;
}

/**
 * Export of a record (issue 15.3). The PDF is the index page, then every document's pages in
 * DocOrdinal order (chronological once closed) for reading, and — because joining pages rewrites
 * them and would break every signature — each stored file attached byte for byte (PDF embedded
 * files, `pdfdetach` takes them out) with the XML and JSON index. The signatures are checked on
 * the attachments, which are the originals; the joined pages are a reading copy.
 * qpdf joins the pages in its own process into a private directory; the attachments are read
 * where they lie in the store. Every byte of the answer is read and hashed (each stored file
 * checked against its SHA-256) before the first is given out, then read again as it is sent:
 * a record of thousands of pages never passes through the API's memory.
 */
@Injectable()
export class RecordExportService {
  private readonly logger = new Logger(RecordExportService.name);

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
    const steps = new StepClock();
    const { index, stored } = await this.collect(actor, id);
    steps.lap('collect');
    if (!index.documents.length) throw AppError.conflict('RECORD_EMPTY', 'Hồ sơ chưa có văn bản nào (the record is empty)');
    const dir = await mkdtemp(join(tmpdir(), 'eoffice-record-export-'));
    const removeDir = () => rm(dir, { recursive: true, force: true });
    try {
      const paths = await this.localPaths(dir, stored);
      const joined = join(dir, 'ho-so.pdf');
      const attachments = this.attachments(index, paths);
      // The stored files are checked against their SHA-256 while qpdf joins the pages in its own
      // process (the other core); then the export's bytes are read in order and hashed.
      const files = attachments.flatMap((a) => ('path' in a.source && a.sha256 ? [{ path: a.source.path, sizeBytes: a.sizeBytes, sha256: a.sha256, name: `attachment ${a.name}` }] : []));
      const [verified] = await Promise.all([verifyFiles(files), this.writeReadingCopy(dir, index, paths, joined, steps)]);
      steps.lap('verified');
      // The originals go after qpdf's bytes, byte for byte; all of it read and hashed now.
      const checked = await checkPieces(await incrementalUpdate(joined, attachments), verified);
      steps.lap('check');
      const { sha256, sizeBytes } = checked;
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actorId: actor.id,
          action: 'record.exported',
          entityType: 'record',
          entityId: id,
          data: { fileCode: index.record.fileCode, documents: index.documents.length, sha256, sizeBytes },
        }),
      );
      steps.lap('audit');
      const writeTo = (out: Writable) =>
        sendPieces(checked, out)
          .then(() => this.logger.log({ recordId: id, documents: index.documents.length, sizeBytes, ms: steps.lap('send') }, 'record exported'))
          .finally(removeDir);
      return { fileName: `${index.record.fileCode.replace(/[/\\]/g, '_')}.pdf`, sizeBytes, sha256, writeTo };
    } catch (error) {
      await removeDir();
      throw error;
    }
  }

  /**
   * Where each stored file can be read: a local store's path, where it lies; a remote store's
   * files are copied into the working directory first, checked as copied.
   */
  private async localPaths(dir: string, storedFiles: Map<string, StoredFile>): Promise<Map<string, string>> {
    const paths = new Map<string, string>();
    const remote: string[] = [];
    for (const [name, file] of storedFiles) {
      const local = this.files.localPath(file);
      if (local) paths.set(name, local);
      else remote.push(name);
    }
    if (remote.length) await mkdir(join(dir, 'files'));
    await eachLimited(remote, COPY_CONCURRENCY, async (name) => {
      await copyChecked(this.files, storedFiles.get(name)!, join(dir, 'files', name));
      paths.set(name, join(dir, 'files', name));
    });
    return paths;
  }

  /** The index page, then every document's pages in DocOrdinal order, joined by qpdf in its own process. */
  private async writeReadingCopy(dir: string, index: RecordIndex, paths: Map<string, string>, out: string, steps: StepClock): Promise<void> {
    await writeFile(join(dir, 'muc-luc.pdf'), await renderPdf(indexReport(index)));
    steps.lap('index');
    const qpdf = qpdfJoining(index.documents.length + 1);
    // Streams copied as they are (no recompression of scans); no object streams, so the
    // attachments can follow as a plain incremental update. Joined pages keep their look; their
    // signature fields are flattened away (a joined copy is not signed: the originals are attached).
    const args = ['--stream-data=preserve', '--object-streams=disable', ...qpdf.args, '--empty', '--pages', 'muc-luc.pdf', ...index.documents.map((d) => paths.get(d.fileName)!),
      '--', '--flatten-annotations=all', out];
    await writeFile(join(dir, 'qpdf-args.txt'), args.join('\n') + '\n');
    const result = await runCommand('qpdf', ['@' + join(dir, 'qpdf-args.txt')], { timeoutMs: EXPORT_TIMEOUT_MS, cwd: dir, env: qpdf.env });
    if (!qpdfSucceeded(result.exitCode)) throw new Error(`qpdf failed (${result.exitCode}): ${result.stderr.slice(0, 500)}`);
    steps.lap('qpdf');
  }

  /** Every file of every document in DocOrdinal order (its PDF, then what travels with it), then the XML and JSON index. */
  private attachments(index: RecordIndex, paths: Map<string, string>): PdfAttachment[] {
    const files = index.documents.flatMap((d) =>
      d.files.map((f): PdfAttachment => ({
        name: f.fileName,
        mimeType: f.mimeType,
        description: `${d.docOrdinal}. ${f.role === 'document' ? oneLine(d.subject) : `${ROLE_LABELS[f.role]}${f.title ? ': ' + oneLine(f.title) : ''}`}`,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        source: { path: paths.get(f.fileName)! },
      })),
    );
    const inHand = (name: string, mimeType: string, description: string, text: string): PdfAttachment => {
      const bytes = Buffer.from(text, 'utf8');
      return { name, mimeType, description, sizeBytes: bytes.length, source: { bytes } };
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

/** Milliseconds each step of an export took, for its log line (where the time of a large export goes). */
class StepClock {
  private readonly laps: Record<string, number> = {};
  private last = performance.now();

  lap(step: string): Record<string, number> {
    const now = performance.now();
    this.laps[step] = Math.round(now - this.last);
    this.last = now;
    return this.laps;
  }
}
