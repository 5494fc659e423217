import { createHash } from 'node:crypto';

export interface ChainedFields {
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  prevHash: string | null;
}

/** JSON with sorted keys, so the same event always hashes the same way after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(fields: ChainedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        ...fields,
        occurredAt: fields.occurredAt.toISOString(),
      }),
    )
    .digest('hex');
}
