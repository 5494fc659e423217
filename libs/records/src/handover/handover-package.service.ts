import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganisationScope } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, AuditService, FileService, JobName, JobPayloads, OnJob } from '@eoffice/core';
import { ArchivalEvidence, FilableDocuments } from '@eoffice/documents';
import { renderPdf } from '@eoffice/reports';
import { vietnamDate } from '@eoffice/vietnamese';
import type { FileRecord } from '../entities/file-record.entity';
import type { Handover } from '../entities/handover.entity';
import type { RecordIndex } from '../export/record-index';
import { indexWithFiles } from '../export/index-with-files';
import { COPY_CONCURRENCY, eachLimited } from '../export/copy-checked';
import { recordIndexXml } from '../export/record-index-xml';
import { RecordDocumentRepository } from '../records/record-document.repository';
import { RecordRepository } from '../records/record.repository';
import { BagExistsError, BagSummary, completeBag, KnownChecksums, READ_ONLY_FILE, sealBag, verifyBag } from './bagit';
import { handoverListReport, handoverMinutesReport, HandoverPaperInput } from './handover-reports';
import { HandoverRepository } from './handover.repository';

/** Documents whose audit trails are read in one query (and held in memory together). */
const TRAIL_CHUNK = 500;
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
/** A file code as a directory name: `/` and `\` (allowed in notations) would make subdirectories. */
export const packageDirName = (fileCode: string) => fileCode.normalize('NFC').replace(/[/\\]/g, '_');

/**
 * Builds the hand-over packages of an approved list: one BagIt bag per record under HANDOVER_DIR,
 * `<list id>/<file code>`, written in a temporary directory beside it, then made read-only and
 * renamed into place (never over an existing one). Runs again harmlessly: a record already
 * packaged is skipped, and a bag found in place (the worker died after the rename) is kept if it verifies.
 */
@Injectable()
export class HandoverPackageService {
  private readonly logger = new Logger(HandoverPackageService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly handovers: HandoverRepository,
    private readonly records: RecordRepository,
    private readonly filed: RecordDocumentRepository,
    private readonly documents: FilableDocuments,
    private readonly evidence: ArchivalEvidence,
    private readonly organisation: OrganisationScope,
    private readonly files: FileService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get root(): string {
    return resolve(this.config.HANDOVER_DIR);
  }

  @OnJob(JobName.handoverPackage)
  async build({ handoverId }: JobPayloads[typeof JobName.handoverPackage]): Promise<number> {
    const handover = await this.handovers.findById(handoverId);
    if (!handover || handover.status !== 'approved') return 0;
    const lines = await this.handovers.linesOf(handoverId);
    const records = await Promise.all(lines.map(async (l) => (await this.records.findById(l.recordId))!));
    const papers = await this.papers(handover, records);
    let built = 0;
    for (const [i, line] of lines.entries()) {
      if (line.packagedAt) continue;
      const path = join(handoverId, packageDirName(records[i].fileCode));
      const summary = await this.package(handover, records[i], papers, path, `${i + 1} of ${lines.length}`);
      await this.handovers.packaged(handoverId, line.recordId, { packagePath: path, payloadBytes: String(summary.payloadBytes), payloadFiles: summary.payloadFiles, payloadOxum: summary.oxum });
      built++;
    }
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.handovers.findForUpdate(manager, handoverId);
      if (locked?.status !== 'approved') return;
      await this.handovers.update(manager, handoverId, { status: 'packaged', packagedAt: new Date() });
      const done = await this.handovers.linesOf(handoverId, manager);
      await this.audit.record(manager, {
        actorId: null,
        action: 'handover.packaged',
        entityType: 'handover',
        entityId: handoverId,
        data: { packages: done.map((l) => ({ recordId: l.recordId, path: l.packagePath, oxum: l.payloadOxum })) },
      });
    });
    return built;
  }

  /** The list and the minutes as PDF, the same in every package of the list. */
  private async papers(handover: Handover, records: FileRecord[]): Promise<{ list: Buffer; minutes: Buffer; agencyName: string }> {
    const agency = await this.organisation.findUnit(handover.agencyId);
    const nameOf = async (id: string | null) => (id ? ((await this.organisation.findActiveUser(id))?.fullName ?? id) : '—');
    const input: HandoverPaperInput = {
      handover, records, agencyName: agency?.name ?? '', createdByName: await nameOf(handover.createdBy), approvedByName: await nameOf(handover.approvedBy),
    };
    return { list: await renderPdf(handoverListReport(input)), minutes: await renderPdf(handoverMinutesReport(input)), agencyName: input.agencyName };
  }

  private async package(handover: Handover, record: FileRecord, papers: { list: Buffer; minutes: Buffer; agencyName: string }, path: string, count: string): Promise<BagSummary> {
    const finalDir = join(this.root, path);
    const existing = await verifyBag(finalDir).catch(() => null);
    if (existing?.ok) return existing;
    const temp = join(this.root, '.tmp', `${handover.id}-${record.id}-${randomUUID()}`);
    try {
      await mkdir(join(temp, 'data', 'documents'), { recursive: true });
      const { index, known } = await this.writePayload(join(temp, 'data'), record, papers);
      const summary = await completeBag(temp, [
        ['Source-Organization', papers.agencyName],
        ['External-Identifier', record.fileCode],
        ['External-Description', record.title],
        ['Bagging-Date', vietnamDate(new Date())],
        ['Internal-Sender-Identifier', record.id],
        ['Bag-Group-Identifier', handover.id],
        ['Bag-Count', count],
        ['Bag-Software-Agent', 'eOffice (records hand-over, docs/records.md)'],
        ['Record-Documents', String(index.documents.length)],
      ], known);
      await mkdir(join(this.root, handover.id), { recursive: true });
      await sealBag(temp, finalDir, { filesReadOnly: true });
      this.logger.log({ handoverId: handover.id, recordId: record.id, path, oxum: summary.oxum }, 'hand-over package written');
      return summary;
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      if (error instanceof BagExistsError) throw new Error(`HANDOVER_PACKAGE_EXISTS: ${error.message}`, { cause: error });
      throw error;
    }
  }

  /** `data/`: the documents byte for byte, the record's index (XML, JSON), audit trails, access histories, signature reports, the list and the minutes. */
  private async writePayload(data: string, record: FileRecord, papers: { list: Buffer; minutes: Buffer; agencyName: string }): Promise<{ index: RecordIndex; known: KnownChecksums }> {
    const rows = await this.filed.listOf(record.id);
    // One query per kind for the documents and their companions, one for every stored file: a record holds thousands.
    const documents = await this.documents.findMany(rows.map((r) => ({ kind: r.documentKind, id: r.documentId })));
    const companions = await this.documents.companions(documents, record.includeDrafts);
    const { index, stored } = await indexWithFiles(this.files, this.organisation, record, rows, documents, companions);
    await mkdir(join(data, 'audit'));
    await mkdir(join(data, 'signatures'));
    await mkdir(join(data, 'access'));
    // A chunk at a time: its audit trails in one query per kind, then 8 documents at once; each PDF
    // is read once, checked, written and verified from the same bytes.
    const known = new Map<string, { sha256: string; bytes: number }>();
    // Every payload file is written from bytes in hand, so its checksum is taken there: the manifest
    // then reads nothing back (three small files a document were opened and read again before).
    const put = async (path: string, content: Buffer | string, sha256?: string) => {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      await writeFile(join(data, ...path.split('/')), bytes, READ_ONLY_FILE);
      known.set(`data/${path}`, { sha256: sha256 ?? createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    };
    for (let at = 0; at < index.documents.length; at += TRAIL_CHUNK) {
      const chunk = index.documents.slice(at, at + TRAIL_CHUNK);
      const trailsOf = async (kind: 'incoming' | 'outgoing') =>
        this.audit.trails(`${kind}_document`, chunk.filter((d) => d.kind === kind).map((d) => d.documentId));
      const trails = { incoming: await trailsOf('incoming'), outgoing: await trailsOf('outgoing') };
      const viewsOf = (kind: 'incoming' | 'outgoing') => this.evidence.accessHistories(kind, chunk.filter((d) => d.kind === kind).map((d) => d.documentId));
      const views = { incoming: await viewsOf('incoming'), outgoing: await viewsOf('outgoing') };
      await eachLimited(chunk, COPY_CONCURRENCY, async (d) => {
        const own = stored.get(d.fileName)!;
        const bytes = await this.files.readBytes(own);
        if (createHash('sha256').update(bytes).digest('hex') !== d.sha256) throw new Error(`stored file ${own.id} does not match its SHA-256`);
        await put(`documents/${d.fileName}`, bytes, d.sha256);
        // Its original, result file, appendices and (when the record asks) drafts, byte for byte beside it.
        for (const f of d.files.filter((x) => x.role !== 'document')) {
          const companion = await this.files.readBytes(stored.get(f.fileName)!);
          if (createHash('sha256').update(companion).digest('hex') !== f.sha256) throw new Error(`stored file ${f.fileId} does not match its SHA-256`);
          await put(`documents/${f.fileName}`, companion, f.sha256);
        }
        const base = d.fileName.replace(/\.pdf$/, '');
        await put(`audit/${base}.json`, json({ entityType: `${d.kind}_document`, entityId: d.documentId, events: trails[d.kind].get(d.documentId) ?? [] }));
        await put(`access/${base}.json`, json({ documentKind: d.kind, documentId: d.documentId, views: views[d.kind].get(d.documentId) ?? [] }));
        await put(`signatures/${base}.json`, json(await this.evidence.signaturesOf(own.id, bytes)));
      });
    }
    await put('audit/ho-so.json', json({ entityType: 'record', entityId: record.id, events: await this.audit.trail('record', record.id) }));
    await put('ho-so.xml', recordIndexXml(index));
    await put('ho-so.json', json(index));
    await put('danh-muc-nop-luu.pdf', papers.list);
    await put('bien-ban-giao-nhan.pdf', papers.minutes);
    return { index, known };
  }
}
