import type { EntityManager } from 'typeorm';

/**
 * What closing an incoming item needs to know about its reply (văn bản trả lời), asked without
 * knowing outgoing documents: the outgoing area implements it (OutgoingIssuedReplies), so the
 * dependency runs outgoing → incoming only, as dispatch already does.
 */
export abstract class IssuedReplies {
  /** True when `outgoingId` is an issued (not recalled) reply to the incoming item `incomingId`. */
  abstract isIssuedReplyTo(outgoingId: string, incomingId: string, manager: EntityManager): Promise<boolean>;
}
