/**
 * Identifier kinds, their tiers and their normalisers, as data. Tiers follow the practice of
 * breach-review tools:
 * - primary identifies exactly one person, and two persons never share one (account / user id,
 *   national id, passport). Two different primary values of the same kind never merge.
 * - secondary is usually one person's but can be shared (email, phone, IBAN, card, birth date).
 * - weak links only with corroboration (session, device, IP): a NAT or office IP is shared by
 *   strangers, a family tablet by relatives.
 *
 * Normalisation runs in SQL (DuckDB, RE2) so that a million rows never pass through JS; each
 * kind has a SQL expression builder and a JS twin used by tests and by code that handles
 * single values.
 */

export type IdentifierTier = 'primary' | 'secondary' | 'weak';

/** How an identifier may join observations into one person. */
export type LinkRule =
  | 'row' // links everything it co-occurs with in a row (strong identifiers, sessions)
  | 'exclusive' // links only when the data never shows it with two identified persons (devices)
  | 'never'; // informs the estimate and the country, never merges (IP, birth date)

export interface IdentifierKind {
  kind: string;
  tier: IdentifierTier;
  link: LinkRule;
  /** Data category the identifier itself belongs to. */
  category: 'contact' | 'financial' | 'national_id' | 'online_id' | 'demographic' | 'account';
  /** Country implied by the identifier's scheme (national ids). */
  country?: string;
  /** Column roles (assigned at ingest) whose values are this identifier. */
  roles: readonly string[];
  /** Whether findings of this kind inside free text are used as identifiers. */
  fromText: boolean;
}

const NATIONAL_IDS: ReadonlyArray<[string, string]> = [
  ['ssn_us', 'US'],
  ['nino_uk', 'GB'],
  ['tax_id_de', 'DE'],
  ['nir_fr', 'FR'],
  ['codice_fiscale_it', 'IT'],
  ['dni_es', 'ES'],
  ['nie_es', 'ES'],
  ['bsn_nl', 'NL'],
  ['pesel_pl', 'PL'],
  ['cpf_br', 'BR'],
  ['aadhaar_in', 'IN'],
  ['resident_id_cn', 'CN'],
  ['nric_sg', 'SG'],
];

export const IDENTIFIER_KINDS: readonly IdentifierKind[] = [
  { kind: 'user_id', tier: 'primary', link: 'row', category: 'account', roles: ['user_id'], fromText: false },
  { kind: 'account', tier: 'primary', link: 'row', category: 'account', roles: ['account'], fromText: false },
  { kind: 'passport', tier: 'primary', link: 'row', category: 'national_id', roles: [], fromText: true },
  ...NATIONAL_IDS.map(
    ([kind, country]): IdentifierKind => ({ kind, tier: 'primary', link: 'row', category: 'national_id', country, roles: [], fromText: true }),
  ),
  { kind: 'email', tier: 'secondary', link: 'row', category: 'contact', roles: ['email'], fromText: true },
  { kind: 'phone', tier: 'secondary', link: 'row', category: 'contact', roles: ['phone'], fromText: true },
  { kind: 'iban', tier: 'secondary', link: 'row', category: 'financial', roles: [], fromText: true },
  { kind: 'payment_card', tier: 'secondary', link: 'row', category: 'financial', roles: [], fromText: true },
  // Thousands of people share a birthday: it corroborates, it never joins.
  { kind: 'date_of_birth', tier: 'secondary', link: 'never', category: 'demographic', roles: [], fromText: false },
  // A session is one browser's login; rows of a session are treated as one row.
  { kind: 'session_id', tier: 'weak', link: 'row', category: 'online_id', roles: ['session_id'], fromText: false },
  { kind: 'device_id', tier: 'weak', link: 'exclusive', category: 'online_id', roles: ['device_id'], fromText: false },
  { kind: 'ip', tier: 'weak', link: 'never', category: 'online_id', roles: ['ip'], fromText: false },
];

const BY_KIND = new Map(IDENTIFIER_KINDS.map((k) => [k.kind, k]));

export function identifierKind(kind: string): IdentifierKind | undefined {
  return BY_KIND.get(kind);
}

/** Role → identifier kind, for mapped columns. */
export function kindForRole(role: string): IdentifierKind | undefined {
  return IDENTIFIER_KINDS.find((k) => k.roles.includes(role));
}

export const PRIMARY_KINDS = IDENTIFIER_KINDS.filter((k) => k.tier === 'primary').map((k) => k.kind);
export const TEXT_KINDS = IDENTIFIER_KINDS.filter((k) => k.fromText).map((k) => k.kind);

/** Values that mean "no value" in real exports (guest ids, zero UUIDs, loopback). */
export const PLACEHOLDER_VALUES: readonly string[] = [
  '',
  'null',
  'none',
  'nil',
  '-',
  '--',
  'undefined',
  'unknown',
  'n/a',
  'na',
  '0',
  '-1',
  'anonymous',
  'anon',
  'guest',
  'test',
  '00000000-0000-0000-0000-000000000000',
  '0.0.0.0',
  '127.0.0.1',
  '::1',
  '[]',
  '{}',
];

/**
 * Providers whose mailboxes ignore `+tag`; Gmail also ignores dots in the local part and
 * answers for googlemail.com. Other providers keep their local part as written because a dot
 * or plus can be significant there.
 */
export const PLUS_TAG_PROVIDERS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'fastmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
];
export const DOTLESS_PROVIDERS: readonly string[] = ['gmail.com', 'googlemail.com'];

// ---- JS normalisers (the SQL builders below must agree with these; tests check both) ----

export function normalizeEmail(raw: string): string | null {
  const v = raw.trim().toLowerCase().replace(/^mailto:/, '');
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1 || /\s/.test(v)) return null;
  let local = v.slice(0, at);
  let domain = v.slice(at + 1);
  if (!domain.includes('.')) return null;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (PLUS_TAG_PROVIDERS.includes(domain)) local = local.replace(/\+.*$/, '');
  if (DOTLESS_PROVIDERS.includes(domain)) local = local.replaceAll('.', '');
  if (local === '') return null;
  return `${local}@${domain}`;
}

/** E.164 where the number carries its country (`+`, `00`); otherwise `nat:` + digits. */
export function normalizePhone(raw: string): string | null {
  const v = raw.trim();
  const digits = v.replace(/[^0-9]/g, '');
  if (digits.length < 6 || digits.length > 17) return null;
  if (v.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return `nat:${digits}`;
}

export function normalizeAlnumId(raw: string): string | null {
  const v = raw.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return v === '' ? null : v;
}

export function normalizeIp(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})/.exec(v);
  if (m) {
    const octets = m.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) return null;
    const ip = octets.join('.');
    return PLACEHOLDER_VALUES.includes(ip) ? null : ip;
  }
  if (/^[0-9a-f:]+$/.test(v) && v.includes(':') && !PLACEHOLDER_VALUES.includes(v)) return v;
  return null;
}

export function normalizeIdentifier(kind: string, raw: string): string | null {
  if (PLACEHOLDER_VALUES.includes(raw.trim().toLowerCase())) return null;
  switch (kind) {
    case 'email':
      return normalizeEmail(raw);
    case 'phone':
      return normalizePhone(raw);
    case 'ip':
      return normalizeIp(raw);
    case 'user_id':
      return raw.trim();
    case 'account':
    case 'device_id':
    case 'session_id':
      return raw.trim().toLowerCase();
    case 'payment_card':
      return raw.replace(/[^0-9]/g, '') || null;
    default:
      return normalizeAlnumId(raw);
  }
}

// ---- SQL builders ----
//
// Each builder returns a query `SELECT raw, v FROM ...` over a relation with a VARCHAR column
// `raw`. Stages are nested subqueries so that no sub-expression is repeated: a repeated
// expression is evaluated once per use, and a million rows make that count.

function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
}

function cleanedStage(relation: string): string {
  return `SELECT raw, CASE WHEN lower(trim(raw)) IN (${sqlList(PLACEHOLDER_VALUES)}) THEN NULL ELSE trim(raw) END AS c FROM (${relation})`;
}

function emailQuery(relation: string): string {
  const s1 = `SELECT raw, regexp_replace(lower(c), '^mailto:', '') AS e FROM (${cleanedStage(relation)})`;
  const s2 = `SELECT raw, regexp_full_match(e, '[^@\\s]+@[^@\\s]+\\.[^@\\s]+') AS ok, split_part(e, '@', 1) AS l, split_part(e, '@', 2) AS d FROM (${s1})`;
  const s3 = `SELECT raw, ok, d, CASE WHEN d IN (${sqlList(PLUS_TAG_PROVIDERS)}) THEN regexp_replace(l, '\\+.*$', '') ELSE l END AS l FROM (${s2})`;
  const s4 = `SELECT raw, ok, CASE WHEN d = 'googlemail.com' THEN 'gmail.com' ELSE d END AS d,
                     CASE WHEN d IN (${sqlList(DOTLESS_PROVIDERS)}) THEN replace(l, '.', '') ELSE l END AS l FROM (${s3})`;
  return `SELECT raw, CASE WHEN ok AND l <> '' THEN l || '@' || d END AS v FROM (${s4})`;
}

function phoneQuery(relation: string): string {
  const s1 = `SELECT raw, c, regexp_replace(c, '[^0-9]', '', 'g') AS digits FROM (${cleanedStage(relation)})`;
  return `SELECT raw, CASE WHEN length(digits) BETWEEN 6 AND 17 THEN
            CASE WHEN starts_with(c, '+') THEN '+' || digits WHEN starts_with(digits, '00') THEN '+' || substr(digits, 3)
                 ELSE 'nat:' || digits END END AS v FROM (${s1})`;
}

function ipQuery(relation: string): string {
  const s1 = `SELECT raw, lower(c) AS c FROM (${cleanedStage(relation)})`;
  const s2 = `SELECT raw, c, regexp_extract(c, '^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})', ['a', 'b', 'c', 'd']) AS o FROM (${s1})`;
  const s3 = `SELECT raw, c, o.a <> '' AS is_v4, TRY_CAST(o.a AS INTEGER) AS a, TRY_CAST(o.b AS INTEGER) AS b,
                     TRY_CAST(o.c AS INTEGER) AS c3, TRY_CAST(o.d AS INTEGER) AS d FROM (${s2})`;
  // Leading zeros dropped (010.001.002.003 → 10.1.2.3); an octet over 255 makes it no address.
  const s4 = `SELECT raw, CASE WHEN is_v4 THEN CASE WHEN greatest(a, b, c3, d) <= 255 THEN concat_ws('.', a, b, c3, d) END
                          WHEN regexp_full_match(c, '[0-9a-f:]+') AND contains(c, ':') THEN c END AS v FROM (${s3})`;
  return `SELECT raw, CASE WHEN v IN (${sqlList(PLACEHOLDER_VALUES)}) THEN NULL ELSE v END AS v FROM (${s4})`;
}

/**
 * Query `SELECT raw, v` normalising the `raw` column of `relation` as identifiers of `kind`;
 * `v` is NULL where the value is unusable (placeholder, malformed).
 */
export function normalizeQuery(kind: string, relation: string): string {
  switch (kind) {
    case 'email':
      return emailQuery(relation);
    case 'phone':
      return phoneQuery(relation);
    case 'ip':
      return ipQuery(relation);
    case 'user_id':
      return `SELECT raw, nullif(c, '') AS v FROM (${cleanedStage(relation)})`;
    case 'account':
    case 'device_id':
    case 'session_id':
      return `SELECT raw, nullif(lower(c), '') AS v FROM (${cleanedStage(relation)})`;
    case 'payment_card':
      return `SELECT raw, nullif(regexp_replace(c, '[^0-9]', '', 'g'), '') AS v FROM (${cleanedStage(relation)})`;
    default:
      return `SELECT raw, nullif(upper(regexp_replace(c, '[^0-9A-Za-z]', '', 'g')), '') AS v FROM (${cleanedStage(relation)})`;
  }
}
