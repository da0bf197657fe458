import { Command, CommanderError, Option } from 'commander';
import { createCase, isCaseDir, openCase, casePaths, type CaseHandle } from '../core/case/case.ts';
import { verifyAuditLog } from '../core/case/audit-log.ts';
import { expandInputs, ingestFiles, setColumnRole, type IngestResult } from '../core/ingest/ingest.ts';
import { COLUMN_ROLES, isColumnRole, type ColumnRole } from '../core/ingest/column-roles.ts';
import { TOOL_NAME, TOOL_VERSION } from '../core/version.ts';
import { AppError, toErrorInfo } from '../shared/errors.ts';
import { createOutput, EXIT, type Output } from './output.ts';
import { registerAnalysisCommands } from './analysis-commands.ts';

export interface GlobalOptions {
  json: boolean;
  quiet: boolean;
}

const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    error (the message says what failed and what to do)
  2    usage error (unknown option, missing argument)
  3    partial: some files failed to import; the others were imported
  4    audit log verification failed
  130  cancelled (Ctrl-C); nothing from the unfinished step was kept`;

export function buildProgram(state: { exitCode: number; controller: AbortController }): Command {
  const program = new Command();
  program
    .name('breachscope')
    .description(`${TOOL_NAME} ${TOOL_VERSION}: offline analysis of leaked log exports — what leaked, who is affected, how severe, and notification drafts.`)
    .version(TOOL_VERSION)
    .option('--json', 'print machine-readable JSON on stdout', false)
    .option('-q, --quiet', 'no progress or informational output', false)
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();

  const out = () => {
    const g = program.opts<GlobalOptions>();
    return createOutput({ json: g.json, quiet: g.quiet });
  };

  const caseCmd = program.command('case').description('create and inspect case folders').addHelpText('after', EXIT_CODES_HELP);
  caseCmd
    .command('create')
    .description('create a case folder (database, manifest, audit log), private to the user')
    .argument('<dir>', 'folder for the case (created if missing; must not already hold a case)')
    .requiredOption('--name <name>', 'a name for the incident')
    .requiredOption('--aware-at <iso8601>', 'when the controller became aware of the breach (starts the legal clocks), e.g. 2026-11-24T09:00:00Z')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (dir: string, opts: { name: string; awareAt: string }) => {
      const o = out();
      const handle = await createCase(dir, { name: opts.name, awareAt: opts.awareAt });
      const manifest = handle.manifest();
      handle.close();
      if (o.json) o.data({ dir: casePaths(dir).root, manifest });
      else o.info(`Created case "${manifest.name}" in ${casePaths(dir).root} (aware at ${manifest.aware_at}).`);
    });
  caseCmd
    .command('open')
    .description('show a case: sources, row counts, findings, audit status')
    .argument('<dir>', 'case folder')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (dir: string) => {
      const o = out();
      const handle = await openCase(dir, { readOnly: true });
      try {
        const summary = await caseSummary(handle);
        if (o.json) o.data(summary);
        else printCaseSummary(o, summary);
      } finally {
        handle.close();
      }
    });

  program
    .command('ingest')
    .description('import leaked files (CSV/TSV, ClickHouse TSV, JSON lines, JSON, Parquet, any gzip-compressed) into a case')
    .argument('<case>', 'case folder')
    .argument('<files...>', 'files or folders to import (folders are walked recursively)')
    .option('--map <column=role...>', `set a column's role (roles: ${COLUMN_ROLES.join(', ')})`)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (dir: string, files: string[], opts: { map?: string[] }) => {
      const o = out();
      const map = parseMap(opts.map ?? []);
      const inputs = expandInputs(files);
      const handle = await openCase(dir, { readablePaths: inputs });
      try {
        const results = await ingestFiles(handle, inputs, { map, signal: state.controller.signal, onProgress: (e) => o.progress(e) });
        o.done();
        if (o.json) o.data(results);
        else printIngestResults(o, results);
        if (state.controller.signal.aborted) state.exitCode = EXIT.cancelled;
        else if (results.some((r) => r.status === 'failed')) state.exitCode = EXIT.partial;
      } finally {
        handle.close();
      }
    });

  const roles = program.command('roles').description('show or change the detected column roles').addHelpText('after', EXIT_CODES_HELP);
  roles
    .command('list')
    .description('list every field of every source with its role and why')
    .argument('<case>', 'case folder')
    .action(async (dir: string) => {
      const o = out();
      const handle = await openCase(dir, { readOnly: true });
      try {
        const rows = await handle.db.all(`SELECT c.source_id, s.name AS source, c.column_name AS field, c.role, c.role_origin, c.role_reason FROM source_columns c JOIN sources s USING (source_id) ORDER BY c.source_id, c.ordinal`);
        if (o.json) o.data(rows);
        else for (const r of rows) o.info(`${r['source_id']}\t${r['source']}\t${r['field']}\t${r['role'] ?? '-'}\t${r['role_origin'] ?? ''}\t${r['role_reason']}`);
      } finally {
        handle.close();
      }
    });
  roles
    .command('set')
    .description("change a field's role (audited); rerun classify/subjects afterwards")
    .argument('<case>', 'case folder')
    .argument('<source-id>', 'source number (see roles list)')
    .argument('<field>', 'field name')
    .argument('<role>', `one of ${COLUMN_ROLES.join(', ')}, or "none"`)
    .action(async (dir: string, sourceId: string, field: string, role: string) => {
      if (role !== 'none' && !isColumnRole(role)) throw new AppError('BAD_INPUT', `unknown role "${role}"; use one of ${COLUMN_ROLES.join(', ')} or none.`);
      const handle = await openCase(dir);
      try {
        await setColumnRole(handle, Number(sourceId), field, role === 'none' ? null : role);
        out().info(`Source ${sourceId} field "${field}" is now ${role}.`);
      } finally {
        handle.close();
      }
    });

  program
    .command('rejects')
    .description('list the rows that could not be parsed, with file, line and reason')
    .argument('<case>', 'case folder')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (dir: string, opts: { limit: string }) => {
      const o = out();
      const handle = await openCase(dir, { readOnly: true });
      try {
        const rows = await handle.db.all(`SELECT s.path AS file, r.line, r.row, r.reason, r.excerpt FROM rejects r JOIN sources s USING (source_id) ORDER BY r.source_id, r.row LIMIT ?`, [Number(opts.limit)]);
        if (o.json) o.data(rows);
        else for (const r of rows) o.info(`${r['file']}:${r['line'] ?? '?'} (row ${r['row'] ?? '?'}): ${r['reason']}`);
      } finally {
        handle.close();
      }
    });

  caseCmd
    .command('encrypt')
    .description('encrypt a closed case into one archive file (scrypt-derived key, AES-256-GCM) to archive it or hand it to counsel')
    .argument('<dir>', 'case folder (must not be open in another process)')
    .requiredOption('--out <file>', 'archive to write')
    .addHelpText('after', `\nThe passphrase is read from BREACHSCOPE_PASSPHRASE, or asked for on the terminal.${EXIT_CODES_HELP}`)
    .action(async (dir: string, opts: { out: string }) => {
      const { encryptCase } = await import('../core/case/encrypt.ts');
      const passphrase = await readPassphrase(true);
      const r = await encryptCase(dir, opts.out, passphrase);
      out().info(`Encrypted ${casePaths(dir).root} into ${opts.out}: ${JSON.stringify(r)}`);
    });
  caseCmd
    .command('decrypt')
    .description('restore a case from an encrypted archive (fails without writing anything on a wrong passphrase or any tampering)')
    .argument('<file>', 'archive')
    .requiredOption('--out <dir>', 'folder to restore into (must not exist or be empty)')
    .addHelpText('after', `\nThe passphrase is read from BREACHSCOPE_PASSPHRASE, or asked for on the terminal.${EXIT_CODES_HELP}`)
    .action(async (file: string, opts: { out: string }) => {
      const { decryptCase } = await import('../core/case/encrypt.ts');
      const passphrase = await readPassphrase(false);
      const r = await decryptCase(file, opts.out, passphrase);
      out().info(`Restored the case into ${opts.out}: ${JSON.stringify(r)}`);
    });

  program
    .command('serve')
    .description('the web mode: the desktop UI served on 127.0.0.1 only, with a random per-launch token')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', '0')
    .option('--cases <dir>', 'folder holding the cases (default: ~/BreachScope)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts: { port: string; cases?: string }) => {
      const { existsSync } = await import('node:fs');
      if (!existsSync(new URL('../../renderer/dist/index.html', import.meta.url))) {
        throw new AppError('NOT_BUILT', 'the UI is not built yet: run `npm run build:renderer` once (npm run web does it for you).');
      }
      const { startWebServer } = await import('../web/server.ts');
      const server = await startWebServer({ port: Number(opts.port), ...(opts.cases ? { caseRoot: opts.cases } : {}) });
      process.stdout.write(`BreachScope web mode on ${server.url}\n(open that address; it carries this launch's token. Ctrl-C stops the server.)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          void server.close().then(resolve, resolve);
        };
        state.controller.signal.addEventListener('abort', stop);
      });
    });

  const audit = program.command('audit').description('the hash-chained audit log').addHelpText('after', EXIT_CODES_HELP);
  audit
    .command('verify')
    .description('check that no audit entry was edited, removed, inserted or reordered')
    .argument('<case>', 'case folder')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (dir: string) => {
      const o = out();
      const result = verifyAuditLog(casePaths(dir).audit);
      if (o.json) o.data(result);
      else if (result.ok) o.info(`Audit log intact: ${result.entries} entries, last hash ${result.lastHash}.`);
      else {
        o.info(`Audit log BROKEN (${result.problems.length} problem(s) in ${result.entries} entries):`);
        for (const p of result.problems) o.info(`  line ${p.line}: ${p.message}`);
      }
      if (!result.ok) state.exitCode = EXIT.auditBroken;
    });
  audit
    .command('show')
    .description('print the audit log entries')
    .argument('<case>', 'case folder')
    .action(async (dir: string) => {
      const { readFileSync } = await import('node:fs');
      process.stdout.write(readFileSync(casePaths(dir).audit, 'utf8'));
    });

  registerAnalysisCommands(program, { out, state, exitHelp: EXIT_CODES_HELP });
  return program;
}

/** Passphrase from BREACHSCOPE_PASSPHRASE, else asked on the terminal (twice when encrypting). */
async function readPassphrase(confirm: boolean): Promise<string> {
  const fromEnv = process.env['BREACHSCOPE_PASSPHRASE'];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('NO_PASSPHRASE', 'set BREACHSCOPE_PASSPHRASE or run on a terminal to be asked for the passphrase.');
  const ask = async (prompt: string) => {
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const muted = rl as unknown as { _writeToOutput: (s: string) => void };
    muted._writeToOutput = () => {};
    process.stderr.write(prompt);
    const answer = await rl.question('');
    rl.close();
    process.stderr.write('\n');
    return answer;
  };
  const first = await ask('Passphrase: ');
  if (first.length < 12) throw new AppError('WEAK_PASSPHRASE', 'use a passphrase of at least 12 characters.');
  if (confirm && (await ask('Again: ')) !== first) throw new AppError('PASSPHRASE_MISMATCH', 'the passphrases differ; nothing was written.');
  return first;
}

export function parseMap(entries: string[]): Record<string, ColumnRole> {
  // Built from entries: a column a leaked file names `__proto__` must stay a key.
  const pairs: Array<[string, ColumnRole]> = [];
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0) throw new AppError('BAD_INPUT', `--map takes column=role, got "${entry}".`);
    const column = entry.slice(0, at);
    const role = entry.slice(at + 1);
    if (!isColumnRole(role)) throw new AppError('BAD_INPUT', `--map ${entry}: unknown role "${role}"; use one of ${COLUMN_ROLES.join(', ')}.`);
    pairs.push([column, role]);
  }
  return Object.fromEntries(pairs);
}

export interface CaseSummary {
  dir: string;
  name: string;
  aware_at: string;
  sources: Array<{ source_id: number; name: string; format: string; rows: number; rejected_rows: number; sha256: string }>;
  rows: number;
  cells: number;
  findings: Array<{ category: string; findings: number; rows: number }>;
  audit: { ok: boolean; entries: number };
}

export async function caseSummary(handle: CaseHandle): Promise<CaseSummary> {
  const sources = await handle.db.all<CaseSummary['sources'][number]>(`SELECT source_id, name, format, rows, rejected_rows, sha256 FROM sources ORDER BY source_id`);
  const cells = await handle.db.one<{ n: number }>(`SELECT count(*) AS n FROM cells`);
  const findings = await handle.db.all<CaseSummary['findings'][number]>(
    `SELECT category, count(*) AS findings, count(DISTINCT (source_id, row)) AS rows FROM findings WHERE review <> 'false_positive' GROUP BY category ORDER BY findings DESC`,
  );
  const verification = verifyAuditLog(casePaths(handle.dir).audit);
  return {
    dir: handle.dir,
    name: handle.meta.name,
    aware_at: handle.meta.awareAt,
    sources,
    rows: sources.reduce((n, s) => n + s.rows, 0),
    cells: cells?.n ?? 0,
    findings,
    audit: { ok: verification.ok, entries: verification.entries },
  };
}

function printCaseSummary(o: Output, s: CaseSummary): void {
  o.info(`Case "${s.name}" (${s.dir}), aware at ${s.aware_at}`);
  o.info(`Sources: ${s.sources.length}, rows: ${s.rows.toLocaleString('en')}, text cells: ${s.cells.toLocaleString('en')}`);
  for (const src of s.sources) o.info(`  [${src.source_id}] ${src.name}  ${src.format}  ${src.rows} rows, ${src.rejected_rows} rejected  sha256 ${src.sha256}`);
  if (s.findings.length) {
    o.info('Findings:');
    for (const f of s.findings) o.info(`  ${f.category.padEnd(12)} ${String(f.findings).padStart(8)} findings in ${f.rows} rows`);
  }
  o.info(`Audit log: ${s.audit.ok ? 'intact' : 'BROKEN'} (${s.audit.entries} entries)`);
}

export function printIngestResults(o: Output, results: IngestResult[]): void {
  for (const r of results) {
    if (r.status === 'imported') {
      o.info(`imported  ${r.path}: ${r.format}${r.compression !== 'none' ? '+' + r.compression : ''}, ${r.rows.toLocaleString('en')} rows, ${r.rejectedRows} rejected, sha256 ${r.sha256.slice(0, 16)}… (${(r.ms / 1000).toFixed(1)} s)`);
      for (const w of r.warnings) o.info(`          warning: ${w}`);
      const roles = r.fields.filter((f) => f.role).map((f) => `${f.field}=${f.role}`);
      if (roles.length) o.info(`          roles: ${roles.join(', ')}`);
    } else if (r.status === 'duplicate') {
      o.info(`skipped   ${r.message}`);
    } else {
      o.info(`FAILED    ${r.error.message}`);
    }
  }
}

/** Runs the CLI; returns the exit code. Errors become one clear line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const state = { exitCode: EXIT.ok as number, controller: new AbortController() };
  const onSigint = () => {
    if (state.controller.signal.aborted) process.exit(EXIT.cancelled);
    process.stderr.write('\nCancelling… (press Ctrl-C again to stop at once)\n');
    state.controller.abort();
  };
  process.on('SIGINT', onSigint);
  const program = buildProgram(state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (state.controller.signal.aborted) {
      process.stderr.write('Cancelled; nothing from the unfinished step was kept.\n');
      return EXIT.cancelled;
    }
    const info = toErrorInfo(error);
    process.stderr.write(`error [${info.code}]: ${info.message}\n`);
    return EXIT.error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

export { isCaseDir, Option };
