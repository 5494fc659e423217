import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { join } from 'node:path';

/**
 * Multipart bodies written by hand on a bare socket, for what `fetch` cannot send: a body cut
 * short, a client that goes away mid-upload, a client that stops sending. Every connection is
 * closed by one side after one request, so nothing lingers in the server's descriptor table.
 */
export interface RawReply {
  status: number;
  body: { code?: string } & Record<string, unknown>;
}

export interface MultipartPlan {
  path: string;
  token: string;
  /** The part's name and file name; the part starts with the bytes of a real file's header. */
  field: string;
  filename?: string;
  /** Body bytes sent; the rest of what Content-Length announces is never sent. */
  sent: Buffer;
  contentLength: number;
  boundary: string;
}

export function multipartHead(field: string, filename: string, boundary: string, type = 'application/pdf'): Buffer {
  return Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    'utf8',
  );
}

export function multipartTail(boundary: string): Buffer {
  return Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
}

/** A PDF-looking start of a file, long enough to need several writes. */
export function pdfStart(bytes = 256 * 1024): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(bytes, 0x20)]);
}

export function newBoundary(): string {
  return `----e2e${randomUUID().replace(/-/g, '')}`;
}

function open(baseUrl: string, plan: MultipartPlan): Socket {
  const url = new URL(baseUrl);
  const socket = connect(Number(url.port), url.hostname);
  socket.write(
    [
      `POST ${plan.path} HTTP/1.1`,
      `Host: ${url.host}`,
      `Authorization: Bearer ${plan.token}`,
      `Content-Type: multipart/form-data; boundary=${plan.boundary}`,
      `Content-Length: ${plan.contentLength}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n'),
  );
  socket.write(plan.sent);
  return socket;
}

/** Sends the plan, keeps the socket open, and returns what the server answers before it closes. */
export function sendAndRead(baseUrl: string, plan: MultipartPlan, timeoutMs = 60_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = open(baseUrl, plan);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from ${plan.path} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset after the answer is fine; no answer fails below
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseReply(Buffer.concat(chunks)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Sends the plan and, once `until` resolves, goes away as a client whose network dropped. */
export async function sendAndAbort(baseUrl: string, plan: MultipartPlan, until: () => Promise<unknown>): Promise<void> {
  const socket = open(baseUrl, plan);
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  try {
    await until();
  } finally {
    socket.destroy();
  }
  await closed;
}

function parseReply(raw: Buffer): RawReply {
  const text = raw.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`);
  const head = text.slice(0, split);
  let body = text.slice(split + 4);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  if (/^transfer-encoding: *chunked/im.test(head)) body = unchunk(body);
  let parsed: RawReply['body'];
  try {
    parsed = body ? (JSON.parse(body) as RawReply['body']) : {};
  } catch {
    parsed = { text: body };
  }
  return { status, body: parsed };
}

function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** The process's open descriptors, and those that point into a directory. */
export function openDescriptors(pid: number, under?: string): { total: number; inside: string[] } {
  const dir = `/proc/${pid}/fd`;
  const targets = readdirSync(dir).map((fd) => {
    try {
      return readlinkSync(join(dir, fd));
    } catch {
      return ''; // closed between listing and reading
    }
  });
  return { total: targets.length, inside: under ? targets.filter((t) => t.startsWith(under)) : [] };
}

export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}
