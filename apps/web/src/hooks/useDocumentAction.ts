import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';

/**
 * Runs one step on a document: busy flag, the error to show, a toast, then the lists named by
 * `stale` fetched afresh. Incoming and outgoing actions differ only in which lists go stale.
 */
export function useDocumentAction(done: string, stale: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      void message.success(done);
      await Promise.all(stale.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
