import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IssuedReplies } from '../incoming';
import { isIssued } from './outgoing-lifecycle';
import { OutgoingRepository } from './outgoing.repository';

/** The outgoing side of IssuedReplies: a reply counts once issued, and no longer once recalled. */
@Injectable()
export class OutgoingIssuedReplies extends IssuedReplies {
  constructor(private readonly outgoing: OutgoingRepository) {
    super();
  }

  async isIssuedReplyTo(outgoingId: string, incomingId: string, manager: EntityManager): Promise<boolean> {
    const reply = await this.outgoing.findById(outgoingId, manager);
    return !!reply && reply.replyToIncomingId === incomingId && isIssued(reply.status) && reply.status !== 'recalled';
  }
}
