// The API's field errors (`errors` of a 400 VALIDATION_FAILED problem: `{ field, message }`, the
// field named as in the body, e.g. `fullName`) shown under the form's own fields, not only on top.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/problem';

/** Puts each of the API's field errors under the form's field of that name (one of `fields`); true when one was placed. */
export function showFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.errors) {
    const name = field.split('.')[0];
    if (!known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  if (byField.size > 0) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
