import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnOcspServer } from './ocsp-responder';

/**
 * An RFC 3161 time-stamping authority for the tests: a root CA and a TSA certificate made with
 * Debian's openssl, and an HTTP server that answers each `application/timestamp-query` POST with
 * `openssl ts -reply` (the real responder code, no JavaScript encoder in between). `down()` makes
 * it refuse connections, as a TSA that is out of service. The TSA certificate names an OCSP
 * responder (`openssl ocsp` for the TSA root) in its Authority Information Access.
 */
export interface TimestampAuthority {
  url: string;
  /** DER of the TSA's root (the trust anchor for `openssl ts -verify -CAfile`). */
  rootCertificate: Buffer;
  rootPemFile: string;
  tsaCertificate: Buffer;
  tsaPemFile: string;
  /** Number of requests answered. */
  requests: number;
  /** Stops listening; `up()` listens again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

function openssl(args: string[], cwd: string): Buffer {
  return execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

const TSA_CONFIG = `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ root_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ tsa_ext ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:http://127.0.0.1:OCSP_PORT/
[ tsa ]
default_tsa = tsa_section
[ tsa_section ]
dir = .
serial = ./serial
crypto_device = builtin
signer_cert = ./tsa.pem
certs = ./chain.pem
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** Makes the TSA's keys and certificates (RSA-2048, ~0.2 s) in a temporary directory. */
function makeTsaDirectory(validDays: number, ocspPort: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-tsa-'));
  writeFileSync(join(dir, 'tsa.cnf'), TSA_CONFIG.replace('OCSP_PORT', String(ocspPort)));
  writeFileSync(join(dir, 'serial'), '01\n');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650',
    '-subj', '/C=VN/O=eOffice tests/CN=eOffice Test TSA Root', '-config', 'tsa.cnf', '-extensions', 'root_ext'], dir);
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr',
    '-subj', '/C=VN/O=eOffice tests/CN=eOffice Test TSA', '-config', 'tsa.cnf'], dir);
  openssl(['x509', '-req', '-in', 'tsa.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'tsa.pem',
    '-days', String(validDays), '-extfile', 'tsa.cnf', '-extensions', 'tsa_ext'], dir);
  writeFileSync(join(dir, 'chain.pem'), readFileSync(join(dir, 'root.pem')));
  // The TSA root's own OCSP index, so that B-LT can embed an answer for the TSA certificate too.
  const serial = execFileSync('openssl', ['x509', '-in', 'tsa.pem', '-noout', '-serial'], { cwd: dir }).toString().trim().split('=')[1];
  const expiry = execFileSync('openssl', ['x509', '-in', 'tsa.pem', '-noout', '-enddate'], { cwd: dir }).toString().trim().split('=')[1];
  writeFileSync(join(dir, 'index.txt'), `V\t${indexTime(new Date(expiry))}\t\t${serial.replace(/^(00)+(?=..)/, '')}\tunknown\t/CN=eOffice Test TSA\n`);
  return dir;
}

function indexTime(date: Date): string {
  return `${date.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`;
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

export async function startTimestampAuthority(options: { validDays?: number } = {}): Promise<TimestampAuthority> {
  const ocspPort = await freePort();
  const dir = makeTsaDirectory(options.validDays ?? 3650, ocspPort);
  const ocsp = await spawnOcspServer(dir, ocspPort, 'root.pem', 'root.key');
  let counter = 0;
  // One `openssl ts -reply` at a time: each reads and rewrites ./serial, and two at once can find it half
  // written and answer "rejection" (Error during serial number generation), as a real TSA never does.
  let queue: Promise<unknown> = Promise.resolve();
  const reply = (query: Buffer): Promise<Buffer> => {
    const next = queue.then(() => replyNow(query));
    queue = next.catch(() => undefined);
    return next;
  };
  const replyNow = (query: Buffer): Promise<Buffer> => new Promise((resolve, reject) => {
    const name = `q${++counter}`;
    writeFileSync(join(dir, `${name}.tsq`), query);
    execFile('openssl', ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', `${name}.tsq`, '-out', `${name}.tsr`], { cwd: dir }, (error, _out, stderr) => {
      if (error) return reject(new Error(`openssl ts -reply failed: ${stderr}`));
      resolve(readFileSync(join(dir, `${name}.tsr`)));
    });
  });
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(400).end('expected a POST of application/timestamp-query');
        return;
      }
      reply(Buffer.concat(chunks)).then((answer) => {
        state.requests += 1;
        res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': answer.length }).end(answer);
      }, (error: Error) => res.writeHead(500).end(error.message));
    });
  });
  const listen = (port: number): Promise<number> => new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
  const port = await listen(0);
  const close = (): Promise<void> => new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  const rootPem = readFileSync(join(dir, 'root.pem'), 'utf8');
  const tsaPem = readFileSync(join(dir, 'tsa.pem'), 'utf8');
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    rootCertificate: pemToDer(rootPem),
    rootPemFile: join(dir, 'root.pem'),
    tsaCertificate: pemToDer(tsaPem),
    tsaPemFile: join(dir, 'tsa.pem'),
    get requests() { return state.requests; },
    down: close,
    up: async () => { await listen(port); },
    close: async () => {
      await close();
      await ocsp.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
