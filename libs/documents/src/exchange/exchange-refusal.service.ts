import { Injectable, Logger } from '@nestjs/common';
import { AuditService, JobName, JobOutbox, JobPayloads, OnJob } from '@eoffice/core';
import { authenticatedRefusal, buildStatus, type EdxmlRefusal } from '@eoffice/exchange';
import { SigningCertificateService } from '../certificates';
import { ExchangeRefusalRepository } from './exchange-refusal.repository';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeTransport, TransportError } from './exchange-transport';

/**
 * Status 02 (từ chối) for a package the strict reading refused. Answered only when the refusal came
 * after the signature checked out with the directory's certificate of the sender — a broken
 * attachment, a field over its length, a future date — and only to the endpoint the directory holds
 * for that sender: a forged or unsigned package gets its 4xx and nothing more, so nobody can make
 * this side send messages to a third party. Once per (sender, recipient, DocumentId, reason code);
 * none when the same document already arrived intact (a damaged duplicate changes nothing).
 */
@Injectable()
export class ExchangeRefusalService {
  private readonly logger = new Logger(ExchangeRefusalService.name);

  constructor(
    private readonly refusals: ExchangeRefusalRepository,
    private readonly exchange: ExchangeRepository,
    private readonly outbox: JobOutbox,
    private readonly keyring: SigningCertificateService,
    private readonly transport: ExchangeTransport,
    private readonly audit: AuditService,
  ) {}

  /** Called with every refusal of a package; queues a 02 when one is due. */
  async refused(error: EdxmlRefusal): Promise<void> {
    const identity = authenticatedRefusal(error);
    if (!identity) return;
    const [agency] = await this.exchange.ourAgencies(identity.to);
    if (!agency) return;
    const sender = identity.responseFor.organId;
    if (await this.exchange.receivedPackage(sender, agency.organId, identity.responseFor.documentId)) return;
    const reason = `${error.code}: ${error.message}`.slice(0, 500);
    await this.outbox.transaction(async (manager) => {
      const refusalId = await this.refusals.insert(manager, { sender, recipient: agency.organId, agencyId: agency.id, responseFor: identity.responseFor, code: error.code, reason });
      if (!refusalId) return;
      await this.outbox.add(manager, JobName.exchangeRefusalSend, { refusalId });
      await this.audit.record(manager, {
        actorId: null,
        action: 'exchange.package_refused',
        entityType: 'exchange_refusal',
        entityId: refusalId,
        data: { documentId: identity.responseFor.documentId, from: sender, to: agency.organId, code: error.code, field: error.field ?? null },
      });
      this.logger.warn(`package ${identity.responseFor.documentId} from ${sender} refused (${error.code}): 02 queued`);
    });
  }

  @OnJob(JobName.exchangeRefusalSend)
  async send({ refusalId }: JobPayloads[typeof JobName.exchangeRefusalSend]): Promise<string> {
    const refusal = await this.refusals.find(refusalId);
    if (!refusal) return 'unknown refusal';
    if (refusal.state !== 'queued') return `already ${refusal.state}`;
    if (refusal.endpointKind !== 'installation' || !refusal.endpointUrl) return `sender ${refusal.senderOrganId} has no exchange endpoint`;
    const signer = await this.keyring.organisationSigner(refusal.agencyId);
    const xml = buildStatus(
      {
        responseFor: refusal.responseFor,
        from: { organId: refusal.recipientOrganId, organName: refusal.agencyName.slice(0, 200) },
        code: '02',
        description: refusal.reason,
        timestamp: new Date(refusal.createdAt).toISOString(),
      },
      { privateKey: signer.credentials.privateKey, certificatePem: signer.certificate.certificatePem },
    );
    try {
      await this.transport.sendStatus(refusal.endpointUrl, xml);
      await this.refusals.mark(refusal.id, 'sent', null);
      return `02 for ${refusal.responseFor.documentId} sent`;
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error).slice(0, 500);
      const refused = error instanceof TransportError && error.kind === 'refused';
      await this.refusals.mark(refusal.id, refused ? 'failed' : 'queued', message);
      if (refused) {
        this.logger.error(`02 for ${refusal.responseFor.documentId} refused by ${refusal.senderOrganId}: ${message}`);
        return `refused: ${message}`;
      }
      throw error;
    }
  }
}
