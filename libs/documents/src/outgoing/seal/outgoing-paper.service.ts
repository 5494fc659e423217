import { Injectable } from '@nestjs/common';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, FileService, JobName, JobOutbox, MediaType, ReceivedFile } from '@eoffice/core';
import { applyDigitisedCopySeal, formatNumberSymbol, prepareDeferredDigitisedCopySeal } from '@eoffice/signing';
import { SigningCertificateService } from '../../certificates';
import type { OutgoingDocument } from '../entities/outgoing-document.entity';
import { IssueSteps } from '../issue-steps';
import { OutgoingAccess } from '../outgoing-access.service';
import { OutgoingWorkflow } from '../outgoing-workflow.service';
import { assertOutgoingTransition } from '../outgoing-lifecycle';
import { OutgoingRepository } from '../outgoing.repository';
import { SealSagaRepository } from './seal-saga.repository';
import { withSigningErrors } from '../signing-errors';
import { AgencySealService } from './agency-seal.service';
import { SealSagaRunner } from './seal-saga-runner.service';
import { SealSagaService } from './seal-saga.service';
import { sealProblems } from './seal-check';
import type { SealSaga } from './seal-saga.entity';
import { LongTermSigningService } from '../long-term/long-term-signing.service';

/**
 * Văn bản ký tay (issue 16.3): the signer approved the draft and signed it in ink. The clerk gives
 * the paper original its number and date (the register notes "bản giấy"), then uploads the scan of
 * the signed paper; the scan, sealed by the agency at the top right of page 1 (bản số hóa), is the
 * issued document that dispatch, statistics and records use like any other. With a stored seal
 * key the scan is sealed at once; otherwise through a seal saga (a failure leaves the number to the
 * paper original, and the scan may be sent again).
 */
@Injectable()
export class OutgoingPaperService {
  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly organisation: OrganisationScope,
    private readonly steps: IssueSteps,
    private readonly seals: AgencySealService,
    private readonly sagaService: SealSagaService,
    private readonly runner: SealSagaRunner,
    private readonly keyring: SigningCertificateService,
    private readonly files: FileService,
    private readonly outbox: JobOutbox,
    private readonly longTerm: LongTermSigningService,
    private readonly documents: OutgoingRepository,
    private readonly sagas: SealSagaRepository,
  ) {}

  numberPaperOriginal(actor: Actor, id: string): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'issue_paper', null, async ({ document, manager, scope }) => {
      this.access.requireClerkOf(scope, document);
      const { notation } = await this.steps.agencyFacts(document, manager);
      const number = await this.steps.takeNumber(manager, document, new Date());
      const issuedAt = new Date();
      const numberSymbol = formatNumberSymbol(number.value, notation);
      return {
        changes: { registerId: number.registerId, year: number.year, outgoingNumber: number.value, numberSymbol, issuedAt, issuedBy: actor.id, signedOnPaper: true },
        data: { registerId: number.registerId, year: number.year, number: number.value, numberSymbol, paper: true },
      };
    });
  }

  /** The scan sealed at once (stored key: 200 with the issued document), or a saga opened (token, remote: 202 with it). */
  async registerScan(actor: Actor, id: string, scan: ReceivedFile, certificate?: string): Promise<{ document: OutgoingDocument; saga?: SealSaga }> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const seal = await this.seals.configured(agency.id);
    const pdf = await this.files.readBytes(scan);
    if (seal.mode === 'stored') {
      const document = await this.workflow.run(actor, id, 'paper_seal', null, async ({ document, manager, scope }) => {
        this.access.requireClerkOf(scope, document);
        const organisation = await this.keyring.organisationSigner(document.agencyId, manager);
        const trust = await this.keyring.trustOptions();
        const sealed = await withSigningErrors(() =>
          applyDigitisedCopySeal(pdf, { credentials: organisation.credentials, agencyName: agency.name, sealImage: organisation.image, signingTime: new Date(), trust }),
        );
        const bytes = Buffer.concat(sealed.parts());
        const problems = sealProblems(bytes, 'paper', trust);
        if (problems.length) throw new AppError(422, 'SEAL_INVALID', `Chữ ký số của cơ quan không hợp lệ (${problems.join('; ')})`);
        // B-T and B-LT for the seal, as an electronically issued document gets them.
        const longTerm = await this.longTerm.afterSeal(sealed, trust);
        const file = await this.files.recordBytes(longTerm.pdf.parts(), { mimeType: MediaType.pdf, originalName: `${document.numberSymbol!.replace('/', '_')}.pdf` }, actor.id, manager);
        if (longTerm.upgradeLater) await this.outbox.add(manager, JobName.outgoingLongTermUpgrade, { documentId: id }, { delay: this.longTerm.retryDelayMs });
        return {
          changes: { issuedFileId: file.id, longTermLevel: longTerm.level, longTermWarning: longTerm.warning, longTermStampedUntil: longTerm.stampedUntil },
          data: { paper: true, numberSymbol: document.numberSymbol, sha256: file.sha256, certificateId: organisation.certificate.id, longTermLevel: longTerm.level },
        };
      });
      return { document };
    }
    const key = await this.sagaService.sealCertificate(seal, agency.name, certificate);
    const image = await this.seals.sealImage(seal);
    const scope = await this.access.scopeFor(actor);
    // Prepared under the document's lock; the saga carries the number the paper original already has.
    return this.outbox.transaction(async (manager) => {
      const document = await this.documents.findForUpdate(manager, id, scope);
      if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
      assertOutgoingTransition(document.status, 'paper_seal');
      this.access.requireClerkOf(scope, document);
      if (await this.sagas.openOf(manager, document.id)) throw AppError.conflict('SEAL_SAGA_OPEN', 'Bản số hóa đang chờ chữ ký số của cơ quan (a seal is already awaited)');
      const trust = await this.keyring.trustOptions();
      const signingTime = new Date();
      const prepared = await withSigningErrors(() =>
        prepareDeferredDigitisedCopySeal(pdf, { certificate: key.certificate, chain: key.chain, agencyName: agency.name, sealImage: image, signingTime, trust }),
      );
      const number = { registerId: document.registerId!, year: document.year!, value: document.outgoingNumber! };
      const saga = await this.runner.open(manager, actor, { kind: 'paper', mode: seal.mode as 'token' | 'remote', document, number, numberSymbol: document.numberSymbol!, issuedAt: document.issuedAt!, prepared });
      return { document, saga };
    });
  }
}
