/**
 * A small vocabulary for writing secret rules as data. A token format is written once as a list
 * of parts (literal prefixes and character classes with lengths); the RE2 pattern and the
 * rule's example value are both derived from it, so the example always fits the pattern.
 * Example values come from a seeded generator: they are shaped like credentials but were never
 * issued by anyone.
 */
import { expandSet, type Rule, type Severity } from '../rule-types.ts';

export const ALNUM = 'A-Za-z0-9';
export const LOWER_ALNUM = 'a-z0-9';
export const UPPER_ALNUM = 'A-Z0-9';
export const HEX = 'a-f0-9';
export const UPPER_HEX = 'A-F0-9';
export const BASE64 = 'A-Za-z0-9+/';
export const URL_SAFE = 'A-Za-z0-9_-';
export const DIGITS = '0-9';
export const BASE32 = 'A-Z2-7';
export const LETTERS = 'A-Za-z';

export interface CharRun {
  set: string;
  min: number;
  max?: number;
}
/** One of several literal spellings (`sk_live_` / `sk_prod_`); examples use the first. */
export interface OneOf {
  oneOf: string[];
}
export type Part = string | CharRun | OneOf;

export const oneOf = (...options: string[]): OneOf => ({ oneOf: options });

export const run = (set: string, min: number, max?: number): CharRun => (max === undefined ? { set, min } : { set, min, max });

/**
 * Between a key and its value: quotes, an optional Go `string` type, then `=`, `:`, `:=`, `=>`, `.=` (PHP), `,` (a call such as
 * getenv("KEY", "value")) or `>` (an XML element), then an optional opening quote. Only
 * spaces and tabs may follow: a value on the next line belongs to another key.
 */
export const ASSIGN = `["'\`]?(?:\\s+string)?\\s*(?::{1,3}=|=>|[.?+]=|=|:|,|>)[ \\t]*["'\`]?`;

/** Left edge: start of text or a character that cannot be part of a token. */
const LEFT_SET = '0-9A-Za-z.';
export const LEFT = `(?:^|[^${LEFT_SET}])`;
/** The characters LEFT does not take as the one before a token (Rule.valueEdges). */
export const LEFT_KEPT = expandSet(LEFT_SET);
/** Right edge. */
export const RIGHT = '(?:[^0-9A-Za-z]|$)';

export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Right edge for a token whose last characters come from `set`: the next character must not be
 * one that could continue the token, or a longer string would be cut to a false match.
 */
export function rightEdge(parts: readonly Part[]): string {
  const last = parts[parts.length - 1];
  if (last && typeof last === 'object' && 'set' in last) return `(?:[^0-9A-Za-z${last.set.replace(/[\]\\^]/g, '\\$&').replace(/A-Za-z0-9|a-zA-Z0-9/g, '')}]|$)`;
  return RIGHT;
}

export function partsPattern(parts: readonly Part[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeRegex(p);
      if ('oneOf' in p) return `(?:${p.oneOf.map(escapeRegex).join('|')})`;
      // RE2 compiles {n,m} by copying the class m times; a large m costs compile time and memory
      // on every statement for no precision (the right edge already ends the token).
      const quant = p.max === undefined ? `{${p.min}}` : p.max === Infinity || p.max > 100 ? `{${p.min},}` : `{${p.min},${p.max}}`;
      return `[${p.set}]${quant}`;
    })
    .join('');
}

/** Where a vendor token's value sits in its match (Rule.valueEdges), when its parts allow it. */
function vendorEdges(parts: readonly Part[]): Rule['valueEdges'] {
  const ends = (part: Part | undefined, at: 'first' | 'last'): string[] | undefined => {
    if (part === undefined) return undefined;
    const pick = (text: string) => (at === 'first' ? text.slice(0, 1) : text.slice(-1));
    if (typeof part === 'string') return part === '' ? undefined : [pick(part)];
    if ('oneOf' in part) return part.oneOf.some((o) => o === '') ? undefined : part.oneOf.map(pick);
    return part.min >= 1 ? [...expandSet(part.set)] : undefined;
  };
  const last = parts[parts.length - 1];
  const left = LEFT_KEPT;
  // The class rightEdge() excludes: letters, digits and the last run's own characters.
  const right = expandSet('0-9A-Za-z') + (last && typeof last === 'object' && 'set' in last ? expandSet(last.set) : '');
  const first = ends(parts[0], 'first');
  const final = ends(last, 'last');
  if (!first || !final || !first.every((c) => left.includes(c)) || !final.every((c) => right.includes(c))) return undefined;
  return { left, right };
}

/** Deterministic pseudo-random generator (mulberry32) so examples are stable across runs. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value that fits the parts, drawn from a generator seeded with `seed`. */
export function sampleValue(parts: readonly Part[], seed: string): string {
  const rnd = seededRandom(seed);
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if ('oneOf' in p) return p.oneOf[0]!;
      const chars = expandSet(p.set);
      const len = p.max === undefined || p.max === Infinity ? p.min : p.min + Math.floor((p.max - p.min) / 2);
      let s = '';
      for (let i = 0; i < len; i++) s += chars[Math.floor(rnd() * chars.length)];
      return s;
    })
    .join('');
}

/** The same shape filled with `x`: what documentation and templates show. */
export function fillerValue(parts: readonly Part[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'oneOf' in p ? p.oneOf[0]! : (expandSet(p.set).includes('x') ? 'x' : expandSet(p.set)[0]!).repeat(p.min)))
    .join('');
}

export interface VendorTokenSpec {
  id: string;
  kind: string;
  provider: string;
  severity: Severity;
  parts: Part[];
  description: string;
  keywords?: string[];
  validator?: string;
  confidence?: number;
  /** How the example embeds the value; `{v}` is replaced. */
  exampleContext?: string;
  /** Extra near misses besides the filler value. */
  negatives?: string[];
  version?: number;
  /** See Rule.gate: first-pass test by the regex, for literals that are common in logs. */
  gate?: 'keywords' | 'pattern';
}

/** A token recognisable by its own shape (a vendor prefix and fixed alphabet). */
export function vendorToken(spec: VendorTokenSpec): Rule {
  const first = spec.parts[0];
  const keywords =
    spec.keywords ?? (typeof first === 'string' ? [first.toLowerCase()] : first && 'oneOf' in first ? first.oneOf.map((o) => o.toLowerCase()) : []);
  const value = sampleValue(spec.parts, spec.id);
  const context = spec.exampleContext ?? 'config: {v}';
  return {
    id: spec.id,
    version: spec.version ?? 1,
    category: 'secret',
    kind: spec.kind,
    provider: spec.provider,
    severity: spec.severity,
    keywords,
    ...(spec.gate ? { gate: spec.gate } : {}),
    pattern: `${LEFT}(${partsPattern(spec.parts)})${rightEdge(spec.parts)}`,
    valueGroup: 1,
    ...withEdges(vendorEdges(spec.parts)),
    validator: spec.validator ?? 'secret.token',
    confidence: spec.confidence ?? 0.95,
    specificity: 2,
    description: spec.description,
    examples: {
      positive: [{ text: context.replace('{v}', value), value }],
      negative: [context.replace('{v}', fillerValue(spec.parts)), ...(spec.negatives ?? [])],
    },
  };
}

function withEdges(edges: Rule['valueEdges']): Pick<Rule, 'valueEdges'> {
  return edges ? { valueEdges: edges } : {};
}

export interface KeyedTokenSpec extends Omit<VendorTokenSpec, 'keywords'> {
  /** Lower-case words that must name the value (`cohere`, `mistral`). */
  keywords: string[];
}

/**
 * A token with no distinctive shape of its own, recognised because a key naming the vendor
 * precedes it (`COHERE_API_KEY=...`, `"mistral_key": "..."`).
 */
export function keyedToken(spec: KeyedTokenSpec): Rule {
  const value = sampleValue(spec.parts, spec.id);
  const names = spec.keywords.map(escapeRegex).join('|');
  const key = `(?i:${names})[A-Za-z0-9_.-]{0,30}`;
  const pattern = `${key}${ASSIGN}(${partsPattern(spec.parts)})${rightEdge(spec.parts)}`;
  return {
    id: spec.id,
    version: spec.version ?? 1,
    category: 'secret',
    kind: spec.kind,
    provider: spec.provider,
    severity: spec.severity,
    keywords: spec.keywords,
    ...(spec.gate ? { gate: spec.gate } : {}),
    pattern,
    valueGroup: 1,
    validator: spec.validator ?? 'secret.keyed-token',
    confidence: spec.confidence ?? 0.85,
    specificity: 2,
    description: spec.description,
    examples: {
      positive: [{ text: (spec.exampleContext ?? `${spec.keywords[0]!.toUpperCase()}_API_KEY={v}`).replace('{v}', value), value }],
      negative: [`${spec.keywords[0]}: {v}`.replace('{v}', fillerValue(spec.parts)), `the ${spec.keywords[0]} docs mention ${value}`, ...(spec.negatives ?? [])],
    },
  };
}
