import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort, waitFor } from './processes';

/**
 * A real IMAP server for a suite: Debian's dovecot (dovecot-imapd) with a private configuration in
 * a temporary directory, on its own port, plain-text login on 127.0.0.1 only, one mailbox user.
 * As root (CI) the login and mail processes run as the package's own `dovenull` and `dovecot`
 * users, since dovecot refuses to run its login process as root; otherwise as the current user.
 */
export interface ImapServer {
  port: number;
  user: string;
  password: string;
  /** `imap://user@127.0.0.1:port/INBOX`, the form INTAKE_IMAP_URL takes. */
  url: string;
  /** Delivers a message into INBOX with IMAP APPEND; its UID. */
  append(raw: Buffer): Promise<number>;
  log(): string;
  /** Stops the server, keeping its mail (the server is down until `resume`). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';

export async function startImapServer(): Promise<ImapServer> {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-imap-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const user = 'vanthu';
  const password = 'Hop-thu-2026';
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const mailUid = root ? Number(idOf('-u', 'dovecot')) : me.uid;
  const mailGid = root ? Number(idOf('-g', 'dovecot')) : me.gid;
  if (root) chownSync(join(dir, 'mail'), mailUid, mailGid);
  const internal = root ? 'dovecot' : me.username;
  const group = root ? 'dovecot' : idOf('-gn', me.username);
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  // dovecot's auth process (its own user under root) reads it: whatever the umask, it must be readable.
  chmodSync(join(dir, 'users'), 0o644);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internal}
default_internal_group = ${group}
default_login_user = ${root ? 'dovenull' : me.username}
first_valid_uid = 0
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const launch = (): ChildProcess => spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  let child = launch();
  const halt = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const log = () => {
    try {
      return readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const connect = async () => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const accepting = () =>
    waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`dovecot exited: ${log()}`);
        try {
          await (await connect()).logout();
          return true;
        } catch {
          return undefined;
        }
      },
      'dovecot to accept logins',
    );
  try {
    await accepting();
  } catch (error) {
    // A server that never accepted is stopped here: the suite's afterAll has nothing to stop yet.
    await halt();
    throw error;
  }
  return {
    port,
    user,
    password,
    url: `imap://${user}@127.0.0.1:${port}/INBOX`,
    async append(raw: Buffer): Promise<number> {
      const client = await connect();
      try {
        const appended = await client.append('INBOX', raw);
        if (!appended || appended.uid === undefined) throw new Error('APPEND gave no UID');
        return appended.uid;
      } finally {
        await client.logout();
      }
    },
    log,
    pause: halt,
    async resume(): Promise<void> {
      child = launch();
      await accepting();
    },
    async stop(): Promise<void> {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idOf(flag: string, name: string): string {
  return execFileSync('id', [flag, name], { encoding: 'utf8' }).trim();
}

export interface MailPart {
  name: string;
  type: string;
  bytes: Buffer;
}

/** A MIME message as a mail client sends it: a text body and each attachment in base64. */
export function mimeMessage(m: { from: string; to: string; subject: string; messageId: string; text: string; attachments?: MailPart[]; headers?: Record<string, string> }): Buffer {
  const boundary = `=_eoffice_${Math.random().toString(36).slice(2)}`;
  const encodedSubject = `=?UTF-8?B?${Buffer.from(m.subject).toString('base64')}?=`;
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${encodedSubject}`,
    `Message-ID: ${m.messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    wrap(Buffer.from(m.text).toString('base64')),
  ];
  for (const part of m.attachments ?? []) {
    const name = `=?UTF-8?B?${Buffer.from(part.name).toString('base64')}?=`;
    lines.push(
      `--${boundary}`,
      `Content-Type: ${part.type}; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      wrap(part.bytes.toString('base64')),
    );
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'));
}

function wrap(base64: string): string {
  return base64.replace(/.{1,76}/g, (line) => `${line}\r\n`).trimEnd();
}
