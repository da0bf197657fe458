/** National identification numbers with correct check digits, and their validators. */
import type { NationalIdKind } from './countries.ts';
import { isVerhoeffValid, mod11_10CheckDigit, mod11_2CheckChar, mod97, verhoeffCheckDigit } from './checksums.ts';
import type { Rng } from './prng.ts';

export interface IdSubject {
  birthDate: string; // YYYY-MM-DD
  female: boolean;
  firstName: string;
  lastName: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generateNationalId(kind: NationalIdKind, rng: Rng, who: IdSubject): string {
  switch (kind) {
    case 'de_tax_id':
      return deTaxId(rng);
    case 'fr_nir':
      return frNir(rng, who);
    case 'es_dni':
      return esDni(rng);
    case 'it_codice_fiscale':
      return itCodiceFiscale(rng, who);
    case 'nl_bsn':
      return nlBsn(rng);
    case 'pl_pesel':
      return plPesel(rng, who);
    case 'br_cpf':
      return brCpf(rng);
    case 'in_aadhaar':
      return inAadhaar(rng);
    case 'cn_resident_id':
      return cnResidentId(rng, who);
    case 'sg_nric':
      return sgNric(rng, who);
    case 'us_ssn':
      return usSsn(rng);
    case 'uk_nino':
      return ukNino(rng);
  }
}

/** Steuer-ID: in the first ten digits exactly one digit occurs twice and eight others once. */
function deTaxId(rng: Rng): string {
  for (;;) {
    const all = rng.shuffle(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const doubled = all[0]!;
    const body = rng.shuffle([doubled, doubled, ...all.slice(1, 9)]).join('');
    if (body[0] === '0') continue;
    return body + String(mod11_10CheckDigit(body));
  }
}

const FR_DEPARTMENTS = ['75', '69', '13', '31', '44', '59', '33', '67', '92', '93', '94', '06', '34', '35', '38'];

function frNir(rng: Rng, who: IdSubject): string {
  const body =
    (who.female ? '2' : '1') +
    who.birthDate.slice(2, 4) +
    who.birthDate.slice(5, 7) +
    rng.pick(FR_DEPARTMENTS) +
    pad(rng.int(1, 990), 3) +
    pad(rng.int(1, 999), 3);
  return body + pad(97 - mod97(body), 2);
}

function esDni(rng: Rng): string {
  const n = rng.int(10_000_000, 79_999_999);
  return String(n) + 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23];
}

const IT_MONTHS = 'ABCDEHLMPRST';
const IT_PLACES = ['H501', 'F205', 'F839', 'L219', 'G273', 'A944', 'D612', 'L736'];
const IT_ODD: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function asciiUpper(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
}

function itNamePart(name: string, isFirstName: boolean): string {
  const letters = asciiUpper(name);
  const consonants = letters.replace(/[AEIOU]/g, '');
  const vowels = letters.replace(/[^AEIOU]/g, '');
  if (isFirstName && consonants.length >= 4) return consonants[0]! + consonants[2]! + consonants[3]!;
  return (consonants + vowels + 'XXX').slice(0, 3);
}

export function itCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15[i]!;
    // Positions are counted from 1, so index 0 is an odd position.
    sum += i % 2 === 0 ? IT_ODD[ch]! : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

function itCodiceFiscale(rng: Rng, who: IdSubject): string {
  const [y, m, d] = who.birthDate.split('-');
  const body =
    itNamePart(who.lastName, false) +
    itNamePart(who.firstName, true) +
    y!.slice(2) +
    IT_MONTHS[Number(m) - 1] +
    pad(Number(d) + (who.female ? 40 : 0), 2) +
    rng.pick(IT_PLACES);
  return body + itCheckChar(body);
}

export function isBsnValid(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  return (sum - Number(bsn[8])) % 11 === 0;
}

function nlBsn(rng: Rng): string {
  for (;;) {
    const body = String(rng.int(1, 6)) + rng.digits(7);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(body[i]) * (9 - i);
    const check = sum % 11;
    if (check < 10) return body + String(check);
  }
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

export function peselCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * PESEL_WEIGHTS[i]!;
  return (10 - (sum % 10)) % 10;
}

function plPesel(rng: Rng, who: IdSubject): string {
  const [y, m, d] = who.birthDate.split('-').map(Number) as [number, number, number];
  const month = y >= 2000 ? m + 20 : m;
  const sexDigit = who.female ? rng.pick([0, 2, 4, 6, 8]) : rng.pick([1, 3, 5, 7, 9]);
  const body = pad(y % 100, 2) + pad(month, 2) + pad(d, 2) + rng.digits(3) + String(sexDigit);
  return body + String(peselCheckDigit(body));
}

export function cpfCheckDigits(first9: string): string {
  const digit = (s: string) => {
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += Number(s[i]) * (s.length + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = digit(first9);
  const d2 = digit(first9 + String(d1));
  return `${d1}${d2}`;
}

function brCpf(rng: Rng): string {
  for (;;) {
    const body = rng.digits(9);
    if (/^(\d)\1+$/.test(body)) continue;
    const n = body + cpfCheckDigits(body);
    return `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}-${n.slice(9)}`;
  }
}

function inAadhaar(rng: Rng): string {
  const body = String(rng.int(2, 9)) + rng.digits(10);
  const n = body + String(verhoeffCheckDigit(body));
  return `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`;
}

export function isAadhaarValid(text: string): boolean {
  const n = text.replace(/\s/g, '');
  return /^[2-9]\d{11}$/.test(n) && isVerhoeffValid(n);
}

const CN_AREAS = ['110101', '310104', '440305', '330106', '510107', '420102', '320102'];

function cnResidentId(rng: Rng, who: IdSubject): string {
  const seq = rng.int(0, 99) * 10 + (who.female ? rng.pick([0, 2, 4, 6, 8]) : rng.pick([1, 3, 5, 7, 9]));
  const body = rng.pick(CN_AREAS) + who.birthDate.replaceAll('-', '') + pad(seq, 3);
  return body + mod11_2CheckChar(body);
}

const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];

export function nricCheckLetter(prefix: string, digits: string): string {
  let sum = prefix === 'T' || prefix === 'G' ? 4 : 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * NRIC_WEIGHTS[i]!;
  return 'JZIHGFEDCBA'[sum % 11]!;
}

function sgNric(rng: Rng, who: IdSubject): string {
  const prefix = Number(who.birthDate.slice(0, 4)) >= 2000 ? 'T' : 'S';
  const digits = who.birthDate.slice(2, 4) + rng.digits(5);
  return prefix + digits + nricCheckLetter(prefix, digits);
}

function usSsn(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  return `${pad(area, 3)}-${pad(rng.int(1, 99), 2)}-${pad(rng.int(1, 9999), 4)}`;
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_BANNED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

function ukNino(rng: Rng): string {
  for (;;) {
    const prefix = rng.pick(NINO_FIRST.split('')) + rng.pick(NINO_SECOND.split(''));
    if (NINO_BANNED.has(prefix)) continue;
    const d = rng.digits(6);
    return `${prefix} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${rng.pick(['A', 'B', 'C', 'D'])}`;
  }
}
