import { Injectable, Logger } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { AuditService, JobOutbox } from '@eoffice/core';
import { BUSINESS_DOC_TYPE, type EdxmlHeader } from '@eoffice/exchange';
import { NotificationRepository } from '../notifications';
import { proposalOf } from './edxml-mapping';
import { ExchangeRepository } from './exchange.repository';
import { CopyMetadata, ExchangeRevisionRepository } from './exchange-revision.repository';
import { correctionFingerprint } from './exchange-update.service';

export interface RevisionReceipt {
  organId: string;
  packageId: string;
  intakeItemId: string;
  replayed: boolean;
}

/**
 * The receiver's side of packages that revise earlier ones (docs/exchange.md):
 *
 * - an **update** (BussinessDocType 2, the DocumentId of a copy we hold) corrects that copy — the
 *   incoming document if it is registered, else the intake item's proposal —, audited with before
 *   and after, once per content;
 * - a **replacement** (3) lands in the intake as a new package linked to the earlier copy
 *   (`replacesPackageFor`); once it is registered, the status scan marks the earlier incoming copy
 *   replaced and tells its handlers and the clerks (`settleReplacements`).
 */
@Injectable()
export class ExchangeRevisionService {
  private readonly logger = new Logger(ExchangeRevisionService.name);

  constructor(
    private readonly revisions: ExchangeRevisionRepository,
    private readonly exchange: ExchangeRepository,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditService,
    private readonly notifications: NotificationRepository,
    private readonly organisation: OrganisationScope,
  ) {}

  /** The copy an update package is about, or null (not an update, or no copy here: then it is taken as a new package). */
  async updatedCopy(header: EdxmlHeader, recipient: string): Promise<{ id: string; intakeItemId: string } | null> {
    if (header.business?.docType !== BUSINESS_DOC_TYPE.updated) return null;
    const known = await this.exchange.receivedPackage(header.from.organId, recipient, header.documentId);
    return known?.intakeItemId ? { id: known.id, intakeItemId: known.intakeItemId } : null;
  }

  /** The earlier copy (package row and intake item) a replacement package replaces for this recipient, if we hold one. */
  async replacedCopy(header: EdxmlHeader, recipient: string): Promise<{ id: string; intakeItemId: string } | null> {
    if (header.business?.docType !== BUSINESS_DOC_TYPE.replacing) return null;
    for (const replaced of header.business.replaces) {
      if (replaced.organIds.length > 0 && !replaced.organIds.includes(recipient)) continue;
      const known = await this.exchange.receivedPackage(header.from.organId, recipient, replaced.documentId);
      if (known?.intakeItemId) return { id: known.id, intakeItemId: known.intakeItemId };
    }
    return null;
  }

  async applyUpdate(agency: { organId: string }, copy: { id: string; intakeItemId: string }, header: EdxmlHeader): Promise<RevisionReceipt> {
    const proposal = proposalOf(header);
    const after: CopyMetadata = { subject: header.subject, documentType: header.documentType.name, urgency: proposal.urgency ?? 'normal', issuingAuthority: header.from.organName };
    const reason = header.business?.reason ?? 'Nơi gửi cập nhật thông tin văn bản';
    const applied = await this.outbox.transaction(async (manager) => {
      const recorded = await this.revisions.insertUpdate(manager, { packageId: copy.id, direction: 'received', reason, changes: after, fingerprint: correctionFingerprint(after, reason), state: 'applied' });
      if (!recorded) return false;
      const found = await this.revisions.lockCopy(manager, copy.intakeItemId);
      const data = { packageId: copy.id, updateId: recorded, documentId: header.documentId, from: header.from.organId, reason };
      if (found?.incomingId && found.incoming) {
        await this.revisions.updateIncoming(manager, found.incomingId, after);
        await this.audit.record(manager, { actorId: null, action: 'incoming.metadata_updated', entityType: 'incoming_document', entityId: found.incomingId, data: { ...data, before: found.incoming, after } });
      } else if (found && found.state === 'waiting') {
        await this.revisions.updateIntakeProposal(manager, copy.intakeItemId, { ...found.proposal, ...proposal }, header.subject);
        await this.audit.record(manager, { actorId: null, action: 'intake.proposal_updated', entityType: 'intake_item', entityId: copy.intakeItemId, data: { ...data, before: found.proposal, after: proposal } });
      } else {
        // Returned or recalled already: nothing left to correct, the update is only recorded.
        await this.audit.record(manager, { actorId: null, action: 'exchange.update_received', entityType: 'intake_item', entityId: copy.intakeItemId, data: { ...data, appliedTo: null, itemState: found?.state ?? null } });
      }
      return true;
    });
    this.logger.log(`update of ${header.documentId} from ${header.from.organId} → ${agency.organId}${applied ? '' : ' (already applied)'}`);
    return { organId: agency.organId, packageId: copy.id, intakeItemId: copy.intakeItemId, replayed: !applied };
  }

  /** Called by the status scan: earlier copies whose replacement is registered are marked replaced, their people told. */
  async settleReplacements(limit: number): Promise<number> {
    let settled = 0;
    for (const copy of await this.revisions.replacedCopies(limit)) {
      const handlers = await this.outbox.transaction(async (manager) => {
        const people = await this.revisions.markIncomingReplaced(manager, copy);
        if (!people) return null;
        await this.audit.record(manager, { actorId: null, action: 'incoming.replaced', entityType: 'incoming_document', entityId: copy.replacedIncomingId, data: { replacedById: copy.byIncomingId, packageId: copy.packageId } });
        return people;
      });
      if (!handlers) continue;
      settled += 1;
      const people = new Set([...handlers, ...(await this.organisation.clerkIdsOf(copy.agencyId))]);
      const title = `Văn bản đến đã được thay thế bằng văn bản số ${copy.byNumberSymbol}`.slice(0, 1200);
      await this.notifications.insertNew([...people].map((userId) => ({ userId, kind: 'incoming_replaced', documentId: copy.replacedIncomingId, title, dedupeKey: `incoming-replaced:${copy.replacedIncomingId}` })));
    }
    return settled;
  }
}
