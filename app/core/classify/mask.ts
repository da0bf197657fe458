/**
 * Masked previews. A preview lets a reviewer recognise a finding without seeing it: a secret shows
 * at most a public vendor prefix and its last characters, never more than `secretRevealLimit`
 * characters in total; passwords show nothing at all.
 */
import type { FindingCategory } from './rule-types.ts';

export const MASK = '…';

/** Most characters of a secret a preview may reveal: a third of it, and never more than 12. */
export function secretRevealLimit(length: number): number {
  return Math.min(12, Math.floor(length / 3));
}

/** Secret kinds whose value is chosen by a person: nothing of it is shown. */
const OPAQUE_SECRET_KINDS = new Set(['password', 'database_password', 'broker_password', 'url_password', 'basic_auth_credentials']);
const KEY_BLOCK_KINDS = new Set(['private_key', 'ssh_private_key', 'pgp_private_key']);

/** Leading vendor marker such as `sk-proj-`, `ghp_`, `xoxb-`, `AKIA`: format, not secret. */
function publicPrefix(value: string): string {
  const m = /^(?:[A-Za-z][A-Za-z0-9]{0,9}[-_.]){1,2}/.exec(value);
  if (m) return m[0];
  const aws = /^(?:AKIA|ASIA|ABIA|ACCA|AIza|LTAI|SG\.|EAAA|dapi|AKCp)/.exec(value);
  return aws ? aws[0] : '';
}

export function maskSecret(value: string, kind: string): string {
  const chars = [...value];
  if (KEY_BLOCK_KINDS.has(kind)) {
    const label = /BEGIN ([A-Z0-9 ]{1,40})-----/.exec(value)?.[1] ?? 'PRIVATE KEY';
    return `[${label}${MASK}]`;
  }
  if (OPAQUE_SECRET_KINDS.has(kind) || chars.length < 8) return '********';
  const limit = secretRevealLimit(chars.length);
  let prefix = [...publicPrefix(value)];
  if (prefix.length > limit) prefix = [];
  const suffixLength = Math.max(0, Math.min(4, limit - prefix.length));
  const suffix = suffixLength > 0 ? chars.slice(-suffixLength) : [];
  return `${prefix.join('')}${MASK}${suffix.join('')}`;
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskIdentifier(value);
  const local = [...value.slice(0, at)];
  return `${local[0]}***${value.slice(at)}`;
}

/** Every digit but the last `keep` becomes `*`; separators stay so the shape is recognisable. */
function maskDigits(value: string, keep: number): string {
  const total = [...value].filter((c) => /\d/.test(c)).length;
  let seen = 0;
  return [...value]
    .map((c) => {
      if (!/\d/.test(c)) return /[A-Za-z]/.test(c) ? '*' : c;
      seen++;
      return seen > total - keep ? c : '*';
    })
    .join('');
}

function maskCard(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `**** **** **** ${digits.slice(-4)}`;
}

function maskIban(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return `${compact.slice(0, 2)}** **** ${MASK} ${compact.slice(-4)}`;
}

function maskIdentifier(value: string): string {
  const chars = [...value];
  if (chars.length < 6) return '***';
  return `${chars[0]}***${chars[chars.length - 1]}`;
}

/** The preview stored with a finding. */
export function maskValue(value: string, category: FindingCategory, kind: string): string {
  if (category === 'secret') return maskSecret(value, kind);
  if (category === 'operational') {
    // Hosts, paths and SQL shapes are shown (a reviewer needs them), shortened and single-line.
    const flat = value.replace(/\s+/g, ' ');
    return flat.length > 60 ? `${flat.slice(0, 57)}${MASK}` : flat;
  }
  if (kind === 'email') return maskEmail(value);
  if (kind === 'phone' || kind.startsWith('phone')) return maskDigits(value, 2);
  if (kind === 'payment_card' || kind === 'card' || kind.startsWith('card')) return maskCard(value);
  if (kind === 'iban') return maskIban(value);
  return maskIdentifier(value);
}
