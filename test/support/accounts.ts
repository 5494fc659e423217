import { randomBytes } from 'node:crypto';
import { Client, Reply } from './http';
import { ADMIN_PASSWORD } from './test-env';

/** A password that passes the policy, for people who finished their first sign-in in a test. */
export const ACTIVE_PASSWORD = 'Hoat@dong-2026';

/** A code no other test (or earlier run in the same database) used: letters only, so it stays a valid unit code. */
export function uniqueCode(prefix: string): string {
  const letters = [...randomBytes(4)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${prefix}${letters}`.slice(0, 20);
}

/** A Vietnamese-looking full name that will not clash with the demo people. */
export function uniqueName(given = 'Thảo'): string {
  const middle = [...randomBytes(2)].map((b) => 'ABCDEGHKLMNPQRSTUVXY'[b % 20]).join('').toLowerCase();
  return `Kiểm Thử ${middle[0].toUpperCase()}${middle.slice(1)}ơn ${given}`;
}

export function signInAdmin(baseUrl: string): Promise<Client> {
  return new Client(baseUrl).signIn('admin', ADMIN_PASSWORD);
}

export async function expectOk<T>(pending: Promise<Reply<T>>, status = 200): Promise<T> {
  const res = await pending;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface UnitSpec {
  code?: string;
  name?: string;
  kind?: 'agency' | 'department';
  parentId?: string;
}

export async function createUnit(admin: Client, spec: UnitSpec & { parentId: string }) {
  const body = { code: spec.code ?? uniqueCode('T'), name: spec.name ?? 'Phòng Kiểm thử', kind: spec.kind ?? 'department', parentId: spec.parentId };
  return expectOk(admin.post('/api/v1/units', body), 201);
}

/** The unit with that code nearest the top (the demo agency's VP, not a school's). */
export async function unitByCode(client: Client, code: string) {
  const { items } = await expectOk(client.get('/api/v1/units'));
  const matches = items.filter((u) => u.code === code).sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0));
  if (!matches.length) throw new Error(`no unit ${code}`);
  return matches[0];
}

export interface Person {
  id: string;
  username: string;
  fullName: string;
  email: string;
  password: string;
  client: Client;
}

/** Hires a person and completes their first sign-in (one-time password changed), as they would. */
export async function hireActivePerson(
  admin: Client,
  spec: { unitId: string; roles: string[]; fullName?: string; position?: string },
): Promise<Person> {
  const fullName = spec.fullName ?? uniqueName();
  const hired = await expectOk(admin.post('/api/v1/users', { ...spec, fullName }), 201);
  const first = await new Client(admin.baseUrl).signIn(hired.username, hired.initialPassword);
  // The change ends every session, this one included, and answers a fresh one.
  const session = await expectOk(first.post('/api/v1/auth/password', { currentPassword: hired.initialPassword, newPassword: ACTIVE_PASSWORD }));
  return { ...hired, fullName, password: ACTIVE_PASSWORD, client: new Client(admin.baseUrl, session.accessToken) };
}

export function put(client: Client, path: string, body: unknown) {
  return client.request('PUT', path, body);
}

export function patch(client: Client, path: string, body: unknown) {
  return client.request('PATCH', path, body);
}

export function csvForm(files: Record<string, string | Buffer>): FormData {
  const form = new FormData();
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    form.append(name, new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), `${name}.csv`);
  }
  return form;
}

/** Calendar date in Vietnam, `days` from today. */
export function vnDate(days = 0): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
}
