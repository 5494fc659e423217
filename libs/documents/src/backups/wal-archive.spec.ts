import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseOf, baseTag, pruneArchive } from './wal-archive';

describe('WAL archive directory', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wal-archive-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes only the segments (and base labels) of the same timeline before the base start', async () => {
    const names = [
      '000000010000000000000003',
      '000000010000000000000004',
      '000000010000000000000004.00000028.backup',
      '000000010000000000000005',
      '000000010000000000000006',
      '00000002.history',
      '000000020000000000000001',
      '000000010000000000000006.tmp',
    ];
    for (const name of names) writeFileSync(join(dir, name), '');
    expect(await pruneArchive(dir, '000000010000000000000005')).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['000000010000000000000005', '000000010000000000000006', '000000010000000000000006.tmp', '00000002.history', '000000020000000000000001']);
  });

  it('names the base a files snapshot replays from', () => {
    expect(baseOf(['eoffice-backup', 'run:b', baseTag('a')])).toBe('a');
    expect(baseOf(['eoffice-backup', 'run:b'])).toBeNull();
  });
});
