import { SPECIAL_KINDS, SPECIAL_LEXICONS, type SpecialKind, type SpecialLexicon } from '../lexicons/index.ts';
import type { ValidationContext, ValidationResult, Validator } from '../rule-types.ts';
import { containsWord } from './pii-context.ts';
import { STREET_PARTICLES, STREET_PREFIX } from '../lexicons/streets.ts';

/**
 * Context rules for special-category terms. The regex finds a lexicon word; this decides how
 * much it says about a person. Nothing is dropped except weak (ambiguous) terms outside a
 * disclosure: a question about diabetes may still come from someone who has it, so it stays a
 * finding, only with low confidence. Levels (documented in docs/quality-pii.md):
 *   first-person disclosure in the same sentence ("I have diabetes", "mein Sohn")  0.85
 *   about one other identifiable person ("she is pregnant")                        0.55
 *   neutral mention                                                                 0.4
 *   general or encyclopaedic question ("what is diabetes?")                         0.25
 * Reports count findings at ≥ 0.5 as disclosures.
 */

export const CONFIDENCE = { firstPerson: 0.85, thirdPerson: 0.55, neutral: 0.4, question: 0.25 } as const;

interface TermEntry {
  term: string;
  isPrefix: boolean;
  isWeak: boolean;
  lexicon: SpecialLexicon;
}

export function parseTerm(raw: string): { term: string; isPrefix: boolean; isWeak: boolean } {
  const isWeak = raw.startsWith('~');
  const body = isWeak ? raw.slice(1) : raw;
  const isPrefix = body.endsWith('*');
  return { term: (isPrefix ? body.slice(0, -1) : body).toLowerCase(), isPrefix, isWeak };
}

const ENTRIES = new Map<SpecialKind, TermEntry[]>(
  SPECIAL_KINDS.map((kind) => [
    kind,
    SPECIAL_LEXICONS.flatMap((lexicon) => lexicon.terms[kind].map((raw) => ({ ...parseTerm(raw), lexicon }))),
  ]),
);

function normalizeWord(value: string): string {
  return value.toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The lexicon terms of one kind as a regex alternation, longest first (RE2 and JS `u` syntax). */
export function termAlternation(kind: SpecialKind): string {
  const terms = [...new Set((ENTRIES.get(kind) ?? []).map((e) => e.term))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return terms.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/-/g, '[-]').replace(/ /g, '\\s+')).join('|');
}

const TERM_FINDERS = new Map<SpecialKind, RegExp>(
  SPECIAL_KINDS.map((kind) => [kind, new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:${termAlternation(kind)})\\p{L}*)`, 'giu')]),
);

/** Lexicon words of `kind` inside a phrase, with their offsets. */
export function findTerms(kind: SpecialKind, phrase: string): Array<{ word: string; index: number }> {
  const re = TERM_FINDERS.get(kind)!;
  re.lastIndex = 0;
  const out: Array<{ word: string; index: number }> = [];
  for (let m = re.exec(phrase); m; m = re.exec(phrase)) {
    out.push({ word: m[1]!, index: m.index + m[0].length - m[1]!.length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

export function matchingEntries(kind: SpecialKind, value: string): TermEntry[] {
  const word = normalizeWord(value);
  return (ENTRIES.get(kind) ?? []).filter((e) => (e.isPrefix ? word.startsWith(e.term) : word === e.term));
}

/** The sentence around the value: back to the previous and on to the next sentence end. */
export function sentenceAround(ctx: ValidationContext): { before: string; after: string } {
  const before = ctx.before.slice(-120);
  const after = ctx.after.slice(0, 80);
  const start = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'));
  const endCandidates = ['.', '!', '?', '\n'].map((c) => after.indexOf(c)).filter((i) => i >= 0);
  const end = endCandidates.length ? Math.min(...endCandidates) : after.length;
  return { before: before.slice(start + 1).toLowerCase(), after: after.slice(0, end).toLowerCase() };
}

function hasAny(text: string, words: readonly string[]): boolean {
  return words.some((w) => (/^[\p{L}]/u.test(w) && /[\p{L}]$/u.test(w) ? containsWord(text, w) : text.includes(w)));
}

function normalizeApostrophes(text: string): string {
  return text.replace(/[’‘]/g, "'");
}

/** `term` is included because some terms are first-person verbs ("głosowałem", "voté"). */
export function contextLevel(lexicons: readonly SpecialLexicon[], ctx: ValidationContext, term = ''): keyof typeof CONFIDENCE {
  const s = sentenceAround(ctx);
  const sentence = normalizeApostrophes(`${s.before} ${term.toLowerCase()} ${s.after}`);
  const firstPerson = lexicons.flatMap((l) => l.firstPerson).map(normalizeApostrophes);
  if (hasAny(sentence, firstPerson)) return 'firstPerson';
  const isQuestion = hasAny(sentence, lexicons.flatMap((l) => l.questionCues).map(normalizeApostrophes));
  if (isQuestion) return 'question';
  if (hasAny(sentence, lexicons.flatMap((l) => l.thirdPerson))) return 'thirdPerson';
  return 'neutral';
}

const LEVEL_ORDER: Array<keyof typeof CONFIDENCE> = ['firstPerson', 'thirdPerson', 'neutral', 'question'];

/** Text ending in a street word (`Il mio indirizzo è Via `, `calle de la `): the next word may name the street. */
const STREET_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${STREET_PREFIX})\\s+(?:(?:${STREET_PARTICLES})\\s+)*$`, 'iu');

/**
 * A word that names a street (`Via Verdi 44`, `12 rue Roma`): a street word before it and a house
 * number before the street word or after the name. The number keeps "I heard it via HIV testing"
 * a disclosure.
 */
function namesStreet(before: string, after: string): boolean {
  const tail = before.slice(-60);
  const street = STREET_BEFORE.exec(tail);
  if (!street) return false;
  return /[0-9][a-z]?,?\s*$/iu.test(tail.slice(0, street.index + 1)) || /^(?:\s+\p{Lu}[\p{L}'-]*){0,3},?\s+[0-9]/u.test(after);
}

/**
 * A word inside a long run of token characters holding digits (a key, a hash, a UUID, base64:
 * `…943b-cda90516394b`, `xK+fnV/GLEu89…`) is part of that token, not a word of a sentence.
 * Letters-only compounds (`Gewerkschaftsmitgliedschaft`) and short ones (`HIV-positiv`) stay
 * words.
 */
function insideToken(before: string, word: string, after: string): boolean {
  const head = /[\p{L}\p{N}+/=_-]*$/u.exec(before.slice(-200))![0];
  const tail = /^[\p{L}\p{N}+/=_-]*/u.exec(after.slice(0, 200))![0];
  const token = head + word + tail;
  if (token.length >= 16 && /\p{N}/u.test(token) && /\p{L}/u.test(token)) return true;
  // An acronym glued to a digit (`GEJ9NfQm`, `cda90516`) is random characters too.
  return [...word].length <= 3 && (/\p{N}$/u.test(before) || /^\p{N}/u.test(after));
}

/**
 * The value is a sentence fragment holding one or more lexicon words (the scanner validates
 * distinct values, so the words around the term must be part of the value for the context to
 * be judged per sentence). The best-scoring term decides.
 */
function specialValidator(kind: SpecialKind): Validator {
  return (value, ctx) => {
    let best: { level: keyof typeof CONFIDENCE; term: string; languages: string } | undefined;
    for (const { word, index } of findTerms(kind, value)) {
      const entries = matchingEntries(kind, word);
      if (entries.length === 0) continue;
      // An exact word glued by a hyphen to another word is part of a compound ("trans-atlantic").
      if (entries.every((e) => !e.isPrefix) && /^-\p{L}/u.test(value.slice(index + word.length))) continue;
      // A street named after a party or a people (`Via Verdi 44`) is an address, and a word
      // inside a key, hash or UUID is part of it: neither is a disclosure.
      const before = ctx.before + value.slice(0, index);
      const after = value.slice(index + word.length) + ctx.after;
      if (namesStreet(before, after) || insideToken(before, word, after)) continue;
      const lexicons = [...new Set(entries.map((e) => e.lexicon))];
      const around = { match: ctx.match, before, after };
      const level = contextLevel(lexicons, around, word);
      if (entries.every((e) => e.isWeak) && level !== 'firstPerson') continue;
      if (!best || LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(best.level)) {
        best = { level, term: entries[0]!.term, languages: lexicons.map((l) => l.language).join(',') };
      }
    }
    if (!best) return { valid: false };
    return { valid: true, confidence: CONFIDENCE[best.level], normalized: best.term, detail: { term: best.term, context: best.level, languages: best.languages } };
  };
}

/** One validator per special kind, named `special.<kind>`. */
export const specialValidators: Record<string, Validator> = Object.fromEntries(
  SPECIAL_KINDS.map((kind) => [`special.${kind}`, specialValidator(kind)]),
);

// --- children -----------------------------------------------------------------------------

const ALL_UNITS = SPECIAL_LEXICONS.flatMap((l) => l.children.ageUnits);
const NOT_AGE = SPECIAL_LEXICONS.flatMap((l) => l.children.notAge);
const COPULAS = [
  'is', "'s", 'ist', 'est', 'a', 'tiene', 'ha', 'è', 'heeft', 'ma', 'tem', 'has', 'turned', 'turns', 'just', 'wird', 'will be', 'aged', 'age', 'de', 'di', 'van', 'z',
  'who is', "who's", 'only', 'nur', 'erst', 'seulement', 'solo', 'sólo', 'alleen', 'tylko', 'só', 'apenas', 'already', 'schon', 'déjà', 'ya', 'già', 'al', 'już', 'já', 'es', 'é',
  'jest', 'skończył', 'skończyła', 'cumple', 'compie', 'fait', 'fête', 'wordt', 'werd', 'now', 'jetzt',
];
const MINOR_AGE = 17;

function unitAfter(text: string): boolean {
  const t = text.toLowerCase().trimStart();
  return ALL_UNITS.some((u) => t.startsWith(u) && !/^[\p{L}]/u.test(t.slice(u.length)));
}

/**
 * Children's data: the writer's own age under 18 ("I'm 14 years old", "j'ai 13 ans"), or a
 * child of the writer with an age ("my son is 9", "meine Tochter (7)", "my 9-year-old son").
 * The age must read as an age: a unit, brackets, or a copula between relation and number.
 */
export const childAge: Validator = (value, ctx) => {
  const lower = normalizeApostrophes(value.toLowerCase());
  const afterText = ctx.after.slice(0, 40).toLowerCase();
  if (NOT_AGE.some((w) => afterText.trimStart().startsWith(w))) return { valid: false };
  if (/^\s*[0-9]/.test(ctx.after) || /^[.,][0-9]/.test(ctx.after)) return { valid: false };
  const numbers = [...lower.matchAll(/[0-9]{1,2}/g)];
  if (numbers.length !== 1) return { valid: false };
  const n = numbers[0]!;
  const age = Number(n[0]);
  if (age > MINOR_AGE) return { valid: false };
  const beforeNumber = lower.slice(0, n.index);
  const afterNumber = lower.slice(n.index! + n[0].length) + afterText;
  const kin = SPECIAL_LEXICONS.flatMap((l) => l.children.kin);
  const kinAt = Math.max(...kin.map((k) => lastWordIndex(beforeNumber, k)));
  let isAge = unitAfter(afterNumber) || /^\s*\)/.test(afterNumber) || /^[- ]?(year|jährig|letni|jarig)/.test(afterNumber);
  if (!isAge && kinAt >= 0) {
    const gap = beforeNumber.slice(kinAt).replace(/^\p{L}+/u, '');
    const gapWords = gap.replace(/[\s,(:–-]+/g, ' ').trim();
    const isCopulaGap = gapWords === '' || gapWords.split(' ').every((w) => COPULAS.includes(w)) || COPULAS.includes(gapWords);
    isAge = isCopulaGap && /^\s*(?:$|[,.;!?)]|and\b|und\b|et\b|y\b|e\b|en\b|i\b)/.test(afterNumber);
  }
  if (!isAge) return { valid: false };
  return { valid: true, confidence: 0.85, normalized: String(age), detail: { age: String(age), subject: kinAt >= 0 ? 'child_of_writer' : 'writer' } };
};

function lastWordIndex(text: string, word: string): number {
  let at = text.lastIndexOf(word);
  while (at >= 0) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + word.length] ?? '';
    if (!/[\p{L}]/u.test(before) && !/[\p{L}]/u.test(after)) return at;
    at = at === 0 ? -1 : text.lastIndexOf(word, at - 1);
  }
  return -1;
}
