/**
 * Quality of the personal-data detectors against the Presidio recognizer test cases, and of
 * the special-category rules against the project's multilingual sentence set.
 *   node --import tsx bench/eval-pii.ts            prints the tables and writes docs/quality-pii.md
 * Corpora: $BREACHSCOPE_CORPORA/pii (default ../shared/corpora relative to the project root).
 *
 * Scoring (span level, per README of the corpus): a detection of a mapped kind counts when its
 * span overlaps an expected span. Expected spans whose accepted score is below 0.4 are weak
 * pattern hits: finding them is fine, missing them is not an error. Lines with a count but no
 * spans count as found when any detection of the kind is made. Phone lines run with a
 * non-default leniency contradict each other on the same text and are left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanTexts, type TextFinding } from '../app/core/classify/scan.ts';
import { piiRules } from '../app/core/classify/rules/pii-rules.ts';
import { specialRules } from '../app/core/classify/rules/special-rules.ts';
import { piiValidators } from '../app/core/classify/validators/pii-validators.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Presidio entity → our finding kinds. */
export const ENTITY_KINDS: Record<string, string[]> = {
  EMAIL_ADDRESS: ['email'],
  PHONE_NUMBER: ['phone'],
  CREDIT_CARD: ['payment_card'],
  IBAN_CODE: ['iban'],
  IP_ADDRESS: ['ip'],
  US_SSN: ['ssn_us'],
  UK_NINO: ['nino_uk'],
  DE_TAX_ID: ['tax_id_de'],
  IT_FISCAL_CODE: ['codice_fiscale_it'],
  ES_NIF: ['dni_es'],
  ES_NIE: ['nie_es'],
  PL_PESEL: ['pesel_pl'],
  IN_AADHAAR: ['aadhaar_in'],
  SG_NRIC_FIN: ['nric_sg'],
};
/** Scored but outside the target: model-dependent NER lines and region-restricted phone recognizers. */
export const ROUGH_ENTITY_KINDS: Record<string, string[]> = {
  PERSON: ['person_name'],
  PH_MOBILE_NUMBER: ['phone'],
  TR_PHONE_NUMBER: ['phone'],
};

interface CaseLine {
  entity: string;
  text: string;
  expect_count: number;
  spans: Array<[number, number]> | null;
  score?: Array<[number, number]>;
  config?: string;
}
interface ValidatorLine {
  entity: string;
  value: string;
  valid: boolean | null;
}

export interface EntityScore {
  entity: string;
  lines: number;
  expected: number;
  found: number;
  detections: number;
  falsePositives: number;
  precision: number;
  recall: number;
  misses: string[];
  falseAlarms: string[];
}

export interface SpecialScore {
  language: string;
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  errors: string[];
}

export interface Report {
  supported: EntityScore[];
  rough: EntityScore[];
  overall: { expected: number; found: number; detections: number; falsePositives: number; precision: number; recall: number };
  validatorCases: Array<{ entity: string; cases: number; agree: number; disagreements: string[] }>;
  excludedLines: Array<{ entity: string; reason: string; lines: number }>;
  unsupported: Array<{ entity: string; lines: number }>;
  crossKind: Record<string, number>;
  special: SpecialScore[];
  specialOverall: { precision: number; recall: number; tp: number; fp: number; fn: number };
  seconds: number;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

function isExcluded(line: CaseLine): string | undefined {
  if (line.entity === 'PHONE_NUMBER' && line.config && /leniency=(0|2|3)/.test(line.config)) return 'phone leniency other than the default';
  return undefined;
}

function scoreEntity(entity: string, kinds: string[], lines: Array<{ line: CaseLine; findings: TextFinding[] }>): EntityScore {
  const s: EntityScore = { entity, lines: lines.length, expected: 0, found: 0, detections: 0, falsePositives: 0, precision: 0, recall: 0, misses: [], falseAlarms: [] };
  for (const { line, findings } of lines) {
    const dets = findings.filter((f) => kinds.includes(f.kind));
    const spans = line.spans ?? [];
    const weak = spans.map((_, i) => (line.score?.[i]?.[1] ?? 1) < 0.4);
    if (line.expect_count > 0 && spans.length === 0) {
      // Count-only line: any detection of the kind is the hit.
      s.expected += 1;
      if (dets.length > 0) s.found += 1;
      else s.misses.push(line.text);
      s.detections += dets.length;
      continue;
    }
    spans.forEach((span, i) => {
      const hit = dets.some((d) => overlaps([d.start, d.end], span));
      if (weak[i]) return;
      s.expected += 1;
      if (hit) s.found += 1;
      else s.misses.push(`${line.text} [${span[0]},${span[1]})`);
    });
    for (const d of dets) {
      s.detections += 1;
      if (!spans.some((span) => overlaps([d.start, d.end], span))) {
        s.falsePositives += 1;
        s.falseAlarms.push(`${line.text} -> [${d.start},${d.end}) ${d.ruleId}`);
      }
    }
  }
  s.precision = ratio(s.detections - s.falsePositives, s.detections);
  s.recall = ratio(s.found, s.expected);
  return s;
}

interface SpecialCase {
  lang: string;
  text: string;
  /** The category the sentence discloses (`health`, `child`, `criminal_offence`, …) or null. */
  expect: string | null;
}

/** A disclosure is a special/criminal/children finding at confidence ≥ 0.5. */
export const DISCLOSURE_THRESHOLD = 0.5;

async function scoreSpecial(cases: SpecialCase[]): Promise<{ rows: SpecialScore[]; overall: Report['specialOverall'] }> {
  const findings = await scanTexts(cases.map((c) => c.text), { rules: specialRules, validators: piiValidators, resolveOverlaps: false });
  const byIndex = new Map<number, TextFinding[]>();
  for (const f of findings) if (f.confidence >= DISCLOSURE_THRESHOLD) byIndex.set(f.index, [...(byIndex.get(f.index) ?? []), f]);
  const langs = [...new Set(cases.map((c) => c.lang))];
  const rows = langs.map((language) => {
    const row: SpecialScore = { language, positives: 0, negatives: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, errors: [] };
    cases.forEach((c, i) => {
      if (c.lang !== language) return;
      const kinds = (byIndex.get(i) ?? []).map((f) => f.kind);
      if (c.expect) {
        row.positives += 1;
        if (kinds.includes(c.expect)) row.tp += 1;
        else {
          row.fn += 1;
          row.errors.push(`missed ${c.expect}: ${c.text}${kinds.length ? ` (got ${kinds.join(',')})` : ''}`);
        }
        const wrong = kinds.filter((k) => k !== c.expect);
        row.fp += wrong.length > 0 ? 1 : 0;
        if (wrong.length) row.errors.push(`extra ${wrong.join(',')}: ${c.text}`);
      } else {
        row.negatives += 1;
        if (kinds.length > 0) {
          row.fp += 1;
          row.errors.push(`false ${kinds.join(',')}: ${c.text}`);
        }
      }
    });
    row.precision = ratio(row.tp, row.tp + row.fp);
    row.recall = ratio(row.tp, row.tp + row.fn);
    return row;
  });
  const tp = rows.reduce((a, r) => a + r.tp, 0);
  const fp = rows.reduce((a, r) => a + r.fp, 0);
  const fn = rows.reduce((a, r) => a + r.fn, 0);
  return { rows, overall: { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) } };
}

export async function evaluatePii(corporaDir: string): Promise<Report> {
  const started = Date.now();
  const piiDir = path.basename(corporaDir) === 'pii' ? corporaDir : path.join(corporaDir, 'pii');
  const cases = readJsonl<CaseLine>(path.join(piiDir, 'presidio-cases.jsonl'));
  const validatorLines = readJsonl<ValidatorLine>(path.join(piiDir, 'presidio-validator-cases.jsonl'));
  const rules = piiRules;
  const scanned = await scanTexts(cases.map((c) => c.text), { rules, validators: piiValidators, resolveOverlaps: false });
  const byIndex = new Map<number, TextFinding[]>();
  for (const f of scanned) byIndex.set(f.index, [...(byIndex.get(f.index) ?? []), f]);

  const excluded = new Map<string, { entity: string; reason: string; lines: number }>();
  const groups = new Map<string, Array<{ line: CaseLine; findings: TextFinding[] }>>();
  const crossKind: Record<string, number> = {};
  cases.forEach((line, i) => {
    const findings = byIndex.get(i) ?? [];
    const reason = isExcluded(line);
    if (reason) {
      const key = `${line.entity}|${reason}`;
      const e = excluded.get(key) ?? { entity: line.entity, reason, lines: 0 };
      e.lines += 1;
      excluded.set(key, e);
      return;
    }
    const own = ENTITY_KINDS[line.entity] ?? ROUGH_ENTITY_KINDS[line.entity] ?? [];
    for (const f of findings) if (!own.includes(f.kind)) crossKind[f.kind] = (crossKind[f.kind] ?? 0) + 1;
    groups.set(line.entity, [...(groups.get(line.entity) ?? []), { line, findings }]);
  });

  const supported = Object.entries(ENTITY_KINDS).map(([e, kinds]) => scoreEntity(e, kinds, groups.get(e) ?? []));
  const rough = Object.entries(ROUGH_ENTITY_KINDS).map(([e, kinds]) => scoreEntity(e, kinds, groups.get(e) ?? []));
  const sum = (k: 'expected' | 'found' | 'detections' | 'falsePositives') => supported.reduce((a, s) => a + s[k], 0);
  const overall = {
    expected: sum('expected'),
    found: sum('found'),
    detections: sum('detections'),
    falsePositives: sum('falsePositives'),
    precision: ratio(sum('detections') - sum('falsePositives'), sum('detections')),
    recall: ratio(sum('found'), sum('expected')),
  };

  // Bare identifiers with a checksum verdict: detected ⇔ valid.
  const decided = validatorLines.filter((v) => v.valid !== null && ENTITY_KINDS[v.entity]);
  const vFindings = await scanTexts(decided.map((v) => v.value), { rules, validators: piiValidators, resolveOverlaps: false });
  const validatorCases = [...new Set(decided.map((v) => v.entity))].map((entity) => {
    const out = { entity, cases: 0, agree: 0, disagreements: [] as string[] };
    decided.forEach((v, i) => {
      if (v.entity !== entity) return;
      out.cases += 1;
      const detected = vFindings.some((f) => f.index === i && ENTITY_KINDS[entity]!.includes(f.kind));
      if (detected === v.valid) out.agree += 1;
      else out.disagreements.push(`${v.value} expected ${v.valid ? 'valid' : 'invalid'}`);
    });
    return out;
  });

  const allEntities = new Map<string, number>();
  for (const c of cases) allEntities.set(c.entity, (allEntities.get(c.entity) ?? 0) + 1);
  const unsupported = [...allEntities]
    .filter(([e]) => !ENTITY_KINDS[e] && !ROUGH_ENTITY_KINDS[e])
    .map(([entity, lines]) => ({ entity, lines }));

  const specialCases = readJsonl<SpecialCase>(path.join(ROOT, 'test/core/classify/special-cases.jsonl'));
  const special = await scoreSpecial(specialCases);

  return {
    supported,
    rough,
    overall,
    validatorCases,
    excludedLines: [...excluded.values()],
    unsupported,
    crossKind,
    special: special.rows,
    specialOverall: special.overall,
    seconds: (Date.now() - started) / 1000,
  };
}

const pct = (x: number) => x.toFixed(3);

/** Decisions behind the numbers; appended to the generated tables. */
const NOTES = `## How to read these numbers

- **Scope.** The Presidio lines are unit-test cases, mostly well-known test values with little
  surrounding text. They show that formats, checksums and boundaries are right; they say little
  about precision on real chat logs. The "other kinds" list above is the better warning sign.
- **Engine behaviour that shapes the results.** The scanner validates each distinct value once,
  with the context of its first occurrence, and reports the first position of the value in the
  text. Hence (a) glue checks that matter are in the patterns (\`\\b\`, or glued characters
  taken into the IPv6 value so \`fe80::1text\` is rejected by the value alone), (b) special-category
  values are the sentence fragment around the term so each sentence is judged on its own, and
  (c) the one IBAN miss is the second copy of the same IBAN in one text, reported at the first
  copy's position.
- **US SSN.** Nine bare digits (\`078051121\`) are not reported without an SSN label; Presidio keeps
  such a weak hit at 0.4. Formatted numbers are reported at 0.45–0.6, labelled ones at 0.9.
- **Weak checksums.** DE tax id (mod 11,10), NL BSN (11-test), PL PESEL, IN Aadhaar (Verhoeff) and
  BR CPF pass for 1 in 10–100 random numbers; unlabelled values get low confidence (0.3–0.5),
  a label nearby (\`Steuer-ID\`, \`BSN\`, \`PESEL\`, \`Aadhaar\`, \`CPF\`) raises it to 0.9+. One bare
  number can therefore produce findings of several kinds; the label decides.
- **Check letter wrong, layout right.** Codice fiscale and SG NRIC/FIN values whose check letter
  fails are kept at 0.3–0.4 with \`detail.checksum = invalid\` (Presidio keeps them too; the layout
  is specific). Digit-only identifiers with a failing check are dropped.
- **Phones.** International numbers (\`+\`/\`00\`) are parsed as such; a national number needs a
  phone word nearby, or the North American shape, or a trunk 0. Region order: a country word in
  the 40 characters before, else US, GB, DE, FR, IL, IN, CA, BR, JP, CN, ES, IT, NL, PL, PT, AU.
  Without these limits, grouped digits such as \`824 753 557\` (Canadian SIN, Australian TFN) were
  accepted as German or French numbers: 131 phone findings on other entities' lines, now 31.
  The PH/TR phone lines use recognizers restricted to those regions and are not a target.
- **IP addresses.** Loopback (\`127.0.0.0/8\`) and \`0.0.0.0\` are not reported: they name no
  device outside the machine that logged them (three Presidio IP lines expect them; the samples'
  placeholder database URLs carry them). Four dotted numbers after a version word (\`version=\`,
  \`build\`, \`upgraded runtime to\`, \`v\`) are build numbers, not hosts. A private (RFC 1918)
  address that the operational rule also reports (\`amqp://…@10.12.4.21:5672\`) is counted once,
  as network layout (455 such double findings at 1M bench rows).
- **Person names** are found only after a label ("my name is", "Name:", "je m'appelle", …), an
  honorific, or a relation of the writer followed by a full name ("my colleague …", "meine
  Freundin …", "mi compañero …"; the name must be one compromise reads as a person, so "my friend
  Python Scripts" is not one); compromise then rejects words that are not names. On this corpus: 6 person-name
  findings on PERSON lines, all correct, none on the other 1,541 lines (precision 1.0 on 6
  findings); recall on the NER lines is 5/24, because bare names without a label are not looked
  for. Postal addresses (three street-pattern rules) are reported at 0.45–0.6 and have no
  Presidio oracle here.
- **Special categories.** Confidence: first-person disclosure in the same sentence 0.85, one other
  identifiable person 0.55, neutral mention 0.4, general question ("what is diabetes?") 0.25.
  Questions are kept, not dropped: the asker may be the patient. Ambiguous words (\`~podemos\`,
  \`~chega\`, \`~labour\`, \`~aids\`, \`~trans\`) count only in a first-person statement; an exact
  word glued to another by a hyphen ("trans-atlantic") is a compound, not the term. A finding's
  value is the whole sentence holding the term (from one sentence end to the next). Prefilter
  keywords for words of up to three letters (\`hiv\`, \`rom\`, \`std\`) carry the character before
  the word (space, quote, bracket, line break), so such a word as the very first characters of a
  cell is not seen. \`test/core/classify/pii-heldout.test.ts\` holds sentences written apart from
  the lexicons (dates of birth, inflected terms, look-alike words). The sentence set was
  written together with the lexicons, so its scores are in-sample and optimistic; treat them as a
  regression floor, not as expected precision on real chats. A word that names a street (\`Via
  Verdi 44\`, \`Via Roma 17\`: a street word before it and a house number) or sits inside a
  key, hash or UUID (\`…943b-cda90516394b\`, an acronym glued to a digit) is not a disclosure.
- **Collisions between kinds.** A digit-led identifier or card never follows \`+\` (an
  international phone number: \`+4915112345678\` was also a German tax id, Aadhaar, PESEL, CPF or
  card), and a phone-shaped run that is also a checksummed identifier on the same span is reported
  as the identifier only (\`yieldsTo\` in the rule data). Spanish DNI, Aadhaar and card rules do
  not search a cell that is wholly a UUID or an IP address (\`notWithin\`): a trace id's first
  group (\`0267154d\`) can pass the DNI check and its last the Aadhaar check. An e-mail-shaped
  tail of a connection URL's password and host (\`admin:Kafka1415!g58@pg-primary\`) and a Google
  Cloud service account's address are not personal e-mail addresses. Measured on the 1M-row
  bench log against its ground truth (\`npm run bench -- classify\`, docs/benchmarks.md): these
  cut ~13,000 false findings; the one collision left is a 15-digit number that is both a valid
  card (Luhn, issuer range) and a valid French NIR, reported as both (33 at 1M rows).
`;

export function renderMarkdown(r: Report): string {
  const lines: string[] = [];
  lines.push('# Personal-data detection quality', '');
  lines.push('Generated by `node --import tsx bench/eval-pii.ts` (do not edit the tables by hand).', '');
  lines.push('## Presidio recognizer cases (span overlap)', '');
  lines.push('| entity | our kind | lines | expected spans | found | detections | false positives | precision | recall |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.supported) {
    lines.push(`| ${s.entity} | ${ENTITY_KINDS[s.entity]!.join(', ')} | ${s.lines} | ${s.expected} | ${s.found} | ${s.detections} | ${s.falsePositives} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  }
  const o = r.overall;
  lines.push(`| **all supported** | | | ${o.expected} | ${o.found} | ${o.detections} | ${o.falsePositives} | **${pct(o.precision)}** | **${pct(o.recall)}** |`, '');
  lines.push('Outside the target (rough sanity only):', '');
  lines.push('| entity | our kind | lines | expected | found | detections | false positives | precision | recall |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.rough) {
    lines.push(`| ${s.entity} | ${ROUGH_ENTITY_KINDS[s.entity]!.join(', ')} | ${s.lines} | ${s.expected} | ${s.found} | ${s.detections} | ${s.falsePositives} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  }
  lines.push('', '### Misses and false alarms on supported entities', '');
  for (const s of r.supported) {
    for (const m of s.misses) lines.push(`- ${s.entity} missed: \`${m.replaceAll('`', "'")}\``);
    for (const m of s.falseAlarms) lines.push(`- ${s.entity} false alarm: \`${m.replaceAll('`', "'")}\``);
  }
  lines.push('', '## Bare identifiers with a checksum verdict (`presidio-validator-cases.jsonl`)', '');
  lines.push('| entity | cases | agree |', '|---|---:|---:|');
  for (const v of r.validatorCases) lines.push(`| ${v.entity} | ${v.cases} | ${v.agree} |`);
  for (const v of r.validatorCases) for (const d of v.disagreements) lines.push(`- ${v.entity}: ${d}`);
  lines.push('', '## Excluded lines', '');
  for (const e of r.excludedLines) lines.push(`- ${e.entity}: ${e.lines} lines (${e.reason})`);
  lines.push('', '## Other kinds found on lines labelled for another entity', '');
  lines.push('These lines are labelled for one entity only, so such findings are neither confirmed nor refuted; they show where rules collide.', '');
  for (const [k, n] of Object.entries(r.crossKind).sort((a, b) => b[1] - a[1])) lines.push(`- ${k}: ${n}`);
  lines.push('', '## Unsupported Presidio entities', '');
  lines.push(r.unsupported.map((u) => `${u.entity} (${u.lines})`).join(', '), '');
  lines.push('## Special categories: multilingual sentence set', '');
  lines.push(`\`test/core/classify/special-cases.jsonl\`; a sentence counts as detected when a finding of the expected kind has confidence ≥ ${DISCLOSURE_THRESHOLD}.`, '');
  lines.push('| language | positive | negative | TP | FP | FN | precision | recall |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.special) lines.push(`| ${s.language} | ${s.positives} | ${s.negatives} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  const so = r.specialOverall;
  lines.push(`| **all** | | | ${so.tp} | ${so.fp} | ${so.fn} | **${pct(so.precision)}** | **${pct(so.recall)}** |`, '');
  for (const s of r.special) for (const e of s.errors) lines.push(`- ${s.language}: ${e}`);
  lines.push('', `Run time: ${r.seconds.toFixed(1)} s.`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = process.env['BREACHSCOPE_CORPORA'] ?? path.resolve(ROOT, '../shared/corpora');
  const report = await evaluatePii(dir);
  const md = renderMarkdown(report);
  writeFileSync(path.join(ROOT, 'docs/quality-pii.md'), md + '\n' + NOTES);
  process.stdout.write(md + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`eval-pii failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
