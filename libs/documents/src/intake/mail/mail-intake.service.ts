import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobName, OnJob } from '@eoffice/core';
import { IntakeReceiptService } from '../intake-receipt.service';
import { imapClient } from './imap-client';
import { MailArrivals } from './mail-arrivals.service';
import { describeImapError } from './intake-mailbox-check.service';
import { IntakeMailboxRepository, IntakeMailboxSettings, MailboxAddress } from './intake-mailbox.repository';
import { MailboxStateRepository } from './mailbox-state.repository';

/** One IMAP connection's worth of work, bounded so a full mailbox is read over several polls. */
const MAX_MESSAGES_PER_FETCH = 500;
const TIMEOUT_MS = 60_000;

/** One mailbox's poll: how many messages were read and made into items, or why it was not read. */
export interface MailboxOutcome {
  mailbox: string;
  agencyId: string;
  read: number;
  created: number;
  /** Another worker was reading it. */
  skipped: boolean;
  error?: string;
}

export interface MailFetchOutcome extends Record<string, unknown> {
  mailboxes: MailboxOutcome[];
  read: number;
  created: number;
}

export interface Mailbox {
  key: string;
  agencyId: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string | null;
  /** Where the password comes from, for the log when it is missing. */
  passwordFrom: string;
  path: string;
  /** An agency's own mailbox (its settings row notes each poll); absent for INTAKE_IMAP_URL. */
  settings?: MailboxAddress;
}

/**
 * Tiếp nhận văn bản qua thư điện tử: every INTAKE_POLL_SECONDS the worker reads each agency's
 * mailbox (its own, set with PUT /units/:unitId/intake-mailbox, and the default INTAKE_IMAP_URL;
 * read-only: flags are left alone) for messages after the last UID it made into an item, oldest
 * first, one at a time: item committed, then the position advanced. One mailbox failing (server
 * down, wrong password) does not keep the others from being read; the poll then fails, naming it.
 */
@Injectable()
export class MailIntakeService {
  private readonly logger = new Logger(MailIntakeService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly arrivals: MailArrivals,
    private readonly receipt: IntakeReceiptService,
    private readonly state: MailboxStateRepository,
    private readonly settings: IntakeMailboxRepository,
  ) {}

  @OnJob(JobName.intakeMailFetch)
  async fetch(): Promise<MailFetchOutcome> {
    const outcomes: MailboxOutcome[] = [];
    for (const mailbox of await this.mailboxes()) outcomes.push(await this.fetchOne(mailbox));
    const failed = outcomes.filter((o) => o.error);
    const total: MailFetchOutcome = { mailboxes: outcomes, read: sum(outcomes, 'read'), created: sum(outcomes, 'created') };
    if (failed.length) throw new Error(`IMAP: ${failed.map((o) => `${o.mailbox}: ${o.error}`).join('; ')} (${total.created} item(s) made from the other mailboxes)`);
    return total;
  }

  /** One mailbox, by one worker at a time (an advisory lock per mailbox); an agency's own notes how it went, for its administrator. */
  async fetchOne(mailbox: Mailbox): Promise<MailboxOutcome> {
    const outcome = await this.poll(mailbox);
    if (mailbox.settings && !outcome.skipped) {
      await this.settings.recordPoll(mailbox.settings, outcome.error ?? null).catch((error: Error) => this.logger.warn(`IMAP ${mailbox.key}: poll not noted: ${error.message}`));
    }
    return outcome;
  }

  private async poll(mailbox: Mailbox): Promise<MailboxOutcome> {
    const outcome: MailboxOutcome = { mailbox: mailbox.key, agencyId: mailbox.agencyId, read: 0, created: 0, skipped: false };
    if (mailbox.password === null) return { ...outcome, error: `no password: ${mailbox.passwordFrom} is not set in the worker's environment` };
    try {
      const ran = await this.state.exclusively(mailbox.key, () => this.read(mailbox, outcome));
      return ran ? outcome : { ...outcome, skipped: true };
    } catch (error) {
      const message = describeImapError(error);
      this.logger.warn(`IMAP ${mailbox.key}: ${message}`);
      return { ...outcome, error: message };
    }
  }

  /** Every agency's own mailbox, then the installation's default (INTAKE_IMAP_URL) unless it is one of them. */
  async mailboxes(): Promise<Mailbox[]> {
    const own = (await this.settings.all()).map((s) => this.fromSettings(s));
    const fallback = this.defaultMailbox();
    return fallback && !own.some((m) => m.key === fallback.key) ? [...own, fallback] : own;
  }

  private async read(mailbox: Mailbox, outcome: MailboxOutcome): Promise<void> {
    const client = imapClient({ ...mailbox, password: mailbox.password ?? '' }, TIMEOUT_MS, (error) => this.logger.warn(`IMAP ${mailbox.key}: ${error.message}`));
    await client.connect();
    try {
      const lock = await client.getMailboxLock(mailbox.path, { readOnly: true });
      try {
        const box = client.mailbox;
        if (!box) throw new Error(`IMAP ${mailbox.key}: no mailbox ${mailbox.path}`);
        const uidValidity = String(box.uidValidity);
        const saved = await this.state.get(mailbox.key);
        let lastUid = saved && saved.uidValidity === uidValidity ? saved.lastUid : 0;
        if (!saved || saved.uidValidity !== uidValidity) await this.state.save(mailbox.key, { uidValidity, lastUid, agencyId: mailbox.agencyId });
        const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
        // "n:*" names the last message even when n is past it: keep only the new ones.
        const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b).slice(0, MAX_MESSAGES_PER_FETCH);
        for (const uid of uids) {
          const message = await client.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true });
          if (message && message.source) {
            const internalDate = message.internalDate ? new Date(message.internalDate) : null;
            const arrival = await this.arrivals.arrivalOf({ agencyId: mailbox.agencyId, mailbox: mailbox.key, uidValidity, uid, internalDate }, message.source);
            if (await this.receipt.receive(arrival)) outcome.created += 1;
            outcome.read += 1;
          }
          lastUid = uid;
          await this.state.save(mailbox.key, { uidValidity, lastUid, agencyId: mailbox.agencyId });
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  /** An agency's own mailbox; its password from the variable it names (INTAKE_IMAP_PASSWORD_<NAME>). */
  private fromSettings(s: IntakeMailboxSettings): Mailbox {
    const password = this.config.intakeImapPasswords?.[s.passwordEnv] ?? null;
    const key = `${s.host}:${s.port}/${s.username}/${s.mailbox}`;
    const settings = { agencyId: s.agencyId, host: s.host, port: s.port, username: s.username, mailbox: s.mailbox };
    return { key, agencyId: s.agencyId, host: s.host, port: s.port, secure: s.tls, user: s.username, password, passwordFrom: s.passwordEnv, path: s.mailbox, settings };
  }

  /** INTAKE_IMAP_URL with the password from INTAKE_IMAP_PASSWORD; the key names it without the secret. */
  private defaultMailbox(): Mailbox | null {
    const { INTAKE_IMAP_URL: raw, INTAKE_IMAP_AGENCY_ID: agencyId } = this.config;
    if (!raw || !agencyId) return null;
    const url = new URL(raw);
    const secure = url.protocol === 'imaps:';
    const port = Number(url.port) || (secure ? 993 : 143);
    const user = decodeURIComponent(url.username);
    const path = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
    const password = this.config.INTAKE_IMAP_PASSWORD ?? decodeURIComponent(url.password);
    return { key: `${url.hostname}:${port}/${user}/${path}`, agencyId, host: url.hostname, port, secure, user, password, passwordFrom: 'INTAKE_IMAP_PASSWORD', path };
  }
}

function sum(outcomes: MailboxOutcome[], field: 'read' | 'created'): number {
  return outcomes.reduce((total, o) => total + o[field], 0);
}
