import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { carryTombstones } from './restore-tombstones';

describe('carryTombstones (a restore takes the live tombstones along)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tombstones-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies every tombstone object into the target, never overwriting one there', async () => {
    const live = join(dir, 'live');
    const target = join(dir, 'target');
    mkdirSync(join(live, 'tombstones'), { recursive: true });
    mkdirSync(join(target, 'tombstones'), { recursive: true });
    writeFileSync(join(live, 'tombstones', 'a.json'), '{"live":"a"}');
    writeFileSync(join(live, 'tombstones', 'b.json'), '{"live":"b"}');
    writeFileSync(join(live, 'tombstones', 'not-an-object.tmp'), 'x');
    writeFileSync(join(target, 'tombstones', 'b.json'), '{"target":"b"}');
    expect(await carryTombstones(live, target)).toBe(1);
    expect(readFileSync(join(target, 'tombstones', 'a.json'), 'utf8')).toBe('{"live":"a"}');
    expect(readFileSync(join(target, 'tombstones', 'b.json'), 'utf8')).toBe('{"target":"b"}');
  });

  it('copies nothing from a live store without tombstones, or onto itself', async () => {
    expect(await carryTombstones(join(dir, 'none'), join(dir, 'target'))).toBe(0);
    expect(await carryTombstones(dir, `${dir}/`)).toBe(0);
  });
});
