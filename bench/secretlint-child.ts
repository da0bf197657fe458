// Bench child: secretlint (the npm peer) with its recommended preset over the same sample
// files, in 4 MB chunks cut at line ends (it cannot take one string past V8's limit). Recall is
// counted on the planted secrets: a planted value is found when a reported range overlaps it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { loadList, secretVariants } from './eval-samples.ts';

const [dataDir, truthPath, ...files] = process.argv.slice(2) as [string, string, ...string[]];
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };
const reported: string[] = [];
let bytes = 0;
let lines = 0;
const t0 = performance.now();
for (const file of files) {
  const raw = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  bytes += Buffer.byteLength(text);
  const CHUNK = 4 * 1024 * 1024;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) end = text.indexOf('\n', end) + 1 || text.length;
    const content = text.slice(start, end);
    for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lines += 1;
    const result = await lintSource({ source: { content, filePath: path.basename(file) + '.txt', contentType: 'text' }, options: { config: config as never, noPhysicFilePath: true } });
    for (const m of result.messages) reported.push(content.slice(m.range[0], m.range[1]));
    start = end;
  }
}
const seconds = (performance.now() - t0) / 1000;
const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { secrets: Parameters<typeof loadList>[1] };
const planted = loadList(truthPath, truth.secrets);
// Index what was reported by whole string and by token, so a planted value matches a report
// that contains it (`Bearer <token>`) or that it contains (the password of a URL).
const TOKEN = /[^A-Za-z0-9_\-.+/=~$%*!]+/;
const hits = new Set<string>();
for (const r of reported) {
  hits.add(r);
  for (const t of r.split(TOKEN)) if (t.length >= 8) hits.add(t);
}
let found = 0;
for (const s of planted) {
  const variants = secretVariants(s.value ?? '');
  const tokens = variants.flatMap((v) => [v, ...v.split(TOKEN)]).filter((t) => t.length >= 8);
  if (tokens.some((t) => hits.has(t))) found += 1;
}
process.stdout.write(JSON.stringify({ result: { bytes, lines, messages: reported.length, planted: planted.length, found, dataDir }, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
