import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_ROOT = path.join(ROOT, 'bench', '.data');

/** Generates (once, cached by rows and seed) a sample set of N log_stream rows; returns its folder. */
export function ensureSamples(rows: number, seed = 42): { dir: string; truth: string } {
  const dir = path.join(DATA_ROOT, `rows-${rows}-seed-${seed}`);
  const data = path.join(dir, 'data');
  const truth = path.join(dir, 'truth.json');
  if (!existsSync(path.join(dir, '.complete'))) {
    mkdirSync(data, { recursive: true });
    process.stderr.write(`generating ${rows.toLocaleString('en')} rows into ${data} …\n`);
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'samples', 'generate.ts'), '--rows', String(rows), '--seed', String(seed), '--out', data, '--truth', truth], {
      stdio: ['ignore', 'inherit', 'inherit'],
      cwd: ROOT,
    });
    execFileSync('touch', [path.join(dir, '.complete')]);
  }
  return { dir: data, truth };
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => path.join(dir, n));
}

export function bytesOf(files: string[]): number {
  return files.reduce((n, f) => n + statSync(f).size, 0);
}

export interface ChildMeasure<T> {
  result: T;
  seconds: number;
  peakRssMb: number;
}

/**
 * Runs a bench step in its own Node process so its peak RSS is its own: the child prints one
 * JSON line `{result, seconds, peakRssMb}` last.
 */
export function runChild<T>(script: string, args: string[]): ChildMeasure<T> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed with exit ${child.status}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as ChildMeasure<T>;
}

/** Time since `startedAt` and the process's peak RSS so far: a step's measurement. */
export function measure(startedAt: number): { seconds: number; peakRssMb: number } {
  return { seconds: (performance.now() - startedAt) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** Called at the end of a child: reports the measurement (taken now, or earlier) as the last stdout line. */
export function reportFromChild<T>(result: T, startedAt: number, measured = measure(startedAt)): void {
  process.stdout.write(JSON.stringify({ result, ...measured }) + '\n');
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const all = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map((r) => line(r.map(String)))].join('\n');
}
