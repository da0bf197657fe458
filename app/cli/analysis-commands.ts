import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openCase, type CaseHandle } from '../core/case/case.ts';
import { classifyCase } from '../core/pipeline/classify-step.ts';
import { ALL_FORMATS, analyze, assessCase, readFactsFile, writeDrafts, writeExport } from '../core/pipeline/analyze.ts';
import { computeSubjects, ipCountryTablePaths, writeNotificationList } from '../core/subjects/index.ts';
import { assess } from '../core/assess/assess.ts';
import { factsJsonSchema, parseFacts } from '../core/assess/facts.ts';
import { reportJsonSchema } from '../core/report/report-schema.ts';
import { buildReport } from '../core/report/report.ts';
import { analyzeChatHistory } from '../core/classify/chat-history.ts';
import { listFindings, revealFinding, reviewFindings } from '../core/pipeline/findings.ts';
import { RULE_PACK_VERSION } from '../core/classify/rules/index.ts';
import type { DraftFormat } from '../core/drafts/index.ts';
import { AppError } from '../shared/errors.ts';
import { EXIT, type Output } from './output.ts';
import { printIngestResults } from './main.ts';

interface Ctx {
  out: () => Output;
  state: { exitCode: number; controller: AbortController };
  exitHelp: string;
}

function parseKey(hex: string | undefined): Buffer | undefined {
  if (hex === undefined) return undefined;
  if (!/^[0-9a-fA-F]{32,128}$/.test(hex) || hex.length % 2 !== 0) {
    throw new AppError('BAD_INPUT', '--fingerprint-key takes 16 to 64 bytes as hex (32 to 128 hex digits).');
  }
  return Buffer.from(hex, 'hex');
}

function parseFormats(list: string | undefined): DraftFormat[] {
  if (!list) return ALL_FORMATS;
  const formats = list.split(',').map((f) => f.trim());
  for (const f of formats) if (!(ALL_FORMATS as string[]).includes(f)) throw new AppError('BAD_INPUT', `unknown format "${f}"; use ${ALL_FORMATS.join(', ')}.`);
  return formats as DraftFormat[];
}

async function withCase<T>(dir: string, options: Parameters<typeof openCase>[1], fn: (h: CaseHandle) => Promise<T>): Promise<T> {
  const handle = await openCase(dir, options);
  try {
    return await fn(handle);
  } finally {
    handle.close();
  }
}

export function registerAnalysisCommands(program: Command, ctx: Ctx): void {
  const { out, state, exitHelp } = ctx;
  const signal = () => state.controller.signal;

  program
    .command('classify')
    .description('find secrets, personal data, special categories and operational metadata in every text cell')
    .argument('<case>', 'case folder')
    .option('--fingerprint-key <hex>', 'key for the HMAC-SHA256 fingerprints (default: the case key), to correlate findings across cases and tools')
    .addHelpText('after', exitHelp)
    .action(async (dir: string, opts: { fingerprintKey?: string }) => {
      const o = out();
      const key = parseKey(opts.fingerprintKey);
      await withCase(dir, key ? { fingerprintKey: key } : {}, async (h) => {
        const r = await classifyCase(h, { signal: signal(), onProgress: (e) => o.progress(e) });
        o.done();
        if (o.json) o.data(r);
        else {
          o.info(`Classified with rule pack ${r.rulePackVersion} (${r.rules} rules) in ${r.seconds.toFixed(1)} s: ${r.findings.toLocaleString('en')} findings.`);
          for (const [kind, n] of Object.entries(r.byKind).sort((a, b) => b[1] - a[1]).slice(0, 30)) o.info(`  ${kind.padEnd(28)} ${n}`);
        }
      });
    });

  program
    .command('findings')
    .description('list findings (values masked) with their source file, row and field')
    .argument('<case>', 'case folder')
    .option('--category <c>', 'only this category (secret, contact, financial, national_id, special, ...)')
    .option('--kind <k>', 'only this kind')
    .option('--review <status>', 'unreviewed | confirmed | false_positive')
    .option('--limit <n>', 'at most this many', '50')
    .option('--offset <n>', 'skip this many', '0')
    .addHelpText('after', exitHelp)
    .action(async (dir: string, opts: { category?: string; kind?: string; review?: string; limit: string; offset: string }) => {
      const o = out();
      await withCase(dir, { readOnly: true }, async (h) => {
        const rows = await listFindings(
          h,
          {
            ...(opts.category ? { category: [opts.category] } : {}),
            ...(opts.kind ? { kind: [opts.kind] } : {}),
            ...(opts.review ? { review: [opts.review as 'unreviewed' | 'confirmed' | 'false_positive'] } : {}),
          },
          { limit: Number(opts.limit), offset: Number(opts.offset) },
        );
        if (o.json) o.data(rows);
        else for (const f of rows) o.info(`#${f.finding_id}\t${f.category}/${f.kind}\t${f.preview}\t${f.source}:${f.row}\t${f.field}\t${f.review}`);
      });
    });

  program
    .command('review')
    .description('mark findings as confirmed or false positive (audited); counts and later steps honour it')
    .argument('<case>', 'case folder')
    .argument('<finding-ids...>', 'finding numbers')
    .requiredOption('--as <status>', 'confirmed | false_positive | unreviewed')
    .action(async (dir: string, ids: string[], opts: { as: string }) => {
      await withCase(dir, {}, async (h) => {
        const { updated } = await reviewFindings(h, ids.map(Number), opts.as);
        out().info(`${updated} finding(s) marked ${opts.as}.`);
      });
    });

  program
    .command('reveal')
    .description('print one finding’s raw value, re-read from the source row (explicit and audited; secrets stay masked everywhere else)')
    .argument('<case>', 'case folder')
    .argument('<finding-id>', 'finding number')
    .requiredOption('--reason <text>', 'why the value must be seen (goes into the audit log)')
    .action(async (dir: string, id: string, opts: { reason: string }) => {
      await withCase(dir, {}, async (h) => {
        if (opts.reason.trim().length < 3) throw new AppError('BAD_INPUT', 'give a reason to reveal a value (it goes into the audit log).');
        const { value } = await revealFinding(h, Number(id), opts.reason);
        process.stdout.write(value + '\n');
      });
    });

  program
    .command('subjects')
    .description('link identifiers into persons and estimate the affected people with bounds, by country and data category')
    .argument('<case>', 'case folder')
    .addHelpText('after', exitHelp)
    .action(async (dir: string) => {
      const o = out();
      await withCase(dir, { readablePaths: ipCountryTablePaths() }, async (h) => {
        const s = await computeSubjects(h.db, { signal: signal(), onProgress: (e) => o.progress(e) });
        h.record({ action: 'subjects.computed', details: { estimate: s.estimate, lower: s.lower, upper: s.upper } });
        o.done();
        if (o.json) o.data(s);
        else {
          o.info(`Affected persons: ${s.estimate.toLocaleString('en')} (lower ${s.lower.toLocaleString('en')}, upper ${s.upper.toLocaleString('en')})`);
          o.info(`Method: ${s.method}`);
          o.info(`Rows without any identifier: ${s.rows_without_identifier.toLocaleString('en')}`);
          o.info('By country:');
          for (const [cc, b] of Object.entries(s.by_country).sort((a, b) => b[1].estimate - a[1].estimate)) o.info(`  ${cc.padEnd(8)} ${b.estimate} [${b.lower}, ${b.upper}]`);
          o.info('By data category:');
          for (const [c, b] of Object.entries(s.by_category).sort((a, b) => b[1].estimate - a[1].estimate)) o.info(`  ${c.padEnd(22)} ${b.estimate} [${b.lower}, ${b.upper}]`);
          if (s.largest_persons.length) {
            o.info('Largest merged persons (review these):');
            for (const p of s.largest_persons.slice(0, 10)) o.info(`  person ${p.person_id}: ${p.identifiers} identifiers, ${p.rows} rows, ${p.country}: ${p.sample.map((x) => `${x.kind} ${x.masked}`).join(', ')}`);
          }
          if (s.conflicts_total) {
            o.info(`Conflicts kept apart (${s.conflicts_total}):`);
            for (const c of s.conflicts.slice(0, 10)) o.info(`  ${c.kind}: ${c.a.masked} vs ${c.b.masked} via ${c.bridge.kind} ${c.bridge.masked}`);
          }
        }
      });
    });

  const exportCmd = program.command('export').description('exports for the people who must act on the case');
  exportCmd
    .command('notification-list')
    .description('one row per person with known contact data (CSV, UTF-8 with BOM, spreadsheet-formula safe); audited')
    .argument('<case>', 'case folder')
    .requiredOption('--out <file.csv>', 'where to write the list')
    .action(async (dir: string, opts: { out: string }) => {
      await withCase(dir, { readablePaths: ipCountryTablePaths() }, async (h) => {
        const has = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'persons'`);
        if (!has?.n) await computeSubjects(h.db);
        const r = await writeNotificationList(h.db, path.resolve(opts.out));
        await h.addExport({ path: path.resolve(opts.out), sha256: r.sha256, kind: 'notification-list', bytes: readFileSync(path.resolve(opts.out)).length });
        h.record({ action: 'export.written', details: { kind: 'notification-list', path: path.resolve(opts.out), rows: r.rows, sha256: r.sha256 } });
        out().info(`Wrote ${r.rows} person(s) to ${opts.out} (sha256 ${r.sha256}).`);
      });
    });

  program
    .command('assess')
    .description('which laws apply, how severe (ENISA), who must be told by when — from a case, or from stated facts alone (what-if)')
    .argument('[case]', 'case folder (omit with --facts for a what-if assessment)')
    .option('--facts <file>', 'facts JSON (docs/schemas/facts.schema.json): controller facts, and for a what-if the measured part too')
    .option('--now <iso8601>', 'evaluate deadlines as of this instant (default: now)')
    .addHelpText('after', exitHelp)
    .action(async (dir: string | undefined, opts: { facts?: string; now?: string }) => {
      const o = out();
      const now = opts.now ? new Date(opts.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new AppError('BAD_INPUT', `--now: "${opts.now}" is not a date-time.`);
      const stated = opts.facts ? readFactsFile(opts.facts) : undefined;
      let assessment;
      if (dir) {
        assessment = await withCase(dir, { readablePaths: ipCountryTablePaths() }, async (h) => {
          const subjects = await computeSubjects(h.db);
          const rpv = (await h.db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'rule_pack_version'`))?.value ?? RULE_PACK_VERSION;
          return (await assessCase(h, stated ?? readFactsOrEmpty(), subjects, rpv, now)).assessment;
        });
      } else {
        if (!stated) throw new AppError('BAD_INPUT', 'give a case folder, or --facts facts.json for a what-if assessment.');
        assessment = assess(stated, now);
      }
      if (o.json || !process.stdout.isTTY) o.data(assessment);
      else printAssessment(o, assessment);
    });

  program
    .command('draft')
    .description('write notification drafts (authority, data subjects, internal register, consumers) from the case')
    .argument('<case>', 'case folder')
    .option('--regime <id>', 'only this regime (e.g. EU-GDPR, UK-GDPR, US-CA); default: every applicable one')
    .option('--audience <a>', 'authority | subjects | register | consumers')
    .option('--language <lang>', 'en | de | fr | es')
    .option('--format <list>', `comma-separated: ${ALL_FORMATS.join(', ')}`, 'md,html,docx,pdf')
    .requiredOption('--out <dir>', 'folder for the drafts')
    .option('--facts <file>', 'controller facts to use (merged over those saved in the case)')
    .addHelpText('after', exitHelp)
    .action(async (dir: string, opts: { regime?: string; audience?: string; language?: string; format: string; out: string; facts?: string }) => {
      const o = out();
      await withCase(dir, { readablePaths: ipCountryTablePaths() }, async (h) => {
        const subjects = await computeSubjects(h.db);
        const rpv = (await h.db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'rule_pack_version'`))?.value ?? RULE_PACK_VERSION;
        const { assessment, input } = await assessCase(h, opts.facts ? readFactsFile(opts.facts) : readFactsOrEmpty(), subjects, rpv, new Date());
        const filter = (spec: { regime: string; audience: string; language: string }) =>
          (!opts.regime || spec.regime.toLowerCase() === opts.regime.toLowerCase() || spec.regime.toLowerCase().endsWith('-' + opts.regime.toLowerCase())) &&
          (!opts.audience || spec.audience === opts.audience) &&
          (!opts.language || spec.language === opts.language);
        const drafts = await writeDrafts(h, assessment, input, path.resolve(opts.out), parseFormats(opts.format), filter);
        if (drafts.length === 0) throw new AppError('NO_DRAFTS', 'no applicable draft matches those options (see `breachscope assess CASE` for the regimes that apply).');
        if (o.json) o.data(drafts);
        else for (const d of drafts) o.info(`${d.path}  (${d.missing_fields.length} missing field(s))`);
      });
    });

  program
    .command('report')
    .description('write report.json for a case that was ingested and classified')
    .argument('<case>', 'case folder')
    .requiredOption('--out <file>', 'where to write report.json')
    .option('--facts <file>', 'controller facts (merged over those saved in the case)')
    .action(async (dir: string, opts: { out: string; facts?: string }) => {
      await withCase(dir, { readablePaths: ipCountryTablePaths() }, async (h) => {
        const now = new Date();
        const subjects = await computeSubjects(h.db);
        const rpv = (await h.db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'rule_pack_version'`))?.value ?? null;
        const { assessment, input } = await assessCase(h, opts.facts ? readFactsFile(opts.facts) : readFactsOrEmpty(), subjects, rpv ?? RULE_PACK_VERSION, now);
        const report = await buildReport(h, { subjects, measured: input.measured!, assessment, chatHistory: await analyzeChatHistory(h.db), drafts: [], rulePackVersion: rpv, now });
        const sha = await writeExport(h, path.resolve(opts.out), Buffer.from(JSON.stringify(report, null, 2) + '\n'), 'report');
        out().info(`Wrote ${opts.out} (sha256 ${sha}).`);
      });
    });

  program
    .command('analyze')
    .description('the whole pipeline: ingest, classify, subjects, assess, every applicable draft, report.json')
    .argument('<files...>', 'files or folders to import')
    .requiredOption('--case <dir>', 'case folder (created when missing; reused when it exists)')
    .option('--aware-at <iso8601>', 'awareness time (needed when the case is created)')
    .option('--name <name>', 'incident name (when the case is created)')
    .option('--facts <file>', 'controller facts JSON (docs/schemas/facts.schema.json)')
    .requiredOption('--out <dir>', 'folder for report.json and drafts/')
    .option('--format <list>', `draft formats: ${ALL_FORMATS.join(', ')}`, 'md,html,docx,pdf')
    .option('--fingerprint-key <hex>', 'key for fingerprints (default: the case key)')
    .addHelpText('after', exitHelp)
    .action(async (files: string[], opts: { case: string; awareAt?: string; name?: string; facts?: string; out: string; format: string; fingerprintKey?: string }) => {
      const o = out();
      const key = parseKey(opts.fingerprintKey);
      const r = await analyze({
        files,
        caseDir: opts.case,
        ...(opts.awareAt ? { awareAt: opts.awareAt } : {}),
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.facts ? { factsFile: opts.facts } : {}),
        outDir: opts.out,
        formats: parseFormats(opts.format),
        ...(key ? { fingerprintKey: key } : {}),
        signal: signal(),
        onProgress: (e) => o.progress(e),
        onStep: (m) => o.info(`… ${m}`),
      });
      o.done();
      if (o.json) {
        o.data(r.report);
        return;
      }
      printIngestResults(o, r.ingest);
      printSummary(o, r.report, r.reportPath, r.seconds);
      if (r.ingest.some((x) => x.status === 'failed')) state.exitCode = EXIT.partial;
    });

  program
    .command('schema')
    .description('print a published JSON Schema')
    .argument('<which>', 'report | facts')
    .action((which: string) => {
      if (which === 'report') out().data(reportJsonSchema());
      else if (which === 'facts') out().data(factsJsonSchema());
      else throw new AppError('BAD_INPUT', 'choose report or facts');
    });
}

/** No stated facts: the assessment uses those saved in the case. */
function readFactsOrEmpty() {
  return parseFacts({});
}

function printAssessment(o: Output, a: ReturnType<typeof assess>): void {
  o.info(`Severity (ENISA): ${a.severity.score} → ${a.severity.band}; GDPR risk: ${a.gdpr_risk.level}`);
  for (const r of a.regimes.filter((x) => x.applies)) {
    const d = r.deadline;
    o.info(`${r.id}: authority ${r.notify_authority}, subjects ${r.notify_subjects}${d?.utc ? `, deadline ${d.utc} (${d.local ?? ''}; ${d.hours_left?.toFixed(1)} h left)` : ''}`);
    o.info(`  ${r.why}`);
  }
  if (a.gaps.length) o.info(`Missing facts: ${a.gaps.map((g) => (g as { field: string }).field).join(', ')}`);
}

function printSummary(o: Output, report: import('../core/report/report-schema.ts').Report, reportPath: string, seconds: number): void {
  o.info('');
  o.info(`== ${report.case.name}: analysis finished in ${seconds.toFixed(1)} s ==`);
  o.info(`Sources: ${report.sources.length}, rows: ${report.sources.reduce((n, s) => n + s.rows, 0).toLocaleString('en')} (${report.sources.reduce((n, s) => n + s.rejected_rows, 0)} rejected)`);
  o.info('What leaked:');
  for (const [cat, f] of Object.entries(report.findings)) o.info(`  ${cat.padEnd(12)} ${String(f.values).padStart(7)} distinct values in ${f.rows} rows`);
  o.info(`Secrets: ${report.secrets.length} distinct (masked previews in report.json)`);
  if (report.chat_history) o.info(`Chat history: ${report.chat_history.conversations} conversations, ${report.chat_history.turns} turns, ${report.chat_history.users} users`);
  const s = report.subjects;
  o.info(`Affected persons: ${s.estimate.toLocaleString('en')} (between ${s.lower.toLocaleString('en')} and ${s.upper.toLocaleString('en')})`);
  const top = Object.entries(s.by_country).sort((a, b) => b[1].estimate - a[1].estimate).slice(0, 8);
  o.info(`  by country: ${top.map(([cc, b]) => `${cc} ${b.estimate}`).join(', ')}`);
  const sev = report.assessment.severity as { score?: number; band?: string };
  o.info(`Severity (ENISA): ${sev.score} (${sev.band}); GDPR risk: ${(report.assessment.gdpr_risk as { level?: string }).level}`);
  for (const r of report.assessment.regimes.filter((x) => x.applies)) {
    const d = r.deadline as { utc?: string | null; hours_left?: number | null } | null;
    o.info(`  ${r.id.padEnd(10)} authority: ${r.notify_authority.padEnd(7)} subjects: ${r.notify_subjects.padEnd(7)} ${d?.utc ? `deadline ${d.utc} (${d.hours_left?.toFixed(1)} h left)` : ''}`);
  }
  o.info(`Drafts: ${report.drafts.length} files in ${path.join(path.dirname(reportPath), 'drafts')}`);
  o.info(`Report: ${reportPath}`);
}
