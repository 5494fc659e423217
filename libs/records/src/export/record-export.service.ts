import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, AuditService, FileService, StoredFile } from '@eoffice/core';
import { FilableDocuments } from '@eoffice/documents';
import { renderPdf } from '@eoffice/reports';
import { RecordDocumentRepository } from '../records/record-document.repository';
import { RecordService } from '../records/record.service';
import { IndexedFileRole, indexReport, RecordIndex } from './record-index';
import { indexWithFiles } from './index-with-files';
import { recordIndexXml } from './record-index-xml';
import { COPY_CONCURRENCY, copyChecked, eachLimited } from './copy-checked';
import { qpdfSucceeded } from './pdf-pages';
import { PdfAttachment, withAttachments } from './pdf-attachments';

/**
 * qpdf writes into the answer's pipe, so it runs as fast as the client reads (a slow download holds
 * it back); past this it is stopped and the answer cut off.
 */
const EXPORT_TIMEOUT_MS = 60 * 60_000;

/** The PDF's length is known only once it is sent (chunked); its SHA-256 is in the audit entry. */
export interface RecordExportFile {
  fileName: string;
  stream: Readable;
}

/**
 * Export of a record (issue 15.3). The PDF is the index page, then every document's pages in
 * DocOrdinal order (chronological once closed) for reading, and — because joining pages rewrites
 * them and would break every signature — each stored PDF attached byte for byte (PDF embedded
 * files, `pdfdetach` takes them out) with the XML and JSON index. The signatures are checked on
 * the attachments, which are the originals; the joined pages are a reading copy.
 * qpdf joins the pages in its own process and writes them to a pipe the answer reads; the
 * originals follow from the store: a record of thousands of pages passes through the API a chunk
 * at a time and is never written to disk (only the index page and qpdf's arguments are).
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

  /**
   * The PDF as a stream made while it is sent (nothing of it written to disk): qpdf's reading copy
   * from its output pipe, then the originals appended from the store, hashed on the way. The audit
   * entry (with the SHA-256 of everything given out) is written before the last piece, the
   * cross-reference section; a failure after the first byte cuts the answer off before it (no PDF
   * reader accepts it, and the HTTP answer is aborted, not ended). A failure of qpdf before its
   * first byte is an ordinary error answer.
   */
  async pdf(actor: Actor, id: string): Promise<RecordExportFile> {
    const { index, stored } = await this.collect(actor, id);
    if (!index.documents.length) throw AppError.conflict('RECORD_EMPTY', 'Hồ sơ chưa có văn bản nào (the record is empty)');
    const dir = await mkdtemp(join(tmpdir(), 'eoffice-record-export-'));
    let pieces: AsyncGenerator<Buffer> | undefined;
    try {
      const argsFile = await this.prepareReadingCopy(dir, index, stored);
      pieces = this.exportPieces(actor, id, index, stored, dir, argsFile);
      // The first piece before the answer starts: qpdf failing at once is answered as an error.
      const first = await pieces.next();
      const rest = pieces;
      const all = async function* () {
        if (!first.done) yield first.value;
        yield* rest;
      };
      // In bytes (not object mode): the answer pulls a piece only when the socket took the last.
      const stream = Readable.from(all(), { objectMode: false });
      return { fileName: `${index.record.fileCode.replace(/[/\\]/g, '_')}.pdf`, stream };
    } catch (error) {
      await pieces?.return(undefined);
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** qpdf's output and the update after it, hashed as they pass; the audit entry just before the last piece; `dir` removed at the end. */
  private async *exportPieces(actor: Actor, id: string, index: RecordIndex, stored: Map<string, StoredFile>, dir: string, argsFile: string): AsyncGenerator<Buffer> {
    const qpdf = spawn('qpdf', ['@' + argsFile], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    qpdf.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve, reject) => {
      qpdf.once('error', reject);
      qpdf.once('close', (code) => resolve(code));
    });
    exited.catch(() => undefined); // awaited below; a spawn failure also ends stdout
    const timer = setTimeout(() => qpdf.kill('SIGKILL'), EXPORT_TIMEOUT_MS);
    const readingDone = async () => {
      const code = await exited;
      if (!qpdfSucceeded(code)) throw new Error(`qpdf failed (${code}): ${stderr.slice(0, 500)}`);
    };
    const whole = createHash('sha256');
    let sizeBytes = 0;
    let held: Buffer | undefined;
    try {
      for await (const piece of withAttachments(qpdf.stdout as AsyncIterable<Buffer>, readingDone, this.attachments(index, stored))) {
        if (held) yield held;
        whole.update(piece);
        sizeBytes += piece.length;
        held = piece;
      }
      const sha256 = whole.digest('hex');
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actorId: actor.id,
          action: 'record.exported',
          entityType: 'record',
          entityId: id,
          data: { fileCode: index.record.fileCode, documents: index.documents.length, sha256, sizeBytes },
        }),
      );
      if (held) yield held;
    } finally {
      clearTimeout(timer);
      if (qpdf.exitCode === null && qpdf.signalCode === null) qpdf.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The index page and qpdf's arguments (the index page, then every document's pages in DocOrdinal
   * order). A local store's files are read where they lie (the attachment pass checks their SHA-256
   * on the way); a remote store's are copied out first, checked as copied.
   */
  private async prepareReadingCopy(dir: string, index: RecordIndex, storedFiles: Map<string, StoredFile>): Promise<string> {
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
    // Written to its standard output ("-"): the pipe is read by the answer, nothing goes to disk.
    const args = ['--stream-data=preserve', '--object-streams=disable', '--empty', '--pages', 'muc-luc.pdf', ...index.documents.map((d) => paths.get(d.fileName)!),
      '--', '--flatten-annotations=all', '-'];
    const argsFile = join(dir, 'qpdf-args.txt');
    await writeFile(argsFile, args.join('\n') + '\n');
    return argsFile;
  }

  /** A stored file's bytes: a local store's read where they lie, in 1 MiB pieces. */
  private async openStored(file: StoredFile): Promise<Readable> {
    const local = this.files.localPath(file);
    return local ? createReadStream(local, { highWaterMark: READ_PIECE }) : this.files.open(file);
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
        open: () => this.openStored(storedFiles.get(f.fileName)!),
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

/** Bytes read at once from a local store's file: fewer reads and socket writes for an answer of hundreds of MB. */
const READ_PIECE = 1024 * 1024;

/** The attachment's description in Vietnamese, by role (pdfdetach -list and the viewers show it). */
const ROLE_LABELS: Record<IndexedFileRole, string> = {
  document: 'Văn bản', original: 'Bản gốc điện tử', result: 'Kết quả xử lý', appendix: 'Phụ lục', draft: 'Dự thảo', 'draft-pdf': 'Dự thảo (PDF)',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);
