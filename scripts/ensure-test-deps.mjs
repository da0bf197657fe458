#!/usr/bin/env node
// Before `npm test`: the UI tests need Debian's Chromium, the ingest tests a real ClickHouse
// server, the exposure tests strace. Installs what is missing when it can (root + apt-get);
// otherwise says exactly what to install. Runs nothing else and never touches the network
// except through apt-get.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const needs = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium'), why: 'UI tests (Playwright drives Debian Chromium)' },
  { pkg: 'clickhouse-server', present: () => existsSync('/usr/sbin/clickhouse-server'), why: 'ingest tests against real ClickHouse exports' },
  { pkg: 'strace', present: () => spawnSync('sh', ['-c', 'command -v strace'], { stdio: 'ignore' }).status === 0, why: 'proof that a full run opens no network socket' },
];
const missing = needs.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const list = missing.map((m) => m.pkg).join(' ');
if (!isRoot || !hasApt) {
  console.error(`Test prerequisites missing: ${list}`);
  for (const m of missing) console.error(`  ${m.pkg}: ${m.why}`);
  console.error(`Install them (Debian/Ubuntu): sudo apt-get install -y ${list}`);
  process.exit(1);
}
console.error(`Installing test prerequisites from Debian: ${list}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing.map((m) => m.pkg)]]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed; install ${list} yourself and rerun npm test.`);
    process.exit(1);
  }
}
