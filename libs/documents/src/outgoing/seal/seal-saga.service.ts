import { Injectable } from '@nestjs/common';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, FileService } from '@eoffice/core';
import {
  completeDeferredSignature, DeferredSignatureResponse, fillNumberAndDate, formatNumberSymbol, parseCertificate, prepareDeferredAppendixSeal, prepareDeferredSeal,
  remoteSigningClient,
} from '@eoffice/signing';
import { assertCertificateHolder, SigningCertificateService } from '../../certificates';
import type { OutgoingDocument } from '../entities/outgoing-document.entity';
import { IssueSteps } from '../issue-steps';
import { OutgoingAccess } from '../outgoing-access.service';
import { OutgoingAppendixRepository } from '../outgoing-appendix.repository';
import { OutgoingWorkflow } from '../outgoing-workflow.service';
import { RemoteSigningConfigRepository } from '../remote/remote-signing-config.repository';
import { RemoteSigningConfigService } from '../remote/remote-signing-config.service';
import { withSigningErrors } from '../signing-errors';
import { AgencySealService } from './agency-seal.service';
import { requireSealElsewhere, sagaClosed } from './seal-errors';
import { SealedAppendix, SealSagaRunner } from './seal-saga-runner.service';
import { AgencySeal, OPEN_SAGA_STEPS, SealSaga } from './seal-saga.entity';
import { SealSagaRepository } from './seal-saga.repository';
import { PublicVerificationService } from '../long-term/public-verification.service';

/** The token's answer for one appendix: its signature over that appendix's signed attributes (or a CMS). */
export interface AppendixSealResponse {
  appendixId: string;
  response: DeferredSignatureResponse;
}

/** The seal's certificate: the clerk's token presents it; a remote e-seal's comes from the provider. */
export interface SealKeyCertificate {
  certificate: Buffer;
  chain: Buffer[];
}

/**
 * Cấp số when the agency's seal key is not on the server (issue 16.2): one transaction takes the
 * number and date, writes them into the signed PDF and prepares the seal's revision, and one for
 * each appendix (phụ lục: the agency's block with the number, as the stored-key issue signs them);
 * then the clerk's token signs every digest (POST …/issue/seal) or the worker gets the remote
 * e-seal's signatures (SealSagaRunner). The document is `sealing` — not issued — until the seal is embedded
 * and verified; a seal that fails or does not come in time voids the number.
 */
@Injectable()
export class SealSagaService {
  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly organisation: OrganisationScope,
    private readonly steps: IssueSteps,
    private readonly seals: AgencySealService,
    private readonly sagas: SealSagaRepository,
    private readonly runner: SealSagaRunner,
    private readonly appendices: OutgoingAppendixRepository,
    private readonly providers: RemoteSigningConfigRepository,
    private readonly remoteConfig: RemoteSigningConfigService,
    private readonly keyring: SigningCertificateService,
    private readonly files: FileService,
    private readonly verification: PublicVerificationService,
  ) {}

  async start(actor: Actor, id: string, presented?: string): Promise<SealSaga> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const seal = await this.seals.configured(agency.id);
    requireSealElsewhere(seal.mode);
    const key = await this.sealCertificate(seal, agency.name, presented);
    const image = await this.seals.sealImage(seal);
    let saga: SealSaga | undefined;
    await this.workflow.run(actor, id, 'seal_start', null, async ({ document, manager, scope }) => {
      this.access.requireClerkOf(scope, document);
      const trust = await this.keyring.trustOptions();
      const signedPdf = await this.files.readBytes(document.signedFileId!, manager);
      this.steps.assertLeaderSignature(signedPdf, document, trust);
      const { place, notation } = await this.steps.agencyFacts(document, manager);
      const number = await this.steps.takeNumber(manager, document, new Date());
      const issuedAt = new Date();
      // The public link and QR code go into the seal's revision, as the stored-key issue puts them;
      // the page answers only once the document is issued (it needs the issued file).
      const verificationToken = this.verification.newToken();
      const verificationUrl = this.verification.linkFor(verificationToken);
      const prepared = await withSigningErrors(async () => {
        const filled = await fillNumberAndDate(signedPdf, { documentNumber: number.value, notation, place, issueDate: issuedAt });
        return prepareDeferredSeal(filled, {
          certificate: key.certificate, chain: key.chain, agencyName: agency.name, sealImage: image, signingTime: issuedAt, trust,
          verificationLink: verificationUrl ? { url: verificationUrl } : undefined,
        });
      });
      const numberSymbol = formatNumberSymbol(number.value, notation);
      // Each appendix gets the seal the stored-key issue gives it (signAll): the agency, the number, the time.
      const appendices = [];
      for (const appendix of await this.appendices.listOf(document.id, manager)) {
        const bytes = await this.files.readBytes(appendix.fileId, manager);
        const preparedAppendix = await withSigningErrors(() => prepareDeferredAppendixSeal(bytes, {
          certificate: key.certificate, chain: key.chain, documentNumberSymbol: numberSymbol, agencyName: agency.name, signingTime: issuedAt, trust,
        }));
        appendices.push({ appendixId: appendix.id, position: appendix.position, prepared: preparedAppendix });
      }
      saga = await this.runner.open(manager, actor, { kind: 'issue', mode: seal.mode as 'token' | 'remote', document, number, numberSymbol, issuedAt, prepared, appendices });
      return { changes: { verificationToken }, data: { sagaId: saga.id, mode: saga.mode, registerId: number.registerId, year: number.year, number: number.value, numberSymbol, appendices: appendices.length } };
    });
    return saga!;
  }

  /**
   * The clerk's token answers: its signature over the digest (or a CMS), and one for each
   * appendix, each checked against its own prepared signed attributes — one over another digest is
   * refused (400 SIGNATURE_MISMATCH) and the saga stays open — then embedded and verified, and the
   * document is issued with its appendices.
   */
  async sealWithToken(actor: Actor, id: string, sagaId: string, response: DeferredSignatureResponse, appendixResponses: AppendixSealResponse[] = []): Promise<OutgoingDocument> {
    const saga = await this.sagaOf(actor, id, sagaId);
    if (saga.mode !== 'token') throw AppError.conflict('SEAL_SAGA_NOT_TOKEN', 'Con dấu này do nhà cung cấp từ xa ký (this seal comes from the remote e-seal)');
    if (!OPEN_SAGA_STEPS.includes(saga.step)) throw sagaClosed(saga);
    if (saga.expiresAt.getTime() <= Date.now()) {
      await this.runner.void(saga.id, 'SEAL_SAGA_EXPIRED', 'chữ ký số của cơ quan đến sau thời hạn (the seal came after the deadline)');
      throw sagaClosed((await this.sagas.findById(saga.id))!);
    }
    requireOneAnswerPerAppendix(saga, appendixResponses);
    const prepared = await this.files.readBytes(saga.preparedFileId);
    const sealed = await withSigningErrors(() => completeDeferredSignature(prepared, saga.state, response));
    const appendices: SealedAppendix[] = [];
    for (const appendix of saga.appendices) {
      const answer = appendixResponses.find((a) => a.appendixId === appendix.appendixId)!;
      const preparedAppendix = await this.files.readBytes(appendix.preparedFileId);
      try {
        appendices.push({ appendixId: appendix.appendixId, pdf: await withSigningErrors(() => completeDeferredSignature(preparedAppendix, appendix.state, answer.response)) });
      } catch (error) {
        throw error instanceof AppError ? new AppError(error.status, error.code, `Phụ lục ${appendix.position}: ${error.message}`) : error;
      }
    }
    return this.runner.finish(saga.id, sealed, actor, true, appendices);
  }

  /** The document's newest saga, for its clerk. */
  async latest(actor: Actor, id: string): Promise<SealSaga> {
    const scope = await this.access.scopeFor(actor);
    const saga = await this.sagas.latestOf(id);
    if (!saga || !scope.clerkAgencyIds.includes(saga.agencyId)) throw AppError.notFound('phiên đóng dấu (seal saga)');
    return saga;
  }

  private async sagaOf(actor: Actor, id: string, sagaId: string): Promise<SealSaga> {
    const scope = await this.access.scopeFor(actor);
    const saga = await this.sagas.findById(sagaId);
    if (!saga || saga.documentId !== id || !scope.clerkAgencyIds.includes(saga.agencyId)) throw AppError.notFound('phiên đóng dấu (seal saga)');
    return saga;
  }

  /** Checked like any certificate (time, usage, trust, CRL), and issued to the agency itself. */
  async sealCertificate(seal: AgencySeal, agencyName: string, presented?: string): Promise<SealKeyCertificate> {
    let key: SealKeyCertificate;
    if (seal.mode === 'token') {
      if (!presented) throw AppError.validation('Cần chứng thư số trên USB token của cơ quan (the token certificate is required)', [{ field: 'certificate', message: 'required' }]);
      const der = await withSigningErrors(() => parseCertificate(presented.includes('BEGIN') ? presented : Buffer.from(presented, 'base64')).der);
      key = { certificate: der, chain: [] };
    } else {
      const provider = await this.providers.providerOf(seal.agencyId);
      if (!provider || !seal.credentialId) throw AppError.conflict('REMOTE_SIGNING_NOT_CONFIGURED', 'Chưa cấu hình nhà cung cấp con dấu số từ xa (no remote e-seal provider)');
      const client = remoteSigningClient(this.remoteConfig.settingsOf(provider));
      key = await withSigningErrors(() => client.certificate(seal.credentialId!));
    }
    const summary = await this.keyring.checkPresentedCertificate(key.certificate.toString('base64'), key.chain);
    assertCertificateHolder(summary.commonName, agencyName);
    return key;
  }
}

/** Exactly one answer for each appendix the saga prepared: none missing, none unknown, none twice (400 otherwise, the saga stays open). */
function requireOneAnswerPerAppendix(saga: SealSaga, answers: AppendixSealResponse[]): void {
  const expected = new Set(saga.appendices.map((a) => a.appendixId));
  const given = answers.map((a) => a.appendixId);
  const missing = saga.appendices.filter((a) => !given.includes(a.appendixId));
  const unknown = given.filter((g) => !expected.has(g));
  const twice = given.filter((g, i) => given.indexOf(g) !== i);
  if (missing.length || unknown.length || twice.length) {
    throw new AppError(400, 'APPENDIX_SEALS_MISMATCH', [
      missing.length > 0 && `thiếu chữ ký cho phụ lục ${missing.map((a) => a.position).join(', ')} (missing)`,
      unknown.length > 0 && `phụ lục không thuộc phiên đóng dấu: ${unknown.join(', ')} (unknown)`,
      twice.length > 0 && `phụ lục được ký hai lần: ${twice.join(', ')} (twice)`,
    ].filter(Boolean).join('; '));
  }
}
