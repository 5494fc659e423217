import { randomBytes } from 'node:crypto';
import { makePdf } from './support/documents';
import { Client } from './support/http';
import { createDraft, draftMetadata } from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation, Who } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

/** Words no other suite writes, only in the PDFs' bodies (never in a subject or a number). */
const first = `qy${randomBytes(4).toString('hex')}`;
const second = `qz${randomBytes(4).toString('hex')}`;

/**
 * Outgoing documents are found by the words of their PDF, as incoming ones by their scan's: the
 * worker reads the current PDF into the search text, again for a new version; and a search never
 * finds what the person may not see.
 */
describe('outgoing search in the text of the PDF', () => {
  let api: Api;
  let worker: RunningProcess;
  let officer: Client;
  let signer: Client;
  let clerk: Client;
  let id: string;

  beforeAll(async () => {
    api = await startApi(run);
    worker = startWorker(run);
    const sign = (who: Who) => org.signIn(api.url, who);
    [officer, signer, clerk] = await Promise.all([sign('officer'), sign('director'), sign('clerk')]);
    const body = await makePdf(`Noi dung: to chuc hoi thao chuyen de ${first} cho giao vien cot can`);
    const created = await createDraft(officer, await draftMetadata(org), body);
    expect([created.status, created.body.code]).toEqual([201, undefined]);
    id = created.body.id;
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
  });

  const idsFound = async (client: Client, q: string): Promise<string[]> => {
    const res = await client.get(`/api/v1/outgoing?q=${encodeURIComponent(q)}&pageSize=50`);
    expect(res.status).toBe(200);
    return res.body.items.map((d: { id: string }) => d.id);
  };
  const foundBy = (client: Client, q: string) =>
    waitFor(async () => ((await idsFound(client, q)).includes(id) ? true : undefined), `"${q}" to find the draft`, 60_000);

  it('finds a draft by a word that is only in its PDF, without diacritics or case mattering', async () => {
    expect((await officer.get(`/api/v1/outgoing/${id}`)).body.subject).not.toContain(first);
    await foundBy(officer, first);
    expect(await idsFound(officer, `chuyên đề ${first.toUpperCase()}`)).toEqual([id]);
    const detail = await officer.get(`/api/v1/outgoing/${id}`);
    expect(detail.body.textExtractedAt).toEqual(expect.any(String));
    // The signer sees the draft (named on it), so finds it as well.
    expect(await idsFound(signer, first)).toEqual([id]);
  });

  it('does not find it for someone who may not see the draft', async () => {
    await foundBy(officer, first);
    expect((await clerk.get(`/api/v1/outgoing/${id}`)).status).toBe(404);
    expect(await idsFound(clerk, first)).toEqual([]);
  });

  it('follows the current version: the new PDF is read, the old words no longer find it', async () => {
    await foundBy(officer, first);
    const form = new FormData();
    const revised = await makePdf(`Noi dung da sua lai theo y kien gop y: hoi thao chuyen de ${second} cho giao vien`);
    form.append('draft', new Blob([new Uint8Array(revised)], { type: 'application/pdf' }), 'du-thao-2.pdf');
    expect((await officer.post(`/api/v1/outgoing/${id}/versions`, form)).status).toBe(200);
    await foundBy(officer, second);
    expect(await idsFound(officer, first)).toEqual([]);
    expect(await idsFound(clerk, second)).toEqual([]);
  });
});
