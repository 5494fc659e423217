import { qpdfJoining, softOpenFilesLimit } from './pdf-pages';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max processes             94245                94245                processes
Max open files            20000                524288               files
`;

describe('qpdf joining many files', () => {
  it('keeps its inputs open when the process may hold them all, else lets qpdf reopen them', () => {
    expect(qpdfJoining(980, 20_000).args).toEqual(['--keep-files-open=y']);
    expect(qpdfJoining(19_990, 20_000).args).toEqual([]);
    expect(qpdfJoining(980, null).args).toEqual([]);
  });

  it('tells glibc to keep freed memory in qpdf, adding to tunables already set', () => {
    expect(qpdfJoining(10, 1024).env.GLIBC_TUNABLES).toBe('glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824');
    process.env.GLIBC_TUNABLES = 'glibc.malloc.arena_max=2';
    try {
      expect(qpdfJoining(10, 1024).env.GLIBC_TUNABLES).toMatch(/^glibc\.malloc\.arena_max=2:glibc\.malloc\.mmap_threshold=/);
    } finally {
      delete process.env.GLIBC_TUNABLES;
    }
  });

  it('reads the soft limit of open files from /proc', () => {
    expect(softOpenFilesLimit(LIMITS)).toBe(20_000);
    expect(softOpenFilesLimit(LIMITS.replace('20000 ', 'unlimited '))).toBe(Number.MAX_SAFE_INTEGER);
    expect(softOpenFilesLimit(null)).toBeNull();
    expect(softOpenFilesLimit()).toBeGreaterThan(0); // this process's own
  });
});
