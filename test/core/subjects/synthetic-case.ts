/**
 * A synthetic chat-service log with the fragmentation real leaks show, written straight into a
 * case database (schema tables, one `src_1` source, findings for identifiers in chat text),
 * with the ground truth returned alongside.
 *
 * Fragmentation modelled: registered users browse logged out (guest sessions on their own
 * device) and on devices they never log in from; people share office/carrier NAT addresses;
 * some open a second account with the same email; guests write their email in chat; some
 * people exist only as an address in someone else's pasted list; some rows carry no
 * identifier and some only an IP.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../../../app/core/db/open-db.ts';
import { SCHEMA_SQL } from '../../../app/core/db/schema.ts';
import { storeFindingRows } from '../../../app/core/db/findings-store.ts';
import { ipCountryTablePaths } from '../../../app/core/subjects/country.ts';

export interface SyntheticOptions {
  persons: number;
  seed?: number;
  /** Fraction of registered users with a device they never log in from. */
  unloggedDeviceRate?: number;
}

export interface SyntheticTruth {
  persons: number;
  rows: number;
  byCountry: Record<string, number>;
  /** Persons with each kind of exposed contact data (for the notification list). */
  withContact: number;
  naive: { userIds: number; emails: number; devices: number; sessions: number };
}

class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    // mulberry32
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
}

interface CountryProfile {
  cc: string;
  weight: number;
  locale: string;
  providers: string[];
  phone: (r: Prng) => string;
  nationalKind: string;
  nationalId: (r: Prng) => string;
}

const COUNTRIES: CountryProfile[] = [
  { cc: 'DE', weight: 0.25, locale: 'de-DE', providers: ['gmx.de', 'web.de', 'gmail.com', 't-online.de'], phone: (r) => `+49 ${r.pick(['151', '160', '170', '176'])} ${r.digits(8)}`, nationalKind: 'tax_id_de', nationalId: (r) => r.digits(11) },
  { cc: 'US', weight: 0.22, locale: 'en-US', providers: ['gmail.com', 'yahoo.com', 'outlook.com'], phone: (r) => `+1 ${r.pick(['212', '415', '646', '305', '312', '617'])} ${r.int(200, 999)} ${r.digits(4)}`, nationalKind: 'ssn_us', nationalId: (r) => `${r.int(100, 665)}-${r.int(10, 99)}-${r.int(1000, 9999)}` },
  { cc: 'FR', weight: 0.12, locale: 'fr-FR', providers: ['orange.fr', 'free.fr', 'gmail.com'], phone: (r) => `+33 6 ${r.digits(8)}`, nationalKind: 'nir_fr', nationalId: (r) => r.digits(15) },
  { cc: 'GB', weight: 0.1, locale: 'en-GB', providers: ['gmail.com', 'btinternet.com', 'yahoo.co.uk'], phone: (r) => `+44 7${r.pick(['400', '500', '800', '900'])} ${r.digits(6)}`, nationalKind: 'nino_uk', nationalId: (r) => `QQ${r.digits(6)}C` },
  { cc: 'ES', weight: 0.08, locale: 'es-ES', providers: ['gmail.com', 'hotmail.es'], phone: (r) => `+34 6${r.digits(8)}`, nationalKind: 'dni_es', nationalId: (r) => `${r.digits(8)}Z` },
  { cc: 'IT', weight: 0.07, locale: 'it-IT', providers: ['libero.it', 'gmail.com'], phone: (r) => `+39 3${r.digits(9)}`, nationalKind: 'codice_fiscale_it', nationalId: (r) => `RSSMRA${r.digits(2)}A${r.digits(2)}H501Z` },
  { cc: 'BR', weight: 0.08, locale: 'pt-BR', providers: ['gmail.com', 'uol.com.br'], phone: (r) => `+55 11 9${r.digits(8)}`, nationalKind: 'cpf_br', nationalId: (r) => r.digits(11) },
  { cc: 'IN', weight: 0.08, locale: 'en-IN', providers: ['gmail.com'], phone: (r) => `+91 9${r.digits(9)}`, nationalKind: 'aadhaar_in', nationalId: (r) => r.digits(12) },
];

function pickCountry(r: Prng): CountryProfile {
  let x = r.next();
  for (const c of COUNTRIES) {
    x -= c.weight;
    if (x <= 0) return c;
  }
  return COUNTRIES[0]!;
}

let rangeCache: Map<string, Array<[number, number]>> | null = null;
function ipRanges(): Map<string, Array<[number, number]>> {
  if (rangeCache) return rangeCache;
  const wanted = new Set(COUNTRIES.map((c) => c.cc));
  const map = new Map<string, Array<[number, number]>>();
  const text = readFileSync(ipCountryTablePaths()[0]!, 'utf8');
  for (const line of text.split('\n')) {
    const [a, b, cc] = line.split(',');
    if (!cc || !wanted.has(cc.trim())) continue;
    const start = Number(a);
    const end = Number(b);
    if (end - start < 1023) continue;
    const list = map.get(cc.trim()) ?? [];
    list.push([start, end]);
    map.set(cc.trim(), list);
  }
  rangeCache = map;
  return map;
}

function ipIn(r: Prng, cc: string): string {
  const range = r.pick(ipRanges().get(cc)!);
  const n = range[0] + 1 + Math.floor(r.next() * (range[1] - range[0] - 1));
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

interface Row {
  user_id: string | null;
  email: string | null;
  phone: string | null;
  ip: string | null;
  device_id: string | null;
  session_id: string | null;
  locale: string | null;
  message: string | null;
}

interface Mention {
  row: number;
  kind: string;
  category: string;
  normalized: string;
  country?: string;
}

const FIRST = ['anna', 'ben', 'carla', 'david', 'eva', 'felix', 'gina', 'hugo', 'ines', 'jonas', 'kim', 'lea', 'marc', 'nora', 'omar', 'pia'];
const LAST = ['smith', 'muller', 'rossi', 'garcia', 'martin', 'silva', 'kumar', 'nowak', 'jones', 'weber', 'dubois', 'costa'];

export async function buildSyntheticCase(db: Db, options: SyntheticOptions): Promise<SyntheticTruth> {
  const r = new Prng(options.seed ?? 7);
  const unloggedDeviceRate = options.unloggedDeviceRate ?? 0.3;
  await db.exec(SCHEMA_SQL);
  const rows: Row[] = [];
  const mentions: Mention[] = [];
  const byCountry: Record<string, number> = {};
  const userIds = new Set<string>();
  const emails = new Set<string>();
  const devices = new Set<string>();
  let sessions = 0;
  let withContact = 0;
  let personCount = 0;
  let uid = 100000;

  // Shared addresses: offices and carrier NAT per country, each used by many people.
  const natPool = new Map<string, string[]>();
  for (const c of COUNTRIES) natPool.set(c.cc, Array.from({ length: Math.max(2, Math.round(options.persons * c.weight / 25)) }, () => ipIn(r, c.cc)));

  const addPerson = (c: CountryProfile) => {
    personCount++;
    byCountry[c.cc] = (byCountry[c.cc] ?? 0) + 1;
  };

  const newEmail = (c: CountryProfile, local: string) => `${local}@${r.pick(c.providers)}`;
  const pendingMentioned: Array<{ email: string; c: CountryProfile }> = [];

  for (let p = 0; p < options.persons; p++) {
    const c = pickCountry(r);
    const kind = r.next();
    const local = `${r.pick(FIRST)}.${r.pick(LAST)}${r.int(1, 9999)}`;
    if (kind < 0.05) {
      // Known only from someone else's pasted list.
      pendingMentioned.push({ email: newEmail(c, local), c });
      addPerson(c);
      withContact++;
      emails.add(pendingMentioned[pendingMentioned.length - 1]!.email);
      continue;
    }
    addPerson(c);
    const registered = kind < 0.7;
    const homeIp = r.chance(0.25) ? r.pick(natPool.get(c.cc)!) : ipIn(r, c.cc);
    const email = registered || r.chance(0.25) ? newEmail(c, local) : null;
    const phone = registered ? (r.chance(0.5) ? c.phone(r) : null) : r.chance(0.1) ? c.phone(r) : null;
    if (email || phone) withContact++;
    if (email) emails.add(email);
    const accounts = registered ? [String(uid++)] : [];
    if (registered && r.chance(0.02)) accounts.push(String(uid++));
    accounts.forEach((a) => userIds.add(a));
    const hasLocale = r.chance(0.5);
    const nationalId = c.nationalId(r).replace(/[^0-9A-Za-z]/g, '').toUpperCase();
    const deviceCount = registered ? r.int(1, 3) : r.chance(0.85) ? 1 : 2;
    let emailWritten = false;
    for (let d = 0; d < deviceCount; d++) {
      const device = r.hex(16);
      devices.add(device);
      const logsIn = registered && (d === 0 || !r.chance(unloggedDeviceRate));
      const account = accounts[Math.min(d, accounts.length - 1)] ?? null;
      const sessionCount = r.int(1, 4);
      for (let s = 0; s < sessionCount; s++) {
        sessions++;
        const session = r.hex(12);
        const loggedIn = logsIn && !r.chance(0.15);
        const ip = r.chance(0.6) ? homeIp : r.chance(0.9) ? r.pick(natPool.get(c.cc)!) : ipIn(r, r.chance(0.8) ? c.cc : pickCountry(r).cc);
        const rowCount = r.int(1, 8);
        for (let k = 0; k < rowCount; k++) {
          const row: Row = {
            user_id: loggedIn ? account : null,
            email: loggedIn && k === 0 && r.chance(0.3) ? email : null,
            phone: loggedIn && phone && r.chance(0.1) ? phone : null,
            ip,
            device_id: device,
            session_id: session,
            locale: hasLocale ? c.locale : null,
            message: 'please help me rewrite this paragraph',
          };
          rows.push(row);
          const at = rows.length;
          if (r.chance(0.01)) mentions.push({ row: at, kind: c.nationalKind, category: 'national_id', normalized: nationalId, country: c.cc });
          if (!loggedIn && email && !emailWritten && r.chance(0.3)) {
            emailWritten = true;
            // Guests write their address with different case and a plus tag.
            const [l, dom] = email.split('@') as [string, string];
            const written = dom === 'gmail.com' ? `${l.toUpperCase()}+chat@${dom}` : email.toUpperCase();
            mentions.push({ row: at, kind: 'email', category: 'contact', normalized: written.toLowerCase() });
          }
          if (r.chance(0.005)) mentions.push({ row: at, kind: 'health', category: 'special', normalized: '' });
        }
      }
    }
  }
  // Pasted lists of three to five addresses from people who appear nowhere else.
  while (pendingMentioned.length > 0) {
    const host = r.int(0, rows.length - 1);
    const batch = pendingMentioned.splice(0, r.int(3, 5));
    for (const m of batch) mentions.push({ row: host + 1, kind: 'email', category: 'contact', normalized: m.email });
  }
  // Health-check lines with no identifier, and anonymous pings with only an IP.
  const noIdent = Math.round(rows.length * 0.03);
  for (let i = 0; i < noIdent; i++) rows.push({ user_id: null, email: null, phone: null, ip: null, device_id: null, session_id: null, locale: null, message: 'GET /health 200' });

  await writeSource(db, rows);
  await writeFindings(db, mentions);
  return {
    persons: personCount,
    rows: rows.length,
    byCountry,
    withContact,
    naive: { userIds: userIds.size, emails: emails.size, devices: devices.size, sessions },
  };
}

const COLUMNS: Array<[keyof Row, string]> = [
  ['user_id', 'user_id'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['ip', 'ip'],
  ['device_id', 'device_id'],
  ['session_id', 'session_id'],
  ['locale', 'locale'],
  ['message', 'message'],
];

async function writeSource(db: Db, rows: Row[]): Promise<void> {
  await db.exec(
    `INSERT INTO sources VALUES (1, '/synthetic/log_stream.tsv', 'log_stream.tsv', 'synthetic', 0, 'tsv', 'none', NULL, ${rows.length}, 0, now())`,
  );
  await db.exec(`CREATE TABLE src_1 (__row BIGINT, __line BIGINT, ${COLUMNS.map(([c]) => `"${c}" VARCHAR`).join(', ')})`);
  for (const [i, [name, role]] of COLUMNS.entries()) {
    await db.exec(`INSERT INTO source_columns (source_id, ordinal, column_name, original, type, role, role_origin, role_reason) VALUES (1, ${i + 1}, '${name}', '${name}', 'VARCHAR', '${role}', 'auto', 'synthetic')`);
  }
  const appender = await db.connection.createAppender('src_1');
  rows.forEach((row, i) => {
    appender.appendBigInt(BigInt(i + 1));
    appender.appendBigInt(BigInt(i + 2));
    for (const [c] of COLUMNS) {
      const v = row[c];
      if (v === null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.endRow();
  });
  appender.closeSync();
}

async function writeFindings(db: Db, mentions: Mention[]): Promise<void> {
  await db.exec(`CREATE TEMP TABLE synthetic_findings AS SELECT * FROM findings LIMIT 0`);
  const appender = await db.connection.createAppender('synthetic_findings', 'main', 'temp');
  mentions.forEach((m, i) => {
    appender.appendBigInt(BigInt(i + 1));
    appender.appendInteger(1);
    appender.appendBigInt(BigInt(m.row));
    appender.appendVarchar('message');
    appender.appendVarchar(`pii.${m.kind}`);
    appender.appendInteger(1);
    appender.appendVarchar(m.category);
    appender.appendVarchar(m.kind);
    appender.appendNull();
    appender.appendVarchar('high');
    appender.appendDouble(0.9);
    appender.appendNull();
    appender.appendNull();
    appender.appendVarchar('***');
    appender.appendVarchar('0'.repeat(64));
    if (m.normalized) appender.appendVarchar(m.normalized);
    else appender.appendNull();
    if (m.country) appender.appendVarchar(JSON.stringify({ country: m.country }));
    else appender.appendNull();
    appender.appendVarchar('unreviewed');
    appender.endRow();
  });
  appender.closeSync();
  await storeFindingRows(db, 'SELECT * FROM synthetic_findings');
  await db.exec('DROP TABLE synthetic_findings');
}
