import { SMTPServer } from 'smtp-server';
import { freePort } from './processes';

export interface SmtpSink {
  port: number;
  /** Every message received, raw (headers and MIME parts). */
  messages: string[];
  /** The next `count` messages are refused with a temporary failure (451), as a busy server does. */
  refuseNext: (count: number) => void;
  /** How many messages were refused so far. */
  refused: () => number;
  close: () => Promise<void>;
}

/** A local SMTP sink: every message the worker sends, raw. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: string[] = [];
  let toRefuse = 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refused += 1;
          done(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        messages.push(Buffer.concat(chunks).toString('utf8'));
        done();
      });
    },
  });
  // smtp-server emits a client's connection errors on the server: a worker killed mid-session (the
  // chaos suite) resets its socket, and an unheard 'error' event would end the whole test process.
  server.on('error', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    messages,
    refuseNext: (count: number) => {
      toRefuse = count;
    },
    refused: () => refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A message as a mail client shows it: quoted-printable or base64 bodies decoded. */
export function decodedMail(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return `${head}\n\n${Buffer.from(bytes, 'latin1').toString('utf8')}`;
  }
  return raw;
}
