/**
 * `npm run samples -- [--rows N] [--seed S] [--out DIR] [--truth FILE]`
 * Writes a deterministic sample leak of the Parley AI ClickHouse export and its ground truth.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { generateSamples } from './lib/generate-samples.ts';

export const DEFAULT_ROWS = 20_000;
export const DEFAULT_SEED = 42;

const here = path.dirname(fileURLToPath(import.meta.url));

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('samples')
    .description('Generate the sample leak (log_stream.tsv, chat_export.jsonl.gz, billing_events.csv) and its ground truth.')
    .option('--rows <n>', 'rows of log_stream.tsv (the other files scale from it)', positiveInteger, DEFAULT_ROWS)
    .option('--seed <n>', 'seed of the pseudo-random streams', positiveInteger, DEFAULT_SEED)
    .option('--out <dir>', 'folder for the leak files (what a user would ingest)', path.join(here, 'data'))
    .option('--truth <file>', 'ground-truth JSON, kept outside the data folder', path.join(here, 'truth.json'))
    .parse(argv);
  const opts = program.opts<{ rows: number; seed: number; out: string; truth: string }>();
  const outDir = path.resolve(opts.out);
  const truthPath = path.resolve(opts.truth);
  if (path.dirname(truthPath) === outDir || truthPath.startsWith(outDir + path.sep)) {
    program.error('--truth must lie outside --out: the data folder is what users ingest');
  }
  const started = performance.now();
  const summary = await generateSamples({ rows: opts.rows, seed: opts.seed, outDir, truthPath });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const files = Object.entries(summary.files)
    .map(([name, f]) => `${name}: ${f.rows} rows`)
    .join(', ');
  process.stdout.write(
    `wrote ${files} to ${outDir} in ${seconds}s\ntruth ${truthPath}: ${summary.persons} persons, ${summary.secrets} secrets, ${summary.pii} PII items, ${summary.special} special-category items, ${summary.decoys} decoys\n`,
  );
}

// Only as a command: importing this module (tests read its defaults) must not regenerate files.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv).catch((error: unknown) => {
    process.stderr.write(`samples: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
