import { createHash, privateEncrypt, constants } from 'node:crypto';
import { buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool } from '../../test/external-tools';
import { pdfsigResults } from '../../test/pdf-checks';
import { createTestPki, LEADER_NAME, PKI_SETUP_TIMEOUT_MS, TestPki } from '../../test/pki-fixture';
import { prepareDraft } from '../form/draft-preparer';
import { remoteProvider } from '../signature/signature-provider';
import { remoteSigningClient } from './remote-clients';
import { HttpFetch, RemoteSigningClient, RemoteSignRequest } from './remote-signing-client';

/** DigestInfo prefix of SHA-256 (RFC 8017 §9.2): what an HSM's "sign hash" wraps around the hash. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

describe('remote signing: the provider sees only the hash; its signature counts only if it signs exactly that', () => {
  let test: TestPki;
  let draft: Buffer;

  beforeAll(async () => {
    requireTool('pdfsig');
    test = createTestPki();
    draft = (await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT)).toBuffer();
  }, PKI_SETUP_TIMEOUT_MS);

  /** A provider in memory: signs (or mis-signs) the hash it was sent with the leader's key. */
  function fakeClient(mangle = false): RemoteSigningClient & { sent: RemoteSignRequest[] } {
    const sent: RemoteSignRequest[] = [];
    return {
      protocol: 'csc',
      sent,
      certificate: () => Promise.resolve({ certificate: test.leader.certificate, chain: test.leader.chain }),
      requestSignature: (request) => {
        sent.push(request);
        return Promise.resolve({ transactionId: 't-1', credentialId: request.credentialId, hash: request.hash.toString('base64') });
      },
      status: (transaction) => {
        const hash = mangle ? createHash('sha256').update('another document').digest() : Buffer.from(transaction.hash, 'base64');
        const signature = privateEncrypt({ key: test.leader.privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, hash]));
        return Promise.resolve({ state: 'signed', signature });
      },
    };
  }

  function provider(client: RemoteSigningClient) {
    return remoteProvider(client, { credentialId: 'leader', certificate: test.leader.certificate, chain: test.leader.chain, documentId: 'VBDI-1', description: 'Ký văn bản' });
  }

  const appearance = () => ({ signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust: test.trust });

  it('sends a 32-byte hash and the document reference, and embeds a signature pdfsig accepts', async () => {
    const client = fakeClient();
    const remote = provider(client);
    const begun = await remote.begin(draft, appearance());
    if (begun.done) throw new Error('a remote signature waits');
    expect(client.sent).toHaveLength(1);
    expect(client.sent[0]).toMatchObject({ documentId: 'VBDI-1', credentialId: 'leader' });
    expect(client.sent[0].hash).toHaveLength(32);
    const signed = await remote.complete(begun.sent, begun.state, await remote.poll(begun.state));
    expect(pdfsigResults(signed.toBuffer())).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('refuses a signature over another hash (REMOTE_SIGNATURE_MISMATCH)', async () => {
    const remote = provider(fakeClient(true));
    const begun = await remote.begin(draft, appearance());
    if (begun.done) throw new Error('a remote signature waits');
    const answer = await remote.poll(begun.state);
    await expect(remote.complete(begun.sent, begun.state, answer)).rejects.toMatchObject({ name: 'SigningError', code: 'REMOTE_SIGNATURE_MISMATCH' });
  });

  it('tells garbage (REMOTE_PROVIDER_FAILED) from no answer (REMOTE_PROVIDER_UNREACHABLE), in both shapes', async () => {
    const garbage: HttpFetch = () => Promise.resolve({ status: 200, text: () => Promise.resolve('<html>proxy error</html>') });
    const down: HttpFetch = () => Promise.reject(new Error('connect ECONNREFUSED'));
    for (const protocol of ['csc', 'sp769'] as const) {
      const settings = { protocol, baseUrl: 'http://provider.invalid', clientId: 'id', clientSecret: 'secret' };
      await expect(remoteSigningClient({ ...settings, fetch: garbage }).certificate('x')).rejects.toMatchObject({ name: 'SigningError', code: 'REMOTE_PROVIDER_FAILED' });
      await expect(remoteSigningClient({ ...settings, fetch: down }).certificate('x')).rejects.toMatchObject({ name: 'SigningError', code: 'REMOTE_PROVIDER_UNREACHABLE' });
    }
  });

  it('reads the sp769 states: waiting, rejected, expired, and an unknown state is garbage', async () => {
    const answering = (tran_status: string): HttpFetch => () =>
      Promise.resolve({ status: 200, text: () => Promise.resolve(JSON.stringify({ status_code: 200, message: tran_status, data: { tran_status } })) });
    const transaction = { transactionId: 'abc/1', credentialId: 'u', hash: 'AA==' };
    const settings = { protocol: 'sp769' as const, baseUrl: 'http://provider.invalid/', clientId: 'id', clientSecret: 'secret' };
    expect(await remoteSigningClient({ ...settings, fetch: answering('sig_wait_for_user_confirm') }).status(transaction)).toEqual({ state: 'pending' });
    expect((await remoteSigningClient({ ...settings, fetch: answering('sig_rejected') }).status(transaction)).state).toBe('rejected');
    expect((await remoteSigningClient({ ...settings, fetch: answering('sig_expired') }).status(transaction)).state).toBe('expired');
    await expect(remoteSigningClient({ ...settings, fetch: answering('whatever') }).status(transaction)).rejects.toMatchObject({ name: 'SigningError', code: 'REMOTE_PROVIDER_FAILED' });
  });

  it('csc: several hashes go in one authorisation (numSignatures) and come back as one signature each, in order', async () => {
    const bodies: Record<string, Record<string, unknown>> = {};
    const answers: Record<string, (body: Record<string, unknown>) => unknown> = {
      'auth/login': () => ({ access_token: 't' }),
      'credentials/authorize': () => ({ responseID: 'r-1' }),
      'credentials/authorizeCheck': () => ({ status: 'granted', SAD: 's-1' }),
      'signatures/signHash': (body) => ({ signatures: (body.hashes as string[]).map((h) => Buffer.from(`sig:${h}`).toString('base64')) }),
    };
    const fetch: HttpFetch = (url, init) => {
      const path = url.replace('http://provider.invalid/', '');
      const body = JSON.parse(init.body ?? '{}') as Record<string, unknown>;
      bodies[path] = body;
      return Promise.resolve({ status: 200, text: () => Promise.resolve(JSON.stringify(answers[path](body))) });
    };
    const client = remoteSigningClient({ protocol: 'csc', baseUrl: 'http://provider.invalid', clientId: 'id', clientSecret: 'secret', fetch });
    const hashes = [1, 2, 3].map((n) => createHash('sha256').update(`draft ${n}`).digest());
    const transaction = await client.batch!.requestSignatures({ credentialId: 'leader', hashes, documentId: 'KHL-1', description: '3 văn bản' });
    expect(bodies['credentials/authorize']).toMatchObject({ numSignatures: 3, hashes: hashes.map((h) => h.toString('base64')) });
    const status = await client.batch!.status(transaction);
    if (status.state !== 'signed') throw new Error('signed expected');
    expect(status.signatures.map((b) => b.toString())).toEqual(hashes.map((h) => `sig:${h.toString('base64')}`));
    answers['signatures/signHash'] = () => ({ signatures: ['AA=='] });
    await expect(client.batch!.status(transaction)).rejects.toMatchObject({ name: 'SigningError', code: 'REMOTE_PROVIDER_FAILED' });
    expect(remoteSigningClient({ protocol: 'sp769', baseUrl: 'http://provider.invalid', clientId: 'id', clientSecret: 'secret' }).batch).toBeUndefined();
  });
});
