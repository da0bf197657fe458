import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { ValidationResult, Validator } from '../rule-types.ts';
import { luhnValid } from './pii-checksums.ts';
import { charAfter, charBefore, hasConsistentSeparators, hasNearWord, nearText } from './pii-context.ts';
import { LONG_ID_WORDS } from './pii-national-ids.ts';

const REJECT: ValidationResult = { valid: false };

// --- IBAN ---------------------------------------------------------------------------------

export const iban: Validator = (value, ctx) => {
  if (/[\p{L}\p{N}]/u.test(charBefore(ctx))) return REJECT;
  // A further group glued on (`… 0002 3569 8741X`) means the value is part of something longer.
  if (/^[\p{L}\p{N}]/u.test(ctx.after)) return REJECT;
  if (!/^[A-Za-z]{2}\d{2}/.test(value)) return REJECT;
  // The pattern may have taken a following short word (`… 8901 X in a sentence`); try without it too.
  const shorter = /^(.*[0-9A-Z]{4}) [A-Z0-9]{1,4}$/.exec(value)?.[1];
  for (const candidate of shorter ? [value, shorter] : [value]) {
    // Single spaces or dashes between groups of four, the printed forms; other splits are not an IBAN as written.
    const sep = /[ -]/.exec(candidate)?.[0];
    if (sep && !new RegExp(`^[A-Z]{2}\\d{2}(?:\\${sep}[A-Z0-9]{4})*(?:\\${sep}[A-Z0-9]{1,4})?$`).test(candidate)) continue;
    const electronic = electronicFormatIBAN(candidate);
    if (electronic && isValidIBAN(electronic)) return { valid: true, normalized: electronic, confidence: 0.95, detail: { country: electronic.slice(0, 2) } };
  }
  return REJECT;
}

// --- payment card -------------------------------------------------------------------------

interface CardBrand {
  brand: string;
  /** Inclusive prefix ranges, compared on the first `digits` digits. */
  ranges: Array<[number, number]>;
  lengths: number[];
}

/** Issuer identification ranges (ISO/IEC 7812 registrations as published by the schemes). */
const CARD_BRANDS: CardBrand[] = [
  { brand: 'amex', ranges: [[34, 34], [37, 37]], lengths: [15] },
  { brand: 'diners', ranges: [[300, 305], [309, 309], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] },
  { brand: 'jcb', ranges: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  { brand: 'mir', ranges: [[2200, 2204]], lengths: [16, 17, 18, 19] },
  { brand: 'mastercard', ranges: [[51, 55], [2221, 2720]], lengths: [16] },
  { brand: 'discover', ranges: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 17, 18, 19] },
  { brand: 'unionpay', ranges: [[62, 62], [81, 81]], lengths: [16, 17, 18, 19] },
  { brand: 'visa', ranges: [[4, 4]], lengths: [13, 16, 19] },
  { brand: 'maestro', ranges: [[50, 50], [56, 69]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { brand: 'uatp', ranges: [[1, 1]], lengths: [15] },
];

/** Numbers printed in scheme documentation for testing; they prove nothing about a person. */
const TEST_CARDS = new Set([
  '4111111111111111', '4012888888881881', '4222222222222', '5555555555554444', '5105105105105100', '378282246310005',
  '371449635398431', '6011111111111117', '6011000990139424', '3530111333300000', '3566002020360505', '30569309025904',
  '38520000023237', '4242424242424242', '4000056655665556', '5200828282828210', '2223003122003222', '6200000000000005',
]);

export function cardBrand(digits: string): string | undefined {
  for (const b of CARD_BRANDS) {
    if (!b.lengths.includes(digits.length)) continue;
    for (const [lo, hi] of b.ranges) {
      const width = String(lo).length;
      const prefix = Number(digits.slice(0, width));
      if (prefix >= lo && prefix <= hi) return b.brand;
    }
  }
  return undefined;
}

const CARD_WORDS = ['card', 'credit card', 'debit card', 'cc', 'visa', 'mastercard', 'amex', 'karte', 'kreditkarte', 'carte', 'tarjeta', 'carta', 'kaart', 'karta', 'cartão', 'pan'];

export const paymentCard: Validator = (value, ctx) => {
  if (/[\p{L}\p{N}]/u.test(charBefore(ctx)) || /[\p{L}\p{N}]/u.test(charAfter(ctx))) return REJECT;
  if (!hasConsistentSeparators(value)) return REJECT;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 12 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return REJECT;
  if (!luhnValid(digits)) return REJECT;
  const brand = cardBrand(digits);
  if (!brand) return REJECT;
  const isTestNumber = TEST_CARDS.has(digits);
  const near = nearText(ctx);
  const labelled = hasNearWord(near, CARD_WORDS);
  // `numéro de sécurité sociale : 178066756359417` passes Luhn and the UATP range too.
  if (!labelled && hasNearWord(near, LONG_ID_WORDS)) return REJECT;
  const detail: Record<string, string> = { brand };
  if (isTestNumber) detail['test_number'] = 'true';
  const confidence = isTestNumber ? 0.5 : labelled ? 0.95 : 0.85;
  return { valid: true, normalized: digits, confidence, detail };
};
