import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedPost {
  path: string;
  contentType: string;
  body: Buffer;
}

/**
 * A plain HTTP relay between two installations: it forwards every request to the target unchanged
 * and answers what the target answered, keeping a copy of each POST (so a suite can deliver the very
 * same package again). `failNext(n)` answers 500 to the next n requests without forwarding them —
 * a receiver that fails mid-batch. `alterNext(change)` forwards the next POST changed (bytes damaged
 * in transit). `holdNextAnswer()` forwards the next POST at once but keeps the target's answer
 * until the returned `release()` — the sender's package is delivered and still on its way.
 */
export async function startRelay(target: string) {
  const posts: RecordedPost[] = [];
  let failures = 0;
  let alter: ((body: Buffer) => Buffer) | null = null;
  let hold: Promise<void> | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Buffer = Buffer.concat(chunks);
      if (alter && req.method === 'POST') {
        body = alter(body);
        alter = null;
      }
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"RELAY_FAILURE"}');
        return;
      }
      if (req.method === 'POST') posts.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body });
      const held = req.method === 'POST' ? hold : null;
      if (held) hold = null;
      fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': String(req.headers['content-type'] ?? '') }, body: req.method === 'POST' ? new Uint8Array(body) : undefined })
        .then(async (answer) => {
          const bytes = Buffer.from(await answer.arrayBuffer());
          await held;
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(bytes);
        })
        .catch((error) => res.writeHead(502).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    failNext: (n: number) => {
      failures = n;
    },
    alterNext: (change: (body: Buffer) => Buffer) => {
      alter = change;
    },
    holdNextAnswer: () => {
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return { release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
