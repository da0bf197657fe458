import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { SqlVerdict, ValidationContext, ValidationResult, Validator } from '../rule-types.ts';
import { listLiteral, literal } from '../../db/sql.ts';
import { luhnValid } from './pii-checksums.ts';
import { charAfter, charBefore, containsWord, hasNearWord, JS_SPACE, nearText } from './pii-context.ts';

const REJECT: ValidationResult = { valid: false };

// --- email --------------------------------------------------------------------------------

/** Asset names such as `icon@2x.png` look like addresses; these endings are file types, not TLDs. */
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'css', 'js', 'ts', 'json', 'map', 'ico', 'bmp', 'tiff', 'pdf', 'txt', 'html', 'xml', 'zip', 'mp4', 'mp3', 'wav']);
/** RFC 2606 / 6761 names reserved for documentation: an address there is nobody's. */
const RESERVED_DOMAINS = /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost)$/;
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Text ending inside a URL's authority (`postgres://admin:Kafka1415!`): what follows is `password@host`. */
const IN_URL_AUTHORITY = /[a-z][a-z0-9+.-]*:\/\/[^\s/@"'<>]*$/i;

export const email: Validator = (value, ctx) => {
  // The tail of a connection URL's password and its host (`…!g58@pg-primary.prod`) is not an
  // address; the URL itself is a database-URL finding.
  if (IN_URL_AUTHORITY.test(ctx.before)) return REJECT;
  const at = value.lastIndexOf('@');
  if (at <= 0) return REJECT;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || domain.length > 253) return REJECT;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return REJECT;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l === '' || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) return REJECT;
  const tld = labels[labels.length - 1]!;
  if (/^\d+$/.test(tld) || FILE_EXTENSIONS.has(tld)) return REJECT;
  // A Google Cloud service account's address names a machine, not a person (its key, when it
  // leaks with it, is a secret finding).
  if (domain === 'gserviceaccount.com' || domain.endsWith('.gserviceaccount.com')) return REJECT;
  let normalizedLocal = local.toLowerCase();
  if (GMAIL_DOMAINS.has(domain)) {
    // Gmail ignores dots and everything after '+': all spellings reach the same mailbox.
    normalizedLocal = normalizedLocal.split('+')[0]!.replaceAll('.', '');
  }
  const normalizedDomain = domain === 'googlemail.com' ? 'gmail.com' : domain;
  const isReserved = RESERVED_DOMAINS.test(domain);
  const detail: Record<string, string> = { domain: normalizedDomain };
  const cc = countryFromTld(tld);
  if (cc) detail['tld_country'] = cc;
  if (isReserved) detail['placeholder'] = 'true';
  return { valid: true, normalized: `${normalizedLocal}@${normalizedDomain}`, confidence: isReserved ? 0.2 : 0.95, detail };
};

/** Two-letter TLDs used the world over: no country hint. */
const GLOBAL_TLDS = ['io', 'co', 'me', 'tv', 'ai', 'app', 'ly', 'fm', 'gg', 'to', 'cc', 'ws', 'eu'];

/** Two-letter ccTLDs map to a country hint (not proof: .io, .co, .me, .tv are used globally). */
function countryFromTld(tld: string): string | undefined {
  if (!/^[a-z]{2}$/.test(tld)) return undefined;
  if (GLOBAL_TLDS.includes(tld)) return undefined;
  return tld === 'uk' ? 'GB' : tld.toUpperCase();
}

/**
 * The e-mail validator's verdict in SQL, for addresses in ASCII (where JavaScript's and DuckDB's
 * lower-casing agree) whose text before does not end inside a URL's authority. That check is
 * RE2's here, whose `(?i)` folds more letters than JavaScript's: it may send an address to the
 * validator that it would have settled, never the reverse.
 */
email.sql = {
  appliesTo: (rule) => rule.category === 'contact' && rule.kind === 'email',
  settles: [
    `regexp_full_match(value, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+')`,
    `NOT regexp_matches(before, ${literal(`(?i)[a-z][a-z0-9+.-]*://[^${JS_SPACE}/@"'<>]*$`)})`,
  ].join(' AND '),
  derive: `split_part(value, '@', 1) AS local, lower(split_part(value, '@', 2)) AS domain, string_split(domain, '.') AS labels, labels[-1] AS tld,
    domain = 'gmail.com' OR domain = 'googlemail.com' AS gmail,
    CASE WHEN domain = 'googlemail.com' THEN 'gmail.com' ELSE domain END AS normal_domain,
    regexp_matches(domain, ${literal(RESERVED_DOMAINS.source)}) AS reserved,
    CASE WHEN NOT regexp_full_match(tld, '[a-z]{2}') OR list_contains(${listLiteral(GLOBAL_TLDS)}, tld) THEN NULL WHEN tld = 'uk' THEN 'GB' ELSE upper(tld) END AS tld_country`,
  valid: `length(local) <= 64 AND length(domain) <= 253
    AND NOT (starts_with(local, '.') OR ends_with(local, '.') OR contains(local, '..'))
    AND len(labels) >= 2 AND list_bool_and(list_transform(labels, l -> length(l) BETWEEN 1 AND 63 AND NOT starts_with(l, '-') AND NOT ends_with(l, '-')))
    AND NOT regexp_full_match(tld, '[0-9]+') AND NOT list_contains(${listLiteral([...FILE_EXTENSIONS])}, tld)
    AND NOT (domain = 'gserviceaccount.com' OR ends_with(domain, '.gserviceaccount.com'))`,
  preview: `left(value, 1) || '***@' || split_part(value, '@', 2)`,
  confidence: `CASE WHEN reserved THEN 0.2::DOUBLE ELSE 0.95::DOUBLE END`,
  detail: `'{"domain":"' || normal_domain || '"' || coalesce(',"tld_country":"' || tld_country || '"', '') || CASE WHEN reserved THEN ',"placeholder":"true"' ELSE '' END || '}'`,
  normalized: `CASE WHEN gmail THEN replace(split_part(lower(local), '+', 1), '.', '') ELSE lower(local) END || '@' || normal_domain`,
} satisfies SqlVerdict;

// --- phone --------------------------------------------------------------------------------

const PHONE_STRONG_WORDS = [
  'phone', 'telephone', 'tel', 'tel.', 'mobile', 'cell', 'cellphone', 'call', 'call me', 'whatsapp', 'sms', 'fax', 'text me',
  'telefon', 'telefonnummer', 'handy', 'handynummer', 'mobilnummer', 'ruf', 'anrufen', 'téléphone', 'portable', 'appelez',
  'teléfono', 'móvil', 'celular', 'llámame', 'telefono', 'cellulare', 'chiamami', 'telefoon', 'mobiel', 'bel',
  'telefonu', 'komórka', 'zadzwoń', 'telemóvel', 'ligue', 'contact', 'contacto', 'kontakt',
];
const PHONE_WEAK_WORDS = ['number', 'nummer', 'numéro', 'número', 'numero', 'numer', 'reach me', 'no.', 'nr.', 'nr'];
/** Labels that make a bare digit run some other kind of number. */
const NOT_PHONE_WORDS = ['order', 'invoice', 'account', 'ticket', 'transaction', 'reference', 'ref', 'id', 'serial', 'tracking', 'customer', 'iban', 'card', 'ssn', 'pesel', 'bsn', 'cpf', 'aadhaar', 'version', 'build', 'port', 'pid', 'uid', 'timestamp', 'ts'];

/** Regions tried for numbers written in national format, most likely first. */
const DEFAULT_REGIONS: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IL', 'IN', 'CA', 'BR', 'JP', 'CN', 'ES', 'IT', 'NL', 'PL', 'PT', 'AU'];
const REGION_HINTS: Array<[string[], CountryCode]> = [
  [['us', 'usa', 'united states', 'american', 'america'], 'US'],
  [['uk', 'british', 'united kingdom', 'england', 'london'], 'GB'],
  [['germany', 'german', 'deutschland', 'deutsche', 'berlin'], 'DE'],
  [['france', 'french', 'paris', 'français', 'française'], 'FR'],
  [['israel', 'israeli'], 'IL'],
  [['india', 'indian'], 'IN'],
  [['canada', 'canadian'], 'CA'],
  [['brazil', 'brasil', 'brazilian', 'brasileiro'], 'BR'],
  [['japan', 'japanese'], 'JP'],
  [['china', 'chinese', 'cn'], 'CN'],
  [['spain', 'spanish', 'españa', 'español'], 'ES'],
  [['italy', 'italian', 'italia', 'italiano'], 'IT'],
  [['netherlands', 'dutch', 'nederland'], 'NL'],
  [['poland', 'polish', 'polska'], 'PL'],
  [['portugal', 'portuguese', 'português'], 'PT'],
  [['australia', 'australian'], 'AU'],
];

const DATE_SHAPES = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/,
  /^\d{4}\d{2}\d{2}$/,
];

/** The longest run of digits and dots around the match, to see an IP or version it belongs to. */
function dottedToken(value: string, ctx: ValidationContext): string {
  const left = /[0-9.]*$/.exec(ctx.before)?.[0] ?? '';
  const right = /^[0-9.]*/.exec(ctx.after)?.[0] ?? '';
  return left + value + right;
}

function isPartOfIpOrVersion(value: string, ctx: ValidationContext): boolean {
  const token = dottedToken(value, ctx);
  if (/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/.test(token)) return true;
  if (/(?:^|[^0-9])\d+\.\d+\.\d+/.test(token) && !/\s/.test(value)) return true;
  return /(?:\bv|version\s*|ver\.?\s*)$/i.test(ctx.before);
}

function isUuidFragment(value: string, ctx: ValidationContext): boolean {
  const around = (ctx.before.slice(-37) + value + ctx.after.slice(0, 37)).toLowerCase();
  return /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.test(around) || /[0-9a-f]-$/i.test(ctx.before);
}

function isTimestampContext(ctx: ValidationContext): boolean {
  // 2024-01-15 10:20:30 or 10:20:30.123456: digits next to a colon belong to a time.
  return /^:\d/.test(ctx.after) || /\d:$/.test(ctx.before);
}

function regionHint(ctx: ValidationContext): CountryCode | undefined {
  const near = ctx.before.slice(-40).toLowerCase();
  for (const [words, region] of REGION_HINTS) if (words.some((w) => containsWord(near, w))) return region;
  return undefined;
}

export const phone: Validator = (value, ctx) => {
  const b = charBefore(ctx);
  const a = charAfter(ctx);
  if (/[\p{L}\p{N}_+]/u.test(b) || /[\p{L}\p{N}_]/u.test(a)) return REJECT;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 17) return REJECT;
  if (isPartOfIpOrVersion(value, ctx) || isUuidFragment(value, ctx) || isTimestampContext(ctx)) return REJECT;
  const compact = value.replace(/[\s()]/g, '');
  if (DATE_SHAPES.some((re) => re.test(compact)) && !/^(\+|00)/.test(value)) return REJECT;
  if (/(\d)\1{6,}/.test(digits)) return REJECT;
  // A Brazilian CEP (`01310-100`) or a US ZIP+4 (`02116-1234`) is a postcode in an address.
  if (/^[0-9]{5}-[0-9]{3,4}$/.test(value.trim())) return REJECT;
  const isInternational = value.startsWith('+') || /^00[1-9]/.test(value);
  if (!isInternational && digits.length >= 13 && luhnValid(digits)) return REJECT; // a card number
  const near = nearText(ctx);
  const isStrong = hasNearWord(near, PHONE_STRONG_WORDS);
  const isWeak = !isStrong && hasNearWord(near, PHONE_WEAK_WORDS);
  const isOther = hasNearWord(near, NOT_PHONE_WORDS);
  const isFormatted = /[\s().\-/]/.test(value.trim());
  if (!isInternational) {
    // A bare national digit run is any id; accept it only with a phone label nearby. Decided
    // before parsing: trying 16 regions is most of this validator's time.
    if (!isFormatted && !(isStrong || (isWeak && !isOther))) return REJECT;
    if (isOther && !isStrong) return REJECT;
  }

  for (const candidate of trimmedCandidates(value)) {
    const parsed = parseCandidate(candidate, isInternational, ctx);
    if (!parsed) continue;
    if (!isInternational) {
      // Without a label, only the shapes people write phones in: North American (415) 555-0132
      // or 415-555-0132, or a national number with its trunk 0. Grouped digits such as
      // `824 753 557` parse as valid German or French numbers but are mostly other ids.
      const isNanpShape = (parsed.region === 'US' || parsed.region === 'CA') && /^(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}$/.test(candidate);
      const hasTrunkZero = /^\(?0[1-9]/.test(candidate);
      if (!isStrong && !isWeak && !isNanpShape && !hasTrunkZero) return REJECT;
    }
    let confidence = isInternational ? 0.85 : 0.6;
    if (isStrong) confidence = 0.95;
    else if (isWeak) confidence = Math.max(confidence, 0.7);
    const detail: Record<string, string> = { region: parsed.region, country: parsed.region, format: isInternational ? 'international' : 'national' };
    if (parsed.type) detail['line_type'] = parsed.type;
    return { valid: true, normalized: parsed.e164, confidence, detail };
  }
  return REJECT;
};

/** The candidate itself, then with up to two trailing space-separated groups removed. */
function trimmedCandidates(value: string): string[] {
  const out = [value.trim()];
  let current = value.trim();
  for (let i = 0; i < 2; i++) {
    const cut = current.lastIndexOf(' ');
    if (cut <= 0) break;
    current = current.slice(0, cut).trimEnd();
    if (current.replace(/\D/g, '').length < 7) break;
    out.push(current);
  }
  return out;
}

/**
 * With the full ("max") metadata a number is valid exactly when it has a type: isValid() is
 * `getType() !== undefined` for every country that has type patterns, and every country has
 * them there (a test checks). One type lookup instead of two (1M rows: ~0.3 s).
 */
function parseCandidate(candidate: string, isInternational: boolean, ctx: ValidationContext): { e164: string; region: string; type?: string } | undefined {
  if (isInternational) {
    const text = candidate.startsWith('00') ? '+' + candidate.slice(2) : candidate;
    const p = parsePhoneNumberFromString(text);
    const type = p?.getType();
    if (!p || type === undefined) return undefined;
    return { e164: p.number, region: p.country ?? 'unknown', type };
  }
  const hint = regionHint(ctx);
  const regions = hint ? [hint, ...DEFAULT_REGIONS.filter((r) => r !== hint)] : DEFAULT_REGIONS;
  for (const region of regions) {
    const p = parsePhoneNumberFromString(candidate, region);
    const type = p?.getType();
    if (p && type !== undefined) return { e164: p.number, region: p.country ?? region, type };
  }
  return undefined;
}
