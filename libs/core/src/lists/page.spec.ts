import { mapPage, toPage } from './page';

describe('pages of a list', () => {
  it('maps every row and keeps the other fields, a capped total included', () => {
    const page = { items: [1, 2], total: 10_000, totalIsExact: false, page: 3, pageSize: 2 };
    expect(mapPage(page, (n) => `#${n}`)).toEqual({ items: ['#1', '#2'], total: 10_000, totalIsExact: false, page: 3, pageSize: 2 });
  });

  it('makes the API page from a counted list and the page asked for', () => {
    expect(toPage({ items: ['a'], total: 41 }, { page: 5, pageSize: 10 }, (s) => s.toUpperCase())).toEqual({
      items: ['A'],
      total: 41,
      page: 5,
      pageSize: 10,
    });
  });
});
