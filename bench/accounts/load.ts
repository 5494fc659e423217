// One load run in its own process, so that the load generator does not share an event loop with
// the benchmark's bookkeeping: autocannon against one route, requests varied per call.
//   node -r ./scripts/ts-register.cjs bench/accounts/load.ts '<json LoadJob>'
// Prints one JSON line (LoadResult).
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  /** Sent in turn, one per request: sign-in bodies for distinct accounts. */
  bodies?: string[];
  /** Sent in turn: `Bearer …` headers of distinct people. */
  authorizations?: string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
  statusCodes: Record<string, number>;
}

function rotating(values: string[] | undefined): () => string | undefined {
  let next = 0;
  return () => (values?.length ? values[next++ % values.length] : undefined);
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as LoadJob;
  const nextBody = rotating(job.bodies);
  const nextAuthorization = rotating(job.authorizations);
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    requests: [{
      method: job.method,
      path: job.path,
      setupRequest: (request) => {
        const headers: Record<string, string> = { ...request.headers };
        const body = nextBody();
        if (body) headers['content-type'] = 'application/json';
        const authorization = nextAuthorization();
        if (authorization) headers.authorization = authorization;
        return { ...request, headers, body };
      },
    }],
  });
  const output: LoadResult = {
    requestsPerSecond: result.requests.total / result.duration,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
