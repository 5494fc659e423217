import { resolve } from 'node:path';
import { verifyBag } from '@eoffice/records';

/**
 * `npm run verify-package -- <bag directory>`: checks a hand-over package (BagIt, RFC 8493) — every
 * line of the manifest, the Payload-Oxum, the tag manifest, and that no file is there unlisted —
 * and prints what differs. Needs no database nor configuration: the bag is checked on its own.
 * Exit 0: intact; 1: something differs; 2: usage.
 */
async function main(): Promise<number> {
  const paths = process.argv.slice(2).filter((a) => a !== '--');
  if (paths.length !== 1) {
    console.error('usage: npm run verify-package -- <bag directory>');
    return 2;
  }
  const dir = resolve(paths[0]);
  const report = await verifyBag(dir);
  for (const problem of report.problems) console.log(`DIFFERS ${problem}`);
  console.log(`${report.ok ? 'OK' : 'FAILED'} ${dir}: Payload-Oxum ${report.oxum} (${report.payloadFiles} files, ${report.payloadBytes} bytes), ${report.problems.length} problem(s)`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
