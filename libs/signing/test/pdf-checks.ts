import { readFileSync } from 'node:fs';
import { runTool, tempFile } from './external-tools';

let counter = 0;

/** pdfsig (poppler, NSS) must report every signature of the file as cryptographically valid. */
export function pdfsigResults(pdf: Uint8Array): { valid: number; invalid: number; output: string } {
  const path = tempFile(`pdfsig-${process.pid}-${counter++}.pdf`, pdf);
  const result = runTool('pdfsig', [path]);
  const output = `${result.stdout}\n${result.stderr}`;
  const validations = output.split('\n').filter((line) => line.includes('Signature Validation:'));
  const valid = validations.filter((line) => line.includes('Signature is Valid.')).length;
  return { valid, invalid: validations.length - valid, output };
}

/** `qpdf --check` exit status: 0 clean, 2 errors, 3 warnings only. */
export function qpdfCheck(pdf: Uint8Array): { status: number; output: string } {
  const path = tempFile(`qpdf-${process.pid}-${counter++}.pdf`, pdf);
  const result = runTool('qpdf', ['--check', path]);
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export function qpdfTransform(pdf: Uint8Array, args: string[]): Buffer {
  const input = tempFile(`qpdf-in-${process.pid}-${counter++}.pdf`, pdf);
  const output = tempFile(`qpdf-out-${process.pid}-${counter++}.pdf`);
  const result = runTool('qpdf', [...args, input, output]);
  if (result.status !== 0 && result.status !== 3) throw new Error(`qpdf ${args.join(' ')} failed: ${result.stderr}`);
  return readFileSync(output);
}
