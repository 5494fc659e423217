import { createHash } from 'node:crypto';
import type { IncomingFiles, RegisterIncomingInput } from './incoming-input';

/** JSON with keys in a fixed order at every level, so the same request always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * What a registration asked for: its metadata and the bytes of its files (by hash). A retry of
 * the same request has the same fingerprint, whatever the order of its JSON keys; another request
 * sent under the same Idempotency-Key has another.
 */
export function registrationFingerprint(input: RegisterIncomingInput, files: IncomingFiles): string {
  const request = { metadata: canonical({ ...input }), scan: files.scan?.sha256 ?? null, original: files.original?.sha256 ?? null };
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
