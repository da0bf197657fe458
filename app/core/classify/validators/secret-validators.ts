/**
 * Validators for the secret rule pack. Each receives one distinct candidate value and decides
 * whether it is a credential; they never log or echo the value.
 */
import type { ValidationResult, Validator } from '../rule-types.ts';
import { decodeBase64, hasSequentialRun, isPlaceholder, isPrintable, looksLikeCodeReference, shannonEntropy } from './secret-checks.ts';

const REJECT: ValidationResult = { valid: false };

/** Strips a vendor prefix (`ghp_`, `sk-proj-`, `xoxb-`) so entropy is measured on the random part. */
function randomPart(value: string): string {
  const m = /^(?:[A-Za-z0-9]{1,12}[-_.])+/.exec(value);
  const rest = m ? value.slice(m[0].length) : value;
  return rest.length >= 8 ? rest : value;
}

/** What follows a value that was cut off by masking (`xoxp-123-####`, `sk-abc***`). */
const MASKED_TAIL = /^(?:[#*•]{3,}|\.\.\.|…|x{4,})/i;

/** Vendor tokens: the format already matched, so only templates and fillers are rejected. */
const token: Validator = (value, ctx) => {
  if (isPlaceholder(value)) return REJECT;
  const body = randomPart(value);
  if (isPlaceholder(body) || hasSequentialRun(body)) return REJECT;
  if (body.length >= 16 && shannonEntropy(body) < 2.5) return REJECT;
  if (body.length >= 24 && shannonEntropy(body) < 3) return REJECT;
  if (MASKED_TAIL.test(ctx.after)) return REJECT;
  return { valid: true };
};

/** Slack tokens always carry numeric team / user ids. */
const slackToken: Validator = (value, ctx) => ((value.match(/\d/g) ?? []).length >= 2 ? token(value, ctx) : REJECT);

/** `KEY=` with nothing after it, so the next key was read as the value. */
const NEXT_KEY = /^[A-Za-z_][\w.-]*=$/;
/** Key prefixes naming values that are public or bound to one page view, not credentials. */
const NON_SECRET_KEY = /^(?:public|pub|csrf|xsrf)/i;

/** Keyword-anchored values without a vendor prefix need more randomness to count. */
const keyedToken: Validator = (value, ctx) => {
  if (!token(value, ctx).valid) return REJECT;
  if (looksLikeCodeReference(value)) return REJECT;
  if (shannonEntropy(value) < 3) return REJECT;
  // One character class only (all lower-case letters, all digits) reads as a word or a number;
  // no digit at all reads as an identifier (`searchConfluenceUsingCql`). A random 24-char
  // alphanumeric string lacks a digit with probability ~1.5%.
  if ([/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(value)).length < 2) return REJECT;
  if (!/\d/.test(value)) return REJECT;
  return { valid: true };
};

const JWT_ALGS = /^(?:HS|RS|ES|PS)(?:256|384|512)$|^EdDSA$|^none$|^ES256K$/;

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const text = decodeBase64(segment);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Registered JOSE header parameters (RFC 7515 / 7516 / 7519). */
const JOSE_HEADER_PARAMS = ['alg', 'typ', 'cty', 'kid', 'enc', 'zip', 'jku', 'jwk', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crit', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c'];

/**
 * A JWT whose header decodes to JSON with an `alg` is a token. A header with other JOSE
 * parameters but no `alg` counts only when the payload decodes to a JSON claim set too (less
 * confidence). The claims decide whether it is an ID token (OpenID Connect: nonce / at_hash, or
 * `token_use: id`), a refresh token or an access token.
 */
export function classifyJwt(value: string): ValidationResult {
  const parts = value.split('.');
  if (parts.length < 2 || parts.length > 5) return REJECT;
  const header = decodeJsonSegment(parts[0]!);
  if (!header) return REJECT;
  const alg = typeof header['alg'] === 'string' ? header['alg'] : undefined;
  if (!alg) {
    const isJose = JOSE_HEADER_PARAMS.some((k) => Object.prototype.hasOwnProperty.call(header, k));
    if (!isJose || !parts[1] || !decodeJsonSegment(parts[1])) return REJECT;
  }
  const detail: Record<string, string> = { alg: alg === undefined ? 'unstated' : JWT_ALGS.test(alg) ? alg : 'other' };
  if (parts.length === 5) {
    detail['jwt_kind'] = 'encrypted';
    return { valid: true, detail };
  }
  const payload = parts[1] ? decodeJsonSegment(parts[1]) : undefined;
  if (!payload) {
    // A header-only or truncated token is still a credential fragment, with less confidence.
    detail['jwt_kind'] = 'unknown';
    return { valid: true, confidence: 0.6, detail };
  }
  const has = (k: string) => Object.prototype.hasOwnProperty.call(payload, k);
  let kind = 'access_token';
  if (payload['token_use'] === 'id' || has('nonce') || has('at_hash') || has('c_hash')) kind = 'id_token';
  else if (payload['typ'] === 'Refresh' || payload['token_use'] === 'refresh') kind = 'refresh_token';
  else if (!has('scope') && !has('scp') && !has('client_id') && (has('email') || has('name')) && has('aud')) kind = 'id_token';
  detail['jwt_kind'] = kind;
  if (typeof payload['iss'] === 'string') detail['issuer_host'] = safeHost(payload['iss']);
  if (typeof payload['exp'] === 'number') detail['expires'] = new Date(payload['exp'] * 1000).toISOString().slice(0, 10);
  const signed = (parts[2] ?? '').length >= 16;
  return { valid: true, confidence: !alg ? 0.8 : signed ? 0.95 : 0.7, detail };
}

function safeHost(iss: string): string {
  try {
    return new URL(iss).host.slice(0, 100);
  } catch {
    return 'non-url';
  }
}

const jwt: Validator = (value) => classifyJwt(value);

/** A base64-wrapped JWT (config files and Kubernetes secrets store them that way). */
const jwtBase64: Validator = (value) => {
  const decoded = decodeBase64(value);
  if (!decoded) return REJECT;
  const m = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/.exec(decoded);
  if (!m) return REJECT;
  const result = classifyJwt(m[0]);
  return result.valid ? { ...result, detail: { ...result.detail, encoding: 'base64' } } : REJECT;
};

/** PEM / OpenSSH / PGP blocks: the body must be real base64 key material, not a stub. */
const privateKey: Validator = (value) => {
  const body = value
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, '')
    .replace(/\\r|\\n|\r|\n/g, '\n')
    .split('\n')
    .filter((line) => !/^[A-Za-z-]+:\s/.test(line) && !line.startsWith('='))
    .join('')
    .replace(/\s+/g, '');
  if (body.length < 32) return REJECT;
  if (!/^[A-Za-z0-9+/=]+$/.test(body)) return REJECT;
  if (isPlaceholder(body) || shannonEntropy(body) < 4) return REJECT;
  const typeMatch = /BEGIN ([A-Z0-9 ]*?)PRIVATE KEY/.exec(value);
  const type = typeMatch?.[1]?.trim().toLowerCase() || 'pkcs8';
  return { valid: true, detail: { key_type: type, encrypted: /ENCRYPTED|Proc-Type: 4,ENCRYPTED/.test(value) ? 'yes' : 'no' } };
};

/**
 * A password given as a value (URL, assignment, CLI flag). A weak but real password is a leaked
 * secret; templates, variable references, literals and masks are not.
 */
const password: Validator = (value) => {
  const v = value.trim();
  if (v.length < 4 || v.length > 200) return REJECT;
  if (isPlaceholder(v) || looksLikeCodeReference(v)) return REJECT;
  if (/^[*xX#.]+$/.test(v)) return REJECT;
  if (/^\d{1,3}$/.test(v)) return REJECT;
  if (!isPrintable(v) || NEXT_KEY.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return REJECT;
  // `<password>@host:5432/db`: what follows a template slot is the rest of the URL.
  if (/^[@/:]/.test(v)) return REJECT;
  const detail: Record<string, string> = { strength: passwordStrength(v) };
  return { valid: true, confidence: detail['strength'] === 'weak' ? 0.8 : 0.9, detail };
};

/**
 * A credential a user wrote in prose after "my key / my password": nothing marks it but its
 * place, so it must look like one: letters with digits or symbols, at least three character
 * classes (or twelve characters of some randomness), and not a name, host, path or template.
 */
const prosePassword: Validator = (value) => {
  const v = value.trim();
  if (v.length < 8 || v.length > 64) return REJECT;
  if (isPlaceholder(v) || looksLikeCodeReference(v) || !isPrintable(v)) return REJECT;
  if (/[@/\\]/.test(v)) return REJECT; // addresses, URLs and paths
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(v)) return REJECT; // host names and versions
  if (/^[\d\W_]+$/.test(v) || /^[A-Za-z]+$/.test(v)) return REJECT; // numbers, dates, words
  const classes = characterClasses(v);
  if (classes < 3 && !(v.length >= 12 && classes >= 2 && shannonEntropy(v) >= 3.2)) return REJECT;
  return { valid: true, confidence: classes >= 3 ? 0.75 : 0.6, detail: { strength: passwordStrength(v) } };
};

/** How many of lower case, upper case, digits and other characters a value uses. */
function characterClasses(v: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
}

function passwordStrength(v: string): string {
  const classes = characterClasses(v);
  if (v.length >= 12 && classes >= 3) return 'strong';
  if (v.length >= 8 && classes >= 2) return 'fair';
  return 'weak';
}

/** Generic `api_key = ...` values: no vendor shape to lean on, so randomness must show. */
const genericSecret: Validator = (value, ctx) => {
  const v = value.trim();
  if (v.length < 10 || v.length > 500) return REJECT;
  if (isPlaceholder(v) || looksLikeCodeReference(v)) return REJECT;
  if (!isPrintable(v) || /\s/.test(v)) return REJECT;
  if (/^\d+$/.test(v)) return REJECT; // counts, ids and timestamps
  if (/^[a-z]+(?:[-_][a-z]+)*$/i.test(v)) return REJECT; // words and identifiers
  if (/^(?:https?|file):\/\//i.test(v) || /^[./~]/.test(v)) return REJECT; // URLs and paths
  // The key is the last name before the value (`csrf-token` in `csrf-token=...`).
  const keyName = /([A-Za-z0-9_.-]+)[^A-Za-z0-9_.-]*$/.exec(ctx.before)?.[1] ?? '';
  if (NEXT_KEY.test(v) || NON_SECRET_KEY.test(keyName)) return REJECT;
  if (/[-_.:]v?\d+\.\d+(?:\.\d+)*$/.test(v)) return REJECT; // artifact versions (lib-1.2.3)
  const entropy = shannonEntropy(v);
  if (entropy < 3) return REJECT;
  if (!/\d/.test(v) && entropy < 3.5) return REJECT;
  return { valid: true, confidence: entropy >= 4 ? 0.8 : 0.65 };
};

/** `Authorization: Basic <base64>`: decodes to user:password; the password is the secret. */
const basicAuth: Validator = (value) => {
  const decoded = decodeBase64(value);
  if (decoded === undefined || !isPrintable(decoded)) return REJECT;
  const colon = decoded.indexOf(':');
  if (colon <= 0) return REJECT;
  const pass = decoded.slice(colon + 1);
  if (!password(pass, { match: '', before: '', after: '' }).valid) return REJECT;
  return { valid: true, secret: pass, detail: { scheme: 'basic' } };
};

/** `Authorization: Bearer <token>` / API-key headers: anything token-like that is not a template. */
const bearer: Validator = (value, ctx) => {
  if (value.length < 16) return REJECT;
  if (value.startsWith('eyJ')) {
    const jwtResult = classifyJwt(value);
    if (jwtResult.valid) return jwtResult;
  }
  return keyedToken(value, ctx);
};

/** AWS key ids are Base32 after the 4-letter prefix; AWS's documentation key ends in EXAMPLE. */
const awsAccessKeyId: Validator = (value, ctx) => {
  if (!token(value, ctx).valid) return REJECT;
  const prefix = value.slice(0, 4);
  const type = prefix === 'ASIA' ? 'temporary' : prefix === 'AKIA' ? 'long_term' : 'other';
  return { valid: true, detail: { key_type: type } };
};

/** Telegram bot ids are 5–12 digits; the secret part must not be a filler. */
const telegramBot: Validator = (value, ctx) => {
  const [id, secret] = value.split(':');
  if (!id || !secret || id.length < 5 || id.length > 16) return REJECT;
  return token(secret, ctx);
};

/** A database / broker URL password. The user must look like a user too. */
const urlPassword: Validator = (value, ctx) => {
  const result = password(value, ctx);
  if (!result.valid) return REJECT;
  // user == password (postgres:postgres@, admin:admin@) is a default from documentation or a
  // local container, not a credential someone chose.
  const user = /:\/\/([^:/@]*):/.exec(ctx.match)?.[1];
  if (user !== undefined && user.toLowerCase() === value.toLowerCase()) return REJECT;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(ctx.match)?.[1]?.toLowerCase();
  return { ...result, detail: { ...result.detail, ...(scheme ? { scheme } : {}) } };
};

export const secretValidators: Record<string, Validator> = {
  'secret.token': token,
  'secret.keyed-token': keyedToken,
  'secret.jwt': jwt,
  'secret.jwt-base64': jwtBase64,
  'secret.private-key': privateKey,
  'secret.password': password,
  'secret.prose-password': prosePassword,
  'secret.url-password': urlPassword,
  'secret.generic': genericSecret,
  'secret.basic-auth': basicAuth,
  'secret.bearer': bearer,
  'secret.aws-access-key-id': awsAccessKeyId,
  'secret.telegram-bot': telegramBot,
  'secret.slack': slackToken,
};
