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

// ---- SQL builders: `expr` is an already-quoted SQL expression of type VARCHAR ----

function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
}

function emailSql(expr: string): string {
  const v = `lower(trim(${expr}))`;
  const local = `split_part(${v}, '@', 1)`;
  const rawDomain = `split_part(${v}, '@', 2)`;
  const domain = `CASE WHEN ${rawDomain} = 'googlemail.com' THEN 'gmail.com' ELSE ${rawDomain} END`;
  const untagged = `CASE WHEN ${rawDomain} IN (${sqlList(PLUS_TAG_PROVIDERS)}) THEN regexp_replace(${local}, '\\+.*$', '') ELSE ${local} END`;
  const dotless = `CASE WHEN ${rawDomain} IN (${sqlList(DOTLESS_PROVIDERS)}) THEN replace(${untagged}, '.', '') ELSE ${untagged} END`;
  return `CASE WHEN regexp_full_match(${v}, '[^@\\s]+@[^@\\s]+\\.[^@\\s]+') AND ${dotless} <> '' THEN ${dotless} || '@' || ${domain} END`;
}

function phoneSql(expr: string): string {
  const t = `trim(${expr})`;
  const digits = `regexp_replace(${t}, '[^0-9]', '', 'g')`;
  return `CASE WHEN length(${digits}) BETWEEN 6 AND 17 THEN
    CASE WHEN starts_with(${t}, '+') THEN '+' || ${digits}
         WHEN starts_with(${digits}, '00') THEN '+' || substr(${digits}, 3)
         ELSE 'nat:' || ${digits} END END`;
}

function ipSql(expr: string): string {
  const v = `lower(trim(${expr}))`;
  const v4 = `regexp_extract(${v}, '^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})', ['a','b','c','d'])`;
  const octet = (k: string) => `TRY_CAST(${v4}.${k} AS INTEGER)`;
  const ok4 = `regexp_matches(${v}, '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}') AND greatest(${octet('a')}, ${octet('b')}, ${octet('c')}, ${octet('d')}) <= 255`;
  const canon4 = `${octet('a')}::VARCHAR || '.' || ${octet('b')}::VARCHAR || '.' || ${octet('c')}::VARCHAR || '.' || ${octet('d')}::VARCHAR`;
  return `CASE WHEN ${ok4} THEN nullif(nullif(${canon4}, '0.0.0.0'), '127.0.0.1')
               WHEN regexp_full_match(${v}, '[0-9a-f:]+') AND contains(${v}, ':') AND ${v} <> '::1' THEN ${v} END`;
}

/** SQL expression normalising `expr` (VARCHAR) as an identifier of `kind`; NULL when unusable. */
export function normalizeSql(kind: string, expr: string): string {
  const cleaned = `CASE WHEN lower(trim(${expr})) IN (${sqlList(PLACEHOLDER_VALUES)}) THEN NULL ELSE ${expr} END`;
  switch (kind) {
    case 'email':
      return emailSql(cleaned);
    case 'phone':
      return phoneSql(cleaned);
    case 'ip':
      return ipSql(cleaned);
    case 'user_id':
      return `nullif(trim(${cleaned}), '')`;
    case 'account':
    case 'device_id':
    case 'session_id':
      return `nullif(lower(trim(${cleaned})), '')`;
    case 'payment_card':
      return `nullif(regexp_replace(${cleaned}, '[^0-9]', '', 'g'), '')`;
    default:
      return `nullif(upper(regexp_replace(${cleaned}, '[^0-9A-Za-z]', '', 'g')), '')`;
  }
}
