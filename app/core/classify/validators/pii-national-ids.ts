import type { ValidationContext, ValidationResult, Validator } from '../rule-types.ts';
import {
  digitsOf,
  isRealDate,
  luhnValid,
  iso7064Mod11_10,
  iso7064Mod11_2,
  modString,
  verhoeffValid,
  weightedSum,
} from './pii-checksums.ts';
import { alnumUpper, charAfter, charBefore, hasConsistentSeparators, hasContextWord } from './pii-context.ts';

/**
 * National identifier validators. Each checks the issuer's format and check digit, returns the
 * identifier in digits/upper-case only as `normalized` (that is what links a person across
 * rows) and the issuing country. Confidence: a checksum-valid value with a label nearby is
 * near-certain; a bare value keeps a lower score because short checksums also pass for a
 * fraction of random numbers (1/10 for mod-10, 1/11 for the 11-test).
 */

const REJECT: ValidationResult = { valid: false };

function accept(country: string, normalized: string, confidence: number, extra?: Record<string, string>): ValidationResult {
  return { valid: true, normalized, confidence, detail: { country, ...extra } };
}

/** Rejects values glued to a letter or digit, or to a further digit group (`1234-5678-9012-3`). */
function isIsolated(ctx: ValidationContext, value = ''): boolean {
  const b = charBefore(ctx);
  const a = charAfter(ctx);
  if (/[\p{L}\p{N}]/u.test(b) || /[\p{L}\p{N}]/u.test(a)) return false;
  if (/^[-./:]\d/.test(ctx.after.slice(0, 2))) return false;
  if (/\d[-./:]$/.test(ctx.before.slice(-2))) return false;
  // A space-grouped value followed or preceded by another digit group is a slice of a longer
  // grouped number (the first twelve digits of a 16-digit card are not an Aadhaar number).
  if (/\d \d/.test(value) && (/^ \d/.test(ctx.after.slice(0, 2)) || /\d $/.test(ctx.before.slice(-2)))) return false;
  return true;
}

// --- United States: Social Security number -------------------------------------------------

const SSN_WORDS = ['ssn', 'ssns', 'social security', 'social security number', 'ss#', 'ss #', 'ssn#', 'socsec'];
/** Published or advertised numbers that never identify a person. */
const SSN_KNOWN_FAKE = new Set(['078051120', '219099999', '123456789', '457555462']);

export const ssnUs: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value) || !hasConsistentSeparators(value)) return REJECT;
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 9) return REJECT;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return REJECT;
  if (SSN_KNOWN_FAKE.has(digits) || /^(\d)\1{8}$/.test(digits)) return REJECT;
  const labelled = hasContextWord(ctx, SSN_WORDS);
  const formatted = digits.length !== value.length;
  // Nine bare digits are everywhere in logs (ids, amounts); only a label makes them an SSN.
  if (!formatted && !labelled) return REJECT;
  return accept('US', digits, labelled ? 0.9 : value.includes('-') ? 0.6 : 0.45);
};

// --- United Kingdom: National Insurance number ---------------------------------------------

const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const NINO_WORDS = ['nino', 'ni number', 'national insurance', 'national insurance number', 'ni no', 'insurance number'];

export const ninoUk: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  const v = alnumUpper(value);
  const m = /^([A-Z])([A-Z])(\d{6})([A-D])$/.exec(v);
  if (!m) return REJECT;
  const [, first, second] = m as unknown as [string, string, string];
  if ('DFIQUV'.includes(first) || 'DFIQUVO'.includes(second) || NINO_BAD_PREFIX.has(first + second)) return REJECT;
  return accept('GB', v, hasContextWord(ctx, NINO_WORDS) ? 0.9 : 0.6);
};

// --- Germany: Steuerliche Identifikationsnummer ---------------------------------------------

const TAX_DE_WORDS = ['steuer-id', 'steuerid', 'steuer id', 'idnr', 'idnr.', 'identifikationsnummer', 'steueridentifikationsnummer', 'tin', 'tax id', 'steuernummer'];

export const taxIdDe: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 11 || !hasConsistentSeparators(value) || digits[0] === '0') return REJECT;
  // The first ten digits never repeat one digit more than three times (BZSt structure rule).
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  if ([...counts.values()].some((n) => n > 3)) return REJECT;
  if (iso7064Mod11_10(digits.slice(0, 10)) !== Number(digits[10])) return REJECT;
  return accept('DE', digits, hasContextWord(ctx, TAX_DE_WORDS) ? 0.9 : 0.4);
};

// --- France: NIR (numéro de sécurité sociale) ----------------------------------------------

const NIR_WORDS = ['nir', 'sécurité sociale', 'securite sociale', 'numéro de sécu', 'numero de secu', 'insee', 'ssn', 'carte vitale'];

export const nirFr: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value) || !hasConsistentSeparators(value.replace(/2[AB]/i, '20'))) return REJECT;
  const v = alnumUpper(value);
  const m = /^([12378])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(v);
  if (!m) return REJECT;
  const month = Number(m[3]);
  // 1-12, or 20/30-42/50-99 for people born abroad or with an unknown month.
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50) || (month > 20 && month < 30)) return REJECT;
  const body = v.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = 97 - modString(body, 97);
  if (key !== Number(m[7])) return REJECT;
  const labelled = hasContextWord(ctx, NIR_WORDS);
  // One American Express number in 97 also passes the NIR key (`3` is a valid first digit):
  // without a NIR label, a Luhn-valid 34/37 number is the card the card rule reports.
  if (!labelled && /^3[47]\d{13}$/.test(v) && luhnValid(v)) return REJECT;
  return accept('FR', v, labelled ? 0.95 : 0.75);
};

// --- Italy: codice fiscale -----------------------------------------------------------------

const CF_ODD: Record<string, number> = {};
(() => {
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  for (let i = 0; i < 10; i++) CF_ODD[String(i)] = odd[i]!;
  for (let i = 0; i < 26; i++) CF_ODD[String.fromCharCode(65 + i)] = odd[i]!;
})();
const CF_OMOCODE = 'LMNPQRSTUV';
const CF_MONTHS = 'ABCDEHLMPRST';
const CF_WORDS = ['codice fiscale', 'cod. fiscale', 'c.f.', 'cf', 'fiscal code', 'tax code', 'codicefiscale'];

function cfDigit(ch: string): number {
  const omocode = CF_OMOCODE.indexOf(ch);
  return omocode >= 0 ? omocode : Number(ch);
}

export const codiceFiscaleIt: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  const v = value.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v)) return REJECT;
  const day = cfDigit(v[9]!) * 10 + cfDigit(v[10]!);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return REJECT;
  if (CF_MONTHS.indexOf(v[8]!) < 0) return REJECT;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = v[i]!;
    sum += i % 2 === 0 ? CF_ODD[ch]! : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  const labelled = hasContextWord(ctx, CF_WORDS);
  if (String.fromCharCode(65 + (sum % 26)) !== v[15]) {
    // The layout (surname/name letters, birth date with a month letter, municipality code) is
    // specific enough that a wrong check letter is more likely a typo than a random string.
    return accept('IT', v, labelled ? 0.6 : 0.4, { checksum: 'invalid' });
  }
  return accept('IT', v, labelled ? 0.95 : 0.85);
};

// --- Spain: DNI / NIF and NIE ---------------------------------------------------------------

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const DNI_WORDS = ['dni', 'nif', 'documento nacional de identidad', 'número de identificación fiscal'];
const NIE_WORDS = ['nie', 'número de identidad de extranjero', 'número de identificación de extranjero', 'extranjero'];

export const dniEs: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  const m = /^(\d{7,8})[- ]?([A-Za-z])$/.exec(value);
  if (!m) return REJECT;
  const number = m[1]!.padStart(8, '0');
  const letter = m[2]!.toUpperCase();
  if (number === '00000000' || DNI_LETTERS[Number(number) % 23] !== letter) return REJECT;
  return accept('ES', number + letter, hasContextWord(ctx, DNI_WORDS) ? 0.95 : 0.75);
};

export const nieEs: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  const m = /^([XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])$/.exec(value);
  if (!m) return REJECT;
  const prefix = m[1]!.toUpperCase();
  const number = String('XYZ'.indexOf(prefix)) + m[2]!;
  const letter = m[3]!.toUpperCase();
  if (DNI_LETTERS[Number(number) % 23] !== letter) return REJECT;
  return accept('ES', prefix + m[2]! + letter, hasContextWord(ctx, NIE_WORDS) ? 0.95 : 0.8);
};

// --- Netherlands: BSN ---------------------------------------------------------------------

const BSN_WORDS = ['bsn', 'burgerservicenummer', 'sofinummer', 'sofi-nummer', 'citizen service number'];

export const bsnNl: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value) || !hasConsistentSeparators(value)) return REJECT;
  const d = digitsOf(value);
  if (d.length !== 9 || d.every((x) => x === 0)) return REJECT;
  const sum = weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) - d[8]!;
  if (sum % 11 !== 0) return REJECT;
  const labelled = hasContextWord(ctx, BSN_WORDS);
  // The 11-test passes for 1 in 11 random nine-digit numbers: unlabelled ones stay a guess.
  return accept('NL', d.join(''), labelled ? 0.9 : 0.3);
};

// --- Poland: PESEL ------------------------------------------------------------------------

const PESEL_WORDS = ['pesel', 'numer pesel', 'nr pesel'];

export const peselPl: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  if (!/^\d{11}$/.test(value)) return REJECT;
  const d = digitsOf(value);
  const check = (10 - (weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  if (check !== d[10]) return REJECT;
  const yy = d[0]! * 10 + d[1]!;
  const mmRaw = d[2]! * 10 + d[3]!;
  const dd = d[4]! * 10 + d[5]!;
  const centuryOffset = Math.floor(mmRaw / 20);
  const century = [1900, 2000, 2100, 2200, 1800][centuryOffset];
  if (century === undefined) return REJECT;
  if (!isRealDate(century + yy, mmRaw % 20, dd)) return REJECT;
  return accept('PL', value, hasContextWord(ctx, PESEL_WORDS) ? 0.95 : 0.5);
};

// --- Brazil: CPF --------------------------------------------------------------------------

const CPF_WORDS = ['cpf', 'cadastro de pessoas físicas', 'cadastro de pessoa física'];

export const cpfBr: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  if (!/^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/.test(value)) return REJECT;
  const d = digitsOf(value);
  if (d.every((x) => x === d[0])) return REJECT;
  const c1 = ((weightedSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  const c2 = ((weightedSum(d, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  if (c1 !== d[9] || c2 !== d[10]) return REJECT;
  const formatted = value.length === 14;
  return accept('BR', d.join(''), hasContextWord(ctx, CPF_WORDS) ? 0.95 : formatted ? 0.8 : 0.4);
};

// --- India: Aadhaar -----------------------------------------------------------------------

const AADHAAR_WORDS = ['aadhaar', 'aadhar', 'uidai', 'uid'];

export const aadhaarIn: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value) || !hasConsistentSeparators(value)) return REJECT;
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 12 || digits[0] === '0' || digits[0] === '1') return REJECT;
  if (!verhoeffValid(digits)) return REJECT;
  if (/^(\d)\1+$/.test(digits)) return REJECT;
  const grouped = digits.length !== value.length;
  return accept('IN', digits, hasContextWord(ctx, AADHAAR_WORDS) ? 0.95 : grouped ? 0.7 : 0.45);
};

// --- China: resident identity card number -------------------------------------------------

const CN_WORDS = ['身份证', '身份证号', 'resident id', 'id card', 'identity card', 'shenfenzheng'];

export const residentIdCn: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  const v = value.toUpperCase();
  if (!/^[1-8]\d{16}[\dX]$/.test(v)) return REJECT;
  const year = Number(v.slice(6, 10));
  if (year < 1900 || year > new Date().getUTCFullYear()) return REJECT;
  if (!isRealDate(year, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return REJECT;
  if (iso7064Mod11_2(v.slice(0, 17)) !== v[17]) return REJECT;
  return accept('CN', v, hasContextWord(ctx, CN_WORDS) ? 0.95 : 0.8);
};

// --- Singapore: NRIC / FIN ----------------------------------------------------------------

const NRIC_WORDS = ['nric', 'fin', 'ic number', 'identity card'];
const NRIC_TABLE: Record<string, { offset: number; letters: string }> = {
  S: { offset: 0, letters: 'JZIHGFEDCBA' },
  T: { offset: 4, letters: 'JZIHGFEDCBA' },
  F: { offset: 0, letters: 'XWUTRQPNMLK' },
  G: { offset: 4, letters: 'XWUTRQPNMLK' },
  M: { offset: 3, letters: 'XWUTRQPNJLK' },
};

export const nricSg: Validator = (value, ctx) => {
  if (!isIsolated(ctx, value)) return REJECT;
  const v = value.toUpperCase();
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(v);
  if (!m) return REJECT;
  const table = NRIC_TABLE[m[1]!]!;
  const sum = weightedSum(digitsOf(m[2]!), [2, 7, 6, 5, 4, 3, 2]) + table.offset;
  const labelled = hasContextWord(ctx, NRIC_WORDS);
  // Letter, seven digits, letter with a valid series prefix: a wrong check letter is kept as a
  // low-confidence finding (typo or altered value), as for the codice fiscale.
  if (table.letters[sum % 11] !== m[3]) return accept('SG', v, labelled ? 0.5 : 0.3, { checksum: 'invalid' });
  return accept('SG', v, labelled ? 0.95 : 0.8);
};

/**
 * Labels of the national identifiers whose digits can also form a card number (a French NIR has
 * 15 digits, a Chinese resident id 18, an Aadhaar 12): a number so labelled is not a card.
 */
export const LONG_ID_WORDS: readonly string[] = [...NIR_WORDS, ...CN_WORDS, ...AADHAAR_WORDS];
