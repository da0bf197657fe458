import { describe, expect, it } from 'vitest';
import { Metadata, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { piiValidators } from '../../../app/core/classify/validators/pii-validators.ts';
import { iso7064Mod11_2, luhnValid, verhoeffValid } from '../../../app/core/classify/validators/pii-checksums.ts';

const bare = (value: string) => ({ match: value, before: '', after: '' });
const run = (name: string, value: string, before = '', after = '') => piiValidators[name]!(value, { match: value, before, after });

describe('check-digit algorithms', () => {
  it('accepts Luhn, Verhoeff and MOD 11-2 check digits and rejects a changed digit', () => {
    expect(luhnValid('4539148803436467')).toBe(true);
    expect(luhnValid('4539148803436468')).toBe(false);
    expect(verhoeffValid('236')).toBe(true);
    expect(verhoeffValid('237')).toBe(false);
    expect(iso7064Mod11_2('11010519491231002')).toBe('X');
  });
});

describe('national identifiers', () => {
  const table: Array<[string, string, boolean, string?]> = [
    ['pii.tax-id-de', '12345678903', true, '12345678903'],
    ['pii.tax-id-de', '11112345678', false],
    ['pii.pesel-pl', '02070803628', true, '02070803628'],
    ['pii.pesel-pl', '11110021111', false],
    ['pii.aadhaar-in', '3998-7654-3211', true, '399876543211'],
    ['pii.aadhaar-in', '3998-7654 3211', false],
    ['pii.nie-es', 'y8063915-z', true, 'Y8063915Z'],
    ['pii.dni-es', '1111111-G', true, '01111111G'],
    ['pii.nino-uk', 'BG123612A', false],
    ['pii.bsn-nl', '111222333', true, '111222333'],
    ['pii.cpf-br', '111.444.777-35', true, '11144477735'],
    ['pii.nir-fr', '2 55 08 2A 168 025 38', false],
    ['pii.resident-id-cn', '11010519491231002x', true, '11010519491231002X'],
    ['pii.ssn-us', '666-12-3456', false],
  ];
  for (const [name, value, valid, normalized] of table) {
    it(`${name} ${valid ? 'accepts' : 'rejects'} ${value}`, () => {
      const r = piiValidators[name]!(value, bare(value));
      expect(r.valid).toBe(valid);
      if (normalized) expect(r.normalized).toBe(normalized);
      if (valid) expect(r.detail?.['country']).toMatch(/^[A-Z]{2}$/);
    });
  }

  it('raises confidence when a label stands next to a bare number', () => {
    const plain = run('pii.bsn-nl', '111222333');
    const labelled = run('pii.bsn-nl', '111222333', 'mijn BSN is ');
    expect(labelled.confidence!).toBeGreaterThan(plain.confidence!);
  });

  it('rejects a bare nine-digit number as an SSN unless it is labelled', () => {
    expect(run('pii.ssn-us', '536228726').valid).toBe(false);
    expect(run('pii.ssn-us', '536228726', 'SSN: ').valid).toBe(true);
  });
});

describe('contact, financial and network values', () => {
  it('normalises Gmail spellings to one mailbox', () => {
    expect(run('pii.email', 'Jane.Doe+news@googlemail.com').normalized).toBe('janedoe@gmail.com');
    expect(run('pii.email', 'Jane.Doe+news@example.org').detail?.['placeholder']).toBe('true');
  });

  it('gives a phone number in E.164 with its region', () => {
    const r = run('pii.phone', '+44 (20) 7123 4567', 'call me on ');
    expect(r).toMatchObject({ valid: true, normalized: '+442071234567', detail: { region: 'GB', country: 'GB', line_type: 'FIXED_LINE' } });
  });

  it('relies on number types for validity, which every country of the bundled metadata has', () => {
    // The phone validator takes "has a type" for "valid" (one lookup instead of two); that is
    // libphonenumber's own definition wherever a country has type patterns.
    // (hasTypes is the library's own check, present but not in its type declarations.)
    const metadata = new Metadata() as Metadata & { hasTypes(): boolean };
    const without = getCountries().filter((c) => {
      metadata.selectNumberingPlan(c);
      return !metadata.hasTypes();
    });
    expect(getCountries().length).toBeGreaterThan(200);
    expect(without).toEqual([]);
    for (const n of ['+44 20 7123 4567', '+49 30 123456', '+1 415 555 0132', '+33 1 23 45 67 89', '+44 20 7123 45']) {
      const p = parsePhoneNumberFromString(n)!;
      expect(p.getType() !== undefined).toBe(p.isValid());
    }
  });

  it('checks phone numbers against patterns libphonenumber compiled once, not once per check', () => {
    // The installed libphonenumber-js carries a patch (patches/, applied on install) that keeps
    // each metadata pattern's RegExp; unpatched it builds one per check, ~190k for the 52k phone
    // candidates of a 1M-row case. Counted through the global constructor the library calls.
    const numbers = ['+44 20 7123 4567', '+1 415 555 0132', '+49 30 123456', '+33 1 23 45 67 89', '+55 11 91234 5678', '+91 98765 43210'];
    const judgeAll = () => numbers.map((n) => run('pii.phone', n, 'call me on ').normalized);
    const first = judgeAll();
    const Native = globalThis.RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(Native, {
      construct(target, args: [string, string?]) {
        built += 1;
        return new target(...args);
      },
    });
    try {
      expect(new RegExp('^x$').test('x')).toBe(true); // the count sees the global constructor
      expect(judgeAll()).toEqual(first);
    } finally {
      globalThis.RegExp = Native;
    }
    expect(first.every((n) => n?.startsWith('+'))).toBe(true);
    expect(built).toBe(1);
  });

  it('copies the options of a phone parse with native object spread, not key by key', () => {
    // The same patch replaces the library's Babel spread helper on the parse path (it lists each
    // object's symbols and copies key by key: ~10 % of a parse) with native spread. Unpatched,
    // these four checks list symbols 16 times.
    const numbers: Array<[string, string]> = [['+44 20 7123 4567', 'call me on '], ['(415) 555-0132', 'phone: '], ['030 123456', 'Telefon '], ['+55 11 91234 5678', 'whatsapp ']];
    const judgeAll = () => numbers.map(([n, before]) => run('pii.phone', n, before).normalized);
    const first = judgeAll();
    const native = Object.getOwnPropertySymbols;
    let listed = 0;
    Object.getOwnPropertySymbols = (o: object) => {
      listed += 1;
      return native(o);
    };
    let again: unknown[];
    let control: symbol[];
    try {
      control = Object.getOwnPropertySymbols({ [Symbol('x')]: 1 }); // the count sees the global
      again = judgeAll();
    } finally {
      Object.getOwnPropertySymbols = native;
    }
    expect(control).toHaveLength(1);
    expect(again).toEqual(first);
    expect(first).toEqual(['+442071234567', '+14155550132', '+4930123456', '+5511912345678']);
    expect(listed).toBe(1);
  });

  it('never reads an IP address, a date or a version string as a phone number', () => {
    expect(run('pii.phone', '192.168.101.204', 'phone ').valid).toBe(false);
    expect(run('pii.phone', '2024-01-15', 'tel ').valid).toBe(false);
    expect(run('pii.phone', '1.2.3.4567', 'v').valid).toBe(false);
    expect(run('pii.phone', '824 753 557').valid).toBe(false);
  });

  it('gives the IBAN country and electronic form, and the card brand', () => {
    expect(run('pii.iban', 'DE89 3704 0044 0532 0130 00')).toMatchObject({ normalized: 'DE89370400440532013000', detail: { country: 'DE' } });
    expect(run('pii.payment-card', '3714-496353-98431').detail?.['brand']).toBe('amex');
  });

  it('marks private and documentation IP ranges in detail', () => {
    expect(run('pii.ip', '10.1.2.3').detail?.['scope']).toBe('private');
    expect(run('pii.ip', '2001:db8::1').detail?.['scope']).toBe('documentation');
    expect(run('pii.ip', '81.2.69.160').detail?.['scope']).toBe('public');
    expect(run('pii.ip', '1.3.6.1', 'oid ').valid).toBe(false);
  });

  it('parses birth dates in several languages into ISO form', () => {
    expect(run('pii.date-of-birth', '12 de marzo de 1985').normalized).toBe('1985-03-12');
    expect(run('pii.date-of-birth', '5 juillet 1990').normalized).toBe('1990-07-05');
    expect(run('pii.date-of-birth', '31.02.1990').valid).toBe(false);
  });
});

describe('person names judged in bulk', () => {
  it('gives every name the same verdict whether its page was primed (one parse for many names) or not', () => {
    const names = [
      'Anna Kowalska', 'John Smith', 'Python Scripts', 'Marie Curie', "Jacob Harris's", 'Dr. Who', 'Mr. Smith', 'José Núñez',
      "Siobhan O'Brien", 'Happy Days', 'Running Fast', 'Lukas Meyer', 'Thomas', 'Big Apple', 'Admin', 'Chen Wei', 'Amy. Bob',
      'Giulia Romano', 'The Project', 'Jan van der Berg', 'Kubernetes Cluster', 'Emma', 'Sophie Martin', 'Not Him',
    ];
    const ctx = (value: string) => ({ match: `my friend ${value}`, before: 'Yesterday ', after: ' said hi' });
    for (const name of ['pii.person-name', 'pii.person-name.relation']) {
      const validator = piiValidators[name]!;
      const alone = names.map((v) => validator(v, ctx(v)));
      const release = validator.prime!(names);
      const primed = names.map((v) => validator(v, ctx(v)));
      release();
      expect(primed).toEqual(alone);
      expect(alone.some((v) => v.valid)).toBe(true);
      expect(alone.some((v) => !v.valid)).toBe(true);
    }
  });
});
