import { RowPaginator } from './row-paginator';

// 10 points per line and 2 of padding: a row of n lines is 10n + 2 points tall.
const options = { firstPageSpace: 50, pageSpace: 100, lineHeight: 10, rowPadding: 2, minSplitLines: 2 };

describe('RowPaginator', () => {
  it('fills a page and moves a row that does not fit, whole, to the next page', () => {
    const paginator = new RowPaginator(options);
    expect(paginator.place(2)).toEqual([{ newPage: false, fromLine: 0, lineCount: 2 }]); // 22 of 50
    expect(paginator.place(2)).toEqual([{ newPage: false, fromLine: 0, lineCount: 2 }]); // 44 of 50
    expect(paginator.place(1)).toEqual([{ newPage: true, fromLine: 0, lineCount: 1 }]); // 12 > 6 left
    expect(paginator.place(8)).toEqual([{ newPage: false, fromLine: 0, lineCount: 8 }]); // 12 + 82 = 94 of 100
  });

  it('splits only a row taller than a whole page, between lines, filling each page', () => {
    const paginator = new RowPaginator(options);
    paginator.place(1); // 12 of 50 used: 38 left, room for 3 lines
    expect(paginator.place(25)).toEqual([
      { newPage: false, fromLine: 0, lineCount: 3 },
      { newPage: true, fromLine: 3, lineCount: 9 },
      { newPage: true, fromLine: 12, lineCount: 9 },
      { newPage: true, fromLine: 21, lineCount: 4 },
    ]);
    expect(paginator.place(5)).toEqual([{ newPage: false, fromLine: 0, lineCount: 5 }]); // 42 + 52 = 94
  });

  it('starts a tall row on a new page rather than leave a single line of it at the foot of one', () => {
    const paginator = new RowPaginator({ ...options, firstPageSpace: 30 });
    paginator.place(1); // 18 left: one line would fit, fewer than minSplitLines
    expect(paginator.place(12)[0]).toEqual({ newPage: true, fromLine: 0, lineCount: 9 });
  });
});
