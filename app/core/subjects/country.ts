/**
 * Country of a person from the strongest evidence available, and the offline IP-to-country
 * table. Evidence ranks (strongest first) are data: a national id's scheme names its country
 * outright; an IBAN names the account's country; a phone number its country of issue; an
 * address where the person lives; an email ccTLD and a locale only hint; IP geolocation comes
 * last because VPNs, roaming and corporate egress move it.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import phoneMetadata from 'libphonenumber-js/metadata.min.json';
import type { Db } from '../db/open-db.ts';
import { literal } from '../db/sql.ts';

export type CountryBasis =
  | 'national_id'
  | 'iban'
  | 'phone'
  | 'postal_address'
  | 'country_field'
  | 'email_tld'
  | 'locale'
  | 'ip'
  | 'none';

/** Lower rank = stronger. `none` means the country is `unknown`. */
export const COUNTRY_EVIDENCE_RANK: Readonly<Record<CountryBasis, number>> = {
  national_id: 1,
  iban: 2,
  phone: 3,
  postal_address: 4,
  country_field: 5,
  email_tld: 6,
  locale: 7,
  ip: 8,
  none: 99,
};

export const UNKNOWN_COUNTRY = 'unknown';

/**
 * Country-code domains that are marketed worldwide and say nothing about where the owner
 * lives (.io, .co, .me, .ai, .tv ...).
 */
export const GENERIC_CCTLDS: readonly string[] = [
  'ac', 'ai', 'am', 'app', 'cc', 'cd', 'co', 'fm', 'gg', 'io', 'is', 'la', 'ly', 'me', 'ms', 'mu', 'nu', 'sh', 'so', 'st', 'to', 'tv', 'vc', 'ws', 'xyz',
];

/** Two-letter ccTLDs whose ISO code differs. */
const TLD_TO_ISO: Readonly<Record<string, string>> = { uk: 'GB', su: 'RU', eu: '' };

export function countryFromEmail(email: string): string | null {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (!/^[a-z]{2}$/.test(tld) || GENERIC_CCTLDS.includes(tld)) return null;
  const iso = TLD_TO_ISO[tld] ?? tld.toUpperCase();
  return iso === '' ? null : iso;
}

export function countryFromPhone(e164: string): string | null {
  if (!e164.startsWith('+')) return null;
  try {
    const parsed = parsePhoneNumberFromString(e164);
    if (!parsed) return null;
    // Numbers outside allocated ranges still carry their calling code; the metadata lists its
    // main country first (US for +1, GB for +44).
    if (parsed.country) return parsed.country;
    const codes = (phoneMetadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes;
    return codes[parsed.countryCallingCode]?.[0] ?? null;
  } catch {
    return null;
  }
}

export function countryFromIban(iban: string): string | null {
  const cc = iban.slice(0, 2).toUpperCase();
  return /^[A-Z]{2}$/.test(cc) ? cc : null;
}

/** A few common IANA zones; a timezone only hints at a country, so this stays short. */
export const TIMEZONE_COUNTRY: Readonly<Record<string, string>> = {
  'europe/berlin': 'DE', 'europe/paris': 'FR', 'europe/london': 'GB', 'europe/madrid': 'ES', 'europe/rome': 'IT',
  'europe/amsterdam': 'NL', 'europe/warsaw': 'PL', 'europe/vienna': 'AT', 'europe/zurich': 'CH', 'europe/brussels': 'BE',
  'europe/dublin': 'IE', 'europe/lisbon': 'PT', 'europe/stockholm': 'SE', 'europe/oslo': 'NO', 'europe/copenhagen': 'DK',
  'europe/helsinki': 'FI', 'europe/prague': 'CZ', 'europe/budapest': 'HU', 'europe/athens': 'GR', 'europe/bucharest': 'RO',
  'america/new_york': 'US', 'america/chicago': 'US', 'america/denver': 'US', 'america/los_angeles': 'US', 'america/phoenix': 'US',
  'america/toronto': 'CA', 'america/vancouver': 'CA', 'america/sao_paulo': 'BR', 'america/mexico_city': 'MX',
  'asia/kolkata': 'IN', 'asia/calcutta': 'IN', 'asia/shanghai': 'CN', 'asia/singapore': 'SG', 'asia/tokyo': 'JP',
  'asia/seoul': 'KR', 'australia/sydney': 'AU', 'australia/melbourne': 'AU',
};

/**
 * Country from a locale (`de-DE`, `pt_BR`, `en-GB.UTF-8`), a country field (`DE`, `de`) or a
 * timezone (`Europe/Berlin`). A bare language (`de`, `en`) names no country.
 */
export function countryFromLocale(value: string): string | null {
  const v = value.trim();
  const tz = TIMEZONE_COUNTRY[v.toLowerCase()];
  if (tz) return tz;
  const m = /^[a-zA-Z]{2,3}[-_]([a-zA-Z]{2})(?:[.@-].*)?$/.exec(v);
  if (m?.[1]) return m[1].toUpperCase();
  return null;
}

export function countryFromCountryField(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (v === 'UK') return 'GB';
  return /^[A-Z]{2}$/.test(v) ? v : null;
}

// ---- offline IP table ----

export interface IpTableInfo {
  name: string;
  version: string;
  /** Release date of the data (from the package version, which encodes it). */
  date: string | null;
  licence: string;
  attribution: string;
  loaded: boolean;
}

const IP_PACKAGE = '@ip-location-db/dbip-country';

function ipPackageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${IP_PACKAGE}/package.json`));
}

/** The CSV files the case database must be allowed to read (pass to `openDb({allowedPaths})`). */
export function ipCountryTablePaths(): string[] {
  const dir = ipPackageDir();
  return [path.join(dir, 'dbip-country-ipv4-num.csv'), path.join(dir, 'dbip-country-ipv6-num.csv')];
}

export function ipTableInfo(loaded = false): IpTableInfo {
  let version = 'unknown';
  try {
    const pkg = JSON.parse(readFileSync(path.join(ipPackageDir(), 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') version = pkg.version;
  } catch {
    // Reported as unknown; the table is then not loaded either.
  }
  // The package encodes its data release as the patch number: 2.3.2026060120 → 2026-06-01.
  const m = /(\d{4})(\d{2})(\d{2})\d*$/.exec(version);
  return {
    name: 'DB-IP IP to Country Lite (via @ip-location-db/dbip-country)',
    version,
    date: m ? `${m[1]}-${m[2]}-${m[3]}` : null,
    licence: 'CC BY 4.0',
    attribution: 'IP Geolocation by DB-IP (https://db-ip.com)',
    loaded,
  };
}

/**
 * Loads the ranges into `subject_ip_ranges_v4` / `_v6` (replacing earlier copies). Returns
 * false when the files are missing or not readable by this database (then IP evidence is
 * skipped and the summary says so).
 */
export async function loadIpCountryTable(db: Db, options: { ipv6: boolean }): Promise<boolean> {
  const [v4, v6] = ipCountryTablePaths();
  if (!v4 || !v6) return false;
  const present = async (table: string) =>
    Number((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name = ${literal(table)}`))?.n ?? 0) > 0;
  const version = ipTableInfo().version;
  const loadedVersion = async (table: string) =>
    (await present(table)) && (await db.one<{ v: string }>(`SELECT comment AS v FROM duckdb_tables() WHERE table_name = ${literal(table)}`))?.v === version;
  try {
    // The ranges stay in the case database between runs; reloaded only when the package changes.
    if (!(await loadedVersion('subject_ip_ranges_v4'))) await loadRanges(db, 'subject_ip_ranges_v4', v4, 'UBIGINT', version);
    if (options.ipv6 && !(await loadedVersion('subject_ip_ranges_v6'))) await loadRanges(db, 'subject_ip_ranges_v6', v6, 'UHUGEINT', version);
    return true;
  } catch {
    return false;
  }
}

async function loadRanges(db: Db, table: string, file: string, type: 'UBIGINT' | 'UHUGEINT', version: string): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${table} AS
    SELECT column0 AS range_start, column1 AS range_end, column2 AS cc
    FROM read_csv(${literal(file)}, header = false, columns = {'column0': '${type}', 'column1': '${type}', 'column2': 'VARCHAR'})
    ORDER BY range_start`);
  await db.exec(`COMMENT ON TABLE ${table} IS ${literal(version)}`);
}

/** IPv6 text → 128-bit number; null when malformed. */
export function ipv6ToBigInt(ip: string): bigint | null {
  const v = ip.trim().toLowerCase();
  if (!/^[0-9a-f:]+$/.test(v)) return null;
  const halves = v.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of groups) {
    if (g.length === 0 || g.length > 4) return null;
    n = (n << 16n) + BigInt(parseInt(g, 16));
  }
  return n;
}

/** Private, loopback, link-local and CGNAT IPv4 ranges carry no country. */
export const PRIVATE_IPV4_SQL = (num: string) =>
  `(${num} BETWEEN 167772160 AND 184549375 OR ${num} BETWEEN 2886729728 AND 2887778303 OR ${num} BETWEEN 3232235520 AND 3232301055
    OR ${num} BETWEEN 2130706432 AND 2147483647 OR ${num} BETWEEN 2851995648 AND 2852061183 OR ${num} BETWEEN 1681915904 AND 1686110207)`;
