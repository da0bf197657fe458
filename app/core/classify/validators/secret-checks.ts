/**
 * Pure checks shared by the secret validators: placeholder and example suppression, entropy,
 * and base64 decoding. Leaked values pass through here, so nothing in this module logs or throws
 * with a value in the message.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // ASCII (nearly every credential): counts in a reused table, summed in first-seen order as the
  // general path sums them, so both give the same bits to the last digit.
  const order: number[] = [];
  let ascii = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    const seen = ASCII_COUNTS[c]!;
    if (seen === 0) order.push(c);
    ASCII_COUNTS[c] = seen + 1;
  }
  let bits = 0;
  if (ascii) {
    for (const c of order) {
      const p = ASCII_COUNTS[c]! / value.length;
      bits -= p * Math.log2(p);
    }
  }
  for (const c of order) ASCII_COUNTS[c] = 0;
  return ascii ? bits : codePointEntropy(value);
}

const ASCII_COUNTS = new Uint32Array(128);

function codePointEntropy(value: string): number {
  const counts = new Map<string, number>();
  let n = 0;
  for (const ch of value) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    n += 1;
  }
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Substrings that mark documentation values, templates and redactions rather than credentials. */
const PLACEHOLDER_MARKERS = [
  'example',
  'xxxx',
  'your_',
  'your-',
  'yourapi',
  'yourkey',
  'yourtoken',
  'yoursecret',
  'yourpass',
  'placeholder',
  'redacted',
  'changeme',
  'change_me',
  'dummy',
  'insert_',
  'insert-',
  'replace_me',
  'replaceme',
  '***',
  '•••',
  '...',
  '…',
  '${',
  '$(',
  '{{',
  '}}',
  '<',
  '>',
  '%s',
  '%(',
  'process.env',
  'os.environ',
  'getenv',
  'env(',
  'env[',
];

/** Whole values that are words or literals, never a credential. */
const PLACEHOLDER_WORDS = new Set([
  'null',
  'nil',
  'none',
  'undefined',
  'true',
  'false',
  'empty',
  'string',
  'str',
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'key',
  'value',
  'required',
  'optional',
  'hidden',
  'masked',
  'unset',
  'todo',
  'tbd',
  'n/a',
  'na',
  'test',
  'xxx',
  '-',
  'bearer',
  'basic',
  'pass',
  'mypassword',
  'yourpassword',
  'mysecret',
  'yoursecret',
  'mytoken',
  'secretkey',
  'username',
  'user',
]);

/** True when every character is the same, or the characters run as a sequence (abcdef, 123456). */
export function isMonotonous(value: string): boolean {
  const chars = [...value];
  if (chars.length < 2) return true;
  if (chars.every((c) => c === chars[0])) return true;
  if (chars.length >= 6) {
    let up = true;
    let down = true;
    for (let i = 1; i < chars.length; i++) {
      const d = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
      if (d !== 1) up = false;
      if (d !== -1) down = false;
    }
    if (up || down) return true;
  }
  return false;
}

/**
 * True when the value contains a run of `length` characters that climb or fall one code point at
 * a time (`abcdef`, `123456`, `FEDCBA`): typed fillers, not generator output. A random 40-char
 * base62 token holds a 6-run with probability under 1e-7.
 */
export function hasSequentialRun(value: string, length = 6): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return false;
}

/** True when the value is a template, a documented example, a redaction or a literal word. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (PLACEHOLDER_MARKERS.some((m) => lower.includes(m))) return true;
  // Shell / template variable references: $TOKEN, %TOKEN%, :token, @token.
  if (/^[$%@:][A-Za-z_{(]/.test(v)) return true;
  if (/^%[A-Za-z_]+%$/.test(v)) return true;
  if (isMonotonous(v)) return true;
  // [PASSWORD], {USER}, <TOKEN>-style slots with an upper-case name inside.
  if (/^[[{(]\s*[A-Z][A-Z0-9_ -]*\s*[\]})]$/.test(v)) return true;
  // The same short chunk repeated (abcabcabc, 1234512345) is a filler, not key material.
  if (v.length >= 8 && /^(.{1,4})\1+$/.test(v)) return true;
  return false;
}

/** Code identifiers such as `config.api_key` or `getToken()` that appear where a value would. */
export function looksLikeCodeReference(value: string): boolean {
  if (/\(\)?$/.test(value) || /^[A-Za-z_][A-Za-z0-9_]*\(/.test(value)) return true;
  if (/^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+$/i.test(value) && !/\d/.test(value)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && !/\d/.test(value)) return true; // ENV_VAR_NAME
  return false;
}

/** Decodes standard or URL-safe base64 into a UTF-8 string; undefined when it is not base64. */
export function decodeBase64(value: string): string | undefined {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return undefined;
  try {
    const b64 = clean.replace(/-/g, '+').replace(/_/g, '/');
    return Buffer.from(b64, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/** True when every character is printable (no control characters, no U+FFFD from bad UTF-8). */
export function isPrintable(value: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(value);
}
