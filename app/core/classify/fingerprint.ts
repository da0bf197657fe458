/**
 * Keyed fingerprints: equal secrets get equal fingerprints within a case (or under a key the user
 * supplies, across cases), but a fingerprint cannot be reversed or brute-forced without the key.
 */
import { createHmac } from 'node:crypto';

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
