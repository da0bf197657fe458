import type { ValidationResult, Validator } from '../rule-types.ts';
import { isRealDate } from './pii-checksums.ts';

const REJECT: ValidationResult = { valid: false };

/** Month names (and common abbreviations) in the languages the rules cover, lower-case. */
const MONTHS: Record<string, number> = {};
(() => {
  const lists: string[][] = [
    ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
    ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
    ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ];
  for (const list of lists) list.forEach((name, i) => (MONTHS[name] ??= i + 1));
  MONTHS['sept'] = 9;
  MONTHS['mrz'] = 3;
})();

export const MONTH_NAMES = Object.keys(MONTHS);

function fullYear(y: number, now: Date): number {
  if (y >= 100) return y;
  const century = 2000 + y <= now.getUTCFullYear() ? 2000 : 1900;
  return century + y;
}

/** Parses the date forms people write after "born", into [year, month, day]. */
export function parseBirthDate(text: string, now = new Date()): { ymd: [number, number, number]; isAmbiguous: boolean } | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return { ymd: [Number(m[1]), Number(m[2]), Number(m[3])], isAmbiguous: false };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(Number(m[3]), now);
    if (a > 12) return { ymd: [y, b, a], isAmbiguous: false };
    if (b > 12) return { ymd: [y, a, b], isAmbiguous: false };
    // 03/04/1985: day-first everywhere but North America; the year, which links, is certain.
    return { ymd: [y, b, a], isAmbiguous: a !== b };
  }
  m = /^(\d{1,2})(?:st|nd|rd|th|er|\.|º)?[ -](?:de )?([\p{L}]+)\.?,?[ -](?:de )?(\d{4})$/u.exec(t);
  if (m && MONTHS[m[2]!]) return { ymd: [Number(m[3]), MONTHS[m[2]!]!, Number(m[1])], isAmbiguous: false };
  m = /^([\p{L}]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(t);
  if (m && MONTHS[m[1]!]) return { ymd: [Number(m[3]), MONTHS[m[1]!]!, Number(m[2])], isAmbiguous: false };
  return undefined;
}

/** The rule's pattern already requires a birth label before the date; this checks the date. */
export const dateOfBirth: Validator = (value) => {
  const now = new Date();
  const parsed = parseBirthDate(value, now);
  if (!parsed) return REJECT;
  const [y, mo, d] = parsed.ymd;
  if (!isRealDate(y, mo, d) || y < 1900) return REJECT;
  if (Date.UTC(y, mo - 1, d) > now.getTime()) return REJECT;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const detail: Record<string, string> = { year: String(y) };
  if (parsed.isAmbiguous) detail['day_month_order'] = 'ambiguous';
  return { valid: true, normalized: iso, confidence: parsed.isAmbiguous ? 0.75 : 0.9, detail };
};
