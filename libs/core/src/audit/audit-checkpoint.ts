import { createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import type { BlobStore } from '../files/blob-store';
import { canonicalJson } from './audit-chain';

export const CHECKPOINT_FORMAT = 'eoffice-audit-checkpoint/1';
const FOLDER = 'checkpoints';

/** What a checkpoint vouches for: the chain had `count` sealed entries, the last with `headHash`. */
export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  count: number;
  headHash: string | null;
  createdAt: string;
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  algorithm: 'Ed25519';
  /** base64 Ed25519 signature over the canonical JSON of the body. */
  signature: string;
}

/** Zero-padded, so the names sort in chain order in any listing. */
export function checkpointName(count: number): string {
  return `${FOLDER}/${String(count).padStart(12, '0')}.json`;
}

export function signCheckpoint(body: CheckpointBody, key: KeyObject): SignedCheckpoint {
  const signature = sign(null, Buffer.from(canonicalJson(body)), key).toString('base64');
  return { ...body, algorithm: 'Ed25519', signature };
}

/** True when the installation's key signed exactly this body. */
export function checkpointSignatureValid(checkpoint: SignedCheckpoint, privateKey: KeyObject): boolean {
  const { algorithm, signature, ...body } = checkpoint;
  if (algorithm !== 'Ed25519' || typeof signature !== 'string') return false;
  try {
    return verify(null, Buffer.from(canonicalJson(body)), createPublicKey(privateKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The checkpoint with the highest count in the store, or null when none was ever published. */
export async function readLatestCheckpoint(store: BlobStore): Promise<{ name: string; checkpoint: SignedCheckpoint | null } | null> {
  const names = (await store.listObjects(`${FOLDER}/`)).filter((n) => /\/\d{12}\.json$/.test(n)).sort();
  const name = names[names.length - 1];
  if (!name) return null;
  const bytes = await store.readObject(name);
  try {
    const parsed = JSON.parse(bytes?.toString('utf8') ?? '') as SignedCheckpoint;
    return { name, checkpoint: parsed && typeof parsed === 'object' && typeof parsed.count === 'number' ? parsed : null };
  } catch {
    // An unreadable checkpoint is reported as such, not skipped: someone wrote it.
    return { name, checkpoint: null };
  }
}
