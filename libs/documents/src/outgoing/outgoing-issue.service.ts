import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, OrganisationScope, Unit } from '@eoffice/accounts';
import { AppError, FileService, JobName, JobOutbox, MediaType } from '@eoffice/core';
import {
  applyOrganisationSignature, fillNumberAndDate, formatNumberSymbol, TrustOptions, verifyPdfSignatures,
} from '@eoffice/signing';
import { RegisterNumberingRepository, RegisterRepository } from '../registers';
import { vietnamYear } from '@eoffice/vietnamese';
import { findDocumentType, notationFor } from './document-types';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingAppendixService } from './outgoing-appendix.service';
import { OutgoingDispatchService } from './outgoing-dispatch.service';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { SigningCertificateService } from '../certificates';
import { withSigningErrors } from './signing-errors';
import { LongTermSigningService } from './long-term/long-term-signing.service';
import { PublicVerificationService } from './long-term/public-verification.service';

/**
 * Cấp số (Decree 30 Art. 14–15, 32.2): in one transaction the clerk's issue takes the next number
 * of the register for the year, writes number and date into the signed PDF's fields and applies
 * the agency's signature. The number counter is rolled back with everything else when any step
 * fails, so a failed signature consumes no number and numbers stay gap-free.
 */
@Injectable()
export class OutgoingIssueService {
  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly organisation: OrganisationScope,
    private readonly registers: RegisterRepository,
    private readonly numbering: RegisterNumberingRepository,
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
    const issued = await this.issueInTransaction(actor, id);
    if (issued.urgency === 'normal') return issued;
    try {
      return await this.dispatching.dispatch(actor, id);
    } catch (error) {
      // The issue stands; the clerk sees `issued` and dispatches again once the cause is fixed.
      this.logger.error({ documentId: id, error: String(error) }, 'urgent document issued but not dispatched');
      return issued;
    }
  }

  private issueInTransaction(actor: Actor, id: string): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'issue', null, async ({ document, manager, scope }) => {
      this.access.requireClerkOf(scope, document);
      const trust = await this.keyring.trustOptions();
      const signedPdf = await this.files.readBytes(document.signedFileId!, manager);
      this.assertLeaderSignature(signedPdf, document, trust);
      const [agency, draftingUnit] = await Promise.all([this.unit(document.agencyId, manager), this.unit(document.draftingUnitId, manager)]);
      const place = this.placeOf(agency);
      const notation = notationFor(findDocumentType(document.documentType), agency.code, draftingUnit.code, document.confidentiality);
      const organisation = await this.keyring.organisationSigner(document.agencyId, manager);
      // Taken last: the counter row stays locked until commit, so concurrent issues queue here only;
      // the issue time is read after the lock, so times follow numbers (Art. 15.1).
      const number = await this.takeNumber(manager, document, new Date());
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
      if (longTerm.upgradeLater) {
        await this.outbox.add(manager, JobName.outgoingLongTermUpgrade, { documentId: id }, { delay: this.longTerm.retryDelayMs });
      }
      const numberSymbol = formatNumberSymbol(number.value, notation);
      const file = await this.files.recordBytes(issuedPdf.parts(), { mimeType: MediaType.pdf, originalName: `${numberSymbol.replace('/', '_')}.pdf` }, actor.id, manager);
      const appendices = await this.appendices.signAll(manager, actor, document, {
        credentials: organisation.credentials, agencyName: agency.name, numberSymbol, signedAt: issuedAt, trust,
      });
      return {
        changes: {
          registerId: number.registerId, year: number.year, outgoingNumber: number.value, numberSymbol, issuedAt, issuedBy: actor.id, issuedFileId: file.id,
          longTermLevel: longTerm.level, longTermWarning: longTerm.warning, longTermStampedUntil: longTerm.stampedUntil, verificationToken,
        },
        data: {
          registerId: number.registerId, year: number.year, number: number.value, numberSymbol, sha256: file.sha256, certificateId: organisation.certificate.id, appendices,
          longTermLevel: longTerm.level, ...(longTerm.warning ? { longTermWarning: longTerm.warning } : {}),
        },
      };
    });
  }

  /**
   * The state says `signed`, but the bytes decide (Art. 32.2.c: seal only what the competent
   * person validly signed): exactly one intact, trusted signature by the certificate recorded at
   * signing, and nothing appended after it.
   */
  private assertLeaderSignature(pdf: Buffer, document: OutgoingDocument, trust: TrustOptions): void {
    const report = verifyPdfSignatures(pdf, trust);
    const [signature] = report.signatures;
    const problems = [
      report.signatures.length !== 1 && `${report.signatures.length} signatures instead of 1`,
      signature && !signature.intact && 'the signature does not match the bytes',
      signature && !signature.certificateTrusted && 'the certificate is not trusted',
      signature?.signerCertificate?.sha256Fingerprint !== document.signerCertificateSha256 && 'not signed with the signer certificate recorded',
      report.modifiedAfterLastSignature && 'the file changed after the signature',
    ].filter(Boolean);
    if (problems.length) {
      throw new AppError(422, 'LEADER_SIGNATURE_INVALID', `Chữ ký của người có thẩm quyền không hợp lệ (${problems.join('; ')})`);
    }
  }

  private async takeNumber(manager: EntityManager, document: OutgoingDocument, at: Date) {
    const register = await this.registers.findOutgoingFor(document.agencyId, document.confidentiality !== 'normal', document.documentType, manager);
    if (!register) throw new AppError(422, 'REGISTER_INVALID', 'Cơ quan chưa có sổ văn bản đi phù hợp (no outgoing register for this document)');
    const year = vietnamYear(at);
    return { registerId: register.id, year, value: await this.numbering.takeNext(manager, register.id, year) };
  }

  private async unit(id: string, manager: EntityManager): Promise<Unit> {
    const unit = await this.organisation.findUnit(id, manager);
    if (!unit) throw AppError.notFound('đơn vị (unit)');
    return unit;
  }

  private placeOf(agency: Unit): string {
    if (!agency.placeName) {
      throw new AppError(422, 'AGENCY_PLACE_MISSING', `Chưa khai báo địa danh của ${agency.name} (the agency has no place name for the date line)`);
    }
    return agency.placeName;
  }
}
