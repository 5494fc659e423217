import { incomingKeys } from '../../../api/incoming';
import { useDocumentAction } from '../../../hooks/useDocumentAction';

/** Runs one action on an incoming document; the incoming lists are fetched afresh after it. */
export function useAction(done: string) {
  return useDocumentAction(done, [incomingKeys.all]);
}
