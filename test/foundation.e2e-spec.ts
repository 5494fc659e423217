import { execFileSync, spawn } from 'node:child_process';
import { Api, API_MAIN, freePort, startApi, startProcess, startWorker, waitFor } from './support/processes';
import { Client } from './support/http';
import { count } from './support/db';
import { makePdf } from './support/documents';
import { ownOrganisation } from './support/organisation';
import { loadRun, processEnv } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

describe('foundation: HTTP basics against real PostgreSQL and Redis', () => {
  let api: Api;
  let anonymous: Client;

  beforeAll(async () => {
    api = await startApi(run, { JSON_BODY_LIMIT_BYTES: '4096' });
    anonymous = new Client(api.url);
  });
  afterAll(() => api.stop());

  it('reports liveness and readiness of PostgreSQL and Redis', async () => {
    expect((await anonymous.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await anonymous.get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    // The served document itself (outside the contract it describes): read raw.
    const spec = await anonymous.request<{ paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/files']));
    const ui = await fetch(`${api.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('exposes Prometheus metrics with request latency and queue depth', async () => {
    await anonymous.get('/health');
    await anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'x' });
    const metrics = await anonymous.get<string>('/metrics');
    expect(metrics.body).toMatch(/http_request_duration_seconds_bucket\{.*route="\/api\/v1\/auth\/login".*status="401"/);
    expect(metrics.body).toMatch(/queue_jobs\{queue="maintenance",state="waiting"\} \d+/);
  });

  it('echoes a request id and sets security headers', async () => {
    const res = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'req-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('req-abc.123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const generated = await fetch(`${api.url}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers bad input with problem details and writes nothing', async () => {
    const before = await count(run.databaseUrl, 'audit_event');
    const cases: [string, Promise<{ status: number; body: { code?: string }; headers: Headers }>, number, string][] = [
      ['malformed JSON', anonymous.post('/api/v1/auth/login', '{"username":', { 'content-type': 'application/json' }), 400, 'MALFORMED_JSON'],
      ['unknown field', anonymous.post('/api/v1/auth/login', { username: 'admin', password: 'x', role: 'admin' }), 400, 'VALIDATION_FAILED'],
      ['missing field', anonymous.post('/api/v1/auth/login', { username: 'admin' }), 400, 'VALIDATION_FAILED'],
      ['wrong type', anonymous.post('/api/v1/auth/login', { username: 42, password: 'x' }), 400, 'VALIDATION_FAILED'],
      ['oversized body', anonymous.post('/api/v1/auth/login', { username: 'a', password: 'x'.repeat(10_000) }), 413, 'PAYLOAD_TOO_LARGE'],
      ['wrong content type', anonymous.post('/api/v1/auth/login', 'username=admin', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['unknown route', anonymous.get('/api/v1/nothing-here'), 404, 'NOT_FOUND'],
      ['no token', anonymous.get('/api/v1/me'), 401, 'UNAUTHORIZED'],
    ];
    for (const [name, pending, status, code] of cases) {
      const res = await pending;
      expect({ name, status: res.status, code: res.body?.code }).toEqual({ name, status, code });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    }
    const validation = await anonymous.post('/api/v1/auth/login', { username: 'admin', password: 'x', role: 'admin' });
    expect(validation.body.errors).toEqual([{ field: 'role', message: expect.stringContaining('should not exist') }]);
    expect(await count(run.databaseUrl, 'audit_event')).toBe(before);
  });
});

describe('foundation: start-up and shutdown', () => {
  it('refuses to start with a broken DATABASE_URL and names the variable', async () => {
    const proc = startProcess(API_MAIN, processEnv(run, { DATABASE_URL: 'not a url', PORT: String(await freePort()) }));
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('Invalid configuration: DATABASE_URL');
  });

  it('refuses to start without JWT_SECRET and names the variable', async () => {
    const proc = startProcess(API_MAIN, processEnv(run, { JWT_SECRET: undefined, PORT: String(await freePort()) }));
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim().split('\n')).toContain('Invalid configuration: JWT_SECRET is required');
  });

  it('finishes a request in flight before exiting on SIGTERM', async () => {
    const api = await startApi(run);
    const officer = await org.signIn(api.url, 'officer');
    // An upload that takes ~1.5 s to send: SIGTERM arrives while it is still streaming in.
    const pdf = await makePdf('slow upload');
    const boundary = 'eoffice-e2e-boundary';
    const chunk = Math.ceil(pdf.length / 6);
    const parts = [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      ...Array.from({ length: 6 }, (_, i) => pdf.subarray(i * chunk, (i + 1) * chunk)),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ];
    const body = new ReadableStream({
      async pull(controller) {
        const next = parts.shift();
        if (!next) return controller.close();
        await new Promise((r) => setTimeout(r, 250));
        controller.enqueue(new Uint8Array(next));
      },
    });
    const pending = fetch(`${api.url}/api/v1/files`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { authorization: `Bearer ${officer.accessToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 600));
    const started = Date.now();
    api.child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(201);
    expect(await api.exited).toBe('SIGTERM'); // Nest re-raises the signal once its shutdown hooks are done
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops the worker on SIGTERM', async () => {
    const worker = startWorker(run, { LOG_LEVEL: 'info' });
    await waitFor(async () => (worker.output().includes('Worker started') ? true : undefined), 'the worker to start');
    expect(await worker.stop('SIGTERM')).toBe('SIGTERM');
  });
});

describe('foundation: readiness follows Redis', () => {
  const hasRedisServer = (() => {
    try {
      execFileSync('redis-server', ['--version']);
      return true;
    } catch {
      return false;
    }
  })();

  it('turns not-ready when its Redis stops, and ready again when it returns', async () => {
    expect(hasRedisServer).toBe(true); // scripts/services.sh installs redis-server when it is missing
    const port = await freePort();
    const startRedis = () =>
      spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
    let redis = startRedis();
    const api = await startApi(run, { REDIS_URL: `redis://127.0.0.1:${port}` });
    const client = new Client(api.url);
    try {
      await waitFor(async () => ((await client.get('/ready')).status === 200 ? true : undefined), 'ready');
      redis.kill('SIGKILL');
      const down = await waitFor(async () => {
        const res = await client.get('/ready');
        return res.status === 503 ? res : undefined;
      }, 'not ready');
      expect(down.body.details!.redis.status).toBe('down');
      expect(down.body.details!.postgres.status).toBe('up');
      redis = startRedis();
      await waitFor(async () => ((await client.get('/ready')).status === 200 ? true : undefined), 'ready again');
    } finally {
      redis.kill('SIGKILL');
      await api.stop('SIGKILL');
    }
  });
});
