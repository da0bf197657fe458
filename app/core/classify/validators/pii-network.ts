import { isIPv4, isIPv6 } from 'node:net';
import { classBody, type SqlVerdict, type ValidationResult, type Validator } from '../rule-types.ts';
import { literal } from '../../db/sql.ts';
import { luhnValid } from './pii-checksums.ts';
import { charAfter, charBefore, hasContextWord, JS_SPACE } from './pii-context.ts';

const REJECT: ValidationResult = { valid: false };

// --- IP addresses -------------------------------------------------------------------------

/** IPv4 scope by range (RFC 1918, 6598, 5737, 3927, 1122, 5771, 919). */
export function ipv4Scope(ip: string): string {
  const [a = 0, b = 0, c = 0] = ip.split('.').map(Number);
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared'; // carrier-grade NAT
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link_local';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a === 0 || a >= 240) return 'reserved';
  return 'public';
}

export function ipv6Scope(ip: string): string {
  const v = ip.toLowerCase().split('%')[0]!;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(v);
  if (embedded && (v.startsWith('::ffff:') || v.startsWith('::') || v.startsWith('64:ff9b:'))) return ipv4Scope(embedded[1]!);
  if (v === '::1') return 'loopback';
  if (v === '::') return 'reserved';
  if (/^fe[89ab]/.test(v)) return 'link_local';
  if (/^f[cd]/.test(v)) return 'private'; // unique local addresses
  if (/^ff/.test(v)) return 'multicast';
  if (/^2001:0?db8:/.test(v)) return 'documentation';
  return 'public';
}

/** Object identifiers (1.3.6.1.4.1.311…) are dotted numbers too; they start with arc 0, 1 or 2. */
function isOidLike(value: string, before: string, after: string): boolean {
  const left = /[0-9.]*$/.exec(before)?.[0] ?? '';
  const right = /^[0-9.]*/.exec(after)?.[0] ?? '';
  const parts = (left + value + right).split('.').filter((p) => p !== '');
  if (parts.length >= 6 && /^[0-2]$/.test(parts[0]!)) return true;
  return /\b(oid|object identifier)\s*[:=]?\s*$/i.test(before);
}

/**
 * Four dotted numbers after a version word are a build number, not a host: `version=3.9.4.4`,
 * `client build 1.3.4.1`, `upgraded runtime to 2.0.1.7` (not `updated the DNS to 8.8.8.8`), `firmware: v1.2.3.4`.
 */
export function isVersionLike(before: string): boolean {
  return /(?:\bv|\bversion|\bver\.?|\brelease[ds]?|\bbuild|\brevision|\brev\.?|\bfirmware|\bruntime|\bsdk|\bpatch|(?:(?:up(?:grad|dat)|bump|roll)ed|runtime|firmware|sdk|agent)\s+to)\s*["'(]?\s*[:=]?\s*["'(]?\s*v?$/i.test(before);
}

export const ipAddress: Validator = (raw, ctx) => {
  const value = raw.includes(':') ? raw.replace(/\.+$/, '') : raw;
  const b = charBefore(ctx);
  const a = charAfter(ctx);
  const [address = '', rawPrefix] = value.split('/');
  if (rawPrefix !== undefined && !/^\d{1,4}$/.test(rawPrefix)) return REJECT;
  // An impossible prefix length (/123 on v4) is a typo after a real address: keep the address.
  const prefix = rawPrefix !== undefined && Number(rawPrefix) <= (address.includes(':') ? 128 : 32) ? rawPrefix : undefined;
  const bare = address.split('%')[0]!;
  if (isIPv4(address)) {
    if (/[\p{L}\p{N}_]/u.test(b) || /[\p{L}\p{N}_]/u.test(a)) return REJECT;
    if (isVersionLike(ctx.before) || isOidLike(address, ctx.before, ctx.after)) return REJECT;
    const scope = ipv4Scope(address);
    // 127.0.0.1 and 0.0.0.0 name no device outside the machine that logged them.
    if (scope === 'loopback' || address === '0.0.0.0') return REJECT;
    return { valid: true, normalized: address, confidence: scope === 'public' ? 0.85 : 0.7, detail: { version: '4', scope, ...(prefix ? { prefix } : {}) } };
  }
  if (!isIPv6(address) && !isIPv6(bare)) return REJECT;
  if (!address.includes('::') && address.split(':').length < 6) return REJECT;
  if (/[\p{L}\p{N}_]/u.test(a) || a === ':' || /[\p{L}\p{N}_]/u.test(b)) return REJECT;
  const groups = bare.split(':').filter((g) => g !== '');
  if (groups.length === 0) return REJECT; // `::` alone says nothing about anyone
  if (groups.length === 1 && address.startsWith('::') && groups[0] !== '1' && !groups[0]!.includes('.')) return REJECT;
  const scope = ipv6Scope(address);
  return { valid: true, normalized: bare.toLowerCase(), confidence: scope === 'public' ? 0.85 : 0.7, detail: { version: '6', scope, ...(prefix ? { prefix } : {}) } };
};

/**
 * ipAddress's verdict on IPv4 candidates in SQL, for a dotted quad (node's `isIPv4`) whose
 * context settles every check the validator makes: right before and after it nothing, or ASCII
 * punctuation or space other than `.` and `_` (no glued letter or digit, no longer dotted run
 * as an OID has); and the text before, once trailing spaces and `"'(:=.` are set aside, does not
 * end in a version word or an OID label, nor in any word ending like one (`v`, `ver`, `to`, `oid`
 * …): a superset of what isVersionLike and isOidLike look for, since JavaScript's
 * case-insensitive match without the `u` flag folds ASCII letters only and RE2's `(?i)` folds
 * those and more. The rest go to the validator.
 */
const V4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const ASCII_EDGE = classBody(' \t\n\r!"#$%&\'()*+,-/:;<=>?@[\\]^`{|}~');
ipAddress.sql = {
  appliesTo: (rule) => rule.category === 'online_id' && rule.kind === 'ip',
  settles: [
    `regexp_full_match(value, ${literal(`(?:${V4_OCTET}\\.){3}${V4_OCTET}`)})`,
    `regexp_matches(before, ${literal(`(?:^|[${ASCII_EDGE}])$`)})`,
    `regexp_matches(after, ${literal(`^(?:[${ASCII_EDGE}]|$)`)})`,
    `NOT regexp_matches(before, ${literal(`(?i)(?:v|ver|version|release|released|releases|build|revision|rev|firmware|runtime|sdk|patch|to|oid|identifier)[${JS_SPACE}"'(:=.]*$`)})`,
  ].join(' AND '),
  derive: `list_transform(string_split(value, '.'), x -> x::INTEGER) AS o,
    CASE
      WHEN o[1] = 10 OR (o[1] = 172 AND o[2] BETWEEN 16 AND 31) OR (o[1] = 192 AND o[2] = 168) THEN 'private'
      WHEN o[1] = 100 AND o[2] BETWEEN 64 AND 127 THEN 'shared'
      WHEN o[1] = 127 THEN 'loopback'
      WHEN o[1] = 169 AND o[2] = 254 THEN 'link_local'
      WHEN (o[1] = 192 AND o[2] = 0 AND o[3] = 2) OR (o[1] = 198 AND o[2] = 51 AND o[3] = 100) OR (o[1] = 203 AND o[2] = 0 AND o[3] = 113) THEN 'documentation'
      WHEN o[1] BETWEEN 224 AND 239 THEN 'multicast'
      WHEN o[1] = 0 OR o[1] >= 240 THEN 'reserved'
      ELSE 'public'
    END AS scope`,
  valid: `scope <> 'loopback' AND value <> '0.0.0.0'`,
  preview: `left(value, 1) || '***' || right(value, 1)`,
  confidence: `CASE WHEN scope = 'public' THEN 0.85::DOUBLE ELSE 0.7::DOUBLE END`,
  detail: `'{"version":"4","scope":"' || scope || '"}'`,
  normalized: 'value',
} satisfies SqlVerdict;

// --- device and advertising identifiers ---------------------------------------------------

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** IDFA / GAID: a UUID next to an advertising-id label (the label is part of the pattern). */
export const advertisingId: Validator = (value, ctx) => {
  const v = value.toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) return REJECT;
  // The all-zero id is what iOS and Android report when the user limited ad tracking.
  if (v === ZERO_UUID) return REJECT;
  const label = ctx.match.toLowerCase();
  const platform = /idfa|advertisingidentifier|ios/.test(label) ? 'ios' : /gaid|aaid|adid|google|android/.test(label) ? 'android' : 'unknown';
  return { valid: true, normalized: v, confidence: 0.9, detail: { platform } };
};

/** Device ids: IDFV UUIDs, 16-hex Android ids, IMEIs (Luhn), each behind its label. */
export const deviceId: Validator = (value, ctx) => {
  const v = value.toLowerCase();
  const label = ctx.match.toLowerCase();
  if (/^[0-9a-z]/i.test(ctx.after)) return REJECT;
  if (/^[0-9a-f]{64}$|^[0-9a-f]{40}$|^[0-9a-f]{32}$/.test(v)) {
    if (/^(.)\1+$/.test(v)) return REJECT;
    return { valid: true, normalized: v, confidence: 0.7, detail: { type: 'hashed' } };
  }
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) {
    if (v === ZERO_UUID) return REJECT;
    return { valid: true, normalized: v, confidence: 0.8, detail: { type: /idfv|vendor/.test(label) ? 'idfv' : 'uuid' } };
  }
  if (/^[0-9a-f]{16}$/.test(v)) {
    if (/^(.)\1+$/.test(v)) return REJECT;
    return { valid: true, normalized: v, confidence: 0.8, detail: { type: 'android_id' } };
  }
  if (/^\d{15}$/.test(v)) {
    if (!luhnValid(v) || /^(\d)\1+$/.test(v)) return REJECT;
    return { valid: true, normalized: v, confidence: 0.85, detail: { type: 'imei' } };
  }
  return REJECT;
};

// --- precise geolocation ------------------------------------------------------------------

const GEO_WORDS = ['lat', 'lng', 'lon', 'latitude', 'longitude', 'location', 'coordinates', 'coords', 'gps', 'geo', 'position', 'standort', 'koordinaten', 'ubicación', 'coordenadas', 'posizione', 'coordinate', 'locatie', 'lokalizacja', 'localização', 'where i am', 'i am at', "i'm at", 'maps'];

function decimals(n: string): number {
  const dot = n.indexOf('.');
  return dot < 0 ? 0 : n.length - dot - 1;
}

/**
 * A latitude/longitude pair. Bare pairs need a location word nearby: vectors in model logs
 * (`0.0123, -0.0456, …`) have the same shape, and are rejected when more numbers follow.
 */
export const geolocation: Validator = (value, ctx) => {
  const nums = value.match(/-?\d{1,3}\.\d+/g);
  if (!nums || nums.length !== 2) return REJECT;
  const [latText, lonText] = nums as [string, string];
  const lat = Number(latText);
  const lon = Number(lonText);
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return REJECT;
  if (lat === 0 && lon === 0) return REJECT;
  const isKeyed = /[a-z]/i.test(value);
  const minDecimals = isKeyed ? 3 : 4;
  if (decimals(latText) < minDecimals || decimals(lonText) < minDecimals) return REJECT;
  if (!isKeyed) {
    if (/[\d.]\s*,\s*$/.test(ctx.before) || /^\s*,\s*-?\d/.test(ctx.after)) return REJECT;
    if (/[\p{L}\p{N}_.]/u.test(charBefore(ctx)) || /[\p{L}\p{N}_]/u.test(charAfter(ctx))) return REJECT;
    if (!hasContextWord(ctx, GEO_WORDS)) return REJECT;
  }
  // Four decimals of a degree are ~11 m: enough to find a home.
  return { valid: true, normalized: `${lat},${lon}`, confidence: isKeyed ? 0.9 : 0.75, detail: { precision_m: String(Math.round(111_000 / 10 ** Math.min(decimals(latText), decimals(lonText)))) } };
};
