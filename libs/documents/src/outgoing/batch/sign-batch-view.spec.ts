import { AppError } from '@eoffice/core';
import { SigningError } from '@eoffice/signing';
import type { SigningSession } from '../entities/signing-session.entity';
import type { SignBatch, SignBatchItem } from './sign-batch.entity';
import { ALREADY_SIGNED, itemFailureOf, signBatchView } from './sign-batch-view';

const now = new Date('2026-12-07T10:00:00Z');
const batch = { id: 'b', method: 'remote', transactionId: 't', remoteStatus: 'pending', expiresAt: null, createdAt: now } as SignBatch;
const item = (position: number, changes: Partial<SignBatchItem> = {}): SignBatchItem => ({
  batchId: 'b', position, documentId: `d${position}`, status: 'pending', sessionId: null, failureStatus: null, failureCode: null, failureMessage: null, ...changes,
});
const session = (id: string, changes: Partial<SigningSession>): SigningSession =>
  ({ id, remoteStatus: 'pending', expiresAt: new Date(now.getTime() + 60_000), failureCode: null, failureMessage: null, ...changes }) as SigningSession;

describe('a signing batch as its signer sees it', () => {
  it('follows each remote draft\'s own session; a pending one past its deadline shows expired', () => {
    const view = signBatchView(batch, [
      item(0, { sessionId: 's0' }),
      item(1, { sessionId: 's1' }),
      item(2, { sessionId: 's2' }),
      item(3, { sessionId: 's3' }),
      item(4, { status: 'failed', failureStatus: 409, failureCode: 'INVALID_TRANSITION' }),
    ], [
      session('s0', { remoteStatus: 'signed' }),
      session('s1', {}),
      session('s2', { remoteStatus: 'rejected', failureCode: 'REMOTE_SIGNING_REJECTED' }),
      session('s3', { expiresAt: new Date(now.getTime() - 1) }),
    ], now);
    expect(view.items.map((i) => [i.status, i.failureCode])).toEqual([
      ['signed', null], ['pending', null], ['failed', 'REMOTE_SIGNING_REJECTED'], ['failed', 'REMOTE_SIGNING_EXPIRED'], ['failed', 'INVALID_TRANSITION'],
    ]);
    expect([view.status, view.counts]).toEqual(['pending', { signed: 1, failed: 3, pending: 1 }]);
  });

  it('is completed once nothing is pending', () => {
    expect(signBatchView({ ...batch, method: 'stored', remoteStatus: null }, [item(0, { status: 'signed' })], [], now).status).toBe('completed');
  });

  it('stays pending while the remote transaction is, even with every draft settled (the batch is closed after its last draft)', () => {
    const settled = [item(0, { sessionId: 's0' })];
    const signed = [session('s0', { remoteStatus: 'signed' })];
    expect(signBatchView(batch, settled, signed, now).status).toBe('pending');
    expect(signBatchView({ ...batch, remoteStatus: 'signed' }, settled, signed, now).status).toBe('completed');
  });

  it('reports a refusal with the single route\'s status and code, and a real fault as none', () => {
    expect(itemFailureOf(new AppError(403, 'NOT_DESIGNATED_SIGNER', 'no'))).toMatchObject({ status: 403, code: 'NOT_DESIGNATED_SIGNER' });
    expect(itemFailureOf(new SigningError('REMOTE_PROVIDER_UNREACHABLE', 'down'))).toMatchObject({ status: 502, code: 'REMOTE_PROVIDER_UNREACHABLE' });
    expect(itemFailureOf(new Error('boom'))).toBeNull();
    expect(ALREADY_SIGNED).toMatchObject({ status: 409, code: 'ALREADY_SIGNED' });
  });
});
