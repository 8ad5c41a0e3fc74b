/**
 * The long fuzz run (bundled by bench/fuzz.js): the same cases as test/fuzz/serverFuzz.test.ts,
 * many more of them, with a seed of your choice. Prints the failing case (shrunk) and exits 1.
 */
import fc from 'fast-check';
import { LspTestClient, repoRoot } from '../test/support/lspClient';
import { caseArb, exampleManifests, runCase } from '../test/fuzz/fuzzCore';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const runs = Number(arg('runs', '5000'));
  const seed = Number(arg('seed', String(Date.now() % 2 ** 31)));
  const deadline = Number(arg('deadline', '1000'));
  const manifests = exampleManifests(repoRoot());
  let client = new LspTestClient();
  await client.initialize();
  let done = 0;
  const started = Date.now();
  process.stderr.write(`fuzz: ${runs} runs, seed ${seed}, deadline ${deadline} ms, ${manifests.length} manifests\n`);
  try {
    await fc.assert(
      fc.asyncProperty(caseArb(manifests), async (c) => {
        // After a failure (while shrinking), start from a fresh server.
        if (client.exited !== null) {
          client = new LspTestClient();
          await client.initialize();
        }
        await runCase(client, c, deadline);
        if (++done % 500 === 0) process.stderr.write(`fuzz: ${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      }),
      { seed, numRuns: runs, endOnFailure: false },
    );
    process.stdout.write(`fuzz: ${runs} cases passed (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  } finally {
    await client.shutdown();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
