import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import type { IncomingDocument } from '../incoming';
import { IncomingAccess, IncomingRepository } from '../incoming';
import type { OutgoingDocument } from '../outgoing';
import { OutgoingAccess, OutgoingRepository } from '../outgoing';
import { vietnamDate } from '@eoffice/vietnamese';
import { CompanionFile, CompanionFilesRepository } from './companion-files.repository';

export type { CompanionFile, CompanionRole } from './companion-files.repository';

export type FilableKind = 'incoming' | 'outgoing';

export interface DocumentRef {
  kind: FilableKind;
  id: string;
}

/**
 * A document as records (hồ sơ) see it: what the index of a record and its export need, and the
 * one PDF that stands for it (the incoming scan, the issued outgoing document).
 */
export interface FilableDocument extends DocumentRef {
  agencyId: string;
  status: string;
  confidentiality: string;
  documentType: string;
  /** Số, ký hiệu: the sender's for an incoming document, the agency's for an issued one. */
  numberSymbol: string | null;
  /** Ngày văn bản (YYYY-MM-DD): the sender's date, or the issue date in Vietnam. */
  documentDate: string;
  /** Cơ quan ban hành of an incoming document; null for the agency's own outgoing ones. */
  issuingAuthority: string | null;
  subject: string;
  pageCount: number | null;
  /** The PDF filed; null while an outgoing document is not issued (it cannot be filed yet). */
  fileId: string | null;
  /** When the work on it ended (closed or issued), for the "to file" list. */
  finishedAt: Date | null;
}

/**
 * The door from records into documents: lookups through the same access scopes as the document
 * lists (a person files and sees only what they may see; a mật document stays with those it names),
 * and plain lookups for the export once access was checked. Nothing here records a view.
 */
@Injectable()
export class FilableDocuments {
  constructor(
    private readonly incomingAccess: IncomingAccess,
    private readonly outgoingAccess: OutgoingAccess,
    private readonly incoming: IncomingRepository,
    private readonly outgoing: OutgoingRepository,
    private readonly companionFiles: CompanionFilesRepository,
  ) {}

  /**
   * The files that go with the documents into a record's export and package (appendices, result
   * files, the electronic original; the drafts when asked), in a stable order; without an access
   * check, as `findMany`.
   */
  companions(refs: readonly DocumentRef[], withDrafts: boolean): Promise<CompanionFile[]> {
    return this.companionFiles.of(refs, withDrafts);
  }

  /** The document if the person may see it, else null (the caller answers 404, never 403). */
  async visible(actor: Actor, ref: DocumentRef): Promise<FilableDocument | null> {
    return (await this.visibleMany(actor, [ref]))[0] ?? null;
  }

  /** Those of the documents the person may see, in the order given; one query per kind (a record holds thousands). */
  async visibleMany(actor: Actor, refs: readonly DocumentRef[]): Promise<FilableDocument[]> {
    const ids = (kind: FilableKind) => refs.filter((r) => r.kind === kind).map((r) => r.id);
    const [incoming, outgoing] = await Promise.all([
      ids('incoming').length ? this.incomingAccess.scopeFor(actor).then((scope) => this.incoming.findVisibleMany(ids('incoming'), scope)) : [],
      ids('outgoing').length ? this.outgoingAccess.scopeFor(actor).then((scope) => this.outgoing.findVisibleMany(ids('outgoing'), scope)) : [],
    ]);
    return inOrder(refs, incoming, outgoing);
  }

  /** Without an access check: for the export and the archive, after the caller checked access. */
  async find(ref: DocumentRef): Promise<FilableDocument | null> {
    const document = ref.kind === 'incoming' ? await this.incoming.findById(ref.id) : await this.outgoing.findById(ref.id);
    return document ? describe(ref.kind, document) : null;
  }

  /** `find` for many, one query per kind; the missing ones are left out. */
  async findMany(refs: readonly DocumentRef[]): Promise<FilableDocument[]> {
    const ids = (kind: FilableKind) => refs.filter((r) => r.kind === kind).map((r) => r.id);
    const [incoming, outgoing] = await Promise.all([this.incoming.findByIds(ids('incoming')), this.outgoing.findByIds(ids('outgoing'))]);
    return inOrder(refs, incoming, outgoing);
  }
}

function inOrder(refs: readonly DocumentRef[], incoming: IncomingDocument[], outgoing: OutgoingDocument[]): FilableDocument[] {
  const byKey = new Map<string, FilableDocument>([
    ...incoming.map((d) => [`incoming:${d.id}`, describe('incoming', d)] as const),
    ...outgoing.map((d) => [`outgoing:${d.id}`, describe('outgoing', d)] as const),
  ]);
  return refs.flatMap((r) => byKey.get(`${r.kind}:${r.id}`) ?? []);
}

function describe(kind: FilableKind, document: IncomingDocument | OutgoingDocument): FilableDocument {
  if (kind === 'incoming') {
    const d = document as IncomingDocument;
    return {
      kind, id: d.id, agencyId: d.agencyId, status: d.status, confidentiality: d.confidentiality, documentType: d.documentType,
      numberSymbol: d.sourceNumberSymbol, documentDate: d.sourceDate, issuingAuthority: d.issuingAuthority, subject: d.subject,
      pageCount: d.pageCount, fileId: d.status === 'voided' ? null : d.scanFileId, finishedAt: d.closedAt,
    };
  }
  const d = document as OutgoingDocument;
  return {
    kind, id: d.id, agencyId: d.agencyId, status: d.status, confidentiality: d.confidentiality, documentType: d.documentType,
    numberSymbol: d.numberSymbol, documentDate: vietnamDate(d.issuedAt ?? d.createdAt), issuingAuthority: null, subject: d.subject,
    pageCount: null, fileId: d.issuedFileId, finishedAt: d.issuedAt,
  };
}
