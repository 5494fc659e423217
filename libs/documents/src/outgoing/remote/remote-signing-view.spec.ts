import type { SigningSession } from '../entities/signing-session.entity';
import { documentRefOf, remoteSigningView } from './remote-signing-view';

const session = (changes: Partial<SigningSession>): SigningSession => ({
  id: 's1', documentId: '0a1b2c3d-0000-4000-8000-000000000000', signerId: 'u1', preparedFileId: 'f1', state: { mode: 'plugin' },
  createdAt: new Date('2026-12-07T02:05:09Z'), expiresAt: new Date('2026-12-07T02:10:09Z'), completedAt: null, signingAuthority: null,
  providerId: 'p1', transactionId: 't1', remoteStatus: 'pending', failureCode: null, failureMessage: null, ...changes,
});

describe('remote signing state as people read it', () => {
  it('says since when it waits on the phone, in Vietnam time', () => {
    const view = remoteSigningView(session({}), new Date('2026-12-07T02:06:00Z'));
    expect(view).toMatchObject({ status: 'pending', documentRef: 'VBDI-0A1B2C3D', message: 'Chờ xác nhận trên điện thoại từ 2026-12-07T09:05:09+07:00' });
    expect(documentRefOf('0a1b2c3d-0000')).toBe('VBDI-0A1B2C3D');
  });

  it('shows a pending request past its deadline as expired before the worker closes it', () => {
    expect(remoteSigningView(session({}), new Date('2026-12-07T02:11:00Z')).status).toBe('expired');
  });

  it('names why it did not sign', () => {
    const view = remoteSigningView(session({ remoteStatus: 'rejected', failureCode: 'REMOTE_SIGNING_REJECTED', failureMessage: 'người ký từ chối' }));
    expect(view).toMatchObject({ status: 'rejected', failureCode: 'REMOTE_SIGNING_REJECTED' });
    expect(view.message).toContain('từ chối');
  });
});
