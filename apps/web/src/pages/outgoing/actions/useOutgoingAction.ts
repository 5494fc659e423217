import { incomingKeys } from '../../../api/incoming';
import { outgoingKeys } from '../../../api/outgoing';
import { useDocumentAction } from '../../../hooks/useDocumentAction';

/**
 * Runs one step of an outgoing document. Dispatching may close the incoming document it answers and
 * creates the recipients' copies, so the incoming lists go stale too.
 */
export function useOutgoingAction(done: string) {
  return useDocumentAction(done, [outgoingKeys.all, incomingKeys.all]);
}
