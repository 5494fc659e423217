import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '../certificates';
import { ConversionModule } from '../conversion';
import { IncomingModule } from '../incoming';
import { OcrModule } from '../ocr';
import { RegistersModule } from '../registers';
import { ViewsModule } from '../views';
import { OutgoingRegisterBookSource } from './book/outgoing-register-book.source';
import { OutgoingAppendix } from './entities/outgoing-appendix.entity';
import { OutgoingDocument } from './entities/outgoing-document.entity';
import { OutgoingEvent } from './entities/outgoing-event.entity';
import { OutgoingRecipient } from './entities/outgoing-recipient.entity';
import { OutgoingVersion } from './entities/outgoing-version.entity';
import { SigningSession } from './entities/signing-session.entity';
import { LeaderSignatureSteps } from './leader-signature-steps';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingAppendixRepository } from './outgoing-appendix.repository';
import { OutgoingAppendixService } from './outgoing-appendix.service';
import { OutgoingConversionService } from './outgoing-conversion.service';
import { OutgoingDispatchService } from './outgoing-dispatch.service';
import { OutgoingDraftingService } from './outgoing-drafting.service';
import { OutgoingEventRepository } from './outgoing-event.repository';
import { OutgoingIssueService } from './outgoing-issue.service';
import { OutgoingIssuedReplies } from './outgoing-issued-replies';
import { OutgoingMailService } from './outgoing-mail.service';
import { OutgoingDocumentManagers } from './outgoing-managers';
import { OutgoingPluginSigningService } from './outgoing-plugin-signing.service';
import { OutgoingQueryService } from './outgoing-query.service';
import { OutgoingRecipientRepository } from './outgoing-recipient.repository';
import { OutgoingReviewService } from './outgoing-review.service';
import { OutgoingSigningService } from './outgoing-signing.service';
import { OutgoingTextService } from './outgoing-text.service';
import { OutgoingVersionRepository } from './outgoing-version.repository';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { OutgoingRepository } from './outgoing.repository';
import { SigningSessionRepository } from './signing-session.repository';
import { OutgoingRemoteSigningService } from './remote/outgoing-remote-signing.service';
import { RemoteSigningAccount, RemoteSigningProvider } from './remote/remote-signing-config.entity';
import { RemoteSigningConfigRepository } from './remote/remote-signing-config.repository';
import { RemoteSigningConfigService } from './remote/remote-signing-config.service';
import { RemoteSigningPoller } from './remote/remote-signing-poller.service';
import { LongTermSigningService } from './long-term/long-term-signing.service';
import { PublicVerificationService } from './long-term/public-verification.service';
import { IssueSteps } from './issue-steps';
import { SigningAuthorityService } from './signing-authority.service';
import { AgencySealService } from './seal/agency-seal.service';
import { OutgoingPaperService } from './seal/outgoing-paper.service';
import { SealActors } from './seal/seal-actors';
import { SealSagaRunner } from './seal/seal-saga-runner.service';
import { AgencySeal, SealSaga } from './seal/seal-saga.entity';
import { AgencySealRepository, SealSagaRepository } from './seal/seal-saga.repository';
import { SealSagaService } from './seal/seal-saga.service';
import { RemoteSignBatchService } from './batch/remote-sign-batch.service';
import { SignBatch, SignBatchItem } from './batch/sign-batch.entity';
import { SignBatchPoller } from './batch/sign-batch-poller.service';
import { SignBatchRepository } from './batch/sign-batch.repository';
import { SignBatchService } from './batch/sign-batch.service';

const services = [
  OutgoingDraftingService,
  OutgoingReviewService,
  OutgoingSigningService,
  OutgoingPluginSigningService,
  OutgoingAppendixService,
  OutgoingIssueService,
  OutgoingDispatchService,
  OutgoingMailService,
  OutgoingConversionService,
  OutgoingTextService,
  OutgoingQueryService,
  OutgoingRemoteSigningService,
  RemoteSigningConfigService,
  RemoteSigningPoller,
  LongTermSigningService,
  PublicVerificationService,
  AgencySealService,
  SealSagaService,
  SealSagaRunner,
  OutgoingPaperService,
  SignBatchService,
  RemoteSignBatchService,
  SignBatchPoller,
];

/**
 * Văn bản đi: drafting, review, signing, issuing and dispatch. Builds on incoming (a reply closes
 * the item it answers, dispatch makes incoming copies), registers, certificates, conversion, OCR
 * and views; provides the ports incoming and views own (OutgoingIssuedReplies, OutgoingDocumentManagers).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutgoingDocument, OutgoingVersion, OutgoingRecipient, OutgoingEvent, OutgoingAppendix, SigningSession, RemoteSigningProvider, RemoteSigningAccount, AgencySeal, SealSaga, SignBatch, SignBatchItem]),
    IncomingModule,
    RegistersModule,
    CertificatesModule,
    ConversionModule,
    OcrModule,
    ViewsModule,
  ],
  providers: [
    OutgoingRepository,
    OutgoingVersionRepository,
    OutgoingRecipientRepository,
    OutgoingEventRepository,
    SigningSessionRepository,
    RemoteSigningConfigRepository,
    OutgoingAppendixRepository,
    LeaderSignatureSteps,
    SigningAuthorityService,
    IssueSteps,
    SealActors,
    AgencySealRepository,
    SealSagaRepository,
    SignBatchRepository,
    OutgoingAccess,
    OutgoingWorkflow,
    OutgoingRegisterBookSource,
    OutgoingIssuedReplies,
    OutgoingDocumentManagers,
    ...services,
  ],
  exports: [
    OutgoingRepository,
    OutgoingRecipientRepository,
    OutgoingEventRepository,
    SigningSessionRepository,
    OutgoingAccess,
    OutgoingWorkflow,
    OutgoingRegisterBookSource,
    OutgoingIssuedReplies,
    OutgoingDocumentManagers,
    ...services,
  ],
})
export class OutgoingModule {}
