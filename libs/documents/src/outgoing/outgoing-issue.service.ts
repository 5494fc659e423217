import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '@eoffice/accounts';
import { FileService, JobName, JobOutbox, MediaType } from '@eoffice/core';
import { applyOrganisationSignature, fillNumberAndDate, formatNumberSymbol } from '@eoffice/signing';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { IssueSteps } from './issue-steps';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingAppendixService } from './outgoing-appendix.service';
import { OutgoingDispatchService } from './outgoing-dispatch.service';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { SigningCertificateService } from '../certificates';
import { withSigningErrors } from './signing-errors';
import { AgencySealRepository } from './seal/seal-saga.repository';
import { requireStoredSeal } from './seal/seal-errors';
import { LongTermSigningService, lowestLevel } from './long-term/long-term-signing.service';
import { PublicVerificationService } from './long-term/public-verification.service';

/**
 * Cấp số (Decree 30 Art. 14–15, 32.2): in one transaction the clerk's issue takes the next number
 * of the register for the year, writes number and date into the signed PDF's fields and applies
 * the agency's signature. The number counter is rolled back with everything else when any step
 * fails, so a failed signature consumes no number and numbers stay gap-free. When the agency's seal
 * key is not on the server, issuing is a saga instead (seal/seal-saga.service.ts).
 */
@Injectable()
export class OutgoingIssueService {
  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly steps: IssueSteps,
    private readonly seals: AgencySealRepository,
    private readonly keyring: SigningCertificateService,
    private readonly files: FileService,
    private readonly dispatching: OutgoingDispatchService,
    private readonly appendices: OutgoingAppendixService,
    private readonly longTerm: LongTermSigningService,
    private readonly verification: PublicVerificationService,
    private readonly outbox: JobOutbox,
  ) {}

  private readonly logger = new Logger(OutgoingIssueService.name);

  /** Urgent documents (khẩn, thượng khẩn, hỏa tốc) are dispatched at once (Decree 30 Art. 18.1). */
  async issue(actor: Actor, id: string): Promise<OutgoingDocument> {
    return this.dispatchIfUrgent(actor, await this.issueInTransaction(actor, id));
  }

  /** After any issue (here, at the end of a seal saga, from a paper scan): urgent ones leave at once. */
  async dispatchIfUrgent(actor: Actor, issued: OutgoingDocument): Promise<OutgoingDocument> {
    if (issued.urgency === 'normal') return issued;
    try {
      return await this.dispatching.dispatch(actor, issued.id);
    } catch (error) {
      // The issue stands; the clerk sees `issued` and dispatches again once the cause is fixed.
      this.logger.error({ documentId: issued.id, error: String(error) }, 'urgent document issued but not dispatched');
      return issued;
    }
  }

  private issueInTransaction(actor: Actor, id: string): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'issue', null, async ({ document, manager, scope }) => {
      this.access.requireClerkOf(scope, document);
      requireStoredSeal(await this.seals.modeOf(document.agencyId, manager));
      const trust = await this.keyring.trustOptions();
      const signedPdf = await this.files.readBytes(document.signedFileId!, manager);
      this.steps.assertLeaderSignature(signedPdf, document, trust);
      const { agency, place, notation } = await this.steps.agencyFacts(document, manager);
      const organisation = await this.keyring.organisationSigner(document.agencyId, manager);
      const number = await this.steps.takeNumber(manager, document, new Date());
      const issuedAt = new Date();
      // The public link and QR code go into the seal's revision, so the agency's signature covers them.
      const verificationToken = this.verification.newToken();
      const verificationUrl = this.verification.linkFor(verificationToken);
      const longTerm = await withSigningErrors(async () => {
        const filled = await fillNumberAndDate(signedPdf, { documentNumber: number.value, notation, place, issueDate: issuedAt });
        const sealed = await applyOrganisationSignature(filled, {
          credentials: organisation.credentials,
          agencyName: agency.name,
          sealImage: organisation.image,
          signingTime: issuedAt,
          trust,
          verificationLink: verificationUrl ? { url: verificationUrl } : undefined,
        });
        return this.longTerm.afterSeal(sealed, trust);
      });
      const issuedPdf = longTerm.pdf;
      const numberSymbol = formatNumberSymbol(number.value, notation);
      const file = await this.files.recordBytes(issuedPdf.parts(), { mimeType: MediaType.pdf, originalName: `${numberSymbol.replace('/', '_')}.pdf` }, actor.id, manager);
      const appendices = await this.appendices.signAll(manager, actor, document, {
        credentials: organisation.credentials, agencyName: agency.name, numberSymbol, signedAt: issuedAt, trust,
      });
      // The document's level is its weakest file's: the upgrade job and the refresh extend them together.
      const level = lowestLevel([longTerm.level, appendices.level ?? longTerm.level]);
      const warning = longTerm.warning ?? appendices.warning;
      if (longTerm.upgradeLater || appendices.upgradeLater) {
        await this.outbox.add(manager, JobName.outgoingLongTermUpgrade, { documentId: id }, { delay: this.longTerm.retryDelayMs });
      }
      return {
        changes: {
          registerId: number.registerId, year: number.year, outgoingNumber: number.value, numberSymbol, issuedAt, issuedBy: actor.id, issuedFileId: file.id,
          longTermLevel: level, longTermWarning: warning, longTermStampedUntil: longTerm.stampedUntil, verificationToken,
        },
        data: {
          registerId: number.registerId, year: number.year, number: number.value, numberSymbol, sha256: file.sha256, certificateId: organisation.certificate.id, appendices: appendices.count,
          longTermLevel: level, ...(warning ? { longTermWarning: warning } : {}),
        },
      };
    });
  }
}
