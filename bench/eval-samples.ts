// Detection and counting quality on the samples' ground truth: recall of planted secrets and
// personal data, decoys flagged (must be none), special categories, and the affected-persons
// estimate against the true number of persons (overall and per country with ≥ 100 persons).
// Runs the real pipeline (ingest → classify → subjects) into a temporary case.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCase, openCase, type CaseHandle } from '../app/core/case/case.ts';
import { expandInputs, ingestFiles } from '../app/core/ingest/ingest.ts';
import { classifyCase } from '../app/core/pipeline/classify-step.ts';
import { computeSubjects, ipCountryTablePaths, type SubjectsSummary } from '../app/core/subjects/index.ts';
import { fingerprint } from '../app/core/classify/fingerprint.ts';
import { truthPrecision, type KindPrecision } from '../samples/lib/truth-precision.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface TruthItem {
  kind?: string;
  category?: string;
  file: string;
  row: number;
  field: string;
  value?: string;
  text?: string;
  normalized?: string;
}

interface Truth {
  persons: { total: number; by_country: Record<string, number> };
  secrets: TruthItem[] | { file: string };
  pii: TruthItem[] | { file: string };
  special: TruthItem[] | { file: string };
  decoys: TruthItem[] | { file: string };
}

export interface SamplesReport {
  secrets: { planted: number; found: number; recall: number; extra: number; precision: number; missedByKind: Record<string, number> };
  pii: Record<string, { planted: number; found: number; recall: number }>;
  special: Record<string, { planted: number; found: number; recall: number }>;
  decoys: { planted: number; flagged: number; byKind: Record<string, number> };
  /** Personal data and special categories: findings against the truth's cells (samples/lib/truth-precision.ts). */
  precision: KindPrecision[];
  subjects: {
    truth: number;
    estimate: number;
    lower: number;
    upper: number;
    error: number;
    inside: boolean;
    countries: Array<{ country: string; truth: number; estimate: number; error: number }>;
  };
  seconds: number;
}

export function loadList(truthPath: string, v: TruthItem[] | { file: string }): TruthItem[] {
  if (Array.isArray(v)) return v;
  const file = path.join(path.dirname(truthPath), v.file);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TruthItem);
}

/** The truth's value is the field text before JSON inside it is decoded; cells hold it decoded. */
function variants(value: string): string[] {
  const out = new Set([value]);
  try {
    out.add(JSON.parse(`"${value}"`) as string);
  } catch {
    // Not a JSON string fragment.
  }
  return [...out];
}

/**
 * What a secret's fingerprint is taken over: the value itself, or for a URL with credentials
 * and for HTTP Basic credentials the password part (the secret that must be rotated).
 */
export function secretVariants(value: string): string[] {
  const out = new Set(variants(value));
  for (const v of [...out]) {
    const url = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i.exec(v);
    if (url?.[1]) out.add(url[1]);
    // A webhook URL is fingerprinted from its host on (the scheme carries no secret).
    if (/^https?:\/\//i.test(v)) out.add(v.replace(/^https?:\/\//i, ''));
    if (/^[A-Za-z0-9+/]{8,}={0,2}$/.test(v)) {
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0 && /^[\x20-\x7e]+$/.test(decoded)) {
        out.add(decoded);
        out.add(decoded.slice(colon + 1));
      }
    }
  }
  return [...out];
}

// Truth kinds of the generator → finding kinds of the rule pack.
const PII_KINDS: Record<string, string[]> = {
  email: ['email'],
  phone: ['phone'],
  iban: ['iban'],
  card_number: ['payment_card'],
  national_id: ['ssn_us', 'nino_uk', 'tax_id_de', 'nir_fr', 'codice_fiscale_it', 'dni_es', 'nie_es', 'bsn_nl', 'pesel_pl', 'cpf_br', 'aadhaar_in', 'resident_id_cn', 'nric_sg'],
  date_of_birth: ['date_of_birth'],
  person_name: ['person_name'],
  address: ['postal_address'],
};
const SPECIAL_KINDS: Record<string, Array<[string, string]>> = {
  health: [['special', 'health']],
  religion: [['special', 'religion']],
  sexual_orientation: [['special', 'sex_life']],
  political_opinion: [['special', 'political']],
  ethnic_origin: [['special', 'ethnic_origin']],
  trade_union: [['special', 'trade_union']],
  genetic: [['special', 'genetic']],
  biometric: [['special', 'biometric']],
  criminal: [['criminal', 'criminal_offence']],
  children: [['children', 'child']],
};

export interface FindingAt {
  category: string;
  kind: string;
  fingerprint: string;
  normalized: string | null;
  value: string;
}

/** Findings (not marked false positive) by source|row|field; `where` narrows them, e.g. to one category. */
export async function findingsByLocation(h: CaseHandle, where = 'TRUE'): Promise<Map<string, FindingAt[]>> {
  // Values are cut from the cells here, inside the evaluation only, to compare with the truth.
  const rows = await h.db.all<{ name: string; row: number; field: string; category: string; kind: string; fingerprint: string; normalized: string | null; value: string }>(
    `SELECT s.name, f.row, f.field, f.category, f.kind, f.fingerprint, f.normalized,
       substr(c.text, f.span_start + 1, f.span_end - f.span_start) AS value
     FROM findings f JOIN sources s USING (source_id) JOIN cells c ON c.source_id = f.source_id AND c.row = f.row AND c.field = f.field
     WHERE f.review <> 'false_positive' AND ${where}`,
  );
  const map = new Map<string, FindingAt[]>();
  for (const r of rows) {
    const top = r.field.split('.')[0]!;
    for (const key of new Set([`${r.name}|${r.row}|${r.field}`, `${r.name}|${r.row}|${top}`])) {
      const list = map.get(key) ?? [];
      list.push({ category: r.category, kind: r.kind, fingerprint: r.fingerprint, normalized: r.normalized, value: r.value ?? '' });
      map.set(key, list);
    }
  }
  return map;
}

export function at(map: Map<string, FindingAt[]>, item: TruthItem): FindingAt[] {
  return map.get(`${item.file}|${item.row}|${item.field}`) ?? [];
}

export async function evaluateSamples(dataDir = path.join(ROOT, 'samples', 'data'), truthPath = path.join(ROOT, 'samples', 'truth.json')): Promise<SamplesReport> {
  const started = performance.now();
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
  const dir = mkdtempSync(path.join(tmpdir(), 'breachscope-eval-'));
  try {
    (await createCase(path.join(dir, 'case'), { name: 'eval', awareAt: '2026-11-24T09:00:00Z' })).close();
    const files = expandInputs([dataDir]);
    const h = await openCase(path.join(dir, 'case'), { readablePaths: [...files, ...ipCountryTablePaths()] });
    let subjects: SubjectsSummary;
    let map: Map<string, FindingAt[]>;
    try {
      await ingestFiles(h, files);
      await classifyCase(h);
      subjects = await computeSubjects(h.db);
      map = await findingsByLocation(h);
    } finally {
      h.close();
    }
    const key = Buffer.from(readFileSync(path.join(dir, 'case', 'case.key'), 'utf8').trim(), 'hex');
    const precision = await truthPrecision(path.join(dir, 'case', 'case.duckdb'), truthPath);

    // Secrets: same place, same fingerprint.
    const secrets = loadList(truthPath, truth.secrets);
    const matched = new Set<string>();
    const missedByKind: Record<string, number> = {};
    let found = 0;
    for (const s of secrets) {
      const fps = new Set(secretVariants(s.value ?? '').map((v) => fingerprint(key, v)));
      const hit = at(map, s).find((f) => f.category === 'secret' && fps.has(f.fingerprint));
      if (hit) {
        found += 1;
        matched.add(`${s.file}|${s.row}|${hit.fingerprint}`);
      } else missedByKind[s.kind ?? '?'] = (missedByKind[s.kind ?? '?'] ?? 0) + 1;
    }
    // Every distinct secret finding that is not a planted secret counts against precision.
    const secretFindings = new Set<string>();
    for (const [k, list] of map) {
      const [file, row, field] = k.split('|');
      if (field?.includes('.')) continue; // each finding appears once under its full field
      for (const f of list) if (f.category === 'secret') secretFindings.add(`${file}|${row}|${f.fingerprint}`);
    }
    const extra = [...secretFindings].filter((x) => !matched.has(x)).length;

    // Personal data: same place, same normalised value or same text.
    const pii: SamplesReport['pii'] = {};
    for (const p of loadList(truthPath, truth.pii)) {
      const kinds = PII_KINDS[p.kind ?? ''] ?? [p.kind ?? ''];
      const entry = (pii[p.kind ?? '?'] ??= { planted: 0, found: 0, recall: 0 });
      entry.planted += 1;
      const vals = new Set(variants(p.value ?? ''));
      const norm = p.normalized?.toLowerCase();
      const hit = at(map, p).some((f) => kinds.includes(f.kind) && ((norm && f.normalized?.toLowerCase() === norm) || vals.has(f.value) || [...vals].some((v) => f.value.includes(v) || v.includes(f.value))));
      if (hit) entry.found += 1;
    }
    for (const e of Object.values(pii)) e.recall = e.planted ? e.found / e.planted : 1;

    const special: SamplesReport['special'] = {};
    for (const s of loadList(truthPath, truth.special)) {
      const want = SPECIAL_KINDS[s.category ?? ''] ?? [];
      const entry = (special[s.category ?? '?'] ??= { planted: 0, found: 0, recall: 0 });
      entry.planted += 1;
      if (at(map, s).some((f) => want.some(([c, k]) => f.category === c && f.kind === k))) entry.found += 1;
    }
    for (const e of Object.values(special)) e.recall = e.planted ? e.found / e.planted : 1;

    // Decoys: flagged when a finding's value overlaps the decoy text at that place.
    const decoys = loadList(truthPath, truth.decoys);
    const byKind: Record<string, number> = {};
    let flagged = 0;
    for (const d of decoys) {
      const texts = variants(d.text ?? '');
      const hit = at(map, d).some((f) => f.value.length > 0 && texts.some((t) => t.includes(f.value) || f.value.includes(t)));
      if (hit) {
        flagged += 1;
        byKind[d.kind ?? '?'] = (byKind[d.kind ?? '?'] ?? 0) + 1;
      }
    }

    const countries = Object.entries(truth.persons.by_country)
      .filter(([, n]) => n >= 100)
      .map(([country, n]) => {
        const estimate = subjects.by_country[country]?.estimate ?? 0;
        return { country, truth: n, estimate, error: (estimate - n) / n };
      });
    return {
      secrets: { planted: secrets.length, found, recall: found / Math.max(secrets.length, 1), extra, precision: found / Math.max(found + extra, 1), missedByKind },
      pii,
      special,
      precision,
      decoys: { planted: decoys.length, flagged, byKind },
      subjects: {
        truth: truth.persons.total,
        estimate: subjects.estimate,
        lower: subjects.lower,
        upper: subjects.upper,
        error: (subjects.estimate - truth.persons.total) / truth.persons.total,
        inside: subjects.lower <= truth.persons.total && truth.persons.total <= subjects.upper,
        countries,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function samplesMarkdown(r: SamplesReport): string {
  const lines = [
    '## Samples ground truth',
    '',
    `Secrets: ${r.secrets.found}/${r.secrets.planted} planted found (recall ${r.secrets.recall.toFixed(3)}), ${r.secrets.extra} other secret findings (precision ${r.secrets.precision.toFixed(3)}).`,
    Object.keys(r.secrets.missedByKind).length ? `Missed by kind: ${Object.entries(r.secrets.missedByKind).map(([k, n]) => `${k} ${n}`).join(', ')}.` : 'No planted secret missed.',
    '',
    '| personal data | planted | found | recall |',
    '|---|---:|---:|---:|',
    ...Object.entries(r.pii).map(([k, e]) => `| ${k} | ${e.planted} | ${e.found} | ${e.recall.toFixed(3)} |`),
    '',
    '| special category | planted | found | recall |',
    '|---|---:|---:|---:|',
    ...Object.entries(r.special).map(([k, e]) => `| ${k} | ${e.planted} | ${e.found} | ${e.recall.toFixed(3)} |`),
    '',
    'Precision against the truth (cell level: a finding is right when the truth lists a value of its class in the same file, row and top-level field):',
    '',
    '| kind | findings | in a truth cell | precision |',
    '|---|---:|---:|---:|',
    ...r.precision.map((p) => `| ${p.kind} | ${p.findings} | ${p.inTruthCell} | ${(p.inTruthCell / p.findings).toFixed(3)} |`),
    '',
    `Decoys flagged: ${r.decoys.flagged} of ${r.decoys.planted}${r.decoys.flagged ? ` (${Object.entries(r.decoys.byKind).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}.`,
    '',
    `Affected persons: truth ${r.subjects.truth}, estimate ${r.subjects.estimate} (${pct(r.subjects.error)}), bounds [${r.subjects.lower}, ${r.subjects.upper}] ${r.subjects.inside ? 'contain' : 'DO NOT contain'} the truth.`,
    '',
    '| country (≥ 100 persons) | truth | estimate | error |',
    '|---|---:|---:|---:|',
    ...r.subjects.countries.map((c) => `| ${c.country} | ${c.truth} | ${c.estimate} | ${pct(c.error)} |`),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dataDir = process.argv[2] ?? path.join(ROOT, 'samples', 'data');
  const truthPath = process.argv[3] ?? path.join(ROOT, 'samples', 'truth.json');
  if (!existsSync(truthPath)) throw new Error(`no truth file at ${truthPath}`);
  const r = await evaluateSamples(dataDir, truthPath);
  process.stdout.write(samplesMarkdown(r) + '\n');
}
