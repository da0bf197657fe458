import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isValidIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../app/core/db/open-db.ts';
import { literal } from '../../../app/core/db/sql.ts';
import { DEFAULT_ROWS, DEFAULT_SEED } from '../../../samples/generate.ts';
import { isAadhaarValid, isBsnValid, cpfCheckDigits, itCheckChar, nricCheckLetter, peselCheckDigit } from '../../../samples/lib/national-ids.ts';
import { isLuhnValid, mod11_10CheckDigit, mod11_2CheckChar, mod97 } from '../../../samples/lib/checksums.ts';
import { parseStringArray, tsvUnescape } from '../../../samples/lib/escape.ts';
import { FILES, generateSamples } from '../../../samples/lib/generate-samples.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const committedData = path.join(root, 'samples/data');
const committedTruth = path.join(root, 'samples/truth.json');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samples-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function generateInto(rows: number, seed: number): Promise<{ data: string; truth: string }> {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  const truth = path.join(dir, 'truth.json');
  await generateSamples({ rows, seed, outDir: data, truthPath: truth });
  return { data, truth };
}

function hashes(out: { data: string; truth: string }): Record<string, string> {
  const result: Record<string, string> = { 'truth.json': sha256(out.truth) };
  for (const name of readdirSync(out.data).sort()) result[name] = sha256(path.join(out.data, name));
  return result;
}

interface Truth {
  generator: { seed: number; rows: number };
  files: Record<string, { rows: number }>;
  persons: { total: number; by_country: Record<string, number>; by_category: Record<string, unknown> };
  person_list: Array<{ id: string; country: string; observations: Array<{ kind: string; value: string; files: string[] }> }>;
  secrets: Array<{ kind: string; file: string; row: number; field: string; value: string }>;
  pii: Array<{ kind: string; file: string; row: number; field: string; value: string; normalized?: string; scheme?: string; person: string }>;
  special: Array<{ category: string; file: string; row: number; field: string; person: string }>;
  decoys: Array<{ kind: string; file: string; row: number; field: string; text: string }>;
}

/** Reads every record of the three files into field-path → decoded text maps, by 1-based row. */
function readRecords(dataDir: string): Record<string, Array<Map<string, string>>> {
  const log: Array<Map<string, string>> = [];
  const lines = readFileSync(path.join(dataDir, FILES.log), 'utf8').split('\n');
  const header = lines[0]!.split('\t');
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const cells = line.split('\t');
    expect(cells.length).toBe(header.length);
    const record = new Map<string, string>();
    header.forEach((name, i) => record.set(name, tsvUnescape(cells[i]!)));
    const names = parseStringArray(cells[header.indexOf('string.names')]!);
    const values = parseStringArray(cells[header.indexOf('string.values')]!);
    names.forEach((name, i) => record.set(`string.${name}`, values[i]!));
    log.push(record);
  }
  const chat: Array<Map<string, string>> = [];
  for (const line of gunzipSync(readFileSync(path.join(dataDir, FILES.chat))).toString('utf8').split('\n')) {
    if (line === '') continue;
    const record = new Map<string, string>();
    flatten(JSON.parse(line), '', record);
    chat.push(record);
  }
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(dataDir, FILES.billing), 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const billing = parsed.data.map((row) => new Map(Object.entries(row)));
  return { [FILES.log]: log, [FILES.chat]: chat, [FILES.billing]: billing };
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix, String(value));
}

describe('sample generator', () => {
  it('writes byte-identical files for the same seed and different files for another seed', async () => {
    const a = await generateInto(1500, 7);
    const b = await generateInto(1500, 7);
    const c = await generateInto(1500, 8);
    expect(hashes(b)).toEqual(hashes(a));
    const other = hashes(c);
    for (const [name, hash] of Object.entries(hashes(a))) expect(other[name], name).not.toBe(hash);
  });

  it('refuses a row count too small to hold the population', async () => {
    await expect(generateSamples({ rows: 10, seed: 1, outDir: tempDir(), truthPath: path.join(tempDir(), 't.json') })).rejects.toThrow(/at least 1000/);
  });
});

describe('committed sample set', () => {
  let truth: Truth;
  let records: Record<string, Array<Map<string, string>>>;

  beforeAll(() => {
    truth = JSON.parse(readFileSync(committedTruth, 'utf8')) as Truth;
    records = readRecords(committedData);
  });

  it('is exactly what the default command generates', async () => {
    const fresh = await generateInto(DEFAULT_ROWS, DEFAULT_SEED);
    expect(hashes({ data: committedData, truth: committedTruth })).toEqual(hashes(fresh));
  }, 60_000);

  it('has the row counts the truth states', () => {
    for (const [name, { rows }] of Object.entries(truth.files)) expect(records[name]!.length, name).toBe(rows);
    expect(truth.files[FILES.log]!.rows).toBe(truth.generator.rows);
  });

  it('holds every planted secret, PII item and decoy at the stated row and field', () => {
    for (const item of [...truth.secrets, ...truth.pii]) {
      const text = records[item.file]![item.row - 1]?.get(item.field);
      expect(text, `${item.kind} ${item.file}:${item.row} ${item.field}`).toBeDefined();
      expect(text!.includes(item.value), `${item.kind} ${item.file}:${item.row} ${item.field}`).toBe(true);
    }
    for (const decoy of truth.decoys) {
      const text = records[decoy.file]![decoy.row - 1]?.get(decoy.field);
      expect(text?.includes(decoy.text), `${decoy.kind} ${decoy.file}:${decoy.row}`).toBe(true);
    }
    for (const item of truth.special) expect(records[item.file]![item.row - 1]?.get(item.field), `${item.category} ${item.file}:${item.row}`).toBeTruthy();
  });

  it('plants a few hundred secrets of many kinds and decoys of every kind', () => {
    expect(truth.secrets.length).toBeGreaterThan(200);
    expect(new Set(truth.secrets.map((s) => s.kind)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(truth.decoys.map((d) => d.kind)).size).toBeGreaterThanOrEqual(11);
    const values = new Set(truth.secrets.map((s) => s.value));
    for (const decoy of truth.decoys) expect(values.has(decoy.text)).toBe(false);
  });

  it('counts persons consistently and has at least five countries with 100 or more', () => {
    expect(truth.person_list.length).toBe(truth.persons.total);
    const sum = Object.values(truth.persons.by_country).reduce((a, b) => a + b, 0);
    expect(sum).toBe(truth.persons.total);
    expect(Object.values(truth.persons.by_country).filter((n) => n >= 100).length).toBeGreaterThanOrEqual(5);
    expect(truth.persons.total).toBeGreaterThanOrEqual(1000);
    const ids = new Set(truth.person_list.map((p) => p.id));
    for (const item of [...truth.pii, ...truth.special]) expect(ids.has(item.person), item.person).toBe(true);
  });

  it('uses phone numbers, IBANs and cards that pass their validators, and decoys that fail them', () => {
    for (const item of truth.pii) {
      if (item.kind === 'phone') expect(isValidPhoneNumber(item.normalized!), item.value).toBe(true);
      if (item.kind === 'iban') expect(isValidIBAN(item.normalized!), item.value).toBe(true);
      if (item.kind === 'card_number') expect(isLuhnValid(item.normalized!), item.value).toBe(true);
    }
    for (const decoy of truth.decoys) {
      if (decoy.kind === 'luhn_invalid_card') expect(isLuhnValid(decoy.text)).toBe(false);
      if (decoy.kind === 'iban_bad_checksum') expect(isValidIBAN(decoy.text)).toBe(false);
    }
  });

  it('gives every national id a correct check digit for its scheme', () => {
    const checks: Record<string, (v: string) => boolean> = {
      de_tax_id: (v) => mod11_10CheckDigit(v.slice(0, 10)) === Number(v[10]),
      fr_nir: (v) => 97 - mod97(v.slice(0, 13)) === Number(v.slice(13)),
      es_dni: (v) => 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(v.slice(0, 8)) % 23] === v[8],
      it_codice_fiscale: (v) => itCheckChar(v.slice(0, 15)) === v[15],
      nl_bsn: isBsnValid,
      pl_pesel: (v) => peselCheckDigit(v.slice(0, 10)) === Number(v[10]),
      br_cpf: (v) => cpfCheckDigits(v.replace(/\D/g, '').slice(0, 9)) === v.replace(/\D/g, '').slice(9),
      in_aadhaar: isAadhaarValid,
      cn_resident_id: (v) => mod11_2CheckChar(v.slice(0, 17)) === v[17],
      sg_nric: (v) => nricCheckLetter(v[0]!, v.slice(1, 8)) === v[8],
      us_ssn: (v) => /^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/.test(v),
      uk_nino: (v) => /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] \d{2} \d{2} \d{2} [A-D]$/.test(v),
    };
    const ids = truth.pii.filter((p) => p.kind === 'national_id');
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(checks[id.scheme!]!(id.value), `${id.scheme} ${id.value}`).toBe(true);
  });

  it('places every person IP in their own country according to DB-IP', () => {
    const ranges = readFileSync(path.join(root, 'node_modules/@ip-location-db/dbip-country/dbip-country-ipv4-num.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','))
      .map(([a, b, cc]) => [Number(a), Number(b), cc!] as const);
    const countryOf = (ip: string) => {
      const n = ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [a, b, cc] = ranges[mid]!;
        if (n < a) hi = mid - 1;
        else if (n > b) lo = mid + 1;
        else return cc;
      }
      return undefined;
    };
    let checked = 0;
    for (const person of truth.person_list) {
      for (const o of person.observations) {
        if (o.kind !== 'ip') continue;
        expect(countryOf(o.value), `${person.id} ${o.value}`).toBe(person.country);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('parses in DuckDB with the row counts the truth states', async () => {
    const db = await openDb({ dbPath: ':memory:', allowedDirectories: [committedData] });
    try {
      const tsv = await db.one<{ n: number }>(
        `SELECT count(*) AS n FROM read_csv(${literal(path.join(committedData, FILES.log))}, delim = '\t', quote = '', escape = '', header = true, all_varchar = true)`,
      );
      expect(tsv?.n).toBe(truth.files[FILES.log]!.rows);
      const json = await db.one<{ n: number }>(`SELECT count(*) AS n FROM read_json(${literal(path.join(committedData, FILES.chat))}, format = 'newline_delimited')`);
      expect(json?.n).toBe(truth.files[FILES.chat]!.rows);
      const csv = await db.one<{ n: number; notes: number }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE note LIKE '%' || chr(10) || '%') AS notes FROM read_csv(${literal(path.join(committedData, FILES.billing))}, header = true, quote = '"', escape = '"', nullstr = '\\N', all_varchar = true)`,
      );
      expect(csv?.n).toBe(truth.files[FILES.billing]!.rows);
      expect(csv?.notes).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
