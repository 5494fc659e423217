import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { incomingKeys } from '../../../api/incoming';
import { outgoingKeys } from '../../../api/outgoing';

/** Runs one step of an outgoing document: busy flag, the error to show, a toast and fresh lists after. */
export function useOutgoingAction(done: string) {
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
      // Dispatching may close the incoming document it answers, and creates the recipients' copies.
      await Promise.all([queryClient.invalidateQueries({ queryKey: outgoingKeys.all }), queryClient.invalidateQueries({ queryKey: incomingKeys.all })]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
