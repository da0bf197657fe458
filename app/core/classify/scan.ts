/**
 * The classification engine. Matching runs inside DuckDB (RE2, vectorised, parallel); only the
 * distinct candidate values cross into JS for validation, and findings are written back with a
 * masked preview and a keyed fingerprint. Raw values live only in temporary tables of the same
 * database that already holds the leaked text, and those are dropped before returning.
 *
 * Query plan (figures in docs/benchmarks.md): stage 0 reads every cell once and keeps its distinct
 * texts, each with the columns that hold it; stage 1 keeps the texts any rule could match (one RE2
 * pattern for the rules' keywords, one for the regexes of rules that have no useful keyword);
 * stage 2 finds, for those texts, which rules their keywords admit and runs just those regexes;
 * matches are then joined back to the cells of the columns that hold them. Per-rule keyword tests
 * (`contains(...) OR ...` per rule per cell) cost 10x more on a log where most cells hold nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open-db.ts';
import { SCHEMA_SQL } from '../db/schema.ts';
import { addFindingFields, deleteFindingsOfRules, nextFindingBase, nextValueBase } from '../db/findings-store.ts';
import { ident, literal } from '../db/sql.ts';
import { fingerprintSql, hmacPadParams } from './fingerprint.ts';
import { judgePage, type Candidate, type JudgedPage } from './judge.ts';
import { classBody, expandSet, textsNeverSearched, textsNotSearched, WHOLE_UUID, withoutCaptures, type FindingCategory, type Rule, type SqlVerdict, type Validator } from './rule-types.ts';

export interface ScanProgress {
  phase: 'scan' | 'validate' | 'write';
  done: number;
  total: number;
  /** Units per second: scan stages (rules in the per-rule plan) while scanning, candidates while validating. */
  rate: number;
}

export interface ClassifyOptions {
  /** Table or view with columns (source_id INTEGER, row BIGINT, field VARCHAR, text VARCHAR). */
  relation: string;
  /**
   * The same cells as SELECT statements, e.g. one per source column (the combined plan's stage 0
   * and its join back read them, batched in UNION ALLs, instead of the relation); the per-rule
   * plan ignores them.
   */
  parts?: string[];
  /**
   * A query of (source_id, field) listing every field the parts name (more is harmless), so the
   * cells are carried by a field number. Without it the fields are read from the cells themselves
   * (a scan of every cell).
   */
  fields?: string;
  rules: Rule[];
  validators: Record<string, Validator>;
  /** HMAC key for fingerprints (the case key or the user's `--fingerprint-key`). */
  key: Buffer;
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /**
   * `combined` (default): the two-stage plan above. `per-rule`: one UNION ALL branch per rule,
   * `batchSize` rules per statement (kept as a reference the tests compare against; it keeps
   * each match's whole text, so it is not for large or hostile input).
   */
  plan?: 'combined' | 'per-rule';
  /** Rules per SQL statement in the per-rule plan. */
  batchSize?: number;
  /**
   * When true (the default), overlapping secret findings in one cell keep only the most specific
   * rule. Rule tests switch it off to see each rule on its own.
   */
  resolveOverlaps?: boolean;
  /**
   * Awaited before findings are written: passes that run side by side on two connections write
   * in a fixed order (finding ids follow the order of the passes).
   */
  beforeWrite?: () => Promise<void>;
  /**
   * Stage 0 taken from this table (text, batch, parts) instead of reading the cells: the texts
   * another pass over the same `parts` shared (`shareTexts`), so the cells are read once.
   */
  texts?: string;
  /**
   * After stage 0, the distinct texts that satisfy `where` are copied to `table` (a table other
   * connections can read, e.g. in an attached in-memory database) for a pass given `texts`.
   */
  shareTexts?: { table: string; where: string };
  /** For tests: the page size (bytes of strings) above which candidates are read row by row. */
  pageJsonBytes?: number;
}

export interface ClassifyResult {
  findings: number;
  byKind: Record<string, number>;
  ms: number;
}

export class ClassifyError extends Error {
  constructor(
    readonly code: 'CANCELLED' | 'BAD_RULE' | 'BAD_RELATION' | 'MISSING_VALIDATOR',
    message: string,
  ) {
    super(message);
    this.name = 'ClassifyError';
  }
}

const HITS = '__classify_hits';
const CANDS = '__classify_candidates';
const VALID = '__classify_valid';
const VALID_FP = '__classify_valid_fp';
const SETTLED = '__classify_settled';
const RULES = '__classify_rules';
const SAVED = '__classify_saved_reviews';
const KEEP = '__classify_keep';
const ALL_TEXTS = '__classify_all_texts';
const KWMAP = '__classify_keyword_rules';
const CAND_TEXTS = '__classify_texts';
const PAIRS = '__classify_pairs';
const TEXT_HITS = '__classify_text_hits';
const TEXT_CELLS = '__classify_text_cells';
const FIELDS = '__classify_fields';
const TEXT_KEEP = '__classify_text_keep';
const RAW_HITS = '__classify_raw_hits';
const LONG_SPLITS = '__classify_long_splits';
const SECRET_SPANS = '__classify_secret_spans';
const TEMP_TABLES = [HITS, CANDS, VALID, VALID_FP, SETTLED, RULES, SAVED, KEEP, ALL_TEXTS, CAND_TEXTS, KWMAP, PAIRS, TEXT_HITS, RAW_HITS, LONG_SPLITS, SECRET_SPANS, TEXT_CELLS, TEXT_KEEP, FIELDS];

/** Characters of context on each side handed to validators. */
const CONTEXT_CHARS = 200;
/** Candidates validated per page, so memory stays bounded when a rule matches millions of values. */
const PAGE = 20_000;
/** Largest page (sum of its candidates' strings, bytes) read as one JSON document. */
const PAGE_JSON_BYTES = 64 * 1024 * 1024;
const DEFAULT_BATCH = 16;

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ClassifyError('CANCELLED', 'classification was cancelled');
}

/** The texts any rule searches: not a whole UUID (WHOLE_UUID). Checked first, it is cheap. */
const SEARCHED = `NOT regexp_full_match(text, ${literal(WHOLE_UUID)})`;

/**
 * Whether the per-rule plan reads a text for `rule` (a SQL boolean over `text`): it holds one of
 * the rule's keywords (case-insensitive) and is not a whole text the rule never searches. Also
 * the rule checker's condition, so both test a rule on the same texts.
 */
export function ruleReadsSql(rule: Rule): string {
  const keywords = rule.keywords.length === 0 ? 'TRUE' : `(${rule.keywords.map((k) => `contains(lower(text), ${literal(k.toLowerCase())})`).join(' OR ')})`;
  return `${keywords} AND NOT regexp_full_match(text, ${literal(textsNeverSearched(rule))})`;
}

/** One UNION ALL branch of the per-rule plan: the matches of one rule in the relation. */
function ruleBranchSql(rule: Rule, index: number, relation: string): string {
  const pattern = literal(rule.pattern);
  return `SELECT ${index} AS rule_idx, source_id, row, field, m AS match, regexp_extract(m, ${pattern}, ${rule.valueGroup}) AS value, text
    FROM (SELECT source_id, row, field, text, unnest(regexp_extract_all(text, ${pattern})) AS m
          FROM ${relation}
          WHERE ${ruleReadsSql(rule)} AND regexp_matches(text, ${pattern}))`;
}

export interface KeywordPlan {
  /**
   * The keywords as RE2 alternations, one per containment level (no keyword of a group contains
   * another of the same group), to extract which keywords a text holds.
   */
  groups: string[];
  /** Keyword -> indexes of the rules it admits. */
  rulesByKeyword: Map<string, number[]>;
  /**
   * Keyword -> the keywords of its level that a match of it can hide (its end can be their
   * start). A text where it is found is searched for those with a plain substring test.
   */
  hides: Map<string, string[]>;
}

function escapeLiteral(k: string): string {
  return k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * True when the end of `a` can be the start of `b`, so a match of `a` could hide `b` (`/v1/`
 * then `/home/`). A single shared letter counts too: inside random key material `pat` can end
 * where OpenAI's `t3blbkfj` marker begins (`…paT3BlbkFJ…`), which once hid real keys.
 */
function overlaps(a: string, b: string): boolean {
  for (let n = 1; n < Math.min(a.length, b.length); n++) {
    if (a.endsWith(b.slice(0, n))) return true;
  }
  return false;
}

/**
 * Which rules each keyword admits, and how to find the keywords in a text: one RE2 alternation
 * per containment level. RE2 reports non-overlapping matches, so a keyword that contains another
 * goes into a later level, and where a keyword can end where another begins (`/v1/` then
 * `/home/`) the first notes that it can hide the second; a text where the first is found is
 * then tested for the second as a substring (admitting the second's rules outright admitted
 * most rules for most texts: `secret` hid every keyword that starts with a `t`).
 */
export function planKeywords(rules: Rule[]): KeywordPlan {
  const own = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    for (const k of new Set(rule.keywords.map((kw) => kw.toLowerCase()).filter((kw) => kw.length > 0))) own.set(k, [...(own.get(k) ?? []), i]);
  });
  const keys = [...own.keys()];
  const level = new Map<string, number>();
  const levelOf = (k: string): number => {
    const known = level.get(k);
    if (known !== undefined) return known;
    const inner = keys.filter((o) => o !== k && k.includes(o));
    const l = inner.length === 0 ? 0 : 1 + Math.max(...inner.map(levelOf));
    level.set(k, l);
    return l;
  };
  const levels: string[][] = [];
  for (const k of keys) (levels[levelOf(k)] ??= []).push(k);
  const rulesByKeyword = new Map<string, number[]>();
  const hides = new Map<string, string[]>();
  for (const group of levels) {
    for (const k of group ?? []) {
      rulesByKeyword.set(k, [...new Set(own.get(k) ?? [])].sort((a, b) => a - b));
      const hidden = group.filter((other) => other !== k && overlaps(k, other));
      if (hidden.length > 0) hides.set(k, hidden);
    }
  }
  const groups = levels.filter((g) => g && g.length > 0).map((g) => g.sort((a, b) => b.length - a.length).map(escapeLiteral).join('|'));
  return { groups, rulesByKeyword, hides };
}

/**
 * How one pass finds its candidate cells. Most rules are gated by their keywords; a rule with no
 * keyword, or with a one-character keyword (`@`, `.`, `:` admit nearly every cell), is gated by
 * its own regex instead. Stage 1 joins every keyword and every such regex into a few RE2
 * alternations (STAGE1_GROUP keywords each) and reads each cell once; only the cells it admits
 * are read again.
 */
export interface ScanPlan {
  keywords: KeywordPlan;
  /** Rules admitted by their keywords. */
  byKeyword: number[];
  /** Rules whose own regex is their prefilter. */
  byPattern: number[];
  /**
   * The stage-1 SQL condition on `text`: not a whole UUID, and any keyword (case-insensitive) or
   * any by-pattern rule's regex (its prefilter where it has one).
   */
  stage1: string;
}

/** A rule regex as one alternative of a larger one: a leading `(?i)` stays scoped to it. */
function asAlternative(pattern: string): string {
  return `(?:${pattern})`;
}

/**
 * Keywords per stage-1 alternation. RE2 builds its DFA lazily within a fixed memory budget; one
 * alternation of the ~1,900 lexicon terms exhausted it and fell back to the NFA (90 s instead of
 * 2 s on 1.6M sentences), groups of a few hundred stay within it.
 */
const STAGE1_GROUP = 400;

/** Cell sources (one per column) read by one stage-0 statement; at most 64: each is a bit of a UBIGINT. */
const STAGE1_PARTS = 64;

export function planScan(rules: Rule[]): ScanPlan {
  const byPattern: number[] = [];
  const byKeyword: number[] = [];
  rules.forEach((rule, i) => {
    const weak = rule.gate === 'pattern' || rule.keywords.length === 0 || rule.keywords.some((k) => k.trim().length < 2);
    (weak ? byPattern : byKeyword).push(i);
  });
  const keywords = planKeywords(byKeyword.map((i) => rules[i]!));
  // planKeywords numbers the rules it was given; map back to indexes into `rules`.
  for (const [k, ids] of keywords.rulesByKeyword) keywords.rulesByKeyword.set(k, ids.map((j) => byKeyword[j]!));
  const all = [...keywords.rulesByKeyword.keys()].sort((a, b) => b.length - a.length);
  // Short regexes join one alternation; a long one (a lexicon) would overflow RE2's DFA budget
  // in it and joins through its prefilter instead. A rule with neither makes the pass read every
  // text in its by-pattern step (stage 1 admits them all).
  const short = byPattern.filter((i) => rules[i]!.prefilter === undefined && joinsAlternation(rules[i]!.pattern));
  const prefiltered = byPattern.filter((i) => rules[i]!.prefilter !== undefined);
  // Grouped by the whole texts their rules do not search (a UUID or an IP address, for the
  // digit-run rules): such a text is left out here too. A trace-id column otherwise sent every
  // tenth UUID to stage 2 for the phone rule's digit runs (1M rows: 100k of 470k texts).
  // Prefilters are grouped by family too (the id's first part): within one they share a shape
  // (one lexicon's word-start trie, one list of labels); across families their DFA states
  // multiply past RE2's budget (the 17 sentence rules' prefilters in one alternation: 17 s over
  // 238k texts, in four: 0.26 s).
  const patterns = new Map<string, { skip: string; alternatives: string[] }>();
  const join = (group: string, i: number, pattern: string) => {
    const skip = textsNotSearched(rules[i]!) ?? '';
    const key = `${group}\u0000${skip}`;
    const entry = patterns.get(key) ?? { skip, alternatives: [] };
    entry.alternatives.push(asAlternative(pattern));
    patterns.set(key, entry);
  };
  for (const i of short) join('', i, rules[i]!.pattern);
  for (const i of prefiltered) join(`prefilter:${rules[i]!.id.split('.')[0]}`, i, rules[i]!.prefilter!);
  const readsAll = short.length + prefiltered.length < byPattern.length;
  // ASCII keywords are matched case-insensitively on the text itself; the others on lower(text)
  // (RE2's Unicode case folding multiplies DFA states).
  const ascii = all.filter((k) => /^[\x00-\x7f]*$/.test(k));
  const other = all.filter((k) => !/^[\x00-\x7f]*$/.test(k));
  const conditions: string[] = [];
  const groups = (list: string[]) => Array.from({ length: Math.ceil(list.length / STAGE1_GROUP) }, (_, g) => list.slice(g * STAGE1_GROUP, (g + 1) * STAGE1_GROUP).map(escapeLiteral).join('|'));
  // Keywords and patterns go in separate regexes: in one alternation their DFA states multiply
  // past RE2's budget (2M distinct texts: 4.9 s together, 0.26 s + 0.84 s apart).
  for (const g of groups(ascii)) conditions.push(`regexp_matches(text, ${literal(`(?i:${g})`)})`);
  for (const { skip, alternatives } of patterns.values()) {
    const matches = `regexp_matches(text, ${literal(alternatives.join('|'))})`;
    conditions.push(skip ? `(${matches} AND NOT regexp_full_match(text, ${literal(skip)}))` : matches);
  }
  // Only a text with a non-ASCII character (more bytes than characters) can hold one once
  // lower-cased (ASCII stays ASCII), so the others skip lower() (1M rows: ~0.07 of ~1.1 CPU-s).
  for (const g of groups(other)) conditions.push(`(strlen(text) <> length(text) AND regexp_matches(lower(text), ${literal(g)}))`);
  const any = readsAll ? 'TRUE' : conditions.length > 0 ? conditions.join(' OR ') : 'FALSE';
  return { keywords, byKeyword, byPattern, stage1: any === 'FALSE' ? any : `${SEARCHED} AND (${any})` };
}

/**
 * Short by-pattern rules in groups of at most BY_PATTERN_GROUP, each of one kind (Rule.common,
 * secret formats, other shapes); a long one alone.
 */
export function patternGroups(rules: Rule[], byPattern: number[]): number[][] {
  const groups: number[][] = [];
  // Rules whose matches are common, the rare secret formats and the rare identifier shapes each
  // share gates: a rare format is then searched only in texts one of the rare ones may match.
  const open = new Map<string, number[]>();
  for (const i of byPattern) {
    const rule = rules[i]!;
    if (!joinsAlternation(rule.pattern)) {
      groups.push([i]);
      continue;
    }
    const kind = rule.common ? 'common' : rule.category === 'secret' ? 'secret' : 'other';
    let group = open.get(kind);
    if (!group || group.length === BY_PATTERN_GROUP) {
      group = [];
      open.set(kind, group);
      groups.push(group);
    }
    group.push(i);
  }
  return groups;
}

/**
 * Whether a regex may join an alternation with others. The vendor formats and identifier shapes
 * (under 250 characters, ASCII classes) do; the sentence rules do not: lexicons of up to 4,000
 * characters and Unicode letter classes, five of them in one alternation took 28 s instead of
 * 0.3 s over 220k texts (RE2 gave up its DFA), and even the short ones multiply its states.
 */
function joinsAlternation(pattern: string): boolean {
  return pattern.length <= 400 && !/\\[pP]\{/.test(pattern);
}

/**
 * By-pattern rules per gate. One alternation of all 29 such regexes outgrew RE2's DFA budget (1M
 * rows: 0.57 s for one pass); groups of six cost 0.39 s in all and leave each rule a tenth of the
 * texts (the by-pattern step 2.0 s -> 0.8 s). Grouped by kind (the common rules, the secret
 * formats, the other shapes) rather than in rule order, a rare format no longer searches every
 * text an e-mail or phone rule may match: 1.33 -> 0.93 CPU-s for the 29 rules over the 1M-row
 * case's 352k candidate texts (groups of 9 or 16 cost the same; a gate of 25 took 0.65 CPU-s).
 */
const BY_PATTERN_GROUP = 6;
const BY_PATTERN_GATE = '__classify_gate_';

/**
 * A rule's regex as the scan runs it: without capturing groups (the same matches). DuckDB's
 * `regexp_extract_all` has RE2 fill every group of its pattern on each match, which leaves the
 * DFA for a submatch engine (BitState or NFA); the value is cut from the match afterwards
 * (valueSql). 1M rows: the token pass's matches 3.0-3.2 -> 2.0-2.6 CPU-s, the same findings.
 */
const scanPatterns = new WeakMap<Rule, string>();
function scanPattern(rule: Rule): string {
  let pattern = scanPatterns.get(rule);
  if (pattern === undefined) {
    pattern = withoutCaptures(rule.pattern);
    scanPatterns.set(rule, pattern);
  }
  return pattern;
}

const NO_MATCHES = 'SELECT NULL::INTEGER AS rule_idx, NULL::BIGINT AS tid, NULL::VARCHAR AS match, NULL::VARCHAR AS value WHERE FALSE';

/**
 * Stage 2a: which keyword-gated rules each distinct candidate text admits. The keywords found in
 * the lower-cased text (one RE2 alternation per containment level) are joined to their rules.
 */
function admittedPairsSql(plan: ScanPlan, texts: string, kwmap: string, target: string): string {
  // A keyword of a level contains one of the level below, so a text in which that level found
  // nothing holds none of the next: each level searches only the texts the one below found a
  // keyword in (1M rows: the second level reads 156k of 352k texts, the third 2.6k).
  let found = `SELECT rowid AS tid, lower(text) AS lt FROM ${texts}`;
  const levels = plan.keywords.groups.map((_, i) => `k${i}`);
  plan.keywords.groups.forEach((g, i) => {
    const all = `regexp_extract_all(lt, ${literal(g)})`;
    found = `SELECT *, ${i === 0 ? all : `CASE WHEN len(k${i - 1}) > 0 THEN ${all} ELSE []::VARCHAR[] END`} AS k${i} FROM (${found})`;
  });
  return `CREATE TEMP TABLE ${target} AS
    SELECT DISTINCT h.tid, m.rule_idx
    FROM (SELECT tid, lt, unnest(list_distinct(flatten([${levels.join(', ')}]))) AS k FROM (${found})) h
    JOIN ${kwmap} m ON m.k = h.k
    WHERE m.hidden IS NULL OR contains(h.lt, m.hidden)`;
}

/**
 * Stage 2b: the matches in the distinct candidate texts (rule_idx, text, match, value).
 * Keyword-gated rules run only on the (text, rule) pairs admitted, through one CASE on the rule
 * index; by-pattern rules run as filtered scans of the texts.
 */
export function candidateMatchesSql(rules: Rule[], plan: ScanPlan, texts: string, pairs: string, admitted: number[]): string {
  const branches: string[] = [];
  if (admitted.length > 0) {
    const extractAll = `CASE rule_idx ${admitted.map((i) => `WHEN ${i} THEN regexp_extract_all(text, ${literal(scanPattern(rules[i]!))})`).join(' ')} END`;
    const extractValue = `CASE rule_idx ${admitted.map((i) => `WHEN ${i} THEN ${valueSql(rules[i]!, 'm')}`).join(' ')} END`;
    const skipping = admitted.filter((i) => textsNotSearched(rules[i]!));
    const skip = skipping.length > 0
      ? `WHERE NOT CASE p.rule_idx ${skipping.map((i) => `WHEN ${i} THEN regexp_full_match(t.text, ${literal(textsNotSearched(rules[i]!)!)})`).join(' ')} ELSE false END`
      : '';
    branches.push(`SELECT rule_idx, tid, m AS match, ${extractValue} AS value
      FROM (SELECT p.rule_idx, t.tid, t.text, unnest(${extractAll}) AS m
            FROM ${pairs} p JOIN (SELECT rowid AS tid, text FROM ${texts}) t ON t.tid = p.tid ${skip})`);
  }
  // By-pattern rules run in groups: the texts matching any regex of a group are found in one RE2
  // pass (a small alternation stays a fast DFA), and each rule of the group then reads only those.
  // Exact: a text one of the rules matches also matches the group's alternation.
  const gates: string[] = [];
  for (const group of patternGroups(rules, plan.byPattern)) {
    let source = `(SELECT rowid AS tid, text FROM ${texts})`;
    if (group.length > 1) {
      const gate = `${BY_PATTERN_GATE}${gates.length}`;
      gates.push(`${gate} AS MATERIALIZED (SELECT rowid AS tid, text FROM ${texts} WHERE regexp_matches(text, ${literal(group.map((i) => asAlternative(rules[i]!.pattern)).join('|'))}))`);
      source = gate;
    }
    for (const i of group) {
      const rule = rules[i]!;
      const pattern = literal(scanPattern(rule));
      const skipped = textsNotSearched(rule);
      const skip = skipped ? ` WHERE NOT regexp_full_match(text, ${literal(skipped)})` : '';
      // No regexp_matches first: on a text without a match regexp_extract_all costs the same DFA
      // scan, and the extra filter scanned matching texts twice and compiled the regex once more
      // per thread (1M rows: the by-pattern branches 0.91 s -> 0.79 s, the sentence rules' ~0.1 s).
      branches.push(`SELECT ${i} AS rule_idx, tid, m AS match, ${valueSql(rule, 'm')} AS value
      FROM (SELECT tid, text, unnest(regexp_extract_all(text, ${pattern})) AS m FROM ${source}${skip})`);
    }
  }
  if (branches.length === 0) return NO_MATCHES;
  return `${gates.length > 0 ? `WITH ${gates.join(',\n')}\n` : ''}${branches.join('\nUNION ALL\n')}`;
}

/**
 * The value in a match (`match` is an SQL expression): the rule's value group, or, for a rule
 * that declares where its value sits (Rule.valueEdges), the match without its edge characters.
 */
export function valueSql(rule: Rule, match: string): string {
  if (!rule.valueEdges || !valueEdgesFit(rule)) return `regexp_extract(${match}, ${literal(rule.pattern)}, ${rule.valueGroup})`;
  const { left, right, leftCut } = rule.valueEdges;
  const cut = (edge: string | undefined, char: string) => (edge === undefined ? '0' : `(CASE WHEN contains(${literal(edge)}, ${char}) THEN 0 ELSE 1 END)`);
  const from = leftCut !== undefined ? `(CASE WHEN contains(${literal(leftCut)}, left(${match}, 1)) THEN 1 ELSE 0 END)` : cut(left, `left(${match}, 1)`);
  const end = cut(right, `right(${match}, 1)`);
  return `substring(${match}, 1 + ${from}, greatest(0, length(${match}) - ${from} - ${end}))`;
}

/**
 * Whether a rule's pattern has the shape its valueEdges describe: nothing, `\b`, `(?:^|[^L])` or
 * `(?:^|[C])` before the value group, and nothing, `\b` or `(?:[^R]|$)` after it, with L, C and R
 * the declared characters. A rule whose pattern was changed after its edges were declared keeps
 * the regex. (That the value starts with an L character and ends with an R one is the rule author's claim,
 * which the rule tests check on every example and every line of the bundled samples.)
 */
export function valueEdgesFit(rule: Rule): boolean {
  const edges = rule.valueEdges;
  if (!edges || rule.valueGroup !== 1) return false;
  let p = rule.pattern;
  const flag = /^\(\?[is]\)/.exec(p)?.[0];
  if (flag) {
    // Case folding widens a class beyond its characters: only for edges without a class and a
    // cut class without letters.
    if (edges.left !== undefined || edges.right !== undefined || (flag === '(?i)' && /\p{L}/u.test(edges.leftCut ?? ''))) return false;
    p = p.slice(flag.length);
  }
  if (edges.leftCut !== undefined) {
    if (edges.left !== undefined) return false;
    const lead = `(?:^|[${classBody(edges.leftCut)}])(`;
    if (!p.startsWith(lead)) return false;
    p = p.slice(lead.length - 1);
  } else if (edges.left === undefined) {
    // The value group opens the pattern, after a word boundary or nothing.
    if (p.startsWith('\\b(')) p = p.slice(2);
  } else {
    const lead = /^\(\?:\^\|\[\^([^\]\\]+)\]\)\(/.exec(p);
    if (!lead || !sameChars(lead[1]!, edges.left)) return false;
    p = p.slice(lead[0].length - 1);
  }
  if (!p.startsWith('(') || p.startsWith('(?')) return false;
  const close = closingParen(p);
  if (close < 0) return false;
  const rest = p.slice(close + 1);
  if (edges.right === undefined) return rest === '' || rest === '\\b';
  const tail = /^\(\?:(?:\[\^([^\]\\]+)\]\|\$|\$\|\[\^([^\]\\]+)\])\)$/.exec(rest);
  return tail !== null && sameChars((tail[1] ?? tail[2])!, edges.right);
}

function sameChars(body: string, chars: string): boolean {
  const a = new Set(expandSet(body));
  const b = new Set(chars);
  return a.size === b.size && [...a].every((c) => b.has(c));
}

/** Index of the `)` that closes the group opened at index 0, skipping escapes and classes; -1 if none. */
function closingParen(p: string): number {
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i += 1;
    else if (c === '[') {
      i += p[i + 1] === '^' ? 2 : 1;
      if (p[i] === ']') i += 1;
      while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function validateRules(rules: Rule[], validators: Record<string, Validator>): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new ClassifyError('BAD_RULE', `rule id ${rule.id} appears twice; give each rule a unique id`);
    seen.add(rule.id);
    if (rule.validator && !validators[rule.validator]) {
      throw new ClassifyError('MISSING_VALIDATOR', `rule ${rule.id} names validator ${rule.validator}, which is not registered`);
    }
    if (!Number.isInteger(rule.valueGroup) || rule.valueGroup < 0) throw new ClassifyError('BAD_RULE', `rule ${rule.id} has a bad value group`);
  }
}

async function dropTemps(db: Db): Promise<void> {
  for (const t of TEMP_TABLES) {
    try {
      await db.exec(`DROP TABLE IF EXISTS temp.${ident(t)}`);
    } catch {
      // Cleanup must not hide the error that brought us here.
    }
  }
}

/**
 * Runs `rules` over `relation` and replaces their findings in the `findings` table. Review
 * decisions survive reruns when the same rule finds the same value in the same cell again.
 */
export async function classifyRelation(db: Db, options: ClassifyOptions): Promise<ClassifyResult> {
  const started = performance.now();
  const { rules, validators, key, signal, onProgress } = options;
  const relation = ident(options.relation);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  validateRules(rules, validators);
  checkAborted(signal);
  const onAbort = () => db.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await dropTemps(db);
    await writeRuleTable(db, rules);

    // 1. Match in SQL. Both plans end with the same three tables: the distinct texts that hold a
    // match (CAND_TEXTS, `tid` = row id), the matches per text (TEXT_HITS) and the cells that hold
    // each such text (TEXT_CELLS). Everything after works per text and meets the cells once.
    const scanStart = performance.now();
    // A cell names its field by its rank in (source_id, field) order (FIELDS), so the cell order
    // stays the same and the matching cells (1M rows: 2.5M) sort and move as integers.
    await db.exec(`CREATE TEMP TABLE ${TEXT_CELLS} (tid BIGINT, source_id INTEGER, row BIGINT, fid INTEGER)`);
    if ((options.plan ?? 'combined') === 'per-rule') {
      await db.exec(`CREATE TEMP TABLE ${HITS} (rule_idx INTEGER, source_id INTEGER, row BIGINT, field VARCHAR, match VARCHAR, value VARCHAR, text VARCHAR)`);
      for (let i = 0; i < rules.length; i += batchSize) {
        checkAborted(signal);
        await runCancellable(
          db,
          signal,
          `INSERT INTO ${HITS} SELECT * FROM (${rules.slice(i, i + batchSize).map((rule, j) => ruleBranchSql(rule, i + j, relation)).join('\nUNION ALL\n')}) WHERE value IS NOT NULL AND value <> ''`,
        );
        const done = Math.min(rules.length, i + batchSize);
        onProgress?.({ phase: 'scan', done, total: rules.length, rate: done / Math.max(0.001, (performance.now() - scanStart) / 1000) });
      }
      await runCancellable(db, signal, `CREATE TEMP TABLE ${CAND_TEXTS} AS SELECT DISTINCT text FROM ${HITS}`);
      const tids = `(SELECT rowid AS tid, text FROM ${CAND_TEXTS})`;
      await runCancellable(
        db,
        signal,
        `CREATE TEMP TABLE ${TEXT_HITS} AS
         SELECT DISTINCT h.rule_idx, t.tid, h.match, h.value, strpos(t.text, h.value) - 1 AS span_start, strpos(t.text, h.value) - 1 + length(h.value) AS span_end,
                NULL::VARCHAR AS before, NULL::VARCHAR AS after
         FROM ${HITS} h JOIN ${tids} t ON t.text = h.text`,
      );
      await writeFields(db, signal, `SELECT source_id, field FROM ${HITS}`);
      await runCancellable(
        db,
        signal,
        `INSERT INTO ${TEXT_CELLS} SELECT DISTINCT t.tid, h.source_id, h.row, f.fid FROM ${HITS} h JOIN ${tids} t ON t.text = h.text JOIN ${FIELDS} f ON f.source_id = h.source_id AND f.field = h.field`,
      );
      await db.exec(`DROP TABLE ${HITS}`);
    } else {
      const plan = planScan(rules);
      const given = options.parts ?? [`SELECT source_id, row, field, text FROM ${relation}`];
      // Texts shared by another pass were read through its filters already.
      const parts = options.texts ? given : await withoutUuidCells(db, given);
      // One statement per batch of parts: a UNION ALL reads them in one parallel pipeline (25% faster
      // than a statement each); batches keep a 2,000-column file from compiling 2,000 regexes at once.
      const batches = Array.from({ length: Math.ceil(parts.length / STAGE1_PARTS) }, (_, i) => parts.slice(i * STAGE1_PARTS, (i + 1) * STAGE1_PARTS));
      // Stage 0: logs repeat themselves (hosts, models, locales, ids): each distinct text is matched
      // once (1M-row log: 16.3M cells, 2.0M distinct texts). Each text keeps a bit per part (column)
      // of its batch that holds it, so the cells of a match are looked up in those columns only.
      // Materialised, so the optimiser cannot push stage 1's filter below the GROUP BY.
      // Texts shared by another pass are read where they are (1M rows: a 0.2 s copy saved, 4M: 0.7 s).
      const allTexts = options.texts ?? ALL_TEXTS;
      if (!options.texts) {
        await db.exec(`CREATE TEMP TABLE ${ALL_TEXTS} (text VARCHAR, batch INTEGER, parts UBIGINT)`);
        for (const [b, batch] of batches.entries()) {
          const tagged = batch.map((part, j) => `SELECT text, ${(1n << BigInt(j)).toString()}::UBIGINT AS bit FROM (${part})`).join('\nUNION ALL\n');
          await runCancellable(db, signal, `INSERT INTO ${ALL_TEXTS} SELECT text, ${b}, bit_or(bit) FROM (${tagged}) GROUP BY text`);
        }
      }
      if (options.shareTexts) {
        await runCancellable(db, signal, `CREATE TABLE ${options.shareTexts.table} AS SELECT * FROM ${allTexts} WHERE ${options.shareTexts.where}`);
      }
      const distinct = batches.length > 1 ? `(SELECT text FROM ${allTexts} GROUP BY text)` : allTexts;
      await runCancellable(db, signal, `CREATE TEMP TABLE ${CAND_TEXTS} AS SELECT text FROM ${distinct} WHERE ${plan.stage1}`);
      onProgress?.({ phase: 'scan', done: 1, total: 3, rate: 1 / Math.max(0.001, (performance.now() - scanStart) / 1000) });
      // Stage 2: the rules each candidate text admits, then their regexes on those texts only.
      let admitted: number[] = [];
      if (plan.byKeyword.length > 0) {
        // (keyword found, rule admitted, keyword the text must also contain: one it may hide).
        await db.exec(`CREATE TEMP TABLE ${KWMAP} (k VARCHAR, rule_idx INTEGER, hidden VARCHAR)`);
        const appender = await db.connection.createAppender(KWMAP, 'main', 'temp');
        const admit = (k: string, i: number, hidden: string | null) => {
          appender.appendVarchar(k);
          appender.appendInteger(i);
          if (hidden === null) appender.appendNull();
          else appender.appendVarchar(hidden);
          appender.endRow();
        };
        for (const [k, ids] of plan.keywords.rulesByKeyword) {
          for (const i of ids) admit(k, i, null);
          for (const other of plan.keywords.hides.get(k) ?? []) for (const i of plan.keywords.rulesByKeyword.get(other) ?? []) admit(k, i, other);
        }
        appender.closeSync();
        await runCancellable(db, signal, admittedPairsSql(plan, CAND_TEXTS, KWMAP, PAIRS));
        admitted = (await db.all<{ r: number }>(`SELECT DISTINCT rule_idx AS r FROM ${PAIRS}`)).map((x) => Number(x.r)).sort((x, y) => x - y);
      }
      onProgress?.({ phase: 'scan', done: 2, total: 3, rate: 2 / Math.max(0.001, (performance.now() - scanStart) / 1000) });
      // Materialised first: inlined, DuckDB evaluated each CASE of regexes once per use of `value`.
      await runCancellable(db, signal, `CREATE TEMP TABLE ${RAW_HITS} AS ${candidateMatchesSql(rules, plan, CAND_TEXTS, PAIRS, admitted)}`);
      await writeTextHits(db, rules, signal);
      await db.exec(`DROP TABLE ${RAW_HITS}`);
      // Texts are never copied per match: a 1 MB cell with 8,000 e-mail addresses was 8 GB.
      const hitTexts = `(SELECT rowid AS tid, text FROM ${CAND_TEXTS} WHERE rowid IN (SELECT tid FROM ${TEXT_HITS}))`;
      // The cells holding those texts: a hash join on the matching texts, reading only the parts
      // (columns) that hold one of them.
      const used = await db.all<{ batch: number; parts: bigint | number }>(
        `SELECT a.batch, bit_or(a.parts) AS parts FROM ${allTexts} a SEMI JOIN ${hitTexts} h ON h.text = a.text GROUP BY a.batch`,
      );
      if (!options.texts) await db.exec(`DROP TABLE ${ALL_TEXTS}`);
      await writeFields(db, signal, options.fields ?? given.join('\nUNION ALL\n'));
      for (const { batch: b, parts: mask } of used) {
        const bits = BigInt(mask);
        const chosen = batches[Number(b)]!.filter((_, j) => (bits >> BigInt(j)) & 1n);
        if (chosen.length === 0) continue;
        await runCancellable(
          db,
          signal,
          `INSERT INTO ${TEXT_CELLS}
           SELECT t.tid, c.source_id, c.row, f.fid
           FROM ${hitTexts} t JOIN (${chosen.join('\nUNION ALL\n')}) c ON c.text = t.text
           LEFT JOIN ${FIELDS} f ON f.source_id = c.source_id AND f.field = c.field`,
        );
      }
      // A field missing from `options.fields` would lose its cells' findings: refuse instead.
      if ((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${TEXT_CELLS} WHERE fid IS NULL`))?.n) {
        throw new ClassifyError('BAD_RELATION', 'a cell names a field missing from the list of fields');
      }
      onProgress?.({ phase: 'scan', done: 3, total: 3, rate: 3 / Math.max(0.001, (performance.now() - scanStart) / 1000) });
    }

    // 2. Distinct candidates, each with the context of its first occurrence in cell order (the
    // first cell of each text, then the first match in it).
    checkAborted(signal);
    await runCancellable(
      db,
      signal,
      `CREATE TEMP TABLE ${CANDS} AS
       WITH f AS (SELECT tid, min({'source_id': source_id, 'row': row, 'fid': fid}) AS cell FROM ${TEXT_CELLS} GROUP BY tid),
       c AS (
         SELECT h.rule_idx, h.value,
                min({'source_id': f.cell.source_id, 'row': f.cell.row, 'fid': f.cell.fid, 'span_start': h.span_start, 'match': h.match, 'tid': h.tid, 'before': h.before, 'after': h.after}) AS first
         FROM ${TEXT_HITS} h JOIN f ON f.tid = h.tid GROUP BY h.rule_idx, h.value)
       SELECT row_number() OVER () AS cand_id, * FROM (
         SELECT c.rule_idx, c.value, c.first.match AS match,
                -- A long text's context came with its match (writeTextHits).
                coalesce(c.first.before, substring(t.text, greatest(1, c.first.span_start + 1 - ${CONTEXT_CHARS}), least(${CONTEXT_CHARS}, c.first.span_start))) AS before,
                coalesce(c.first.after, substring(t.text, c.first.span_start + 1 + length(c.value), ${CONTEXT_CHARS})) AS after
         FROM c JOIN (SELECT rowid AS tid, text FROM ${CAND_TEXTS}) t ON t.tid = c.first.tid)`,
    );
    await validateCandidates(db, options);
    // The fingerprints JS left to DuckDB (the value is the fingerprinted text): one HMAC per
    // valid candidate, in parallel (1M rows: 233k, 0.7 s of JS -> 0.2 s).
    await db.exec(
      `CREATE TEMP TABLE ${VALID_FP} AS
       SELECT v.cand_id, c.rule_idx, coalesce(v.fingerprint, ${fingerprintSql('c.value')}) AS fingerprint, v.preview, v.confidence, v.detail, v.normalized
       FROM ${VALID} v JOIN ${CANDS} c ON c.cand_id = v.cand_id`,
      hmacPadParams(key),
    );
    checkAborted(signal);

    // 3. The valid matches per text; overlaps are resolved per text (a cell is one text), then the
    // cells are joined once, sorted so finding ids follow the cell order without a window.
    checkAborted(signal);
    onProgress?.({ phase: 'write', done: 0, total: 1, rate: 0 });
    await runCancellable(
      db,
      signal,
      `CREATE TEMP TABLE ${TEXT_KEEP} AS
       SELECT h.tid, h.span_start, h.span_end, h.value, h.rule_idx, r.specificity, r.category, r.kind, c.cand_id
       FROM ${TEXT_HITS} h
       JOIN ${CANDS} c ON c.rule_idx = h.rule_idx AND c.value = h.value
       JOIN ${VALID_FP} v ON v.cand_id = c.cand_id
       JOIN ${RULES} r ON r.rule_idx = h.rule_idx`,
    );
    if (options.resolveOverlaps ?? true) await resolveOverlaps(db, rules, signal);
    await runCancellable(
      db,
      signal,
      // Narrow (the cell and its match's row in TEXT_KEEP): sorting 2.7M wide rows cost more.
      `CREATE TEMP TABLE ${KEEP} AS
       SELECT c.source_id, c.row, c.fid, k.rowid AS kid
       FROM ${TEXT_KEEP} k JOIN ${TEXT_CELLS} c ON c.tid = k.tid
       ORDER BY c.source_id, c.row, c.fid, k.rule_idx, k.span_start`,
    );
    await options.beforeWrite?.();
    checkAborted(signal);
    const result = await writeFindings(db, rules, signal);
    onProgress?.({ phase: 'write', done: 1, total: 1, rate: 0 });
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (signal?.aborted) throw new ClassifyError('CANCELLED', 'classification was cancelled');
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await dropTemps(db);
  }
}

/** Texts sampled from the start of a part to tell whether it is a column of UUIDs. */
const UUID_SAMPLE = 256;

/**
 * A part (column) whose first texts are all whole UUIDs (a trace-id column) reads through a
 * filter that drops every whole-UUID cell, so those cells never reach stage 0 (1M rows: 1M of
 * the 2.0M distinct texts, and the memory of grouping them). Exact whatever the sample says: the
 * filter only removes texts no rule searches; the sample only decides where it is worth a
 * check per cell.
 */
async function withoutUuidCells(db: Db, parts: string[]): Promise<string[]> {
  if (parts.length === 0) return parts;
  // One statement for all parts: a pass beside this one waits on the event loop between its own.
  const samples = await db.all<{ i: number; n: number; u: number }>(
    parts
      .map((part, i) => `SELECT ${i} AS i, count(*) AS n, count(*) FILTER (WHERE NOT ${SEARCHED}) AS u FROM (SELECT text FROM (${part}) LIMIT ${UUID_SAMPLE})`)
      .join('\nUNION ALL\n'),
  );
  const uuids = new Set(samples.filter((r) => Number(r.n) > 0 && Number(r.u) === Number(r.n)).map((r) => Number(r.i)));
  return parts.map((part, i) => (uuids.has(i) ? `SELECT * FROM (${part}) WHERE ${SEARCHED}` : part));
}

/**
 * Texts longer than this (bytes) get their spans from the regex's own split of the text, so the
 * cost stays linear in the text: one `strpos` per distinct value is k values x L characters (a
 * 1.2 MB cell holding 8,000 e-mail addresses took 10 s; a 16 MB line would take hours).
 */
export const LONG_TEXT_BYTES = 4096;

/**
 * TEXT_HITS from RAW_HITS: each distinct match of a rule in a text with the span of its value,
 * computed once per text, not once per cell holding it. In a text up to LONG_TEXT_BYTES the span
 * is the value's first occurrence (`strpos`) and validators get CONTEXT_CHARS of the text on each
 * side (cut from the text later, for candidates only). In a longer text the span is that of the
 * value in its first match: `regexp_split_to_array` on the same regex gives the text between the
 * matches, whose lengths place each match; the context is cut from those pieces, so it stops at
 * the neighbouring matches of the same rule. A (rule, text) whose split does not line up with its
 * matches (a regex that can match the empty string) falls back to `strpos`.
 */
async function writeTextHits(db: Db, rules: Rule[], signal: AbortSignal | undefined): Promise<void> {
  const distinctHits = `(SELECT DISTINCT rule_idx, tid, match, value FROM ${RAW_HITS} WHERE value IS NOT NULL AND value <> '')`;
  const longRules = (
    await db.all<{ r: number }>(
      `SELECT DISTINCT h.rule_idx AS r FROM ${RAW_HITS} h SEMI JOIN (SELECT rowid AS tid FROM ${CAND_TEXTS} WHERE strlen(text) > ${LONG_TEXT_BYTES}) l ON l.tid = h.tid`,
    )
  ).map((x) => Number(x.r));
  await db.exec(`CREATE TEMP TABLE ${LONG_SPLITS} (rule_idx INTEGER, tid BIGINT, ms VARCHAR[], ps VARCHAR[])`);
  if (longRules.length > 0) {
    const perRule = (fn: string) => `CASE p.rule_idx ${longRules.map((i) => `WHEN ${i} THEN ${fn}(t.text, ${literal(scanPattern(rules[i]!))})`).join(' ')} END`;
    await runCancellable(
      db,
      signal,
      `INSERT INTO ${LONG_SPLITS}
       SELECT * FROM (
         SELECT p.rule_idx, p.tid, ${perRule('regexp_extract_all')} AS ms, ${perRule('regexp_split_to_array')} AS ps
         FROM (SELECT DISTINCT rule_idx, tid FROM ${RAW_HITS}) p
         JOIN (SELECT rowid AS tid, text FROM ${CAND_TEXTS} WHERE strlen(text) > ${LONG_TEXT_BYTES}) t ON t.tid = p.tid)
       WHERE len(ps) = len(ms) + 1 AND NOT list_contains(ms, '')`,
    );
  }
  // Per match: its start (the lengths of the pieces and matches before it), the piece before it
  // and the one after it (their ends nearest the match only), and its value's offset in it.
  const longHits = `
    SELECT rule_idx, tid, match, value, min_by({'start': start, 'before': before, 'after': after}, start) AS f
    FROM (
      SELECT rule_idx, tid, match, value, mstart + off AS start,
             right(pr || left(match, off), ${CONTEXT_CHARS}) AS before,
             left(substring(match, off + 1 + length(value)) || nl, ${CONTEXT_CHARS}) AS after
      FROM (SELECT e.*, v.value, strpos(e.match, v.value) - 1 AS off
      FROM (
        SELECT rule_idx, tid, match, pr, nl,
               (sum(plen + length(match)) OVER (PARTITION BY rule_idx, tid ORDER BY ord ROWS UNBOUNDED PRECEDING))::BIGINT - length(match) AS mstart
        FROM (
          SELECT rule_idx, tid, match, ord, length(piece) AS plen, right(piece, ${CONTEXT_CHARS}) AS pr, left(next, ${CONTEXT_CHARS}) AS nl
          FROM (SELECT rule_idx, tid, unnest(ms) AS match, unnest(list_slice(ps, 1, len(ms))) AS piece, unnest(list_slice(ps, 2, len(ps))) AS next,
                       unnest(range(len(ms))) AS ord
                FROM ${LONG_SPLITS}))) e
      JOIN ${distinctHits} v ON v.rule_idx = e.rule_idx AND v.tid = e.tid AND v.match = e.match))
    GROUP BY rule_idx, tid, match, value`;
  await runCancellable(
    db,
    signal,
    `CREATE TEMP TABLE ${TEXT_HITS} AS
     SELECT h.rule_idx, h.tid, h.match, h.value, strpos(t.text, h.value) - 1 AS span_start, strpos(t.text, h.value) - 1 + length(h.value) AS span_end,
            NULL::VARCHAR AS before, NULL::VARCHAR AS after
     FROM ${distinctHits} h
     JOIN (SELECT rowid AS tid, text FROM ${CAND_TEXTS}) t ON t.tid = h.tid
     ANTI JOIN ${LONG_SPLITS} l ON l.rule_idx = h.rule_idx AND l.tid = h.tid
     UNION ALL
     SELECT rule_idx, tid, match, value, f.start, f.start + length(value), f.before, f.after FROM (${longHits})`,
  );
  await db.exec(`DROP TABLE ${LONG_SPLITS}`);
}

/** FIELDS: the distinct (source_id, field) of `query`, ranked (`fid`) in (source_id, field) order. */
async function writeFields(db: Db, signal: AbortSignal | undefined, query: string): Promise<void> {
  await runCancellable(
    db,
    signal,
    `CREATE TEMP TABLE ${FIELDS} AS
     SELECT (row_number() OVER (ORDER BY source_id, field))::INTEGER AS fid, source_id, field
     FROM (SELECT DISTINCT source_id, field FROM (${query}))`,
  );
}

async function runCancellable(db: Db, signal: AbortSignal | undefined, sql: string): Promise<void> {
  checkAborted(signal);
  await db.exec(sql);
  checkAborted(signal);
}

async function writeRuleTable(db: Db, rules: Rule[]): Promise<void> {
  await db.exec(
    `CREATE TEMP TABLE ${RULES} (rule_idx INTEGER, rule_id VARCHAR, rule_version INTEGER, category VARCHAR, kind VARCHAR, provider VARCHAR, severity VARCHAR, specificity INTEGER)`,
  );
  const appender = await db.connection.createAppender(RULES, 'main', 'temp');
  rules.forEach((rule, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(rule.id);
    appender.appendInteger(rule.version);
    appender.appendVarchar(rule.category);
    appender.appendVarchar(rule.kind);
    if (rule.provider === undefined) appender.appendNull();
    else appender.appendVarchar(rule.provider);
    appender.appendVarchar(rule.severity);
    appender.appendInteger(rule.specificity ?? (rule.category === 'secret' ? 2 : 1));
    appender.endRow();
  });
  appender.closeSync();
}

/**
 * Candidates whose verdict DuckDB reaches itself (validators with an `sql` form, see SqlVerdict):
 * the valid ones are written to the validity table as judging would write them, and all of them
 * are left out of the pages. Returns how many were settled. 1M rows: 137.8k of 237k candidates
 * (87.7k IPv4 addresses, 50.1k e-mail addresses), which no longer cross into JavaScript.
 */
async function settleInSql(db: Db, rules: Rule[], validators: Record<string, Validator>, signal: AbortSignal | undefined): Promise<number> {
  const byForm = new Map<SqlVerdict, number[]>();
  rules.forEach((rule, i) => {
    const form = rule.validator ? validators[rule.validator]?.sql : undefined;
    if (form?.appliesTo(rule)) byForm.set(form, [...(byForm.get(form) ?? []), i]);
  });
  if (byForm.size === 0) return 0;
  const arms = [...byForm].map(([form, ruleIdxs]) => settledSql(form, `(SELECT * FROM ${CANDS} WHERE rule_idx IN (${ruleIdxs.join(', ')}))`));
  await runCancellable(db, signal, `CREATE TEMP TABLE ${SETTLED} AS ${arms.join('\nUNION ALL\n')}`);
  await runCancellable(db, signal, `INSERT INTO ${VALID} SELECT cand_id, NULL, preview, confidence, detail, normalized FROM ${SETTLED} WHERE valid`);
  return Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${SETTLED}`))?.n ?? 0);
}

/**
 * The candidates of `source` (cand_id, value, match, before, after) that an SQL form settles, with
 * its verdict on each: cand_id, valid, preview, confidence, detail, normalized.
 */
export function settledSql(form: SqlVerdict, source: string): string {
  return `SELECT cand_id, (${form.valid}) AS valid, ${form.preview} AS preview, ${form.confidence} AS confidence, ${form.detail} AS detail, ${form.normalized} AS normalized
    FROM (SELECT *${form.derive ? `, ${form.derive}` : ''}
          FROM (SELECT cand_id, value, coalesce(before, '') AS before, coalesce(after, '') AS after FROM ${source} WHERE match = value)
          WHERE ${form.settles})`;
}

/** The JSON structure of a judged page (JudgedPage) as DuckDB reads it. */
const JUDGED_COLUMNS = JSON.stringify({ cand_id: ['BIGINT'], fingerprint: ['VARCHAR'], preview: ['VARCHAR'], confidence: ['DOUBLE'], detail: ['VARCHAR'], normalized: ['VARCHAR'] });

async function validateCandidates(db: Db, options: ClassifyOptions): Promise<void> {
  const { rules, validators, key, signal, onProgress } = options;
  await db.exec(`CREATE TEMP TABLE ${VALID} (cand_id BIGINT, fingerprint VARCHAR, preview VARCHAR, confidence DOUBLE, detail VARCHAR, normalized VARCHAR)`);
  const total = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${CANDS}`))?.n ?? 0);
  const started = performance.now();
  const settled = await settleInSql(db, rules, validators, signal);
  let done = settled;
  onProgress?.({ phase: 'validate', done, total, rate: 0 });
  // Judged rows go back as one JSON document per page, like the pages come: an appender call per
  // value cost ~0.6 s of the validating thread for 233k rows. Queued behind the next page's read.
  // By column (one list each, unnested side by side): ~20 % less than a list per row.
  const inserts: Array<Promise<void>> = [];
  const store = (judged: JudgedPage, size: number) => {
    if (judged.cand_id.length > 0) {
      inserts.push(
        db.exec(
          `INSERT INTO ${VALID}
           SELECT unnest(j.cand_id), unnest(j.fingerprint), unnest(j.preview), unnest(j.confidence), unnest(j.detail), unnest(j.normalized)
           FROM (SELECT from_json(?::VARCHAR, '${JUDGED_COLUMNS}') AS j)`,
          [JSON.stringify(judged)],
        ),
      );
    }
    done += size;
    onProgress?.({ phase: 'validate', done, total, rate: done / Math.max(0.001, (performance.now() - started) / 1000) });
  };
  // Pages are fetched one ahead: DuckDB reads the next page while JS judges the current one.
  // A worker thread for validation was tried twice: loading the rule pack a second time competed
  // with DuckDB on 2 cores and the whole pass got slower (1M rows: 28 s -> 30 s); later, judging
  // every other page in a worker gained nothing, as the prose pass's scan kept both cores busy.
  const fetchPage = (offset: number) => readPage(db, offset, options.pageJsonBytes ?? PAGE_JSON_BYTES, settled > 0);
  // Nothing left to judge when DuckDB settled every candidate.
  let next: Promise<Candidate[]> | undefined = total > settled ? fetchPage(0) : undefined;
  try {
    for (let offset = 0; next; offset += PAGE) {
      const page = await next;
      next = undefined;
      checkAborted(signal);
      if (offset + PAGE < total) next = fetchPage(offset + PAGE);
      store(judgePage(rules, validators, key, page), page.length);
    }
    checkAborted(signal);
  } finally {
    // Nothing may still run on the connection when validation ends, cancelled or not.
    await next?.catch(() => undefined);
    await Promise.allSettled(inserts);
  }
  await Promise.all(inserts);
}

/**
 * One page of candidates. A page comes as one JSON document (DuckDB writes it, JSON.parse reads
 * it): building a JS object per row through the client's value converters cost three times as
 * much (1M rows, 350k candidates: 2.1 s -> 0.7 s on the thread that also validates). Its rows are
 * joined as text (string_agg) rather than as a JSON list (to_json(list(...))): ~25 % less. A page
 * whose strings exceed `jsonBytes` (long key blocks) is read row by row instead, so no single
 * string grows past what V8 can hold.
 */
async function readPage(db: Db, offset: number, jsonBytes: number, skipSettled: boolean): Promise<Candidate[]> {
  // Settled candidates are looked up within the page's range only: against all of them, each
  // page built a hash table of every settled id (4M rows: 550k, for each of 48 pages).
  const range = `FROM ${CANDS} WHERE cand_id > $1 AND cand_id <= $2${skipSettled ? ` AND cand_id NOT IN (SELECT cand_id FROM ${SETTLED} WHERE cand_id > $1 AND cand_id <= $2)` : ''}`;
  const params = [offset, offset + PAGE];
  const page = await db.one<{ j: string | null }>(
    `SELECT CASE WHEN sum(strlen(value) + strlen(match) + coalesce(strlen(before), 0) + coalesce(strlen(after), 0)) <= ${Math.floor(jsonBytes)}
                 THEN '[' || string_agg(json_array(cand_id, rule_idx, value, match, before, after)::VARCHAR, ',' ORDER BY cand_id) || ']' END AS j ${range}`,
    params,
  );
  if (page?.j == null) return db.all<Candidate>(`SELECT cand_id, rule_idx, value, match, before, after ${range} ORDER BY cand_id`, params);
  return (JSON.parse(page.j) as Array<[number, number, string, string, string | null, string | null]>).map(([cand_id, rule_idx, value, match, before, after]) => ({
    cand_id,
    rule_idx,
    value,
    match,
    before,
    after,
  }));
}

/**
 * Within one cell (one text), a secret value that overlaps a value found by a more specific rule
 * is dropped (the generic `api_key=` match around a Stripe key), and so is a second finding of
 * the same kind and fingerprint from an equally specific rule. Overlap means: one value contains
 * the other, and they are the same value or their spans overlap. A rule's `yieldsTo` categories
 * win over it on the very same span (a checksummed identifier that is also phone-shaped).
 */
async function resolveOverlaps(db: Db, rules: Rule[], signal: AbortSignal | undefined): Promise<void> {
  for (const [i, rule] of rules.entries()) {
    if (!rule.yieldsTo?.length) continue;
    await runCancellable(
      db,
      signal,
      `DELETE FROM ${TEXT_KEEP} k WHERE k.rule_idx = ${i} AND EXISTS (
         SELECT 1 FROM ${TEXT_KEEP} o
         WHERE o.tid = k.tid AND o.span_start = k.span_start AND o.span_end = k.span_end
           AND o.category IN (${rule.yieldsTo.map(literal).join(', ')}))`,
    );
  }
  // Pairs come from two joins that stay linear in the findings of a text: equal values (a hash
  // join), and overlapping spans, as ranges on one axis for all texts (text id x 2^32 + offset),
  // which DuckDB answers with a range join. Comparing every pair of a text's secrets took 21 s
  // for a cell holding 80,000 keys, and grows with the square of them.
  const beats = `o.rule_idx <> k.rule_idx
         AND (contains(o.value, k.value) OR contains(k.value, o.value))
         AND (o.specificity > k.specificity OR (o.specificity = k.specificity AND o.kind = k.kind AND o.rule_idx < k.rule_idx))`;
  await runCancellable(
    db,
    signal,
    `CREATE TEMP TABLE ${SECRET_SPANS} AS
     SELECT rowid AS kid, tid, value, rule_idx, specificity, kind, tid * ${SPAN_AXIS} + span_start AS g0, tid * ${SPAN_AXIS} + span_end AS g1
     FROM ${TEXT_KEEP} WHERE category = 'secret'`,
  );
  await runCancellable(
    db,
    signal,
    `DELETE FROM ${TEXT_KEEP} WHERE rowid IN (
       SELECT k.kid FROM ${SECRET_SPANS} k JOIN ${SECRET_SPANS} o ON o.tid = k.tid AND o.value = k.value WHERE ${beats}
       UNION
       SELECT k.kid FROM ${SECRET_SPANS} k JOIN ${SECRET_SPANS} o ON o.g0 < k.g1 AND k.g0 < o.g1 WHERE ${beats})`,
  );
  await db.exec(`DROP TABLE ${SECRET_SPANS}`);
}

/** Offsets within a text stay below this (a line is at most 16 MiB), so text id x it + offset orders all spans on one axis. */
const SPAN_AXIS = 2 ** 32;

/**
 * Replaces the findings of `rules`: one `finding_values` row per valid candidate that some cell
 * kept (value id = base + candidate id), one `finding_cells` row per kept cell (finding ids in
 * cell order). Review marks of an earlier run come back where the same rule finds the same value
 * in the same cell.
 */
async function writeFindings(db: Db, rules: Rule[], signal: AbortSignal | undefined): Promise<{ findings: number; byKind: Record<string, number> }> {
  await db.exec(SCHEMA_SQL);
  const ruleIds = rules.map((r) => literal(r.id)).join(', ') || 'NULL';
  return db.transaction(async () => {
    await runCancellable(
      db,
      signal,
      `CREATE TEMP TABLE ${SAVED} AS SELECT source_id, row, field, rule_id, fingerprint, max(review) AS review
       FROM findings WHERE review <> 'unreviewed' AND rule_id IN (${ruleIds}) GROUP BY ALL`,
    );
    checkAborted(signal);
    await deleteFindingsOfRules(db, ruleIds);
    const valueBase = await nextValueBase(db);
    const findingBase = await nextFindingBase(db);
    await runCancellable(
      db,
      signal,
      `INSERT INTO finding_values
       SELECT ${valueBase} + v.cand_id, r.rule_id, r.rule_version, r.category, r.kind, r.provider, r.severity,
              v.confidence, v.preview, v.fingerprint, v.normalized, v.detail
       FROM ${VALID_FP} v JOIN ${RULES} r ON r.rule_idx = v.rule_idx
       WHERE v.cand_id IN (SELECT cand_id FROM ${TEXT_KEEP})
       ORDER BY v.cand_id`,
    );
    // KEEP is sorted by cell: its row id numbers the findings. Fields get the case's numbers.
    await addFindingFields(db, `SELECT source_id, field FROM ${FIELDS} WHERE fid IN (SELECT DISTINCT fid FROM ${KEEP})`);
    await runCancellable(
      db,
      signal,
      `INSERT INTO finding_cells
       SELECT ${findingBase} + c.rowid + 1, c.source_id, c.row, f.field_id, ${valueBase} + t.cand_id, t.span_start, t.span_end, NULL
       FROM ${KEEP} c JOIN (SELECT rowid AS kid, cand_id, span_start, span_end FROM ${TEXT_KEEP}) t ON t.kid = c.kid
       JOIN (SELECT r.fid, n.field_id FROM ${FIELDS} r JOIN finding_fields n ON n.source_id = r.source_id AND n.field = r.field) f ON f.fid = c.fid`,
    );
    if ((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${SAVED}`))?.n) {
      await runCancellable(
        db,
        signal,
        `UPDATE finding_cells SET review = s.review
         FROM (SELECT f.finding_id, s.review FROM findings f
               JOIN ${SAVED} s ON s.source_id = f.source_id AND s.row = f.row AND s.field = f.field AND s.rule_id = f.rule_id AND s.fingerprint = f.fingerprint
               WHERE f.finding_id > ${findingBase}) s
         WHERE finding_cells.finding_id = s.finding_id`,
      );
    }
    const rows = await db.all<{ kind: string; n: number }>(
      `SELECT t.kind, count(*) AS n FROM ${KEEP} c JOIN (SELECT rowid AS kid, kind FROM ${TEXT_KEEP}) t ON t.kid = c.kid GROUP BY t.kind ORDER BY t.kind`,
    );
    const byKind: Record<string, number> = {};
    let findings = 0;
    for (const { kind, n } of rows) {
      byKind[kind] = Number(n);
      findings += Number(n);
    }
    return { findings, byKind };
  });
}

export interface TextFinding {
  index: number;
  ruleId: string;
  category: FindingCategory;
  kind: string;
  provider: string | null;
  value?: never;
  start: number;
  end: number;
  preview: string;
  fingerprint: string;
  confidence: number;
  detail: Record<string, string> | null;
}

export interface ScanTextsOptions {
  rules?: Rule[];
  validators?: Record<string, Validator>;
  key?: Buffer;
  resolveOverlaps?: boolean;
  plan?: 'combined' | 'per-rule';
  batchSize?: number;
}

/**
 * Runs the same engine over in-memory texts on a scratch database (rule tests and the quality
 * evaluation measure the real code path this way). Offsets are in Unicode code points.
 */
export async function scanTexts(texts: string[], options: ScanTextsOptions = {}): Promise<TextFinding[]> {
  const { withScratchDb } = await import('../db/open-db.ts');
  // The whole pack (personal-data modules included) loads only when the caller brings no rules.
  const pack = options.rules && options.validators ? undefined : await import('./rules/index.ts');
  const rules = options.rules ?? pack!.allRules();
  const validators = options.validators ?? pack!.validators;
  return withScratchDb(async (db) => {
    await db.exec(SCHEMA_SQL);
    await db.exec('CREATE TEMP TABLE scan_texts (source_id INTEGER, row BIGINT, field VARCHAR, text VARCHAR)');
    const appender = await db.connection.createAppender('scan_texts', 'main', 'temp');
    texts.forEach((text, i) => {
      appender.appendInteger(0);
      appender.appendBigInt(BigInt(i));
      appender.appendVarchar('text');
      // DuckDB strings cannot hold NUL; it carries no credential characters either.
      appender.appendVarchar(text.replaceAll('\u0000', ' '));
      appender.endRow();
    });
    appender.closeSync();
    await classifyRelation(db, {
      relation: 'scan_texts',
      rules,
      validators,
      key: options.key ?? randomBytes(32),
      resolveOverlaps: options.resolveOverlaps,
      plan: options.plan,
      batchSize: options.batchSize,
    });
    const rows = await db.all<{
      row: number;
      rule_id: string;
      category: FindingCategory;
      kind: string;
      provider: string | null;
      span_start: number;
      span_end: number;
      preview: string;
      fingerprint: string;
      confidence: number;
      detail: string | null;
    }>('SELECT row, rule_id, category, kind, provider, span_start, span_end, preview, fingerprint, confidence, detail FROM findings ORDER BY row, span_start, rule_id');
    return rows.map((r) => ({
      index: Number(r.row),
      ruleId: r.rule_id,
      category: r.category,
      kind: r.kind,
      provider: r.provider,
      start: r.span_start,
      end: r.span_end,
      preview: r.preview,
      fingerprint: r.fingerprint,
      confidence: r.confidence,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, string>) : null,
    }));
  });
}
