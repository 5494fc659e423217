import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import forge from 'node-forge';
import type { DemoIdentity } from '@eoffice/signing';
import { freePort } from './processes';

/**
 * A remote signing service for the tests (never used by production code): one HTTP server speaking
 * both shapes the product supports — the Cloud Signature Consortium API under `/csc/v2` and the
 * Vietnamese sp769 interface under `/sp769/v1` — with real keys. A request stays pending until the
 * test confirms or rejects it (as the signer would on the phone), or until `expireAfterMs` passes;
 * `signWrongHash` and `garbage` make it misbehave.
 */
export interface SimulatedTransaction {
  id: string;
  protocol: 'csc' | 'sp769';
  credentialId: string;
  /** The hash the server sent (base64): the only thing it learns of the document. */
  hash: string;
  /** Every hash of the transaction (CSC `numSignatures` > 1: several documents under one confirmation). */
  hashes: string[];
  /** The document reference the signer sees in the app. */
  docId: string;
  description: string;
  state: 'pending' | 'confirmed' | 'rejected';
  createdAt: number;
}

export interface RemoteSigningSimulator {
  url: string;
  cscUrl: string;
  sp769Url: string;
  clientId: string;
  clientSecret: string;
  transactions: SimulatedTransaction[];
  /** Every request (method and path), to check polling and what left the server. */
  requests: string[];
  /** A transaction still pending after this long answers "expired" (the provider's own timeout). */
  expireAfterMs: number;
  signWrongHash: boolean;
  /** Status answers that are not JSON. */
  garbage: boolean;
  addSigner(credentialId: string, identity: DemoIdentity, chain: Buffer[]): void;
  /** An agency e-seal (CSC): `credentials/authorize` answers with a SAD at once — nobody confirms on a phone. */
  addSeal(credentialId: string, identity: DemoIdentity, chain: Buffer[]): void;
  /** While true every connection is dropped unanswered (the provider down): callers see a network failure. */
  unreachable: boolean;
  /** Added before every answer: the network round trip to a real provider. */
  latencyMs: number;
  confirm(id: string): void;
  reject(id: string): void;
  last(): SimulatedTransaction;
  close(): Promise<void>;
}

const DIGEST_INFO_SHA256 = 'sha256';

/** PKCS#1 v1.5 signature of a precomputed SHA-256 hash with node-forge (what an HSM's signHash does). */
function signHash(identity: DemoIdentity, hash: Buffer): string {
  const pem = identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const digest = { algorithm: DIGEST_INFO_SHA256, digest: () => forge.util.createBuffer(hash.toString('binary')) };
  return Buffer.from(key.sign(digest as unknown as forge.md.MessageDigest), 'binary').toString('base64');
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startRemoteSigningSimulator(): Promise<RemoteSigningSimulator> {
  const signers = new Map<string, { identity: DemoIdentity; chain: Buffer[] }>();
  const sads = new Map<string, string>(); // SAD → transaction id
  const seals = new Set<string>();
  const token = randomUUID();
  const sim: RemoteSigningSimulator = {
    url: '', cscUrl: '', sp769Url: '',
    clientId: 'eoffice-e2e', clientSecret: `secret-${randomUUID()}`,
    transactions: [], requests: [],
    expireAfterMs: 10 * 60_000, signWrongHash: false, garbage: false, unreachable: false, latencyMs: 0,
    addSigner: (credentialId, identity, chain) => void signers.set(credentialId, { identity, chain }),
    addSeal: (credentialId, identity, chain) => {
      signers.set(credentialId, { identity, chain });
      seals.add(credentialId);
    },
    confirm: (id) => void (find(id).state = 'confirmed'),
    reject: (id) => void (find(id).state = 'rejected'),
    last: () => sim.transactions[sim.transactions.length - 1],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const find = (id: string) => {
    const t = sim.transactions.find((x) => x.id === id);
    if (!t) throw new Error(`no simulated transaction ${id}`);
    return t;
  };
  const expired = (t: SimulatedTransaction) => t.state === 'pending' && Date.now() - t.createdAt > sim.expireAfterMs;
  const signatureOf = (t: SimulatedTransaction, hash = t.hash) => {
    const signer = signers.get(t.credentialId)!;
    return signHash(signer.identity, sim.signWrongHash ? Buffer.alloc(32, 7) : Buffer.from(hash, 'base64'));
  };
  const open = (protocol: 'csc' | 'sp769', credentialId: string, hashes: string[], docId: string, description: string) => {
    const t: SimulatedTransaction = { id: randomUUID(), protocol, credentialId, hash: hashes[0], hashes, docId, description, state: 'pending', createdAt: Date.now() };
    sim.transactions.push(t);
    return t;
  };

  function csc(path: string, body: Record<string, unknown>, req: IncomingMessage): [number, unknown] {
    if (path === 'auth/login') {
      const expected = `Basic ${Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64')}`;
      return req.headers.authorization === expected ? [200, { access_token: token, expires_in: 3600 }] : [401, { error: 'invalid_client' }];
    }
    if (req.headers.authorization !== `Bearer ${token}`) return [401, { error: 'invalid_token' }];
    const credentialId = String(body.credentialID ?? '');
    switch (path) {
      case 'credentials/list':
        return [200, { credentialIDs: [...signers.keys()] }];
      case 'credentials/info': {
        const signer = signers.get(credentialId);
        if (!signer) return [400, { error: 'invalid_request', error_description: 'unknown credentialID' }];
        return [200, { key: { status: 'enabled', algo: ['1.2.840.113549.1.1.1'], len: 2048 }, cert: { status: 'valid', certificates: [signer.identity.certificate, ...signer.chain].map((c) => c.toString('base64')) } }];
      }
      case 'credentials/authorize': {
        // As the CSC API has it: `numSignatures` says how many hashes the one authorisation (SAD) covers.
        const hashes = body.hashes;
        if (!Array.isArray(hashes) || hashes.length === 0 || !hashes.every((h) => typeof h === 'string')) return [400, { error: 'invalid_request', error_description: 'hashes missing' }];
        if (body.numSignatures !== hashes.length) return [400, { error: 'invalid_request', error_description: 'numSignatures does not match the hashes' }];
        const t = open('csc', credentialId, hashes as string[], String(body.clientData ?? ''), String(body.description ?? ''));
        if (seals.has(credentialId)) {
          // An e-seal is authorised by the client's credentials alone: the SAD comes back at once.
          t.state = 'confirmed';
          const sad = randomUUID();
          sads.set(sad, t.id);
          return [200, { SAD: sad, expiresIn: 300 }];
        }
        return [200, { responseID: t.id }];
      }
      case 'credentials/authorizeCheck': {
        if (sim.garbage) return [200, '<html>Bad gateway</html>'];
        const t = sim.transactions.find((x) => x.id === body.responseID);
        if (!t) return [400, { error: 'invalid_request', error_description: 'unknown responseID' }];
        if (expired(t)) return [400, { error: 'expired_token', error_description: 'the user did not confirm in time' }];
        if (t.state === 'rejected') return [400, { error: 'access_denied', error_description: 'the user rejected the request' }];
        if (t.state === 'pending') return [200, { status: 'pending' }];
        const sad = randomUUID();
        sads.set(sad, t.id);
        return [200, { status: 'granted', SAD: sad, expiresIn: 300 }];
      }
      case 'signatures/signHash': {
        const t = sim.transactions.find((x) => x.id === sads.get(String(body.SAD)));
        const asked = Array.isArray(body.hashes) ? (body.hashes as string[]) : [];
        if (!t || asked.length === 0 || !asked.every((h) => t.hashes.includes(h))) return [400, { error: 'invalid_request', error_description: 'SAD does not cover these hashes' }];
        return [200, { signatures: asked.map((h) => signatureOf(t, h)) }];
      }
      default:
        return [404, { error: 'not_found' }];
    }
  }

  function sp769(path: string, body: Record<string, unknown>): [number, unknown] {
    if (body.sp_id !== sim.clientId || body.sp_password !== sim.clientSecret) return [200, { status_code: 401, message: 'invalid sp credentials' }];
    if (path === 'credentials/get_certificate') {
      const signer = signers.get(String(body.user_id));
      if (!signer) return [200, { status_code: 404, message: 'user not found' }];
      const [ca] = signer.chain;
      return [200, { status_code: 200, message: 'success', data: { user_certificates: [{ serial_number: '01', cert_status: 'active', cert_data: signer.identity.certificate.toString('base64'), chain_data: { ca_cert: ca?.toString('base64') ?? '' } }] } }];
    }
    if (path === 'signatures/sign') {
      const file = (body.sign_files as Record<string, string>[])[0];
      const t = open('sp769', String(body.user_id), [Buffer.from(file.data_to_be_signed, 'hex').toString('base64')], file.doc_id, String(body.transaction_desc ?? ''));
      return [200, { status_code: 200, message: 'sig_wait_for_user_confirm', data: { transaction_id: t.id, tran_code: t.id.slice(0, 8) } }];
    }
    const status = /^signatures\/sign\/([^/]+)\/status$/.exec(path);
    if (status) {
      if (sim.garbage) return [200, '{"status_code": 200, "data": '];
      const t = sim.transactions.find((x) => x.id === decodeURIComponent(status[1]));
      if (!t) return [200, { status_code: 404, message: 'transaction not found' }];
      const tran = (s: string, extra: Record<string, unknown> = {}) => [200, { status_code: 200, message: s, data: { transaction_id: t.id, tran_status: s, ...extra } }] as [number, unknown];
      if (expired(t)) return tran('sig_expired');
      if (t.state === 'rejected') return tran('sig_rejected');
      if (t.state === 'pending') return tran('sig_wait_for_user_confirm');
      return tran('sig_signed', { signatures: [{ doc_id: t.docId, signature_value: signatureOf(t) }] });
    }
    return [404, { status_code: 404, message: 'not found' }];
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0];
      sim.requests.push(`${req.method} ${path}`);
      if (sim.unreachable) return void req.socket.destroy();
      if (sim.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, sim.latencyMs));
      const body = await readJson(req).catch(() => ({}));
      const [status, answer] = path.startsWith('/csc/v2/') ? csc(path.slice(8), body, req)
        : path.startsWith('/sp769/v1/') ? sp769(path.slice(10), body)
          : [404, { error: 'not_found' }];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
    })();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  sim.url = `http://127.0.0.1:${port}`;
  sim.cscUrl = `${sim.url}/csc/v2`;
  sim.sp769Url = `${sim.url}/sp769/v1`;
  return sim;
}
