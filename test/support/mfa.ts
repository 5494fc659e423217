import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { ROOT, suiteName } from './test-env';

/**
 * The TOTP secrets people enrolled with in this suite's database, kept in a file per suite (helpers
 * in other module registries, and the suite's isolated copies, sign the same administrator in with
 * the same authenticator). Global setup removes them with the fresh database.
 */
export const MFA_STATE_DIR = join(ROOT, '.data');
const stateFile = () => join(MFA_STATE_DIR, `e2e-mfa-${suiteName()}.json`);

interface Enrolled {
  secret: string;
  /** The last time step a code was sent for: the API accepts each step once. */
  lastStep: number;
  recoveryCodes: string[];
}

const PERIOD = 30;

function load(): Record<string, Enrolled> {
  const file = stateFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Enrolled>) : {};
}

function save(state: Record<string, Enrolled>): void {
  const file = stateFile();
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

export function rememberEnrolment(username: string, secret: string, step: number, recoveryCodes: string[]): void {
  const state = load();
  state[username] = { secret, lastStep: step, recoveryCodes };
  save(state);
}

export function enrolmentOf(username: string): Enrolled | undefined {
  return load()[username];
}

export function forgetEnrolment(username: string): void {
  const state = load();
  delete state[username];
  save(state);
}

export function totpAt(secret: string, step: number): string {
  return generateSync({ secret, epoch: step * PERIOD, period: PERIOD });
}

/** The step a fresh code can use now (see freshCode), or undefined when all are used. */
function usableStep(lastStep: number): number | undefined {
  const now = Date.now() / 1000;
  const current = Math.floor(now / PERIOD);
  const candidates = [...(now - current * PERIOD < 15 ? [current - 1] : []), current, current + 1];
  return candidates.find((s) => s > lastStep);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 500));

/**
 * A code for a step the API has not seen from this person: the previous step early in a period,
 * the current one, or the next (all within the API's one-period tolerance). When all are used,
 * waits (polling the clock) for the next period: at most two or three sign-ins of one person per
 * 30 s, which the suites stay well under.
 */
export async function freshCode(secret: string, lastStep: number): Promise<{ code: string; step: number }> {
  for (;;) {
    const step = usableStep(lastStep);
    if (step !== undefined) return { code: totpAt(secret, step), step };
    await tick();
  }
}

/**
 * Takes the next code for an enrolled person and records its step as used, in one synchronous
 * stretch, so two sign-ins of one person never pick the same step. The API accepts only a step
 * later than the last one it took, so sign one person in one at a time, not in parallel.
 */
export async function nextCodeFor(username: string): Promise<string> {
  for (;;) {
    const state = load();
    const enrolled = state[username];
    if (!enrolled) throw new Error(`${username} must give a second factor, but no secret was kept for them in this run`);
    const step = usableStep(enrolled.lastStep);
    if (step !== undefined) {
      state[username] = { ...enrolled, lastStep: step };
      save(state);
      return totpAt(enrolled.secret, step);
    }
    await tick();
  }
}
