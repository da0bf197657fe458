/**
 * Keyed fingerprints: equal secrets get equal fingerprints within a case (or under a key the user
 * supplies, across cases), but a fingerprint cannot be reversed or brute-forced without the key.
 */
import { createHash, createHmac } from 'node:crypto';

const KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;

/**
 * The exact text that is fingerprinted. Key blocks are compared by content, so line ends are
 * normalised to `\n` (also when they arrived JSON-escaped as a literal backslash-n).
 */
export function canonicalSecret(value: string): string {
  if (!KEY_BLOCK.test(value)) return value;
  return value
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Lower-case hex HMAC-SHA256 of the secret under `key`. */
export function fingerprint(key: Buffer, value: string): string {
  if (key.length < 16) throw new Error('fingerprint key must be at least 16 bytes');
  return createHmac('sha256', key).update(canonicalSecret(value), 'utf8').digest('hex');
}

/**
 * The same HMAC in DuckDB SQL over a VARCHAR expression (its UTF-8 bytes): `sha256(outer ||
 * sha256(inner || value))`. The two key pads are the statement's parameters, in the order of
 * `hmacPadParams`, so the key never appears in SQL text. Only for values that are their own
 * canonical form (not a key block: see canonicalSecret).
 */
export function fingerprintSql(value: string): string {
  return `sha256(unhex(?) || unhex(sha256(unhex(?) || encode(${value}))))`;
}

/** Hex of the outer and inner HMAC-SHA256 key pads (RFC 2104), for fingerprintSql. */
export function hmacPadParams(key: Buffer): [outer: string, inner: string] {
  if (key.length < 16) throw new Error('fingerprint key must be at least 16 bytes');
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  const pad = (byte: number) => Buffer.from(block.map((b) => b ^ byte)).toString('hex');
  return [pad(0x5c), pad(0x36)];
}
