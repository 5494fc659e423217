import type { Actor } from '@eoffice/accounts';

/**
 * Ports the views area owns: whether a person manages a document — may see who opened it. The
 * incoming and outgoing areas implement them (they know who may see and answer for their
 * documents), so the dependency runs incoming/outgoing → views only, as recording a view does.
 */
export abstract class DocumentManagers {
  /** True: manages it; false: sees it but does not manage it. Throws 404 when the person cannot see it. */
  abstract manages(actor: Actor, documentId: string): Promise<boolean>;
}

/** Managers of an incoming document: the agency's clerks, the leader it was submitted to, an agency-level leader. */
export abstract class IncomingManagers extends DocumentManagers {}

/** Managers of an outgoing document: its author, its signer and the agency's clerks. */
export abstract class OutgoingManagers extends DocumentManagers {}
