import { Injectable, Logger } from '@nestjs/common';
import { Actor, AgencyDirectoryService } from '@eoffice/accounts';
import { AppError, JobName, JobOutbox, JobPayloads, OnJob } from '@eoffice/core';
import { buildStatus, EdxmlRefusal, parseStatus } from '@eoffice/exchange';
import { SigningCertificateService } from '../certificates';
import { OutgoingQueryService } from '../outgoing';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeTransport, TransportError } from './exchange-transport';
import { refusalError } from './exchange-receiver.service';
import { ExchangeRecallService } from './exchange-recall.service';
import { ExchangeRevisionService } from './exchange-revision.service';

const SCAN_BATCH = 500;

/**
 * Status messages (QCVN 102: 01 arrived … 06 done, 02 refused) both ways. Our side: each step a
 * received copy takes becomes a queued status (once per code, in the row's unique key) and leaves
 * through the outbox, oldest first per package; a failure stops that package's queue until the retry,
 * so the sender never sees 05 before 03. Their side: a signed status updates the per-recipient status
 * of what we sent; one for a package we never sent is logged and dropped.
 */
@Injectable()
export class ExchangeStatusService {
  private readonly logger = new Logger(ExchangeStatusService.name);

  constructor(
    private readonly exchange: ExchangeRepository,
    private readonly outbox: JobOutbox,
    private readonly keyring: SigningCertificateService,
    private readonly transport: ExchangeTransport,
    private readonly directory: AgencyDirectoryService,
    private readonly outgoing: OutgoingQueryService,
    private readonly recalls: ExchangeRecallService,
    private readonly revisions: ExchangeRevisionService,
  ) {}

  /** Steps of received copies since the last scan → queued statuses and their send jobs, in one transaction per package. */
  @OnJob(JobName.exchangeStatusScan)
  async scan(): Promise<string> {
    const steps = await this.exchange.unreportedSteps(SCAN_BATCH);
    const packages = new Set<string>();
    for (const step of steps) {
      await this.outbox.transaction(async (manager) => {
        if (await this.exchange.queueStatus(manager, step.packageId, step.code, step.description, step.occurredAt)) {
          await this.outbox.add(manager, JobName.exchangeStatusSend, { packageId: step.packageId });
          packages.add(step.packageId);
        }
      });
    }
    const recalled = await this.recalls.settleRaces(SCAN_BATCH);
    const replaced = await this.revisions.settleReplacements(SCAN_BATCH);
    return `${steps.length} status(es) queued for ${packages.size} package(s)${recalled ? `, ${recalled} copy(ies) registered during their recall recalled` : ''}${replaced ? `, ${replaced} copy(ies) marked replaced` : ''}`;
  }

  @OnJob(JobName.exchangeStatusSend)
  async send({ packageId }: JobPayloads[typeof JobName.exchangeStatusSend]): Promise<string> {
    const ctx = await this.exchange.statusContext(packageId);
    if (!ctx) return 'unknown package';
    const queued = await this.exchange.queuedStatuses(packageId);
    if (queued.length === 0) return 'nothing queued';
    const endpoint = await this.transport.endpointFor(ctx.endpointKind, ctx.endpointUrl, ctx.agencyOrganId);
    if (!endpoint) return `sender ${ctx.header.from.organId} has no exchange endpoint`;
    const signer = await this.keyring.organisationSigner(ctx.agencyId);
    const h = ctx.header;
    for (const status of queued) {
      const xml = buildStatus(
        {
          responseFor: { organId: h.from.organId, code: `${h.code.number}/${h.code.notation}`, promulgationDate: h.promulgation.date, documentId: h.documentId },
          from: { organId: ctx.agencyOrganId, organName: ctx.agencyName.slice(0, 200) },
          code: status.code as '01',
          description: status.description?.slice(0, 500) ?? undefined,
          timestamp: new Date(status.occurredAt).toISOString(),
        },
        { privateKey: signer.credentials.privateKey, certificatePem: signer.certificate.certificatePem },
      );
      try {
        const route = { kind: ctx.endpointKind, from: ctx.agencyOrganId, to: h.from.organId, documentId: h.documentId, packageId, statusCode: status.code };
        await this.transport.sendStatus(endpoint, xml, route);
        await this.exchange.markStatus(status.id, true, null);
      } catch (error) {
        const message = String(error instanceof Error ? error.message : error).slice(0, 500);
        await this.exchange.markStatus(status.id, false, message);
        // A refusal is final for this status: say so in the logs and keep the rest in order behind it.
        if (error instanceof TransportError && error.kind === 'refused') {
          this.logger.error(`status ${status.code} of package ${packageId} refused by ${h.from.organId}: ${message}`);
          return `refused: ${message}`;
        }
        throw error;
      }
    }
    return `${queued.length} status(es) sent`;
  }

  /** Each status the agency recipients of an outgoing document sent back (404 when the actor may not see the document). */
  async receivedFor(actor: Actor, outgoingId: string) {
    await this.outgoing.visibleDocument(actor, outgoingId);
    return this.exchange.receivedStatuses(outgoingId);
  }

  /** A status message from an agency we sent a package to. */
  async receive(xml: Buffer): Promise<{ applied: boolean }> {
    let status;
    try {
      status = await parseStatus(xml, async (organId) => (await this.directory.exchangePartner(organId))?.certificatePem ?? null);
    } catch (error) {
      if (!(error instanceof EdxmlRefusal)) throw error;
      this.logger.warn(`status refused: ${error.code} ${error.message}`);
      throw refusalError(error);
    }
    const occurredAt = new Date(status.timestamp);
    if (occurredAt.getTime() > Date.now() + 5 * 60_000) throw new AppError(422, 'EDXML_FIELD_INVALID', 'Thời điểm của trạng thái ở tương lai (the status timestamp is in the future)');
    // 13 (thu hồi) comes from the sender of a package we received, not from a recipient of ours.
    if (status.code === '13') return this.recalls.receive(status, occurredAt);
    const pkg = await this.exchange.sentPackageFor(status.responseFor.organId, status.from.organId, status.responseFor.documentId);
    if (!pkg) {
      this.logger.warn(`status ${status.code} from ${status.from.organId} for a package never sent (${status.responseFor.documentId}): dropped`);
      return { applied: false };
    }
    const applied = await this.outbox.transaction((manager) => this.exchange.applyStatus(manager, pkg, status.code, status.description ?? null, occurredAt));
    this.logger.log(`status ${status.code} from ${status.from.organId} for ${status.responseFor.documentId}${applied ? '' : ' (already applied)'}`);
    return { applied };
  }
}
