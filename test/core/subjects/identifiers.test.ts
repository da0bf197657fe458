import { describe, expect, it } from 'vitest';
import { withScratchDb } from '../../../app/core/db/open-db.ts';
import { IDENTIFIER_KINDS, normalizeIdentifier, normalizeQuery } from '../../../app/core/subjects/identifiers.ts';
import { countryFromEmail, countryFromLocale, countryFromPhone, ipv6ToBigInt } from '../../../app/core/subjects/country.ts';

const CASES: Array<[string, string, string | null]> = [
  ['email', ' Jane.Doe+News@GoogleMail.com ', 'janedoe@gmail.com'],
  ['email', 'j.a.n.e@gmail.com', 'jane@gmail.com'],
  ['email', 'bob+tag@outlook.com', 'bob@outlook.com'],
  ['email', 'first.last+x@example.org', 'first.last+x@example.org'],
  ['email', 'mailto:Someone@Web.DE', 'someone@web.de'],
  ['email', 'not an email', null],
  ['email', 'null', null],
  ['phone', '+49 (151) 2345-6789', '+4915123456789'],
  ['phone', '0049 151 23456789', '+4915123456789'],
  ['phone', '0151 23456789', 'nat:015123456789'],
  ['phone', '12345', null],
  ['ip', '010.001.002.003', '10.1.2.3'],
  ['ip', '81.2.69.160, 10.0.0.1', '81.2.69.160'],
  ['ip', '256.1.1.1', null],
  ['ip', '2001:DB8::1', '2001:db8::1'],
  ['ip', '127.0.0.1', null],
  ['ip', '-', null],
  ['iban', 'de89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
  ['ssn_us', '123-45-6789', '123456789'],
  ['payment_card', '4111 1111-1111 1111', '4111111111111111'],
  ['user_id', ' U-42 ', 'U-42'],
  ['user_id', '0', null],
  ['account', 'JDoe', 'jdoe'],
  ['device_id', '00000000-0000-0000-0000-000000000000', null],
  ['session_id', 'ABC-1', 'abc-1'],
];

describe('identifier normalisation', () => {
  it.each(CASES)('normalises %s %j to %j in JS', (kind, raw, expected) => {
    expect(normalizeIdentifier(kind, raw)).toBe(expected);
  });

  it('gives the same result in SQL as in JS for every case', async () => {
    await withScratchDb(async (db) => {
      for (const [kind, raw, expected] of CASES) {
        const row = await db.one<{ v: string | null }>(`SELECT v FROM (${normalizeQuery(kind, `SELECT $1::VARCHAR AS raw`)})`, [raw]);
        expect({ kind, raw, v: row?.v ?? null }).toEqual({ kind, raw, v: expected });
      }
    });
  });
});

describe('tier table', () => {
  it('makes every national id a primary identifier with a country', () => {
    for (const k of IDENTIFIER_KINDS.filter((k) => k.category === 'national_id' && k.kind !== 'passport')) {
      expect(k.tier).toBe('primary');
      expect(k.country).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('never lets an IP address or a birth date join persons', () => {
    expect(IDENTIFIER_KINDS.find((k) => k.kind === 'ip')?.link).toBe('never');
    expect(IDENTIFIER_KINDS.find((k) => k.kind === 'date_of_birth')?.link).toBe('never');
    expect(IDENTIFIER_KINDS.find((k) => k.kind === 'device_id')?.link).toBe('exclusive');
  });
});

describe('country evidence', () => {
  it.each([
    ['a@web.de', 'DE'],
    ['a@yahoo.co.uk', 'GB'],
    ['a@startup.io', null],
    ['a@gmail.com', null],
  ])('reads the country of %s from its ccTLD', (email, cc) => {
    expect(countryFromEmail(email)).toBe(cc);
  });

  it('reads locales and timezones but not bare languages', () => {
    expect(countryFromLocale('pt_BR')).toBe('BR');
    expect(countryFromLocale('en-GB.UTF-8')).toBe('GB');
    expect(countryFromLocale('Europe/Paris')).toBe('FR');
    expect(countryFromLocale('de')).toBeNull();
  });

  it('falls back to the main country of a calling code for unallocated numbers', () => {
    expect(countryFromPhone('+4915123456789')).toBe('DE');
    expect(countryFromPhone('+15555550123')).toBe('US');
    expect(countryFromPhone('nat:0151')).toBeNull();
  });

  it('converts IPv6 addresses to numbers for the range table', () => {
    expect(ipv6ToBigInt('::1')).toBe(1n);
    expect(ipv6ToBigInt('2001:db8::')).toBe(0x20010db8n << 96n);
    expect(ipv6ToBigInt('1:2:3')).toBeNull();
  });
});
