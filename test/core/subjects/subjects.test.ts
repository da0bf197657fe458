import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../app/core/db/open-db.ts';
import { computeSubjects, ipCountryTablePaths, type SubjectsSummary } from '../../../app/core/subjects/index.ts';
import { craftCase, type CraftedFinding, type CraftedRow } from './crafted-case.ts';

async function withCase<T>(rows: CraftedRow[], findings: CraftedFinding[], fn: (db: Db, s: SubjectsSummary) => Promise<T>): Promise<T> {
  const db = await openDb({ dbPath: ':memory:', allowedPaths: ipCountryTablePaths() });
  try {
    await craftCase(db, rows, findings);
    const summary = await computeSubjects(db);
    return await fn(db, summary);
  } finally {
    db.close();
  }
}

describe('computeSubjects on crafted cases', () => {
  it('counts one person seen through four different identifier subsets once', async () => {
    const rows: CraftedRow[] = [
      { user_id: 'u-1', email: 'Jane.Doe@Example.org', ip: '81.2.69.160' },
      { email: 'jane.doe@example.org', phone: '+49 151 23456789' },
      { phone: '0049 151 2345 6789', session_id: 'S-1' },
      { session_id: 's-1', device_id: 'DEV-1', ip: '81.2.69.161' },
    ];
    await withCase(rows, [], async (db, s) => {
      expect(s.estimate).toBe(1);
      expect(s.lower).toBe(1);
      expect(s.upper).toBe(1);
      const persons = await db.all(`SELECT identifiers, rows, email, phone FROM persons`);
      expect(persons).toEqual([{ identifiers: 5, rows: 4, email: 'jane.doe@example.org', phone: '+4915123456789' }]);
    });
  });

  it('counts two strangers behind one NAT address twice', async () => {
    const rows: CraftedRow[] = [
      { user_id: 'u-1', ip: '203.0.113.7', device_id: 'd-1', session_id: 's-1' },
      { user_id: 'u-2', ip: '203.0.113.7', device_id: 'd-2', session_id: 's-2' },
      { ip: '203.0.113.7', device_id: 'd-3', session_id: 's-3' },
    ];
    await withCase(rows, [], async (db, s) => {
      expect(s.linked_persons).toBe(3);
      expect(s.upper).toBe(3);
      expect(s.lower).toBeGreaterThanOrEqual(2);
      const owners = await db.all(`SELECT count(*)::INTEGER AS n FROM persons WHERE ip_match_person IS NOT NULL`);
      expect(owners).toEqual([{ n: 0 }]);
    });
  });

  it('keeps two accounts that share an email apart, lists the conflict masked and counts one probable holder', async () => {
    const rows: CraftedRow[] = [
      { user_id: '1001', email: 'family@example.org' },
      { user_id: '1002', email: 'family@example.org' },
    ];
    await withCase(rows, [], async (_db, s) => {
      expect(s.linked_persons).toBe(2);
      expect(s.estimate).toBe(1);
      expect(s.lower).toBe(1);
      expect(s.upper).toBe(2);
      expect(s.model.second_accounts).toBe(1);
      expect(s.conflicts_total).toBe(1);
      const [c] = s.conflicts;
      expect(c?.kind).toBe('user_id');
      expect(c?.bridge.kind).toBe('email');
      expect(JSON.stringify(s.conflicts)).not.toContain('family@');
      expect(JSON.stringify(s.conflicts)).not.toContain('1001');
    });
  });

  it('never joins national ids written in chat to the writer, and never merges two of them', async () => {
    const rows: CraftedRow[] = [
      { user_id: 'u-9', message: 'my SSN is 123-45-6789' },
      { user_id: 'u-9', message: 'and my wife has 987-65-4321' },
    ];
    const findings: CraftedFinding[] = [
      { row: 1, kind: 'ssn_us', category: 'national_id', normalized: '123456789' },
      { row: 2, kind: 'ssn_us', category: 'national_id', normalized: '987654321' },
    ];
    await withCase(rows, findings, async (db, s) => {
      expect(s.linked_persons).toBe(3);
      const mentioned = await db.all(`SELECT country, mention_writer IS NOT NULL AS has_writer FROM persons WHERE rows = 0 ORDER BY person_id`);
      expect(mentioned).toEqual([
        { country: 'US', has_writer: true },
        { country: 'US', has_writer: true },
      ]);
      // Uncalibrated, each mention is the writer's own with even odds; the lower bound allows all.
      expect(s.estimate).toBe(2);
      expect(s.lower).toBe(1);
      expect(s.upper).toBe(3);
    });
  });

  it('counts a person known only by an email written in chat text', async () => {
    const rows: CraftedRow[] = [{ message: 'contact me at Someone+news@gmail.com' }, { message: 'GET /health' }];
    const findings: CraftedFinding[] = [{ row: 1, kind: 'email', category: 'contact', normalized: 'someone+news@gmail.com' }];
    await withCase(rows, findings, async (db, s) => {
      expect(s.estimate).toBe(1);
      expect(s.rows_without_identifier).toBe(1);
      const [p] = await db.all<{ email: string; categories: string[] }>(`SELECT email, categories FROM persons`);
      expect(p?.email).toBe('someone@gmail.com');
      expect(p?.categories).toEqual(['chat_content', 'contact']);
    });
  });

  it('treats several addresses pasted in one message as separate people, not as the writer', async () => {
    const rows: CraftedRow[] = [{ user_id: 'u-1', message: 'a@x.de, b@x.de, c@x.de' }];
    const findings: CraftedFinding[] = ['a', 'b', 'c'].map((l) => ({ row: 1, kind: 'email', category: 'contact', normalized: `${l}@x.de` }));
    await withCase(rows, findings, async (_db, s) => {
      expect(s.estimate).toBe(4);
      expect(s.by_country['DE']?.estimate).toBe(3);
    });
  });

  it('ignores findings a reviewer marked as false positives', async () => {
    const rows: CraftedRow[] = [{ message: 'example: test@example.com' }];
    const findings: CraftedFinding[] = [{ row: 1, kind: 'email', category: 'contact', normalized: 'test@example.com', review: 'false_positive' }];
    await withCase(rows, findings, async (_db, s) => {
      expect(s.estimate).toBe(0);
      expect(s.rows_without_identifier).toBe(1);
    });
  });

  it('does not let a device shared by two account holders absorb guest rows', async () => {
    const rows: CraftedRow[] = [
      { user_id: 'u-1', device_id: 'tablet', session_id: 's-1' },
      { user_id: 'u-2', device_id: 'tablet', session_id: 's-2' },
      { device_id: 'tablet' },
      { device_id: 'phone-1', session_id: 's-3' },
      { user_id: 'u-1', device_id: 'phone-1', session_id: 's-4' },
    ];
    await withCase(rows, [], async (_db, s) => {
      // The guest session on phone-1 joins u-1 through an exclusive device; the tablet-only row joins nobody.
      expect(s.linked_persons).toBe(2);
      expect(s.upper).toBe(4);
    });
  });

  it('takes the country from the strongest evidence and IP geolocation last', async () => {
    const rows: CraftedRow[] = [
      { user_id: 'a', phone: '+33 6 12 34 56 78', locale: 'de-DE', ip: '1.0.0.1' },
      { user_id: 'b', locale: 'pt_BR', ip: '1.0.0.1' },
      { user_id: 'c', ip: '1.0.0.1' },
      { user_id: 'd', email: 'x@mail.it', ip: '1.0.0.1', country: 'AT' },
      { user_id: 'e', ip: '10.1.2.3', locale: 'Europe/Berlin' },
      { user_id: 'f', ip: '10.1.2.3', message: 'my IBAN ES91 2100 0418 4502 0005 1332' },
      { user_id: 'g', ip: '10.1.2.4' },
    ];
    const findings: CraftedFinding[] = [
      { row: 6, kind: 'iban', category: 'financial', normalized: 'ES9121000418450200051332' },
      { row: 7, kind: 'postal_address', category: 'contact', detail: { country: 'nl' } },
    ];
    await withCase(rows, findings, async (db, s) => {
      const persons = await db.all(`SELECT country, country_basis FROM persons ORDER BY country, country_basis`);
      expect(persons).toEqual([
        { country: 'AT', country_basis: 'country_field' },
        { country: 'AU', country_basis: 'ip' },
        { country: 'BR', country_basis: 'locale' },
        { country: 'DE', country_basis: 'locale' },
        { country: 'ES', country_basis: 'iban' },
        { country: 'FR', country_basis: 'phone' },
        { country: 'NL', country_basis: 'postal_address' },
        { country: 'unknown', country_basis: 'none' },
      ]);
      expect(s.ip_table.loaded).toBe(true);
      expect(s.ip_table.licence).toBe('CC BY 4.0');
      expect(s.by_country['unknown']?.estimate).toBe(1);
    });
  });

  it('reports special categories per category with subjects and rows', async () => {
    const rows: CraftedRow[] = [
      { user_id: 'a', message: 'my diabetes medication' },
      { user_id: 'a', message: 'insulin dose' },
      { user_id: 'b', message: 'my therapist said' },
      { user_id: 'c', message: 'hello' },
    ];
    const findings: CraftedFinding[] = [
      { row: 1, kind: 'health', category: 'special' },
      { row: 2, kind: 'health', category: 'special' },
      { row: 3, kind: 'health', category: 'special' },
    ];
    await withCase(rows, findings, async (_db, s) => {
      expect(s.special_categories).toEqual({ health: { subjects: 2, rows: 3 } });
      expect(s.by_category['special:health']?.estimate).toBe(2);
      expect(s.by_category['chat_content']?.estimate).toBe(3);
    });
  });

  it('replaces the tables of an earlier run', async () => {
    await withCase([{ user_id: 'a' }, { user_id: 'b' }], [], async (db) => {
      const again = await computeSubjects(db);
      expect(again.estimate).toBe(2);
      expect(await db.all(`SELECT count(*)::INTEGER AS n FROM persons`)).toEqual([{ n: 2 }]);
    });
  });

  it('stops with a cancellation error when the signal is aborted', async () => {
    const db = await openDb({ dbPath: ':memory:' });
    try {
      await craftCase(db, [{ user_id: 'a' }]);
      const controller = new AbortController();
      const run = computeSubjects(db, {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.phase === 'linking') controller.abort();
        },
      });
      await expect(run).rejects.toThrow(/CANCELLED/);
    } finally {
      db.close();
    }
  });
});
