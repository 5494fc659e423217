import { BACKUP_TAG } from './backup-destinations';
import { DUMP_TAG, pairSnapshots, SEPARATE_DUMP_TAG } from './backup-parts';
import type { SnapshotInfo } from './restic';

const snap = (id: string, time: string, ...tags: string[]): SnapshotInfo => ({ id, time, tags, paths: [] });

describe('pairSnapshots', () => {
  it('pairs the files and the dump snapshot of a run; newest whole backup first', () => {
    const { whole, incomplete } = pairSnapshots([
      snap('f1', '2026-12-01T01:30:00Z', BACKUP_TAG, SEPARATE_DUMP_TAG, 'run:a'),
      snap('d1', '2026-12-01T01:30:00Z', DUMP_TAG, 'run:a'),
      snap('f2', '2026-12-02T01:30:00Z', BACKUP_TAG, SEPARATE_DUMP_TAG, 'run:b'),
      snap('d2', '2026-12-02T01:30:01Z', DUMP_TAG, 'run:b'),
    ]);
    expect(whole.map((b) => [b.backupId, b.files.id, b.dump?.id])).toEqual([
      ['b', 'f2', 'd2'],
      ['a', 'f1', 'd1'],
    ]);
    expect(incomplete).toEqual([]);
  });

  it('counts a backup from before the streamed dump (dump inside) as whole on its own', () => {
    const { whole } = pairSnapshots([snap('old', '2026-11-30T01:30:00Z', BACKUP_TAG, 'run:z')]);
    expect(whole).toEqual([expect.objectContaining({ backupId: 'z', dump: null })]);
  });

  it('never counts half a backup: a files snapshot without its dump, or a dump alone', () => {
    const { whole, incomplete } = pairSnapshots([
      snap('f1', '2026-12-01T01:30:00Z', BACKUP_TAG, SEPARATE_DUMP_TAG, 'run:a'),
      snap('d2', '2026-12-02T01:30:00Z', DUMP_TAG, 'run:b'),
      snap('other', '2026-12-02T01:30:00Z', 'someone-else'),
    ]);
    expect(whole).toEqual([]);
    expect(incomplete.map((s) => s.id).sort()).toEqual(['d2', 'f1']);
  });
});
