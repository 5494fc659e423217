import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCertificate, toPem } from '@eoffice/signing';
import type { DemoIdentity } from '@eoffice/signing';

/**
 * An OCSP responder for the tests: Debian's `openssl ocsp -port` answering for the certificates
 * of one CA from an index file (`V` good, `R` revoked), signing its answers with the CA's key.
 * The index is rewritten by `revoke`; openssl re-reads it when it changes.
 */
export interface OcspResponder {
  url: string;
  /** Answers `good` for this certificate from now on. */
  add(certificate: Buffer): void;
  revoke(certificate: Buffer, at?: Date): void;
  stop(): Promise<void>;
}

interface Entry { serial: string; notAfter: Date; subject: string; revokedAt?: Date }

function asn1Time(date: Date): string {
  return `${date.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Serial numbers as openssl's index holds them: upper-case hex, whole bytes, no leading zero byte. */
function indexSerial(serial: string): string {
  const hex = serial.toUpperCase().replace(/^(00)+(?=..)/, '');
  return hex.length % 2 ? `0${hex}` : hex;
}

export async function startOcspResponder(ca: DemoIdentity, certificates: Buffer[]): Promise<OcspResponder> {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-ocsp-'));
  writeFileSync(join(dir, 'ca.pem'), toPem(ca.certificate));
  writeFileSync(join(dir, 'ca.key'), ca.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const entryOf = (der: Buffer): Entry => {
    const parsed = parseCertificate(der);
    return { serial: indexSerial(parsed.serialNumber), notAfter: parsed.notAfter, subject: `/CN=${parsed.serialNumber}` };
  };
  const entries: Entry[] = certificates.map(entryOf);
  const writeIndex = (): void => {
    writeFileSync(join(dir, 'index.txt'), entries.map((e) =>
      [e.revokedAt ? 'R' : 'V', asn1Time(e.notAfter), e.revokedAt ? asn1Time(e.revokedAt) : '', e.serial, 'unknown', e.subject].join('\t')).map((line) => `${line}\n`).join(''));
  };
  writeIndex();
  const port = await freePort();
  const server = await spawnOcspServer(dir, port, 'ca.pem', 'ca.key');
  return {
    url: `http://127.0.0.1:${port}/`,
    add: (certificate) => {
      entries.push(entryOf(certificate));
      writeIndex();
    },
    revoke: (certificate, at = new Date()) => {
      const serial = indexSerial(parseCertificate(certificate).serialNumber);
      const entry = entries.find((e) => e.serial === serial);
      if (entry) entry.revokedAt = at;
      writeIndex();
    },
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `openssl ocsp -port` over `index.txt` in `dir`, answering for the CA `caPem` with its key. */
export async function spawnOcspServer(dir: string, port: number, caPem: string, caKey: string): Promise<{ stop(): Promise<void> }> {
  const child: ChildProcess = spawn('openssl', ['ocsp', '-port', String(port), '-index', 'index.txt', '-CA', caPem,
    '-rsigner', caPem, '-rkey', caKey, '-nmin', '60', '-ignore_err'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForListening(() => output);
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** openssl says when it listens; a probing connection would stall it (it serves one client at a time). */
async function waitForListening(output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (output().includes('waiting for OCSP client connections')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`openssl ocsp did not start: ${output()}`);
}
