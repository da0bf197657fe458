import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../app/core/db/open-db.ts';
import { computeSubjects, neutralizeCell, writeNotificationList } from '../../../app/core/subjects/index.ts';
import { csvCell } from '../../../app/core/subjects/notification-list.ts';
import { craftCase } from './crafted-case.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+49 151 2345', `'+49 151 2345`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['  =1+1', `'  =1+1`],
    ['\uFF1D1+1', `'\uFF1D1+1`],
    ['jane@example.org', 'jane@example.org'],
    ['Zoë Müller', 'Zoë Müller'],
    ['', ''],
  ])('neutralises %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it('never returns a value that starts with a formula trigger', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = neutralizeCell(s);
        expect(TRIGGERS.includes(out[0] ?? '')).toBe(false);
      }),
    );
  });

  it('only ever prefixes a quote, so the original text is kept', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutralizeCell(s);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });

  it('leaves values without a leading trigger untouched', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^[ \u00A0\n]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s)), (s) => {
        expect(neutralizeCell(s)).toBe(s);
      }),
    );
  });

  it('quotes cells holding separators, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(null)).toBe('');
  });
});

describe('writeNotificationList', () => {
  it('writes one neutralised row per person with contact data, UTF-8 with BOM, and its hash', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'notify-'));
    const db = await openDb({ dbPath: ':memory:' });
    try {
      await craftCase(db, [
        { user_id: 'u1', email: 'a@example.de', name: '=cmd|"/c calc"!A1', locale: 'de-DE' },
        { user_id: 'u2', phone: '+33 6 12 34 56 78', name: 'Zoë, "Z"' },
        { user_id: 'u3', device_id: 'd-3' },
      ]);
      await computeSubjects(db);
      const out = path.join(dir, 'list.csv');
      const result = await writeNotificationList(db, out);
      const bytes = readFileSync(out);
      expect(result.rows).toBe(2);
      expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const text = bytes.toString('utf8');
      expect(text.startsWith('\uFEFFperson_id,name,email,phone,country,categories\r\n')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^\d+,"'=cmd\|""\/c calc""!A1",a@example\.de,,DE,contact$/);
      expect(lines[2]).toMatch(/^\d+,"Zoë, ""Z""",,'\+33612345678,FR,contact$/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run before subjects were computed', async () => {
    const db = await openDb({ dbPath: ':memory:' });
    try {
      await craftCase(db, [{ user_id: 'u1' }]);
      await expect(writeNotificationList(db, path.join(os.tmpdir(), 'never.csv'))).rejects.toThrow(/SUBJECTS_NOT_COMPUTED/);
    } finally {
      db.close();
    }
  });
});
