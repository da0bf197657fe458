import type { ValidationContext } from '../rule-types.ts';

/**
 * Context helpers shared by the personal-data validators. A bare number that passes a weak
 * checksum (1 in 10 or 1 in 11 random strings do) is only a guess; a label such as "SSN" or
 * "Steuer-ID" next to it turns the guess into a finding, so validators raise confidence on it.
 */

/** JavaScript's `\s` as an RE2 class body (RE2's own `\s` is ASCII only), for SQL verdicts. */
export const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

/** How far before and after a match a label still counts as describing it. */
const BEFORE_WINDOW = 60;
const AFTER_WINDOW = 30;

function normalizeForSearch(text: string): string {
  return text.toLowerCase().normalize('NFC');
}

/**
 * The text near the match where labels count, lower-cased: read once when several word lists are
 * looked up in it (`hasNearWord`).
 */
export function nearText(ctx: ValidationContext): string {
  return normalizeForSearch(ctx.before.slice(-BEFORE_WINDOW) + ' \u0000 ' + ctx.after.slice(0, AFTER_WINDOW));
}

/** True when one of `words` (lower-case) occurs as a whole word in `near` (from `nearText`). */
export function hasNearWord(near: string, words: readonly string[]): boolean {
  return words.some((word) => containsWord(near, word));
}

/** True when one of `words` (lower-case) occurs as a whole word near the match. */
export function hasContextWord(ctx: ValidationContext, words: readonly string[]): boolean {
  return hasNearWord(nearText(ctx), words);
}

/** Whole-word search where a word boundary is any character that is not a letter or digit. */
export function containsWord(haystack: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : haystack[at - 1]!;
    const after = haystack[at + word.length] ?? '';
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = at + 1;
  }
}

export function isWordChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{N}_]/u.test(ch);
}

/** The character right before / after the match, or '' at the text edge. */
export function charBefore(ctx: ValidationContext): string {
  return ctx.before.slice(-1);
}

export function charAfter(ctx: ValidationContext): string {
  return ctx.after.slice(0, 1);
}

/** Separators between digit groups, in order (e.g. ['-', '-'] for 078-05-1123). */
export function separatorsOf(value: string): string[] {
  const seps: string[] = [];
  const re = /[^0-9A-Za-z]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) seps.push(m[0]);
  return seps;
}

/** True when all separators are the same single character (or there are none). */
export function hasConsistentSeparators(value: string): boolean {
  const seps = separatorsOf(value);
  return seps.every((s) => s.length === 1 && s === seps[0]);
}

export function alnumUpper(value: string): string {
  return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}
