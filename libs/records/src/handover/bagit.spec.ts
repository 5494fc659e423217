import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BagExistsError, completeBag, READ_ONLY_FILE, readBagInfo, sealBag, verifyBag } from './bagit';

describe('BagIt writer and verifier (RFC 8493)', () => {
  let root: string;
  let bag: string;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'bagit-spec-'));
    bag = join(root, 'bag');
    mkdirSync(join(bag, 'data', 'documents'), { recursive: true });
    writeFileSync(join(bag, 'data', 'documents', '0001-van-ban-den.pdf'), Buffer.from('%PDF-1.7 một'));
    writeFileSync(join(bag, 'data', 'ho-so.xml'), '<File/>');
    writeFileSync(join(bag, 'data', '100%.txt'), 'x');
  });
  afterEach(() => {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  const write = () => completeBag(bag, [['Source-Organization', 'Sở Giáo dục và Đào tạo'], ['External-Identifier', 'SGDĐT.2026.01.GDTRH']]);

  it('writes the declaration, manifests and bag-info with the Payload-Oxum, and verifies what it wrote', async () => {
    const summary = await write();
    expect(summary).toEqual({ oxum: `${Buffer.byteLength('%PDF-1.7 một') + 7 + 1}.3`, payloadBytes: Buffer.byteLength('%PDF-1.7 một') + 8, payloadFiles: 3 });
    expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const manifest = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8');
    const sha = createHash('sha256').update('<File/>').digest('hex');
    expect(manifest).toContain(`${sha}  data/ho-so.xml\n`);
    expect(manifest).toContain('data/100%25.txt');
    expect(readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8')).toMatch(/ bag-info\.txt\n.* bagit\.txt\n.* manifest-sha256\.txt\n$/);
    const info = await readBagInfo(bag);
    expect([info.get('External-Identifier'), info.get('Payload-Oxum')]).toEqual(['SGDĐT.2026.01.GDTRH', summary.oxum]);
    expect(await verifyBag(bag)).toEqual({ ok: true, problems: [], ...summary });
  });

  it('names a changed byte, a missing file, an extra file and a wrong oxum', async () => {
    await write();
    const pdf = join(bag, 'data', 'documents', '0001-van-ban-den.pdf');
    const bytes = readFileSync(pdf);
    bytes[0] ^= 1;
    writeFileSync(pdf, bytes);
    let report = await verifyBag(bag);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^data\/documents\/0001-van-ban-den\.pdf: checksum differs/)]);

    rmSync(join(bag, 'data', 'ho-so.xml'));
    writeFileSync(join(bag, 'data', 'them.txt'), 'thêm');
    writeFileSync(join(bag, 'ghi-chu.txt'), 'tag file nobody listed');
    report = await verifyBag(bag);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'data/ho-so.xml: listed in manifest-sha256.txt but missing',
        'data/them.txt: not in manifest-sha256.txt (extra file)',
        'ghi-chu.txt: not in tagmanifest-sha256.txt (extra file)',
        expect.stringMatching(/^bag-info\.txt: Payload-Oxum \d+\.3, payload is \d+\.3$/),
      ]),
    );
  });

  it('catches an edited tag file and a manifest line that leaves the bag', async () => {
    await write();
    chmodSync(join(bag, 'manifest-sha256.txt'), 0o644); // written read-only
    writeFileSync(join(bag, 'manifest-sha256.txt'), readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8') + `${'0'.repeat(64)}  ../outside\n`);
    const report = await verifyBag(bag);
    expect(report.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^manifest-sha256\.txt: line 4 is not/), expect.stringMatching(/^manifest-sha256\.txt: checksum differs \(tagmanifest/)]),
    );
  });

  it('seals a bag read-only in its final place and never overwrites one', async () => {
    await write();
    const final = join(root, 'final');
    await sealBag(bag, final);
    expect(statSync(join(final, 'data', 'ho-so.xml')).mode & 0o777).toBe(0o444);
    expect(statSync(final).mode & 0o777).toBe(0o555);
    expect((await verifyBag(final)).ok).toBe(true);
    mkdirSync(join(root, 'again', 'data'), { recursive: true });
    writeFileSync(join(root, 'again', 'data', 'x'), 'y');
    await completeBag(join(root, 'again'), []);
    await expect(sealBag(join(root, 'again'), final)).rejects.toBeInstanceOf(BagExistsError);
  });

  it('seals a bag whose files were written read-only by changing only its directories', async () => {
    const fresh = join(root, 'fresh');
    mkdirSync(join(fresh, 'data', 'documents'), { recursive: true });
    writeFileSync(join(fresh, 'data', 'documents', 'a.pdf'), '%PDF-1.7', READ_ONLY_FILE);
    await completeBag(fresh, []);
    const final = join(root, 'fresh-final');
    await sealBag(fresh, final, { filesReadOnly: true });
    for (const file of ['bagit.txt', 'manifest-sha256.txt', 'bag-info.txt', 'tagmanifest-sha256.txt', 'data/documents/a.pdf']) {
      expect([file, statSync(join(final, file)).mode & 0o777]).toEqual([file, 0o444]);
    }
    expect(statSync(join(final, 'data', 'documents')).mode & 0o777).toBe(0o555);
    expect((await verifyBag(final)).ok).toBe(true);
  });
});
