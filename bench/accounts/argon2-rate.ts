// The floor of a sign-in: argon2 verifications per second of a stored hash, `concurrency` at a
// time (as many as the API would run for that many parallel sign-ins), in a process of its own.
//   node bench/accounts/argon2-rate.ts '<json Argon2Job>' (through scripts/ts-register.cjs)
// Prints one JSON line (Argon2Rate).
import argon2 from 'argon2';

export interface Argon2Job {
  hash: string;
  password: string;
  concurrency: number;
  seconds: number;
}

export interface Argon2Rate {
  verifiesPerSecond: number;
  total: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as Argon2Job;
  if (!(await argon2.verify(job.hash, job.password))) throw new Error('the password does not match the hash');
  const deadline = Date.now() + job.seconds * 1000;
  let total = 0;
  const began = process.hrtime.bigint();
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    while (Date.now() < deadline) {
      await argon2.verify(job.hash, job.password);
      total += 1;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const rate: Argon2Rate = { verifiesPerSecond: total / seconds, total };
  process.stdout.write(`${JSON.stringify(rate)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
