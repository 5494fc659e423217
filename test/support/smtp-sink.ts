import { SMTPServer } from 'smtp-server';
import { freePort } from './processes';

export interface SmtpSink {
  port: number;
  /** Every message received, raw (headers and MIME parts). */
  messages: string[];
  close: () => Promise<void>;
}

/** A local SMTP sink: every message the worker sends, raw. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        done();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
