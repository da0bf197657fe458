import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { withScratchDb } from '../../app/core/db/open-db.ts';
import { ident, literal } from '../../app/core/db/sql.ts';
import { sniffFormat } from '../../app/core/ingest/sniff.ts';
import { jsonDepth, uniqueFieldNames } from '../../app/core/ingest/load-source.ts';
import { ingestFile } from '../../app/core/ingest/ingest.ts';
import { maskSecret, maskValue, MASK, secretRevealLimit } from '../../app/core/classify/mask.ts';
import { csvCell, neutralizeCell, writeNotificationList } from '../../app/core/subjects/notification-list.ts';
import { renderDraft } from '../../app/core/drafts/index.ts';
import type { DraftDocument } from '../../app/core/drafts/model.ts';
import { verifyAuditLog } from '../../app/core/case/audit-log.ts';
import { casePaths } from '../../app/core/case/case.ts';
import { FORMULA_PAYLOADS, MARKUP_PAYLOADS } from '../../scripts/make-hostile-samples.ts';
import { withCase, withTempDir } from '../helpers/temp-case.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/** Strings biased towards what breaks things: triggers, quotes, separators, markup, controls, astral characters. */
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...TRIGGERS, '"', ',', '\n', ' ', '\u00A0', "'", '<', '>', '&', '\\', 'a', '1', '\u202E', '\u0000', '😀'), maxLength: 20 }),
  fc.constantFrom(...FORMULA_PAYLOADS, ...MARKUP_PAYLOADS),
  fc.tuple(fc.constantFrom(...TRIGGERS, ' ', '  '), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
);

/** Whether a spreadsheet would start evaluating this cell. */
function wouldEvaluate(cell: string): boolean {
  const first = cell.replace(/^[ \u00A0\n]+/, '')[0];
  return first !== undefined && TRIGGERS.includes(first);
}

describe('property: exports neutralise spreadsheet formulas', () => {
  it('neutralizeCell never leaves a cell a spreadsheet would evaluate, and changes nothing else', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const out = neutralizeCell(value);
        expect(wouldEvaluate(out)).toBe(false);
        expect(out === value || out === `'${value}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('csvCell output parses back (RFC 4180) to the neutralised value', () => {
    fc.assert(
      fc.property(fc.array(hostileString.filter((s) => !s.includes('\u0000')), { minLength: 1, maxLength: 6 }), (values) => {
        const line = values.map(csvCell).join(',');
        // Papa reads an empty line as no fields; a lone empty value is the only way to get one.
        const parsed = line === '' ? [''] : (Papa.parse<string[]>(line, { delimiter: ',', newline: '\r\n' }).data[0] ?? []);
        expect(parsed).toEqual(values.map(neutralizeCell));
      }),
      { numRuns: 1000 },
    );
  });

  it('the notification list neutralises every cell whatever names, emails and phones the leak held', async () => {
    await withTempDir(async (dir) => {
      await withScratchDb(async (db) => {
        await db.exec(`CREATE TABLE persons (person_id BIGINT, name VARCHAR, email VARCHAR, phone VARCHAR, country VARCHAR, categories VARCHAR[])`);
        await fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(hostileString, hostileString, hostileString, hostileString, hostileString), { minLength: 1, maxLength: 8 }), async (people) => {
            await db.exec(`DELETE FROM persons`);
            for (const [i, [name, email, phone, country, category]] of people.entries()) {
              const clean = (s: string) => s.replaceAll('\u0000', '');
              await db.exec(`INSERT INTO persons VALUES (?, ?, ?, ?, ?, [?])`, [i + 1, clean(name), clean(email) || 'x@example.org', clean(phone), clean(country), clean(category)]);
            }
            const file = path.join(dir, 'list.csv');
            await writeNotificationList(db, file);
            const text = (await import('node:fs')).readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
            const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
            expect(rows).toHaveLength(people.length + 1);
            for (const row of rows.slice(1)) for (const cell of row) expect(wouldEvaluate(cell), JSON.stringify(cell)).toBe(false);
          }),
          { numRuns: 60 },
        );
      });
    });
  });
});

describe('property: masking never reveals more than it states', () => {
  const secretKinds = ['openai_api_key', 'aws_access_key_id', 'github_token', 'stripe_secret_key', 'jwt', 'generic_api_key', 'password', 'url_password', 'private_key'];
  it('a secret preview shows at most a third of the value and never more than 12 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.constantFrom(...secretKinds), (value, kind) => {
        const preview = maskSecret(value, kind);
        if (preview === '********' || /^\[[A-Z0-9 ]{1,40}…\]$/.test(preview)) return;
        const shown = [...preview.replace(MASK, '')];
        expect(shown.length).toBeLessThanOrEqual(secretRevealLimit([...value].length));
        if ([...value].length >= 8) expect(preview.includes(value)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('personal identifiers keep only their stated characters (2 phone digits, 4 card digits, first and last of ids)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 +-()'), minLength: 6, maxLength: 24 }), (phone) => {
        const digits = maskValue(phone, 'contact', 'phone').replace(/[^0-9]/g, '');
        expect(digits.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 -'), minLength: 12, maxLength: 24 }), (card) => {
        expect(maskValue(card, 'financial', 'payment_card').replace(/[^0-9]/g, '').length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (id) => {
        const preview = maskValue(id, 'national_id', 'national_id');
        expect([...preview.replaceAll('*', '')].length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('property: parsers and names never crash on hostile input', () => {
  it('sniffFormat returns a format or an error for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.string({ unit: 'binary', maxLength: 400 }), (bytes, text) => {
        for (const [magic, head] of [[Buffer.from(bytes), Buffer.from(bytes).toString('utf8')], [Buffer.from(text), text]] as const) {
          const r = sniffFormat(magic.subarray(0, 16), head);
          expect('format' in r || 'error' in r).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('uniqueFieldNames gives unique, control-free names that DuckDB stores verbatim as quoted identifiers', async () => {
    await withScratchDb(async (db) => {
      await fc.assert(
        fc.asyncProperty(fc.array(hostileString, { minLength: 1, maxLength: 12 }), async (originals) => {
          const names = uniqueFieldNames(originals);
          expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
          for (const n of names) {
            expect(n).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
            expect(['__row', '__line']).not.toContain(n);
          }
          await db.exec(`DROP TABLE IF EXISTS t; CREATE TABLE t (${names.map((n) => `${ident(n)} VARCHAR`).join(', ')})`);
          const got = await db.all<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 't' ORDER BY column_index`);
          expect(got.map((r) => r.c)).toEqual(names);
        }),
        { numRuns: 150 },
      );
    });
  });

  it('literal() round-trips any NUL-free string through DuckDB unchanged', async () => {
    await withScratchDb(async (db) => {
      await fc.assert(
        fc.asyncProperty(hostileString.map((s) => s.replaceAll('\u0000', '')), async (value) => {
          expect(await db.one(`SELECT ${literal(value)} AS v`)).toEqual({ v: value });
        }),
        { numRuns: 300 },
      );
    });
  });

  it('jsonDepth agrees with the nesting of any JSON value', () => {
    const depthOf = (v: unknown): number => (Array.isArray(v) ? 1 + Math.max(0, ...v.map(depthOf)) : v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('ingest of any small file ends in imported rows or a coded error, never a crash, and the audit log stays valid', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'fuzz.dat');
      writeFileSync(file, '');
      await withCase(dir, [file], async (h) => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
              fc.array(fc.array(hostileString, { minLength: 1, maxLength: 5 }), { maxLength: 8 }).map((rows) => Buffer.from(rows.map((r) => r.join(',')).join('\n'))),
              fc.array(fc.dictionary(hostileString, hostileString, { maxKeys: 4 }), { maxLength: 6 }).map((objs) => Buffer.from(objs.map((o) => JSON.stringify(o)).join('\n'))),
            ),
            async (bytes) => {
              writeFileSync(file, bytes);
              const r = await ingestFile(h, file);
              if (r.status === 'failed') expect(r.error.code).toMatch(/^[A-Z_]+$/);
              else expect(['imported', 'duplicate']).toContain(r.status);
            },
          ),
          { numRuns: 40 },
        );
      });
      expect(verifyAuditLog(casePaths(path.join(dir, 'case')).audit).ok).toBe(true);
    });
  });
});

describe('property: drafts never render leaked markup as markup', () => {
  const ALLOWED_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'article', 'section', 'header', 'footer', 'h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'mark', 'cite', 'a', 'div', 'span', 'small', 'em', 'code', 'hr', 'br', 'sup', 'dl', 'dt', 'dd', 'nav']);
  function doc(text: string): DraftDocument {
    return {
      spec: { regime: 'EU-GDPR', audience: 'authority', language: 'en', title: text },
      title: text,
      language: 'en',
      generated_at: '2026-11-24T09:00:00Z',
      missingWord: 'MISSING',
      blocks: [
        { kind: 'heading', level: 1, text },
        { kind: 'paragraph', content: [{ kind: 'text', text }, { kind: 'strong', text }, { kind: 'gap', field: text, label: text }, { kind: 'ref', ref: text }, { kind: 'source', id: 's1' }] },
        { kind: 'list', items: [[{ kind: 'text', text }]] },
        { kind: 'table', header: [text, 'n'], rows: [[[{ kind: 'text', text }], [{ kind: 'text', text: '1' }]]] },
      ],
      sources: [{ id: 's1', label: text.slice(0, 10) || 'S1', description: text, query: text, rule_pack_version: '1', computed_at: '2026-11-24T09:00:00Z' }],
    } as DraftDocument;
  }

  it('HTML drafts contain only the renderer’s own tags, no event handlers, no script URLs; Markdown drafts contain no raw HTML', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const html = (await renderDraft(doc(text), 'html')).toString('utf8');
        for (const m of html.matchAll(/<\/?([!a-zA-Z][\w-]*)([^>]*)>/g)) {
          expect(ALLOWED_TAGS.has(m[1]!.toLowerCase()), `tag ${m[1]} in ${JSON.stringify(text)}`).toBe(true);
          // Inside a tag: no event handler, no script URL (leaked text only ever sits in escaped attribute values).
          const attributes = m[2]!.replace(/"[^"]*"/g, '""');
          expect(attributes).not.toMatch(/\son\w+\s*=/i);
          expect(m[2]!).not.toMatch(/(href|src)\s*=\s*["']?\s*javascript:/i);
        }
        const md = (await renderDraft(doc(text), 'md')).toString('utf8');
        expect(md).not.toMatch(/<\s*[a-zA-Z!/]/);
        expect(md).not.toMatch(/\]\(\s*javascript:/i);
      }),
      { numRuns: 300 },
    );
  });

  it('DOCX drafts carry markup payloads as plain text', async () => {
    const mammoth = await import('mammoth');
    for (const payload of MARKUP_PAYLOADS) {
      const docx = await renderDraft(doc(payload), 'docx');
      const { value } = await mammoth.extractRawText({ buffer: docx });
      expect(value).toContain(payload.replace(/[\u0000-\u001f]/g, ''));
      const { value: asHtml } = await mammoth.convertToHtml({ buffer: docx });
      expect(asHtml).not.toMatch(/<(script|img|svg|iframe|style)\b/i);
    }
  });
});
