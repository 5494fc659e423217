import type { ReceivedFile, StoredFile } from '@eoffice/core';
import type { ReceivedVia } from '../incoming';
import type { IntakeState } from './intake-item.entity';
import type { IntakeProposal } from './intake-proposal';

/** A file of an arrival: already in the store (a scan's PDF), just received (an attachment), or refused (flagged, not kept). */
export interface ArrivalFile {
  stored?: StoredFile;
  received?: ReceivedFile;
  /** The bytes, when the channel holds them already (saves reading a PDF back for its signature check). */
  bytes?: Buffer;
  originalName: string | null;
  mimeType: string | null;
  sizeBytes: number;
  sha256: string | null;
  /** Why it was refused or what is odd about it: attachment_too_large, executable, archive, … */
  flags: string[];
}

/** Everything a channel knows of one arrival; the receipt service turns it into an intake item. */
export interface Arrival {
  agencyId: string;
  channel: ReceivedVia;
  sourceId: string;
  messageId: string | null;
  sender: string | null;
  senderName: string | null;
  title: string | null;
  receivedAt: Date;
  /** `not_a_document` for mail the intake sets aside (no attachments, spam-like, unreadable). */
  state: Extract<IntakeState, 'waiting' | 'not_a_document'>;
  flags: string[];
  proposal: IntakeProposal;
  /** The e-mail itself (.eml), byte for byte. */
  message: ReceivedFile | null;
  files: ArrivalFile[];
  /** A replacement package: the intake item of the earlier copy, written with the item so no reader sees it unlinked. */
  replacesItemId?: string | null;
}
