import { Alert } from 'antd';
import { ApiError, messageOf } from '../api/problem';

/** An API error as the person should read it: the Vietnamese message and each field's complaint. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={messageOf(error)}
      description={fields.length > 0 ? <ul>{fields.map((f) => <li key={f.field}>{`${f.field}: ${f.message}`}</li>)}</ul> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
