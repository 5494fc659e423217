import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the national document axis (trục liên thông văn bản quốc gia), which cannot be
 * reached from here. It speaks the protocol of the published reference client over HTTP: a POST to
 * `/<operation>`, parameters and the system's `systemId`/`secret` as headers, JSON answers
 * `{status, ErrorCode, ErrorDesc, …}`:
 *
 * - `sendEdoc` (headers from, to = JSON array of OrganIds, servicetype, messagetype edoc|status; the
 *   file as the body) → `{DocId}`; the file is kept once per recipient OrganId;
 * - `getReceivedEdocList` (messagetype; `status: all` lists acknowledged ones too) → `data: [{docId,
 *   from, to, messageType, serviceType, status, created_time}]`, for the OrganIds of the calling system;
 * - `getEdoc` (docId) → `data`: the file, base64;
 * - `updateStatus` (docid, status done|fail): the caller's copy leaves the list;
 * - `getSentEdocList` → `data: [{senderDocId, fromCode, toCode, messageType, sendStatus, receiveStatus, sentTime}]`;
 * - `getAgenciesList` → `data: [{id, code, agencyCode, name, mail, …}]`.
 *
 * It fails on demand: `failNext(operation, n)` answers 500 to the next n calls of an operation (a
 * batch broken in the middle), `down()` drops every connection until `up()`, `forget(docId)` loses a
 * sent file (the reconciliation must send it again).
 */
interface StoredFile {
  docId: string;
  from: string;
  to: string[];
  systemId: string;
  messageType: string;
  body: Buffer;
  createdAt: Date;
  /** Per recipient OrganId: `initial` until its system says `done` or `fail`. */
  delivery: Map<string, 'initial' | 'done' | 'fail'>;
}

export interface AxisAgencyListing {
  code: string | null;
  agencyCode?: string | null;
  name: string;
  mail?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface AxisSimulator {
  url: string;
  /** A connected system: its credentials and the OrganIds it speaks for. */
  addSystem(systemId: string, secret: string, organIds: string[]): void;
  setAgencies(agencies: AxisAgencyListing[]): void;
  /** 500 to the next `times` calls of `operation` (by `systemId` if given), after letting `after` of them through. */
  failNext(operation: string, times: number, options?: { after?: number; systemId?: string }): void;
  /** While held, a system's received list is empty (the axis has not delivered yet): lets a batch build up. */
  hold(systemId: string): void;
  release(systemId: string): void;
  /** The file as it was sent. */
  body(docId: string): Buffer;
  down(): void;
  up(): void;
  forget(docId: string): void;
  /** Marks a copy acknowledged as if its recipient had taken it (a receipt lost on the recipient's side). */
  acknowledge(docId: string, organId: string): void;
  files(): { docId: string; from: string; to: string[]; messageType: string; delivery: Record<string, string> }[];
  /** Every call: its operation, the calling system, the answer's status and the document it named (getEdoc, updateStatus). */
  calls: { operation: string; systemId: string; status: number; docId?: string }[];
  close(): Promise<void>;
}

export async function startAxisSimulator(): Promise<AxisSimulator> {
  const systems = new Map<string, { secret: string; organIds: Set<string> }>();
  const stored = new Map<string, StoredFile>();
  const failures = new Map<string, { times: number; after: number; systemId?: string }>();
  const held = new Set<string>();
  const calls: AxisSimulator['calls'] = [];
  let agencies: AxisAgencyListing[] = [];
  let isDown = false;

  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const ok = (res: ServerResponse, body: Record<string, unknown> = {}): number => {
    answer(res, 200, { status: 'OK', ErrorCode: '0', ErrorDesc: 'Success', ...body });
    return 200;
  };
  const fail = (res: ServerResponse, status: number, code: string, desc: string): number => {
    answer(res, status, { status: 'FAIL', ErrorCode: code, ErrorDesc: desc });
    return status;
  };

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): number {
    const operation = (req.url ?? '/').replace(/^\/+/, '').split('?')[0];
    const header = (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    };
    const systemId = header('systemId') ?? '';
    const system = systems.get(systemId);
    if (req.method !== 'POST') return fail(res, 405, '405', 'POST only');
    if (!system || system.secret !== header('secret')) return fail(res, 401, '401', 'systemId/secret not accepted');
    const failure = failures.get(operation);
    if (failure && failure.times > 0 && (!failure.systemId || failure.systemId === systemId)) {
      if (failure.after > 0) failure.after -= 1;
      else {
        failure.times -= 1;
        return fail(res, 500, '500', 'simulated failure');
      }
    }
    const mine = (organId: string) => system.organIds.has(organId);
    switch (operation) {
      case 'sendEdoc': {
        const from = header('from') ?? '';
        const messageType = header('messagetype') ?? '';
        let to: string[];
        try {
          to = JSON.parse(header('to') ?? '[]') as string[];
        } catch {
          return fail(res, 400, '400', 'to is not JSON');
        }
        if (!mine(from)) return fail(res, 403, '403', `${from} is not an OrganId of system ${systemId}`);
        if (!Array.isArray(to) || to.length === 0 || !['edoc', 'status'].includes(messageType) || body.length === 0) return fail(res, 400, '400', 'from, to, messagetype and a file are required');
        const docId = randomUUID();
        stored.set(docId, { docId, from, to, systemId, messageType, body, createdAt: new Date(), delivery: new Map(to.map((t) => [t, 'initial'])) });
        return ok(res, { DocId: docId });
      }
      case 'getReceivedEdocList': {
        const messageType = header('messagetype') ?? 'edoc';
        const all = header('status') === 'all';
        if (held.has(systemId)) return ok(res, { data: [] });
        const data = [...stored.values()].flatMap((f) =>
          f.messageType !== messageType
            ? []
            : [...f.delivery].filter(([organId, state]) => mine(organId) && (all || state === 'initial')).map(([organId, state]) => ({
                docId: f.docId, from: f.from, to: organId, serviceType: 'eDoc', messageType: f.messageType, status: state, created_time: f.createdAt.toISOString(),
              })),
        );
        return ok(res, { data });
      }
      case 'getEdoc': {
        const file = stored.get(header('docId') ?? '');
        if (!file || ![...file.delivery.keys()].some(mine)) return fail(res, 404, '404', 'no such document for this system');
        return ok(res, { data: file.body.toString('base64') });
      }
      case 'updateStatus': {
        const file = stored.get(header('docid') ?? '');
        const status = header('status');
        if (!file || (status !== 'done' && status !== 'fail')) return fail(res, 400, '400', 'docid and status done|fail required');
        for (const organId of file.delivery.keys()) if (mine(organId)) file.delivery.set(organId, status);
        return ok(res);
      }
      case 'getSentEdocList': {
        const data = [...stored.values()].filter((f) => mine(f.from)).flatMap((f) =>
          [...f.delivery].map(([toCode, state]) => ({ serviceType: 'eDoc', senderDocId: f.docId, receiverDocId: f.docId, fromCode: f.from, toCode, messageType: f.messageType, sendStatus: 'done', receiveStatus: state, sentTime: f.createdAt.toISOString() })),
        );
        return ok(res, { data });
      }
      case 'getAgenciesList':
        return ok(res, { data: agencies.map((a, i) => ({ id: i + 1, pid: 0, ...a })) });
      default:
        return fail(res, 404, '404', `no operation ${operation}`);
    }
  }

  const server: Server = createServer((req, res) => {
    if (isDown) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = (req.url ?? '/').replace(/^\/+/, '');
      const status = handle(req, Buffer.concat(chunks), res);
      const docId = req.headers.docid;
      calls.push({ operation, systemId: String(req.headers.systemid ?? ''), status, ...(typeof docId === 'string' ? { docId } : {}) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    addSystem: (systemId, secret, organIds) => systems.set(systemId, { secret, organIds: new Set(organIds) }),
    setAgencies: (list) => {
      agencies = list;
    },
    failNext: (operation, times, options = {}) => failures.set(operation, { times, after: options.after ?? 0, systemId: options.systemId }),
    hold: (systemId) => held.add(systemId),
    release: (systemId) => held.delete(systemId),
    body: (docId) => {
      const file = stored.get(docId);
      if (!file) throw new Error(`no file ${docId} on the axis`);
      return file.body;
    },
    down: () => {
      isDown = true;
    },
    up: () => {
      isDown = false;
    },
    forget: (docId) => stored.delete(docId),
    acknowledge: (docId, organId) => stored.get(docId)?.delivery.set(organId, 'done'),
    files: () => [...stored.values()].map((f) => ({ docId: f.docId, from: f.from, to: f.to, messageType: f.messageType, delivery: Object.fromEntries(f.delivery) })),
    calls,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
