import type { IntakeProposal } from './intake-proposal';
import type { IntakeState } from './intake-item.entity';

/** Body of POST /intake/:id/register: the proposal's fields the clerk accepts or corrects, and the rest of a registration. */
export interface RegisterIntakeInput extends IntakeProposal {
  registerId?: string;
  dueDate?: string;
  dueInWorkingDays?: number;
  pageCount?: number;
  /** Thời gian hiệu lực, when the document sets one. */
  validUntil?: string;
  convertLegacyText?: boolean;
  /** Which of the item's PDFs is the document (the scan); default: the first. */
  fileId?: string;
}

export interface ListIntakeInput {
  state?: IntakeState;
  page?: number;
  pageSize?: number;
}
