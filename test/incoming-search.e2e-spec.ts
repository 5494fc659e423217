import { randomBytes } from 'node:crypto';
import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { registerIncoming } from './support/documents';
import { DEMO_PASSWORD, loadRun } from './support/test-env';

const run = loadRun();

/** A word no other suite writes, so these searches see only this suite's documents. */
const tag = `qx${randomBytes(4).toString('hex')}`;

describe('incoming search: capped totals and ranking in a window of the newest matches', () => {
  let api: Api;
  let clerk: Client;
  // Numbered 1–6, registered oldest first (1 March … 6 March); only 2 and 3 carry the diacritics.
  const ids = new Map<string, string>(); // id → number of the document

  beforeAll(async () => {
    api = await startApi(run, { LIST_COUNT_CAP: '3', SEARCH_RANK_WINDOW: '4' });
    clerk = await new Client(api.url).signIn('bangnv', DEMO_PASSWORD);
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

  it('says the total is a cap when more match than LIST_COUNT_CAP, and exact otherwise', async () => {
    expect(await search(`tuyen dung ${tag}`, 1, 10)).toMatchObject({ total: 3, totalIsExact: false });
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

  it('counts the unfiltered list up to the cap as well', async () => {
    const res = await clerk.get('/api/v1/incoming?pageSize=2');
    expect(res.body).toMatchObject({ total: 3, totalIsExact: false, page: 1, pageSize: 2 });
    expect(res.body.items).toHaveLength(2);
  });
});
