import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Core from '@eoffice/core';
import type * as Documents from '@eoffice/documents';
import { Client } from './support/http';
import { makeOfficeFile, pdfTextOf, workDir } from './support/office-files';
import { Api, scaledBudget, startApi } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun, processEnv, ROOT } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const built = join(ROOT, 'dist/apps/worker/libs');
const WORDS = 'Kế hoạch bồi dưỡng thường xuyên giáo viên trung học phổ thông năm học 2026–2027';

async function converterWith(overrides: Record<string, string> = {}): Promise<Documents.OfficeConverter> {
  const core = (await import(join(built, 'core/src/index.js'))) as typeof Core;
  const documents = (await import(join(built, 'documents/src/index.js'))) as typeof Documents;
  // The configuration the worker would read from this environment, validated the same way.
  return new documents.OfficeConverter(core.loadConfig(processEnv(run, overrides)));
}

/** Running (or sleeping); a killed process not yet reaped (zombie) does not count. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('office files to PDF (LibreOffice headless)', () => {
  const dir = workDir('office');
  let docx: string;
  let odt: string;
  let converter: Documents.OfficeConverter;

  beforeAll(async () => {
    docx = makeOfficeFile(dir, 'ke-hoach', 'docx', WORDS);
    odt = makeOfficeFile(dir, 'quyet-dinh', 'odt', WORDS);
    converter = await converterWith();
  }, scaledBudget(120_000));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['docx', () => docx],
    ['odt', () => odt],
  ] as const)('converts a real %s into a PDF that carries its Vietnamese text', async (extension, path) => {
    const pdf = await converter.toPdf({ path: path(), extension });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTextOf(pdf, dir).replace(/\s+/g, ' ')).toContain(WORDS);
  }, scaledBudget(60_000));

  it('runs conversions side by side, each with its own LibreOffice profile', async () => {
    const pdfs = await Promise.all([converter.toPdf({ path: docx, extension: 'docx' }), converter.toPdf({ path: odt, extension: 'odt' })]);
    for (const pdf of pdfs) expect(pdfTextOf(pdf, dir)).toContain('giáo viên');
  }, scaledBudget(90_000));

  it('answers CONVERSION_FAILED for a damaged docx and for a text file named .docx', async () => {
    const bytes = readFileSync(docx);
    const truncated = join(dir, 'hong.docx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const renamed = join(dir, 'gia.docx');
    writeFileSync(renamed, `${WORDS}\n`);
    for (const path of [truncated, renamed]) {
      await expect(converter.toPdf({ path, extension: 'docx' })).rejects.toMatchObject({ status: 422, code: 'CONVERSION_FAILED' });
    }
  }, scaledBudget(60_000));

  it('kills a conversion that hangs, helpers included, and answers CONVERSION_TIMEOUT', async () => {
    // A stand-in for a LibreOffice that never returns: it starts a helper and waits for it.
    const pidFile = join(dir, 'helper.pid');
    const hanging = join(dir, 'soffice-hangs.sh');
    writeFileSync(hanging, `#!/bin/sh\nsleep 300 &\necho $! > ${pidFile}\nwait\n`);
    chmodSync(hanging, 0o755);
    const stuck = await converterWith({ LIBREOFFICE_PATH: hanging, CONVERSION_TIMEOUT_SECONDS: '1' });
    const started = Date.now();
    await expect(stuck.toPdf({ path: docx, extension: 'docx' })).rejects.toMatchObject({ status: 422, code: 'CONVERSION_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
    const helper = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 300));
    expect(isRunning(helper)).toBe(false);
    // The per-call limit takes precedence over the configured one.
    await expect(converter.toPdf({ path: docx, extension: 'docx' }, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'CONVERSION_TIMEOUT' });
  }, scaledBudget(30_000));

  describe('upload type detection', () => {
    let api: Api;
    let clerk: Client;
    beforeAll(async () => {
      api = await startApi(run);
      clerk = await org.signIn(api.url, 'clerk');
    });
    afterAll(() => api.stop());

    const upload = (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      return clerk.post('/api/v1/files', form);
    };

    it('accepts docx and odt by their bytes and refuses a renamed non-document', async () => {
      expect((await upload(readFileSync(docx), 'ke-hoach.docx')).body.mimeType).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect((await upload(readFileSync(odt), 'quyet-dinh.odt')).body.mimeType).toBe('application/vnd.oasis.opendocument.text');
      const renamed = await upload(Buffer.from(`${WORDS}\n`), 'ke-hoach.docx');
      expect([renamed.status, renamed.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
      const zip = await upload(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]), 'gia.odt');
      expect([zip.status, zip.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    });
  });
});
