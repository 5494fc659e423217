import { isolatedRun, IsolatedRun } from './accounts-run';
import { Client } from './http';
import { createTestPki, sealImage, signatureImage, TestPki, uploadCertificate } from './outgoing';
import type { E2eOrganisation } from './organisation';
import { Api, RunningProcess, startApi, startWorker } from './processes';
import { RemoteSigningSimulator, startRemoteSigningSimulator } from './remote-signing-simulator';
import type { E2eRun } from './test-env';

/** What the outgoing-signing suites start from: their own run, a PKI the API trusts, the flow's five people signed in. */
export interface SigningWorld {
  run: E2eRun;
  pki: TestPki;
  /** The remote signing simulator, when asked for (its credentials are in the API's and worker's environment). */
  sim: RemoteSigningSimulator;
  /** The environment the API and worker got, for a suite that starts a worker again. */
  env: Record<string, string>;
  api: Api;
  /** The worker, when asked for; a suite that restarts it sets the new one here so `close` stops it. */
  worker: RunningProcess | undefined;
  officer: Client;
  head: Client;
  clerk: Client;
  director: Client;
  admin: Client;
  close(): Promise<void>;
}

export interface SigningWorldOptions {
  /** Start the remote signing simulator (ký số từ xa, e-seal). */
  simulator?: boolean;
  /** Start the worker (remote signing and sagas need it). Default: true. */
  worker?: boolean;
  /** More environment for the API and the worker. */
  env?: Record<string, string>;
  /** Store a PKCS#12 for the director (signature 1 on the server). */
  directorCertificate?: boolean;
  /** Store the agency's seal as a PKCS#12 (signature 2 on the server). */
  agencySeal?: boolean;
}

/**
 * One isolated run (database copy, queue prefix) per suite, so the suites' providers, seals and
 * certificates never meet; `name` tells the copies apart.
 */
export async function startSigningWorld(baseRun: E2eRun, org: E2eOrganisation, name: string, options: SigningWorldOptions = {}): Promise<SigningWorld> {
  const isolated: IsolatedRun = await isolatedRun(baseRun, name);
  const pki = createTestPki();
  const sim = options.simulator ? await startRemoteSigningSimulator() : undefined;
  const env: Record<string, string> = {
    SIGNING_TRUST_ANCHORS: pki.anchorsFile,
    ...(sim ? { REMOTE_SIGNING_CREDENTIALS: JSON.stringify({ simulator: { clientId: sim.clientId, clientSecret: sim.clientSecret } }) } : {}),
    ...options.env,
  };
  const api = await startApi(isolated.run, env);
  const world: SigningWorld = {
    run: isolated.run,
    pki,
    sim: sim as RemoteSigningSimulator,
    env,
    api,
    worker: options.worker === false ? undefined : startWorker(isolated.run, env),
    ...(await signInFlow(org, api.url)),
    close: async () => {
      await world.worker?.stop();
      await api.stop();
      await sim?.close();
      await isolated.dispose();
    },
  };
  if (options.directorCertificate) {
    const p12 = pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass');
    expect((await uploadCertificate(world.director, p12, 'personal', signatureImage())).status).toBe(201);
  }
  if (options.agencySeal) {
    const p12 = pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass');
    expect((await uploadCertificate(world.admin, p12, 'organisation', sealImage())).status).toBe(201);
  }
  return world;
}

async function signInFlow(org: E2eOrganisation, url: string) {
  const [officer, head, clerk, director, admin] = await Promise.all((['officer', 'head', 'clerk', 'director', 'admin'] as const).map((who) => org.signIn(url, who)));
  return { officer, head, clerk, director, admin };
}
