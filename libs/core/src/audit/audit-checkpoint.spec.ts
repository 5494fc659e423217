import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBlobStore } from '../files/local-blob.store';
import { CheckpointBody, checkpointName, checkpointSignatureValid, CHECKPOINT_FORMAT, readLatestCheckpoint, signCheckpoint } from './audit-checkpoint';
import { checkpointKeyId, parseCheckpointKey } from './checkpoint-key';

describe('audit checkpoints', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const body: CheckpointBody = { format: CHECKPOINT_FORMAT, count: 42, headHash: 'a'.repeat(64), createdAt: '2026-12-05T20:00:00.000Z', keyId: checkpointKeyId(privateKey) };

  it('reads the key as PEM, as base64 PKCS#8 DER and as a base64 32-byte seed, and nothing else', () => {
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const id = checkpointKeyId(privateKey);
    expect(checkpointKeyId(parseCheckpointKey(pem))).toBe(id);
    expect(checkpointKeyId(parseCheckpointKey(pem.replace(/\n/g, '\\n')))).toBe(id);
    expect(checkpointKeyId(parseCheckpointKey(der.toString('base64')))).toBe(id);
    expect(checkpointKeyId(parseCheckpointKey(der.subarray(der.length - 32).toString('base64')))).toBe(id);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parseCheckpointKey(rsa)).toThrow(/not Ed25519/);
    expect(() => parseCheckpointKey('not a key')).toThrow();
  });

  it('signs the body so that any change, or another key, fails the check', () => {
    const signed = signCheckpoint(body, privateKey);
    expect(checkpointSignatureValid(signed, privateKey)).toBe(true);
    expect(checkpointSignatureValid({ ...signed, count: 41 }, privateKey)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, headHash: 'b'.repeat(64) }, privateKey)).toBe(false);
    expect(checkpointSignatureValid(signed, generateKeyPairSync('ed25519').privateKey)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, signature: 'garbage' }, privateKey)).toBe(false);
  });

  describe('in the local file store', () => {
    let dir: string;
    let store: LocalBlobStore;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ckpt-'));
      store = new LocalBlobStore(dir);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes once and never overwrites', async () => {
      expect(await store.putOnce(checkpointName(42), Buffer.from('first'))).toBe(true);
      expect(await store.putOnce(checkpointName(42), Buffer.from('second'))).toBe(false);
      expect(readFileSync(join(dir, 'checkpoints/000000000042.json'), 'utf8')).toBe('first');
      await expect(store.putOnce('../escape/x.json', Buffer.from('x'))).rejects.toThrow(/bad object name/);
    });

    it('finds the latest by chain length, and an unreadable one as such', async () => {
      expect(await readLatestCheckpoint(store)).toBeNull();
      for (const count of [9, 120, 35]) await store.putOnce(checkpointName(count), Buffer.from(JSON.stringify(signCheckpoint({ ...body, count }, privateKey))));
      expect((await readLatestCheckpoint(store))?.checkpoint?.count).toBe(120);
      writeFileSync(join(dir, 'checkpoints/000000000500.json'), '{ not json');
      expect(await readLatestCheckpoint(store)).toEqual({ name: 'checkpoints/000000000500.json', checkpoint: null });
    });
  });
});
