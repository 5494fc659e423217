import { randomBytes } from 'node:crypto';
import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { registerIncoming } from './support/documents';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

/** A word no other suite writes, so these searches see only this suite's documents. */
const tag = `qx${randomBytes(4).toString('hex')}`;

// Both ways of finding the newest matches give the same answers: reading the newest documents
// (the default: this suite's few documents fill the window from the first read, or come up short
// and fall back to the index) and the trigram index alone (SEARCH_WALK_ROWS=0).
const ways = [
  { way: 'walking the newest documents', env: {} },
  { way: 'through the trigram index', env: { SEARCH_WALK_ROWS: '0' } },
];
// Numbered 1–6, registered oldest first (1 March … 6 March); only 2 and 3 carry the diacritics.
const ids = new Map<string, string>(); // id → number of the document

describe.each(ways)('incoming search ($way): totals capped at the ranking window, ranking in a window of the newest matches', ({ env }) => {
  let api: Api;
  let clerk: Client;

  beforeAll(async () => {
    api = await startApi(run, { LIST_COUNT_CAP: '5', SEARCH_RANK_WINDOW: '4', ...env });
    clerk = await org.signIn(api.url, 'clerk');
    if (ids.size) return; // registered by the first block
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const subject = n === 2 || n === 3 ? `Thông báo tuyển dụng ${tag} đợt ${n}` : `Thong bao tuyen dung ${tag} dot ${n}`;
      const { status, body } = await registerIncoming(clerk, { subject, sourceDate: '2026-02-27', receivedAt: `2026-03-0${n}T09:00:00+07:00` });
      expect([status, body.code]).toEqual([201, undefined]);
      ids.set(body.id, String(n));
    }
  });
  afterAll(() => api.stop());

  async function search(q: string, page: number, pageSize: number) {
    const res = await clerk.get(`/api/v1/incoming?q=${encodeURIComponent(q)}&page=${page}&pageSize=${pageSize}`);
    expect(res.status).toBe(200);
    return { ...res.body, numbers: res.body.items.map((i: { id: string }) => ids.get(i.id)) };
  }

  it('counts a search only up to SEARCH_RANK_WINDOW (below LIST_COUNT_CAP), and exactly below it', async () => {
    // 6 match: "more than 4", on every page, also past the window.
    expect(await search(`tuyen dung ${tag}`, 1, 10)).toMatchObject({ total: 4, totalIsExact: false });
    expect(await search(`tuyen dung ${tag}`, 2, 4)).toMatchObject({ total: 4, totalIsExact: false, numbers: ['2', '1'] });
    expect(await search(`${tag} dot`, 1, 10)).toMatchObject({ total: 4, totalIsExact: false });
    expect(await search(`${tag} dot 5`, 1, 10)).toMatchObject({ total: 1, totalIsExact: true, numbers: ['5'] });
    expect(await search(`${tag} dot 2`, 1, 10)).toMatchObject({ total: 1, totalIsExact: true, numbers: ['2'] });
    expect(await search(`${tag} nowhere`, 1, 10)).toMatchObject({ total: 0, totalIsExact: true, items: [] });
  });

  it('ranks the exact diacritics first among the newest matches, then older matches newest first', async () => {
    // Window of 4: documents 6, 5, 4, 3 are ranked (3 has "tuyển dụng" as typed); 2 and 1 follow by date.
    const pages = await Promise.all([1, 2, 3].map((page) => search(`tuyển dụng ${tag}`, page, 2)));
    expect(pages.map((p) => p.numbers)).toEqual([
      ['3', '6'],
      ['5', '4'],
      ['2', '1'],
    ]);
    // A page across the window's edge continues the same order.
    const wide = await Promise.all([1, 2, 3].map((page) => search(`tuyển dụng ${tag}`, page, 3)));
    expect(wide.map((p) => p.numbers)).toEqual([['3', '6', '5'], ['4', '2', '1'], []]);
  });

  it('ranks text typed without diacritics first when that is how the subject is written', async () => {
    const page = await search(`tuyen dung ${tag}`, 1, 10);
    expect(page.numbers).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  it('counts the unfiltered list up to LIST_COUNT_CAP', async () => {
    const res = await clerk.get('/api/v1/incoming?pageSize=2');
    expect(res.body).toMatchObject({ total: 5, totalIsExact: false, page: 1, pageSize: 2 });
    expect(res.body.items).toHaveLength(2);
  });
});
