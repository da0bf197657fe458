// Bench child: secretlint (the npm peer) with its recommended preset over the same sample
// files, streamed in 4 MB chunks cut at line ends (a 1.5 GB file is past V8's longest string).
// Recall is counted on the planted secrets: a planted value is found when a reported range
// overlaps it.
import { createReadStream, readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
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
/** The file's decoded text in pieces of about `size` bytes, each ending at a line end. */
async function* chunks(file: string, size: number): AsyncGenerator<string> {
  const raw = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const stream = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of stream) {
    pending.push(piece as Buffer);
    pendingBytes += (piece as Buffer).length;
    if (pendingBytes < size) continue;
    const buf = Buffer.concat(pending);
    const cut = buf.lastIndexOf(0x0a) + 1 || buf.length;
    yield buf.subarray(0, cut).toString('utf8');
    pending = [buf.subarray(cut)];
    pendingBytes = buf.length - cut;
  }
  if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
}

for (const file of files) {
  for await (const content of chunks(file, 4 * 1024 * 1024)) {
    bytes += Buffer.byteLength(content);
    for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lines += 1;
    const result = await lintSource({ source: { content, filePath: path.basename(file) + '.txt', contentType: 'text' }, options: { config: config as never, noPhysicFilePath: true } });
    // A copy, not a slice: V8 keeps a slice's whole 4 MB chunk alive (3.8 GB of RSS at 4M rows,
    // out of heap at 8M).
    for (const m of result.messages) reported.push(Buffer.from(content.slice(m.range[0], m.range[1]), 'utf8').toString('utf8'));
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
