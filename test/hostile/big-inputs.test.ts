import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOMB_DECOMPRESSED_BYTES, DENSE_LINE_PEOPLE, writeBigHostileSamples, type BigSamples } from '../../scripts/make-hostile-samples.ts';
import { FIXTURES, runTs } from './fixtures/child.ts';

/** The documented memory bound of one import, whatever the file holds (docs/security.md). */
const MAX_RSS_MIB = 1536;

interface ChildReport {
  results: Array<{ path: string; status: string; format?: string; rows?: number; rejected?: number; code?: string; message?: string; ms?: number }>;
  maxRssMiB: number;
}

let dir: string;
let big: BigSamples;
const measured: Record<string, number> = {};

async function ingestInChild(files: string[]): Promise<ChildReport> {
  const caseDir = path.join(dir, `case-${Math.random().toString(36).slice(2)}`);
  const r = await runTs(path.join(FIXTURES, 'ingest-child.ts'), [caseDir, ...files], { timeoutMs: 150_000 });
  // The process stays up: no signal, exit 0, one JSON line.
  expect({ code: r.code, signal: r.signal, stderr: r.stderr.slice(0, 500) }).toEqual({ code: 0, signal: null, stderr: '' });
  const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildReport;
  rmSync(caseDir, { recursive: true, force: true });
  return report;
}

describe('big hostile inputs (generated at test time, imported in a child process)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'breachscope-big-'));
    big = await writeBigHostileSamples(path.join(dir, 'in'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`peak RSS (MiB) per big input: ${JSON.stringify(measured)}\n`);
  });

  it('rejects one 64 MiB line with its line number, keeps the lines around it, within the memory bound', async () => {
    const report = await ingestInChild([big.longLine]);
    measured['64 MiB line'] = report.maxRssMiB;
    expect(report.results[0]).toMatchObject({ status: 'imported', rows: 2, rejected: 1 });
    expect(report.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  });

  it('streams a thousandfold gzip without holding it in memory', async () => {
    expect(BOMB_DECOMPRESSED_BYTES / statSync(big.gzipBomb).size).toBeGreaterThan(900);
    const report = await ingestInChild([big.gzipBomb]);
    measured['gzip x1000'] = report.maxRssMiB;
    expect(report.results[0]).toMatchObject({ status: 'imported', rows: 1 });
    expect(report.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  });

  it('survives JSON nested 100,000 deep: deep records are rejected, the others import, and the next file still imports', async () => {
    const report = await ingestInChild([big.deepJsonLines, big.deepJsonArray, big.tooWideCsv]);
    measured['deep JSON + 5000 columns'] = report.maxRssMiB;
    const [lines, doc, tooWide] = report.results;
    expect(lines).toMatchObject({ status: 'imported', format: 'jsonl', rows: 2, rejected: 2 });
    expect(doc).toMatchObject({ status: 'imported', format: 'json-array', rows: 0 });
    expect(tooWide).toMatchObject({ status: 'failed', code: 'TOO_MANY_COLUMNS' });
    expect(report.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  });

  it('classifies one 8 MB line holding 120,000 e-mail addresses and phone numbers, and counts the people, within the memory bound', async () => {
    // Classification once kept the whole text beside each match: this line needed ~1 TB.
    const caseDir = path.join(dir, 'case-dense');
    const r = await runTs(path.join(FIXTURES, 'pipeline-child.ts'), [caseDir, big.denseLine], { timeoutMs: 150_000 });
    expect({ code: r.code, signal: r.signal, stderr: r.stderr.slice(0, 500) }).toEqual({ code: 0, signal: null, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    const rss = Number(lines.find((l) => l.startsWith('rss '))!.slice(4));
    measured['dense 8 MB line'] = rss;
    const result = JSON.parse(lines.at(-1)!) as { findings: Array<{ kind: string; n: number }>; subjects: { estimate: number } };
    const count = (kind: string) => result.findings.find((f) => f.kind === kind)?.n;
    expect(count('email')).toBe(DENSE_LINE_PEOPLE + 1);
    expect(count('phone')).toBe(DENSE_LINE_PEOPLE);
    expect(result.subjects.estimate).toBeGreaterThan(DENSE_LINE_PEOPLE);
    expect(rss).toBeLessThan(MAX_RSS_MIB);
    rmSync(caseDir, { recursive: true, force: true });
  });

  it('imports a file with 2,000 columns as 2,000 fields, as CSV and as ClickHouse TSV, in seconds', async () => {
    const report = await ingestInChild([big.wideCsv, big.wideTsv]);
    measured['2000 columns'] = report.maxRssMiB;
    // Names like col_100 are labels, not data: the name line is the header and one data row follows.
    expect(report.results[0]).toMatchObject({ status: 'imported', format: 'csv', rows: 1, rejected: 0 });
    expect(report.results[1]).toMatchObject({ status: 'imported', format: 'clickhouse-tsv', rows: 1, rejected: 0 });
    expect(report.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
    // Per-column statements and thousands of aggregates in one statement made these 23 s and
    // 112 s; batched they take 3–8 s (bounds leave room for slow machines).
    expect(report.results[0]?.ms).toBeLessThan(15_000);
    expect(report.results[1]?.ms).toBeLessThan(25_000);
  });
});
