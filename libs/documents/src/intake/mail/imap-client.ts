import { ImapFlow } from 'imapflow';

export interface ImapAccount {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
}

/**
 * An imapflow client for one mailbox, not yet connected, every wait bounded by `timeoutMs`. A reset
 * connection is reported on the client as well as to the pending command; without a listener it
 * would end the process, so `onError` must be given.
 */
export function imapClient(account: ImapAccount, timeoutMs: number, onError: (error: Error) => void): ImapFlow {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: { user: account.user, pass: account.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  client.on('error', onError);
  return client;
}
