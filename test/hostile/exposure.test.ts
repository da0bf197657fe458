import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../../app/core/case/case.ts';
import { generateSamples } from '../../samples/lib/generate-samples.ts';
import { canRun, CLI, FIXTURES, ROOT, run, type ChildResult } from './fixtures/child.ts';

/**
 * One full `analyze` run over a generated sample leak, in a child process that (a) has no network
 * namespace interfaces (`unshare -n`, where allowed), (b) runs under `strace -f` recording every
 * network system call (where strace exists), and (c) preloads a module that makes every Node
 * network API throw and log. Then every file the run wrote, the case database's own tables and
 * the run's stdout/stderr are searched for the raw planted secrets.
 */

let dir: string;
let caseDir: string;
let outDir: string;
let secrets: string[];
let result: ChildResult;
const hasStrace = canRun('strace', ['-V']);
const hasUnshare = canRun('unshare', ['-n', 'true']);
const traceFile = () => path.join(dir, 'strace.txt');
const netLog = () => path.join(dir, 'network-attempts.txt');

describe('exposure: a full analyze run', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'breachscope-exposure-'));
    await generateSamples({ rows: 1000, seed: 23, outDir: path.join(dir, 'data'), truthPath: path.join(dir, 'truth.json') });
    const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as { secrets: Array<{ value: string }> };
    secrets = [...new Set(truth.secrets.map((s) => s.value))];
    caseDir = path.join(dir, 'case');
    outDir = path.join(dir, 'out');
    const node = [process.execPath, '--import', path.join(FIXTURES, 'no-network.mjs'), CLI, 'analyze', path.join(dir, 'data'), '--case', caseDir, '--aware-at', '2026-11-24T09:00:00Z', '--facts', path.join(ROOT, 'samples', 'facts.json'), '--out', outDir];
    let command = node;
    if (hasUnshare) command = ['unshare', '-n', ...command];
    if (hasStrace) command = ['strace', '-f', '-qq', '-e', 'trace=socket,connect,bind,listen,sendto,sendmsg', '-o', traceFile(), ...command];
    result = await run(command[0]!, command.slice(1), { env: { BREACHSCOPE_NETWORK_LOG: netLog() }, timeoutMs: 300_000 });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes (under the network guards)', () => {
    expect({ code: result.code, signal: result.signal }, result.stderr.slice(0, 1000)).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(outDir, 'report.json'))).toBe(true);
    expect(secrets.length).toBeGreaterThan(5);
  });

  it('opens no network socket and resolves no name: no Node network API called', () => {
    expect(existsSync(netLog()) ? readFileSync(netLog(), 'utf8') : '').toBe('');
  });

  it.skipIf(!hasStrace)('opens no network socket and resolves no name: no network system call (strace)', () => {
    const trace = readFileSync(traceFile(), 'utf8');
    // tsx's loader talks to its own process over a Unix socket under /tmp/tsx-*: local IPC, not network.
    const network = trace
      .split('\n')
      .filter((l) => /socket\(AF_INET6?|socket\(AF_NETLINK|connect\(|sendto\(|bind\(|listen\(/.test(l))
      .filter((l) => !/sa_family=AF_UNIX, sun_path="[^"]*\/tsx-\d+\/\d+\.pipe"/.test(l));
    expect(network).toEqual([]);
  });

  it('leaves no planted secret in any file it wrote, in the case tables besides the source data, or on stdout/stderr', async () => {
    const found: Array<{ where: string; bytes: number }> = [];
    const needles = secrets.flatMap(needlesOf);
    const scan = (where: string, text: string) => {
      for (const n of needles) if (text.includes(n)) found.push({ where, bytes: Buffer.byteLength(n) });
    };
    const files = [...walk(outDir), ...walk(caseDir).filter((f) => !/case\.duckdb(\.wal)?$/.test(f))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) scan(path.relative(dir, file), await readableText(file));
    scan('stdout', result.stdout);
    scan('stderr', result.stderr);

    const h = await openCase(caseDir, { readOnly: true });
    try {
      const tables = await h.db.all<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1`);
      // The source data itself (src_<id> and the JSON leaves expanded from it) is the only copy allowed.
      const scanned = tables.map((r) => r.t).filter((t) => !/^src_\d+$/.test(t) && t !== 'json_cells');
      expect(scanned).toEqual(expect.arrayContaining(['finding_values', 'finding_cells', 'sources', 'meta']));
      for (const t of scanned) {
        for (let offset = 0; ; offset += 5000) {
          const rows = await h.db.all(`SELECT * FROM "${t.replaceAll('"', '""')}" LIMIT 5000 OFFSET ${offset}`);
          if (rows.length === 0) break;
          scan(`table ${t}`, JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
        }
      }
    } finally {
      h.close();
    }
    const bytes = found.reduce((n, f) => n + f.bytes, 0);
    process.stdout.write(`secret scan: ${files.length} files, ${secrets.length} planted secrets, ${bytes} bytes of raw secret found\n`);
    expect(found).toEqual([]);
  });
});

describe('exposure: the desktop shell and the web mode', () => {
  it('the desktop main process has no listening port: no listen(), createServer or socket API in app/main', () => {
    const mainDir = path.join(ROOT, 'app', 'main');
    const offenders: string[] = [];
    for (const file of walk(mainDir).filter((f) => /\.(ts|js|mjs)$/.test(f))) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const pattern of [/\.listen\s*\(/, /createServer\s*\(/, /from\s+['"]node:(net|http|https|http2|dgram|tls)['"]/, /require\(\s*['"](node:)?(net|http|https|http2|dgram|tls)['"]\s*\)/]) {
        if (pattern.test(code)) offenders.push(`${path.relative(ROOT, file)}: ${pattern}`);
      }
    }
    expect(walk(mainDir).length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it('the web mode binds 127.0.0.1 only and refuses requests without the token, from a foreign Origin or with a foreign Host', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'breachscope-web-'));
    const useCli = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', cwd: ROOT }).stdout.includes('serve');
    const args = useCli ? [CLI, 'serve', '--cases', state] : ['--import', 'tsx', path.join(FIXTURES, 'serve-child.ts'), state];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let out = '';
        const onData = (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/[^\s]+token=[^\s]+/.exec(out);
          if (m) resolve(new URL(m[0]));
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('close', (code) => reject(new Error(`server exited (${code}): ${out.slice(0, 500)}`)));
        setTimeout(() => reject(new Error(`no URL printed: ${out.slice(0, 500)}`)), 60_000);
      });
      expect(url.hostname).toBe('127.0.0.1');
      const port = Number(url.port);
      const token = url.searchParams.get('token')!;
      // Listening sockets of the child: loopback only.
      const listening = readFileSync('/proc/net/tcp', 'utf8') + (existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '');
      const portHex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
      const bound = listening.split('\n').filter((l) => l.includes(portHex) && / 0A /.test(l)).map((l) => l.trim().split(/\s+/)[1]!);
      expect(bound).toEqual([`0100007F${portHex.trim()}`]);

      const ask = (headers: Record<string, string>, pathName = '/api/app.info', method = 'POST') =>
        new Promise<number>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, path: pathName, method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end(method === 'POST' ? '{}' : undefined);
        });
      const host = `127.0.0.1:${port}`;
      expect(await ask({ host })).toBe(401);
      expect(await ask({ host, authorization: `Bearer ${'x'.repeat(token.length)}` })).toBe(401);
      expect(await ask({ host, cookie: `breachscope_token=${token}`, origin: 'http://evil.example' })).toBe(403);
      expect(await ask({ host: `evil.example:${port}`, cookie: `breachscope_token=${token}` })).toBe(421);
      expect(await ask({ host: `localhost.evil.example`, cookie: `breachscope_token=${token}` })).toBe(421);
      expect(await ask({ host, cookie: `breachscope_token=${token}`, origin: `http://${host}` })).toBe(200);
    } finally {
      child.kill('SIGKILL');
      rmSync(state, { recursive: true, force: true });
    }
  });
});

/** The forms a secret can take in our outputs: raw, JSON-escaped, and each long line of a multi-line value. */
function needlesOf(value: string): string[] {
  const out = new Set<string>([value, JSON.stringify(value).slice(1, -1)]);
  if (value.includes('\n')) for (const line of value.split('\n')) if (line.trim().length >= 24) out.add(line.trim());
  return [...out].filter((n) => n.length >= 8);
}

function walk(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Text as a reader would see it: DOCX and PDF extracted, Markdown and HTML escapes undone. */
async function readableText(file: string): Promise<string> {
  const bytes = readFileSync(file);
  if (file.endsWith('.docx')) {
    const mammoth = await import('mammoth');
    return (await mammoth.extractRawText({ buffer: bytes })).value + bytes.toString('latin1');
  }
  if (file.endsWith('.pdf')) {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    let text = '';
    for (let i = 1; i <= pdf.numPages; i += 1) {
      const content = await (await pdf.getPage(i)).getTextContent();
      text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
    }
    await pdf.destroy();
    return text;
  }
  const text = bytes.toString('utf8');
  if (file.endsWith('.md')) return text + '\n' + text.replace(/\\(.)/g, '$1');
  if (file.endsWith('.html')) return text + '\n' + text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return text;
}
