import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import { AuditService } from '@eoffice/core';
import { IncomingRepository } from '../incoming';
import { OutgoingRepository } from '../outgoing';

type AuditEvent = Awaited<ReturnType<AuditService['trail']>>[number];

export interface AuditTrailEntry extends Omit<AuditEvent, 'data'> {
  /** null when `redacted`. */
  data: Record<string, unknown> | null;
  /** A confidential (mật) document's entry read by someone it does not name: who did what when, not what was written. */
  redacted: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit trail of one entity for its readers (administrators, leadership). The trail of a
 * confidential document keeps its content (instructions, notes, subject) for the people the
 * document names, as its detail does (need to know, Decree 30 Art. 15); the others still see every
 * step, its actor and time, and the hash chain.
 */
@Injectable()
export class DocumentAuditTrailService {
  constructor(
    private readonly audit: AuditService,
    private readonly incoming: IncomingRepository,
    private readonly outgoing: OutgoingRepository,
  ) {}

  async trail(actor: Actor, entityType: string, entityId: string): Promise<AuditTrailEntry[]> {
    const events = await this.audit.trail(entityType, entityId);
    const redacted = await this.hidesContentFrom(actor, entityType, entityId);
    return events.map((event) => ({ ...event, data: redacted ? null : event.data, redacted }));
  }

  private async hidesContentFrom(actor: Actor, entityType: string, entityId: string): Promise<boolean> {
    if (!UUID.test(entityId)) return false;
    if (entityType === 'incoming_document') return this.incoming.isConfidentialNotNaming(entityId, actor.id);
    if (entityType === 'outgoing_document') return this.outgoing.isConfidentialNotNaming(entityId, actor.id);
    // A file's entries (file.uploaded: its name, size, hash) are the document's content too.
    if (entityType === 'stored_file') {
      const [incoming, outgoing] = await Promise.all([
        this.incoming.fileOfConfidentialNotNaming(entityId, actor.id),
        this.outgoing.fileOfConfidentialNotNaming(entityId, actor.id),
      ]);
      return incoming || outgoing;
    }
    return false;
  }
}
