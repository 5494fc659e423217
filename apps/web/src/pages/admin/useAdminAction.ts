import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { showFieldErrors } from '../../components/field-errors';

interface Options {
  /** The form whose fields carry the API's field errors. */
  form?: FormInstance;
  fields?: readonly string[];
  /** Fetched afresh after a success. */
  refresh?: () => Promise<unknown>;
}

/**
 * One administrator's action: busy flag, a toast on success, the API's problem kept to show (and its
 * field errors put under the form's fields). Resolves to the answer, or undefined when it failed.
 */
export function useAdminAction(done: string, options: Options = {}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await call();
      void message.success(done);
      await options.refresh?.();
      return result;
    } catch (e) {
      setError(e);
      if (options.form && options.fields) showFieldErrors(options.form, e, options.fields);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clearError: () => setError(undefined) };
}
