import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, FileService, MediaType, ReceivedFile, StoredFile } from '@eoffice/core';
import { PadesLevel, signAppendix, SigningCredentials, TrustOptions } from '@eoffice/signing';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import type { OutgoingAppendix } from './entities/outgoing-appendix.entity';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingAppendixRepository } from './outgoing-appendix.repository';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { OutgoingRepository } from './outgoing.repository';
import { assertSignablePdf } from './signable-pdf';
import { withSigningErrors } from './signing-errors';
import { LongTermSigningService, lowestLevel } from './long-term/long-term-signing.service';

export interface AppendixSigner {
  credentials: SigningCredentials;
  agencyName: string;
  numberSymbol: string;
  signedAt: Date;
  trust: TrustOptions;
}

/** What the issue records of its appendices: how many, the lowest level they reached, and whether one waits for the upgrade job. */
export interface SignedAppendices {
  count: number;
  level: PadesLevel | null;
  warning: string | null;
  upgradeLater: boolean;
}

/**
 * Phụ lục in separate files (Decree 30 Phụ lục I): the author attaches PDFs while the document is a
 * draft; at issue each gets the agency's signature at the top right of page 1 with the document's
 * number, in the transaction; readers download them as they download the document.
 */
@Injectable()
export class OutgoingAppendixService {
  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly documents: OutgoingRepository,
    private readonly appendices: OutgoingAppendixRepository,
    private readonly files: FileService,
    private readonly longTerm: LongTermSigningService,
  ) {}

  /** Recorded on the timeline as a revision of the draft, with the appendix's title. */
  async attach(actor: Actor, id: string, title: string, upload: ReceivedFile): Promise<OutgoingAppendix> {
    const cleanTitle = cleanVietnameseText(title, 'title');
    await assertSignablePdf(this.files, upload);
    let attached: OutgoingAppendix | undefined;
    await this.workflow.run(actor, id, 'revise', `Phụ lục: ${cleanTitle}`, async ({ document, manager }) => {
      this.access.requireAuthor(actor, document);
      const file = await this.files.record(upload, actor.id, manager);
      attached = await this.appendices.insertNext(manager, { documentId: id, title: cleanTitle, fileId: file.id, createdBy: actor.id });
      return { data: { appendix: { position: attached.position, title: cleanTitle, sha256: upload.sha256 } } };
    });
    return attached!;
  }

  /** The appendix as signed at issue, else as attached; to whoever sees the document. */
  async pdf(actor: Actor, id: string, appendixId: string): Promise<{ file: StoredFile; stream: Readable }> {
    const document = await this.documents.findVisible(id, await this.access.scopeFor(actor));
    const appendix = document && (await this.appendices.findOf(id, appendixId));
    if (!appendix) throw AppError.notFound('phụ lục (appendix)');
    const file = await this.files.get(appendix.issuedFileId ?? appendix.fileId);
    return { file, stream: await this.files.open(file) };
  }

  /**
   * Part of the issue: every appendix signed and stored in the caller's transaction, then, as the
   * document's own seal, time-stamped in place (B-T) and given its validation data (B-LT); a TSA or
   * OCSP responder that is down leaves it lower, for the upgrade job (or refuses, when required).
   */
  async signAll(manager: EntityManager, actor: Actor, document: OutgoingDocument, signer: AppendixSigner): Promise<SignedAppendices> {
    const appendices = await this.appendices.listOf(document.id, manager);
    const outcome: SignedAppendices = { count: appendices.length, level: null, warning: null, upgradeLater: false };
    for (const appendix of appendices) {
      const bytes = await this.files.readBytes(appendix.fileId, manager);
      const longTerm = await withSigningErrors(async () => {
        const signed = await signAppendix(bytes, {
          credentials: signer.credentials,
          documentNumberSymbol: signer.numberSymbol,
          agencyName: signer.agencyName,
          signingTime: signer.signedAt,
          trust: signer.trust,
        });
        return this.longTerm.afterSeal(signed, signer.trust);
      });
      const name = `${signer.numberSymbol.replace('/', '_')}_PL${appendix.position}.pdf`;
      const file = await this.files.recordBytes(longTerm.pdf.parts(), { mimeType: MediaType.pdf, originalName: name }, actor.id, manager);
      await this.appendices.markIssued(manager, appendix.id, file.id, longTerm.level);
      outcome.level = lowestLevel([outcome.level ?? longTerm.level, longTerm.level]);
      outcome.warning ??= longTerm.warning && `Phụ lục ${appendix.position}: ${longTerm.warning}`;
      outcome.upgradeLater ||= longTerm.upgradeLater;
    }
    return outcome;
  }
}
