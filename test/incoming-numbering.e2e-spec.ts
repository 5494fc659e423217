import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { makePdf } from './support/documents';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

/** Register `n` documents with at most `parallel` requests in flight, round-robin over the clients. */
async function registerMany(clients: Client[], n: number, parallel: number, label: string, onCreated?: (count: number) => void) {
  const scan = await makePdf(label);
  const statuses: number[] = [];
  let next = 0;
  const workers = Array.from({ length: parallel }, async () => {
    while (next < n) {
      const i = next++;
      const form = new FormData();
      form.append(
        'metadata',
        JSON.stringify({
          sourceNumberSymbol: `${i + 1}/${label}`,
          sourceDate: '2026-11-20',
          issuingAuthority: 'UBND tỉnh Tây Ninh',
          documentType: 'Công văn',
          subject: `${label} số ${i + 1}`,
          urgency: 'normal',
          confidentiality: 'normal',
          receivedVia: 'system',
        }),
      );
      form.append('scan', new Blob([new Uint8Array(scan)], { type: 'application/pdf' }), 'scan.pdf');
      const res = await clients[i % clients.length].post('/api/v1/incoming', form).catch(() => ({ status: 0 }));
      statuses.push(res.status);
      if (res.status === 201) onCreated?.(statuses.filter((s) => s === 201).length);
    }
  });
  await Promise.all(workers);
  return statuses;
}

/** Every number of the suite's agency's register for the year, in order: must be exactly 1..N, and the counter at N. */
async function numbersOf(registerCode: string) {
  const registerId = org.registers.agency[registerCode];
  const rows = await query<{ incoming_number: number }>(
    run.databaseUrl,
    `SELECT d.incoming_number FROM incoming_document d JOIN register r ON r.id = d.register_id
      WHERE r.id = $1 AND d.year = extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh') ORDER BY 1`,
    [registerId],
  );
  const [counter] = await query<{ last_number: number }>(
    run.databaseUrl,
    `SELECT c.last_number FROM register_counter c JOIN register r ON r.id = c.register_id
      WHERE r.id = $1 AND c.year = extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
    [registerId],
  );
  return { numbers: rows.map((r) => r.incoming_number), lastNumber: counter?.last_number ?? 0 };
}

function expectGapFree({ numbers, lastNumber }: { numbers: number[]; lastNumber: number }) {
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  expect(lastNumber).toBe(numbers.length);
}

describe('incoming numbers stay unique and gap-free', () => {
  it('across three API processes registering 300 documents in parallel', async () => {
    const apis: Api[] = await Promise.all([startApi(run), startApi(run), startApi(run)]);
    try {
      const clerk = await org.signIn(apis[0].url, 'clerk');
      const clients = apis.map((api) => new Client(api.url, clerk.accessToken));
      const before = (await numbersOf('DEN')).numbers.length;
      const statuses = await registerMany(clients, 300, 24, 'SONG-SONG');
      expect(statuses.filter((s) => s === 201)).toHaveLength(300);
      const after = await numbersOf('DEN');
      expect(after.numbers.length).toBe(before + 300);
      expectGapFree(after);
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
    }
  });

  it('when the API is killed in the middle of registrations', async () => {
    const api = await startApi(run);
    const clerk = await org.signIn(api.url, 'clerk');
    // Kill it once some registrations have gone through, whatever the machine's speed.
    let killed: Promise<unknown> | undefined;
    const inFlight = registerMany([clerk], 120, 16, 'SAP-NGUON', (created) => {
      if (created >= 10 && !killed) killed = api.stop('SIGKILL');
    });
    const statuses = await inFlight;
    await killed;
    expect(statuses.some((s) => s === 201)).toBe(true); // some made it before the crash
    expect(statuses.some((s) => s !== 201)).toBe(true); // and some were cut off
    expectGapFree(await numbersOf('DEN'));

    const restarted = await startApi(run);
    try {
      const again = new Client(restarted.url, clerk.accessToken);
      expect(await registerMany([again], 5, 2, 'SAU-KHOI-DONG')).toEqual(Array(5).fill(201));
      expectGapFree(await numbersOf('DEN'));
    } finally {
      await restarted.stop();
    }
  });
});
