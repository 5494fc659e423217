import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool, tempFile } from './external-tools';

let counter = 0;

/**
 * Signs with poppler's `pdfsig -add-signature` (an invisible adbe.pkcs7.detached signature in a
 * new field, appended as an incremental update). pdfsig takes its key from an NSS database, so
 * one is made here, without a password, and the PKCS#12 imported into it with pk12util.
 */
export function signWithPdfsig(pdf: Uint8Array, pkcs12: Buffer, passphrase: string, nickname: string, fieldName: string): Buffer {
  const dir = tempFile(`pdfsig-signer-${process.pid}-${counter++}`);
  const nss = join(dir, 'nss');
  mkdirSync(nss, { recursive: true });
  const p12Path = join(dir, 'signer.p12');
  writeFileSync(p12Path, pkcs12);
  run('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  run('pk12util', ['-i', p12Path, '-d', `sql:${nss}`, '-W', passphrase, '-K', '']);
  const input = join(dir, 'unsigned.pdf');
  const output = join(dir, 'signed.pdf');
  writeFileSync(input, pdf);
  run('pdfsig', ['-nssdir', `sql:${nss}`, '-add-signature', '-nick', nickname, '-new-signature-field-name', fieldName, '-reason', 'Văn bản đến', input, output]);
  return readFileSync(output);
}

function run(command: string, args: string[]): void {
  const result = runTool(command, args);
  if (result.status !== 0) throw new Error(`${command} ${args[0]} failed (${result.status}): ${result.stdout}${result.stderr}`);
}
