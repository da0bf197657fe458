// `npm run bench -- <ingest|classify|subjects|all> [--rows N] [--seed S] [--repeat N] [--record]`
// Every figure comes with its baseline measured in the same run; absolute times drift between
// machines and runs, ratios much less.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { bytesOf, ensureSamples, filesIn, fmt, machine, ROOT, runChild, table, type ChildMeasure } from './lib.ts';
import type { KindPrecision } from '../samples/lib/truth-precision.ts';

interface FileTiming {
  file: string;
  rows: number;
  seconds: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    record: { type: 'boolean', default: false },
    // Rounds of the classify bench, interleaved (secretlint, secrets only, all categories per
    // round): this machine's speed moves within minutes, so one round's ratio can mislead.
    repeat: { type: 'string', default: '1' },
  },
});
const rows = Number(values.rows);
const seed = Number(values.seed);
const which = positionals[0] ?? 'all';
const sections: string[] = [];

function ingestBench(): void {
  const { dir } = ensureSamples(rows, seed);
  const files = filesIn(dir);
  const mb = bytesOf(files) / 1024 ** 2;
  const floor = runChild<FileTiming[]>('ingest-floor-child.ts', files);
  const ours = runChild<{ files: Array<FileTiming & { rejected?: number; error?: string }>; cells: number }>('ingest-child.ts', files);
  const floorRows = floor.result.reduce((n, f) => n + f.rows, 0);
  const ourRows = ours.result.files.reduce((n, f) => n + (f.rows ?? 0), 0);
  const perFile = floor.result.map((f) => {
    const o = ours.result.files.find((x) => x.file === f.file);
    const size = bytesOf([path.join(dir, f.file)]) / 1024 ** 2;
    return [f.file, fmt(size), f.rows, fmt(f.seconds, 2), o?.seconds !== undefined ? fmt(o.seconds, 2) : o?.error ?? '-', o?.seconds ? fmt(o.seconds / f.seconds, 2) + 'x' : '-'];
  });
  const summary = table(
    ['step', 'rows', 'MB', 'seconds', 'rows/s', 'MB/s', 'peak RSS MB', 'ratio to floor'],
    [
      ['DuckDB read_csv/read_json (floor)', floorRows, fmt(mb), fmt(floor.seconds, 2), fmt(floorRows / floor.seconds, 0), fmt(mb / floor.seconds), fmt(floor.peakRssMb, 0), '1.00x'],
      ['breachscope ingest', ourRows, fmt(mb), fmt(ours.seconds, 2), fmt(ourRows / ours.seconds, 0), fmt(mb / ours.seconds), fmt(ours.peakRssMb, 0), fmt(ours.seconds / floor.seconds, 2) + 'x'],
    ],
  );
  const files_ = table(['file', 'MB', 'rows', 'floor s', 'ingest s', 'ratio'], perFile);
  const text = `### ingest, ${rows.toLocaleString('en')} log_stream rows (seed ${seed})\n\n${summary}\n\nPer file:\n\n${files_}\n\nThe ingest figure includes SHA-256 hashing, content sniffing, ClickHouse unescaping, key/value pair expansion, role detection and building the cells view (${ours.result.cells.toLocaleString('en')} text cells).\n`;
  process.stdout.write(text + '\n');
  sections.push(text);
}

interface ClassifyChild {
  mode: string;
  rules: number;
  findings: number;
  classifySeconds: number;
  planted: number;
  found: number;
  precision: KindPrecision[];
}

interface ClassifyRound {
  lint: ChildMeasure<{ bytes: number; planted: number; found: number }>;
  secretsOnly: ChildMeasure<ClassifyChild>;
  all: ChildMeasure<ClassifyChild>;
}

function classifyBench(): void {
  const { dir, truth } = ensureSamples(rows, seed);
  const files = filesIn(dir);
  const repeat = Math.max(1, Math.floor(Number(values.repeat)));
  // Ingest once into a case; each classification then runs in its own process on a fresh copy.
  const work = mkdtempSync(path.join(tmpdir(), 'bench-classify-'));
  try {
    const prepared = runChild<{ cells: number; cellBytes: number }>('prepare-case-child.ts', [path.join(work, 'case'), dir]);
    const copy = (name: string) => {
      rmSync(path.join(work, name), { recursive: true, force: true });
      cpSync(path.join(work, 'case'), path.join(work, name), { recursive: true });
      return path.join(work, name);
    };
    const rounds: ClassifyRound[] = [];
    for (let i = 0; i < repeat; i++) {
      rounds.push({
        lint: runChild<{ bytes: number; lines: number; messages: number; planted: number; found: number }>('secretlint-child.ts', [dir, truth, ...files]),
        secretsOnly: runChild<ClassifyChild>('classify-child.ts', ['secrets', copy('secrets'), truth]),
        all: runChild<ClassifyChild>('classify-child.ts', ['all', copy('all'), truth]),
      });
    }
    classifyTable(rounds, prepared);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function classifyTable(rounds: ClassifyRound[], prepared: ChildMeasure<{ cells: number; cellBytes: number }>): void {
  const { lint, secretsOnly, all } = rounds[0]!;
  // MB/s over the same decoded text for every row: the files' text as secretlint reads it.
  const mb = lint.result.bytes / 1024 ** 2;
  const many = rounds.length > 1;
  // One round: its times. Several: the median time of each step, and the median of the rounds'
  // ratios (each round's secretlint against the same round's classification), with their range.
  const row = (name: string, pick: (r: ClassifyRound) => ChildMeasure<{ found: number; planted: number }>) => {
    const seconds = rounds.map((r) => pick(r).seconds);
    const ratios = rounds.map((r) => r.lint.seconds / pick(r).seconds);
    const s = median(seconds);
    const { found, planted } = pick(rounds[0]!).result;
    return [
      name,
      many ? `${fmt(s, 2)} (${fmt(Math.min(...seconds), 2)}–${fmt(Math.max(...seconds), 2)})` : fmt(s, 2),
      fmt(rows / s, 0),
      fmt(mb / s),
      many ? `${fmt(median(ratios), 2)}x (${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)})` : fmt(ratios[0]!, 2) + 'x',
      `${found}/${planted} (${fmt(found / planted, 3)})`,
      fmt(Math.max(...rounds.map((r) => pick(r).peakRssMb)), 0),
    ];
  };
  const text = `### classify, ${rows.toLocaleString('en')} log_stream rows (seed ${seed}), ${fmt(mb)} MB of text${many ? `, ${rounds.length} interleaved rounds` : ''}\n\n${table(
    ['step', many ? 'seconds (median, range)' : 'seconds', 'log rows/s', 'MB/s', many ? 'speed vs secretlint (median, range)' : 'speed vs secretlint', 'planted secrets found', 'peak RSS MB'],
    [
      row('secretlint 12, preset-recommend (baseline)', (r) => r.lint),
      row(`breachscope classify, secrets only (${secretsOnly.result.rules} rules)`, (r) => r.secretsOnly),
      row(`breachscope classify, all categories (${all.result.rules} rules)`, (r) => r.all),
    ],
  )}\n\nBreachScope classifies the case's ${prepared.result.cells.toLocaleString('en')} text cells (${fmt(prepared.result.cellBytes / 1024 ** 2)} MB, JSON already decoded) after ingest (${fmt(prepared.seconds, 1)} s in its own process, peak RSS ${fmt(prepared.peakRssMb, 0)} MB; not included above); secretlint reads the same files' raw text in 4 MB chunks. Each classification runs in its own process on a copy of the ingested case; its peak RSS is taken right after classification.\n`;
  const precision = all.result.precision.length === 0 ? '' : `\nPrecision of the all-categories pass against the ground truth (cell level: a finding is right when the truth lists a value of its class in the same file, row and top-level field; IP addresses and operational values are not in the truth):\n\n${table(
    ['kind', 'findings', 'in a truth cell', 'precision'],
    all.result.precision.map((p) => [p.kind, p.findings.toLocaleString('en'), p.inTruthCell.toLocaleString('en'), fmt(p.inTruthCell / p.findings, 3)]),
  )}\n`;
  process.stdout.write(text + precision + '\n');
  sections.push(text + precision);
}

function subjectsBench(): void {
  const persons = Math.max(1000, Math.round(rows / 20));
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'subjects-bench.ts'), '--persons', String(persons)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error('subjects bench failed');
  const text = `### subjects, ${persons.toLocaleString('en')} synthetic persons (~${rows.toLocaleString('en')} rows)\n\n\`\`\`\n${child.stdout.trim()}\n\`\`\`\n`;
  process.stdout.write(text + '\n');
  sections.push(text);
}

const benches: Record<string, () => void | Promise<void>> = { ingest: ingestBench, classify: classifyBench, subjects: subjectsBench };

const order = which === 'all' ? Object.keys(benches) : [which];
for (const name of order) {
  const bench = benches[name];
  if (!bench) {
    process.stderr.write(`unknown bench "${name}"; choose one of: ${Object.keys(benches).join(', ')}, all\n`);
    process.exit(2);
  }
  await bench();
}
if (values.record && sections.length) {
  const header = `\n## ${new Date().toISOString().slice(0, 10)} — ${machine()}\n\n`;
  appendFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), header + sections.join('\n'));
  process.stdout.write('recorded in docs/benchmarks.md\n');
}
