/** Personal identifiers that are valid for their country: phones, IBANs, cards, e-mails, addresses. */
import { composeIBAN, friendlyFormatIBAN, isValidBBAN } from 'ibantools';
import { isValidPhoneNumber, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import { luhnCheckDigit, mod97 } from './checksums.ts';
import { GLOBAL_EMAIL_DOMAINS, type CountryProfile } from './countries.ts';
import type { Rng } from './prng.ts';

/** Mobile prefixes of each country's national number, and the national number's length(s). */
const MOBILE_PLANS: Record<string, { prefixes: string[]; lengths: number[] }> = {
  DE: { prefixes: ['151', '152', '157', '159', '160', '162', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'], lengths: [11, 10] },
  FR: { prefixes: ['6', '7'], lengths: [9] },
  ES: { prefixes: ['6', '7'], lengths: [9] },
  IT: { prefixes: ['320', '328', '333', '338', '340', '347', '349', '366', '380', '389', '393'], lengths: [10] },
  GB: { prefixes: ['74', '75', '77', '78', '79'], lengths: [10] },
  US: { prefixes: ['212', '415', '512', '206', '312', '617', '303', '646', '737', '720'], lengths: [10] },
  NL: { prefixes: ['6'], lengths: [9] },
  PL: { prefixes: ['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'], lengths: [9] },
  BR: { prefixes: ['119', '219', '319', '419', '519', '619'], lengths: [11] },
  IN: { prefixes: ['98', '99', '97', '96', '95', '94', '93', '90', '89', '88', '87', '86', '70', '79', '78', '77', '76', '75'], lengths: [10] },
  IE: { prefixes: ['83', '85', '86', '87', '89'], lengths: [9] },
  AT: { prefixes: ['650', '660', '664', '676', '677', '680', '681', '688', '699'], lengths: [10, 11] },
  SG: { prefixes: ['8', '9'], lengths: [8] },
  CN: { prefixes: ['130', '131', '135', '136', '138', '139', '150', '158', '186', '188'], lengths: [11] },
  BE: { prefixes: ['47', '48', '49'], lengths: [9] },
  CH: { prefixes: ['75', '76', '77', '78', '79'], lengths: [9] },
  SE: { prefixes: ['70', '72', '73', '76', '79'], lengths: [9] },
  PT: { prefixes: ['91', '92', '93', '96'], lengths: [9] },
};

/** A mobile number in E.164 that libphonenumber's full metadata accepts for `country`. */
export function generateMobile(rng: Rng, country: string): string {
  const plan = MOBILE_PLANS[country];
  if (!plan) throw new Error(`no mobile plan for ${country}`);
  const callingCode = callingCodeOf(country);
  for (let attempt = 0; attempt < 500; attempt++) {
    const prefix = rng.pick(plan.prefixes);
    const length = rng.pick(plan.lengths);
    const e164 = `+${callingCode}${prefix}${rng.digits(length - prefix.length)}`;
    if (isValidPhoneNumber(e164, country as CountryCode)) return e164;
  }
  throw new Error(`could not build a valid ${country} mobile number`);
}

const CALLING_CODES: Record<string, string> = {
  DE: '49', FR: '33', ES: '34', IT: '39', GB: '44', US: '1', NL: '31', PL: '48', BR: '55', IN: '91',
  IE: '353', AT: '43', SG: '65', CN: '86', BE: '32', CH: '41', SE: '46', PT: '351',
};

function callingCodeOf(country: string): string {
  const code = CALLING_CODES[country];
  if (!code) throw new Error(`no calling code for ${country}`);
  return code;
}

/** How a person writes their number: international, national, or bare E.164. */
export function formatPhone(rng: Rng, e164: string): string {
  const parsed = parsePhoneNumberWithError(e164);
  const style = rng.int(0, 2);
  if (style === 0) return parsed.formatInternational();
  if (style === 1) return parsed.formatNational();
  return parsed.number;
}

/** BBAN layouts: `B` = bank code from the profile, `9` = random digit, `A` = random letter, `?` = national check digit. */
const BBAN_LAYOUTS: Record<string, string> = {
  DE: 'B9999999999',
  FR: 'B9999999999999999??',
  ES: 'B9999??9999999999',
  IT: 'AB99999999999999999',
  GB: 'B99999999999999',
  NL: 'B9999999999',
  PL: 'B9999999999999999',
  BR: 'B999999999999999AA',
  AT: 'B99999999999',
  IE: 'B99999999999999',
  BE: 'B9999999??',
  CH: 'B999999999999',
  SE: 'B99999999999999999',
  PT: 'B999999999999999??',
};

/** A valid IBAN (mod-97 and, where the country has one, the national BBAN check) in electronic form. */
export function generateIban(rng: Rng, profile: CountryProfile): string | null {
  const layout = BBAN_LAYOUTS[profile.code];
  if (!layout || !profile.banks) return null;
  for (let attempt = 0; attempt < 20; attempt++) {
    let bank = rng.pick(profile.banks);
    // Polish sort codes carry their own check digit in the eighth place.
    if (profile.code === 'PL') bank = bank.slice(0, 7) + '?';
    let template = '';
    for (const ch of layout) {
      if (ch === 'B') template += bank;
      else if (ch === '9') template += rng.digits(1);
      else if (ch === 'A') template += rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1);
      else template += ch;
    }
    const bban = fillCheckDigits(template, profile.code);
    const iban = composeIBAN({ countryCode: profile.code, bban });
    // Full validation is cheap enough per person and guards the hand-written check rules above.
    if (iban && isValidBBAN(bban, profile.code)) return iban;
  }
  throw new Error(`could not build a valid ${profile.code} IBAN`);
}

/** Fills the `?` positions with the country's national check digits (computed, not searched). */
function fillCheckDigits(template: string, country: string): string {
  if (!template.includes('?')) return template;
  const digits = (from: number, to: number) => template.slice(from, to);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  switch (country) {
    case 'FR': {
      // RIB key: 97 - (89·bank + 15·branch + 3·account) mod 97, on an all-digit account number.
      const rest = (89 * (Number(digits(0, 5)) % 97) + 15 * (Number(digits(5, 10)) % 97) + 3 * (Number(digits(10, 21)) % 97)) % 97;
      return template.slice(0, 21) + pad(97 - rest, 2);
    }
    case 'ES': {
      const weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
      const control = (ten: string) => {
        const sum = [...ten].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
        const v = 11 - (sum % 11);
        return v === 11 ? 0 : v === 10 ? 1 : v;
      };
      return template.slice(0, 8) + String(control('00' + digits(0, 8))) + String(control(digits(10, 20))) + template.slice(10);
    }
    case 'PT':
      return template.slice(0, 19) + pad(98 - mod97(template.slice(0, 19) + '00'), 2);
    case 'BE':
      return template.slice(0, 10) + pad(mod97(template.slice(0, 10)) || 97, 2);
    case 'PL': {
      const weights = [3, 9, 7, 1, 3, 9, 7];
      const sum = [...template.slice(0, 7)].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
      return template.slice(0, 7) + String((10 - (sum % 10)) % 10) + template.slice(8);
    }
    default:
      throw new Error(`no national check rule for ${country}`);
  }
}

export function printIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}

const CARD_PREFIXES: ReadonlyArray<readonly [string, string, number]> = [
  ['visa', '4532', 16],
  ['visa', '4556', 16],
  ['visa', '4916', 16],
  ['visa', '4485', 16],
  ['visa', '4716', 16],
  ['mastercard', '5105', 16],
  ['mastercard', '5204', 16],
  ['mastercard', '5355', 16],
  ['mastercard', '5425', 16],
  ['mastercard', '2221', 16],
  ['mastercard', '2720', 16],
  ['amex', '3714', 15],
  ['amex', '3782', 15],
  ['amex', '3400', 15],
];

export interface Card {
  brand: string;
  number: string; // digits only
}

export function generateCard(rng: Rng): Card {
  const [brand, prefix, length] = rng.pick(CARD_PREFIXES);
  const payload = prefix + rng.digits(length - prefix.length - 1);
  return { brand, number: payload + String(luhnCheckDigit(payload)) };
}

/** Cards as people type them: grouped by four (Amex 4-6-5), with spaces or dashes, or bare. */
export function formatCard(rng: Rng, card: Card): string {
  const style = rng.int(0, 2);
  if (style === 2) return card.number;
  const sep = style === 0 ? ' ' : '-';
  const n = card.number;
  if (n.length === 15) return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep);
  return (n.match(/.{4}/g) ?? [n]).join(sep);
}

const TRANSLIT: Record<string, string> = { ß: 'ss', ł: 'l', Ł: 'L', ø: 'o', æ: 'ae', đ: 'd' };

export function asciiFold(text: string): string {
  return text
    .replace(/[ßłŁøæđ]/g, (c) => TRANSLIT[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** An e-mail address derived from the name, at a local or a global provider; unique via `taken`. */
export function generateEmail(rng: Rng, profile: CountryProfile, first: string, last: string, birthYear: number, taken: Set<string>): string {
  const f = asciiFold(first).toLowerCase().replace(/[^a-z]/g, '');
  const l = asciiFold(last).toLowerCase().replace(/[^a-z]/g, '') || 'x';
  const yy = String(birthYear).slice(2);
  for (let attempt = 0; ; attempt++) {
    const styles = [`${f}.${l}`, `${f}${l}`, `${f[0]}.${l}`, `${l}.${f}`, `${f}.${l}${yy}`, `${f}${birthYear}`, `${f}_${l}`, `${l}${f[0]}${rng.int(1, 99)}`];
    let local = rng.pick(styles);
    if (attempt > 0) local += String(rng.int(2, 999));
    const domain = rng.chance(profile.localEmailShare) ? rng.pick(profile.emailDomains) : rng.weighted(GLOBAL_EMAIL_DOMAINS);
    const email = `${local}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

export function generateAddress(rng: Rng, profile: CountryProfile): string {
  const [city, postcode] = rng.pick(profile.cities);
  const code = profile.code === 'DE' ? postcode + rng.digits(3) : postcode;
  const street = rng.pick(profile.streets);
  const number = String(rng.int(1, 180));
  if (profile.addressFormat === 'street-number') return `${street} ${number}, ${code} ${city}`;
  if (['GB', 'IE', 'US', 'IN', 'SG', 'CN'].includes(profile.code)) return `${number} ${street}, ${city} ${code}`;
  return `${number} ${street}, ${code} ${city}`;
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A host address (not .0 or .255) inside one of the country's blocks. */
export function generateIp(rng: Rng, profile: CountryProfile): string {
  const [first, last] = rng.pick(profile.ipBlocks);
  const lo = ipToNumber(first);
  const hi = ipToNumber(last);
  for (;;) {
    const n = lo + Math.floor(rng.float() * (hi - lo + 1));
    const lastOctet = n & 255;
    if (lastOctet !== 0 && lastOctet !== 255) return numberToIp(n);
  }
}

export type DeviceKind = 'ios' | 'android' | 'web';

/** Device ids in the shapes the three clients report: IDFV, Android ID, web installation id. */
export function generateDeviceId(rng: Rng, kind: DeviceKind): string {
  if (kind === 'ios') return rng.uuid().toUpperCase();
  if (kind === 'android') return rng.hex(16);
  return `web_${rng.base62(21)}`;
}

export function generateBirthDate(rng: Rng): string {
  const year = rng.int(1952, 2007);
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}
