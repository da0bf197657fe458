import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../../app/core/assess/assess.ts';
import type { BreachFactsInput } from '../../../app/core/assess/facts.ts';
import type { Assessment } from '../../../app/core/assess/types.ts';
import { buildDraft, listDrafts, missingFields, renderDraft, type DraftDocument } from '../../../app/core/drafts/index.ts';
import { escapeMarkdown } from '../../../app/core/drafts/render-text.ts';
import { toWinAnsi } from '../../../app/core/drafts/text-safety.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const NOW = new Date('2026-11-25T12:00:00Z');

function measured(): NonNullable<BreachFactsInput['measured']> {
  return {
    persons: { estimate: 48210, lower: 41000, upper: 52000, method: 'identifiers linked by row and session', ref: 'subjects' },
    by_country: {
      IE: { estimate: 9000, lower: 8000, upper: 9800, ref: 'countries' },
      DE: { estimate: 12000, lower: 10000, upper: 13000, ref: 'countries' },
      GB: { estimate: 4000, lower: 3000, upper: 5000, ref: 'countries' },
      US: { estimate: 15000, lower: 12000, upper: 17000, ref: 'countries' },
      unknown: { estimate: 8210, lower: 8000, upper: 8400, ref: 'countries' },
    },
    by_subdivision: { 'US-CA': { estimate: 4000, lower: 3500, upper: 4500, ref: 'countries' } },
    by_category: {
      contact: { estimate: 48210, lower: 41000, upper: 52000, rows: 91234, ref: 'categories' },
      chat_content: { estimate: 40000, lower: 35000, upper: 45000, rows: 610000, ref: 'categories' },
      health: { estimate: 1200, lower: 800, upper: 1500, rows: 2100, ref: 'categories' },
      credentials: { estimate: 310, lower: 250, upper: 400, rows: 512, ref: 'categories' },
    },
    secrets: [{ kind: 'openai_api_key', provider: 'OpenAI', count: 12, severity: 'critical', preview: 'sk-…Q7x' }],
    sources: [{ path: 'samples/data/log_stream.tsv.gz', sha256: 'a'.repeat(64), rows: 1_000_000 }],
    provenance: [
      { id: 'subjects', description: 'distinct linked persons', query: 'SELECT count(DISTINCT person_id) FROM subjects', rule_pack_version: '2026.11.1', computed_at: '2026-11-25T10:00:00Z' },
      { id: 'countries', description: 'persons by country', query: 'SELECT country, count(*) FROM subjects GROUP BY 1', rule_pack_version: '2026.11.1', computed_at: '2026-11-25T10:00:00Z' },
      { id: 'categories', description: 'persons by data category', query: 'SELECT category, count(DISTINCT person_id) FROM findings GROUP BY 1', rule_pack_version: '2026.11.1', computed_at: '2026-11-25T10:00:00Z' },
    ],
  };
}

function sampleFacts(): BreachFactsInput {
  const sample = JSON.parse(readFileSync(path.join(ROOT, 'samples/facts.json'), 'utf8')) as BreachFactsInput;
  return { ...sample, measured: measured() };
}

async function pdfText(buf: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  return parts.join('\n');
}

let facts: BreachFactsInput;
let assessment: Assessment;
let art33: DraftDocument;

beforeAll(() => {
  facts = sampleFacts();
  assessment = assess(facts, NOW);
  art33 = buildDraft({ regime: 'EU-GDPR', audience: 'authority', language: 'en', title: 'GDPR Art. 33 notification' }, assessment, facts);
});

describe('listDrafts', () => {
  it('lists the Art. 33 notice, the register, four Art. 34 languages, the ICO report and US notices', () => {
    const specs = listDrafts(assessment, facts);
    const keys = specs.map((s) => `${s.regime}/${s.audience}/${s.language}`);
    expect(keys).toEqual(expect.arrayContaining([
      'EU-GDPR/register/en', 'EU-GDPR/authority/en', 'EU-GDPR/subjects/en', 'EU-GDPR/subjects/de', 'EU-GDPR/subjects/fr', 'EU-GDPR/subjects/es',
      'UK-GDPR/authority/en', 'US-CA/consumers/en', 'US-CA/authority/en',
    ]));
    expect(keys.some((k) => k.startsWith('JP-APPI'))).toBe(false);
  });

  it('lists only the register when nothing must be notified', () => {
    const f: BreachFactsInput = { controller: { aware_at: '2026-11-24T09:00:00Z', establishment_countries: ['DE'], nature: ['confidentiality'], encrypted: true, key_safe: true, malicious: false }, measured: { ...measured(), by_country: { DE: { estimate: 10, lower: 10, upper: 10 } }, by_subdivision: undefined } };
    const specs = listDrafts(assess(f, NOW), f);
    expect(specs.map((s) => `${s.regime}/${s.audience}`)).toEqual(['EU-GDPR/register']);
  });
});

describe('GDPR Art. 33 draft', () => {
  it('covers every Art. 33(3) item with its citation', async () => {
    const md = (await renderDraft(art33, 'md')).toString('utf8');
    for (const item of ['33\\(3\\)\\(a\\)', '33\\(3\\)\\(b\\)', '33\\(3\\)\\(c\\)', '33\\(3\\)\\(d\\)']) expect(md).toMatch(new RegExp(item.replaceAll('\\\\', '\\\\\\\\').replace(/\\\(/g, '\\\\?\\(').replace(/\\\)/g, '\\\\?\\)')));
    expect(md).toContain('Approximate number of data subjects');
    expect(md).toContain('Measures proposed, including mitigation');
    expect(md).toContain('Phased notification');
  });

  it('cites the source of every number and lists query, rule pack and date', async () => {
    const html = (await renderDraft(art33, 'html')).toString('utf8');
    expect(html).toContain('48,210 persons (between 41,000 and 52,000)');
    expect(html).toMatch(/48,210 persons \(between 41,000 and 52,000\) <a class="src" href="#src-S1">\[S1\]<\/a>/);
    expect(html).toContain('SELECT count(DISTINCT person_id) FROM subjects');
    expect(html).toContain('2026.11.1');
    expect(art33.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['subjects', 'countries', 'categories']));
  });

  it('shows missing facts as highlighted placeholders and lists them', async () => {
    expect(missingFields(art33)).toEqual(expect.arrayContaining(['likely_consequences', 'measures_planned', 'malicious']));
    const html = (await renderDraft(art33, 'html')).toString('utf8');
    expect(html).toContain('<mark class="gap" data-field="measures_planned">[MISSING: Measures planned]</mark>');
    expect(html).toContain('Missing information');
  });

  it('never reproduces a secret preview, only kinds and counts', async () => {
    for (const fmt of ['md', 'html'] as const) {
      const out = (await renderDraft(art33, fmt)).toString('utf8');
      expect(out).not.toContain('Q7x');
      expect(out).toContain('openai');
    }
  });
});

describe('binary formats', () => {
  it('writes a DOCX that opens and holds the Art. 33 sections and the placeholders', async () => {
    const buf = await renderDraft(art33, 'docx');
    const { value } = await mammoth.extractRawText({ buffer: buf });
    expect(value).toContain('Nature of the personal data breach');
    expect(value).toContain('Likely consequences of the breach');
    expect(value).toContain('[MISSING: Measures planned]');
    expect(value).toContain('Parley AI Ltd');
  });

  it('writes a PDF whose German, French and Spanish letters keep their accents', async () => {
    const expected: Record<string, string[]> = {
      de: ['Was Sie jetzt tun können', 'Datenschutzbeauftragte', 'Gesundheit'],
      fr: ['Que s’est-il passé ?', 'Ce que vous pouvez faire dès maintenant', 'santé'],
      es: ['¿Qué ha ocurrido?', 'Qué puede hacer ahora', 'contraseña'],
    };
    for (const [language, phrases] of Object.entries(expected)) {
      const doc = buildDraft({ regime: 'EU-GDPR', audience: 'subjects', language: language as 'de', title: 'Art. 34' }, assessment, facts);
      const text = await pdfText(await renderDraft(doc, 'pdf'));
      for (const p of phrases) expect(text.replace(/\s+/g, ' ')).toContain(p);
    }
  });

  it('transliterates characters the PDF font cannot encode and says so', async () => {
    const f = { ...facts, controller: { ...facts.controller, controller_name: 'Łódź Żółw 数据 Ltd' } };
    const doc = buildDraft({ regime: 'EU-GDPR', audience: 'authority', language: 'en', title: 'Art. 33' }, assess(f, NOW), f);
    const text = (await pdfText(await renderDraft(doc, 'pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('Lódz Zólw ?? Ltd');
    expect(text).toMatch(/\d+ character\(s\) outside the Latin-1/);
    expect(toWinAnsi('Größe – café €').replaced).toBe(0);
  });
});

describe('regulator formats', () => {
  it('uses the California model headings in order in the US consumer notice', async () => {
    const doc = buildDraft({ regime: 'US-CA', audience: 'consumers', language: 'en', title: 'Notice of Data Breach' }, assessment, facts);
    const md = (await renderDraft(doc, 'md')).toString('utf8');
    const order = ['# Notice of Data Breach', '## What Happened', '## What Information Was Involved', '## What We Are Doing', '## What You Can Do', '## For More Information'].map((h) => md.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('fills the ICO report sections and the internal register', async () => {
    const ico = buildDraft({ regime: 'UK-GDPR', audience: 'authority', language: 'en', title: 'ICO' }, assessment, facts);
    const md = (await renderDraft(ico, 'md')).toString('utf8');
    for (const s of ['Report type', 'About the breach', 'Personal data', 'Data subjects', 'Consequences', 'Cyber incidents', 'Staff', 'Taking action', 'About you']) expect(md).toContain(`## ${s}`);
    expect(md).toContain('Basic personal identifiers (name, contact details)');
    expect(md).toContain('; Health;');
    const register = buildDraft({ regime: 'EU-GDPR', audience: 'register', language: 'en', title: 'Register' }, assessment, facts);
    const reg = (await renderDraft(register, 'md')).toString('utf8');
    for (const s of ['## Facts', '## Effects', '## Decisions', '## Remedial action']) expect(reg).toContain(s);
  });
});

describe('hostile input', () => {
  const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '[x](javascript:alert(3))', '![](http://evil.example/p.png)', '# heading\n- list', '\u202Egnp.exe'];

  function hostile(): BreachFactsInput {
    const f = sampleFacts();
    const p = PAYLOADS.join(' ');
    return { ...f, controller: { ...f.controller, controller_name: p, description: p, dpo_contact: p, measures_taken: PAYLOADS, likely_consequences: p, data_subject_categories: [p] } };
  }

  it('escapes every payload in HTML and keeps the strict CSP', async () => {
    const f = hostile();
    const a = assess(f, NOW);
    for (const spec of listDrafts(a, f).slice(0, 8)) {
      const html = (await renderDraft(buildDraft(spec, a, f), 'html')).toString('utf8');
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
      expect(html).not.toMatch(/<script|<img|href="javascript|src="http|\u202E/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    }
  });

  it('leaves no live Markdown link, image, HTML or heading from input', async () => {
    const f = hostile();
    const a = assess(f, NOW);
    const md = (await renderDraft(buildDraft({ regime: 'EU-GDPR', audience: 'authority', language: 'en', title: 'x' }, a, f), 'md')).toString('utf8');
    expect(md).not.toMatch(/<script|<img|\u202E/);
    // With escaped characters removed, no link or image syntax may remain from the payloads.
    const live = md.replace(/\\[\\`*_[\]!|~.:]/g, '');
    expect(live).not.toMatch(/\]\(javascript|!\[\]\(http/);
    expect(md).not.toMatch(/^#+ heading/m);
    expect(md).toContain('\\[x\\](javascript\\:alert(3))');
    expect(escapeMarkdown('www.evil.example')).toBe('www\\.evil\\.example');
  });
});
