/**
 * Column roles tell later steps which fields identify people (user id, email, phone, IP,
 * device, session), which hold conversation text, and which give time. Detected from the
 * column's name and a sample of its values; the user can override any of them.
 */

export const COLUMN_ROLES = [
  'timestamp',
  'user_id',
  'account',
  'email',
  'phone',
  'ip',
  'device_id',
  'session_id',
  'conversation_id',
  'service',
  'message',
  'name',
  'locale',
  'country',
  'address',
] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

export function isColumnRole(value: string): value is ColumnRole {
  return (COLUMN_ROLES as readonly string[]).includes(value);
}

interface NameRule {
  role: ColumnRole;
  pattern: RegExp;
}

// Matched against the last path segment (and the whole path) in lower case, separators unified.
const NAME_RULES: NameRule[] = [
  { role: 'timestamp', pattern: /^(ts|time|timestamp|datetime|date_?time|event_?time|created_?at|updated_?at|logged_?at|@timestamp|event_date)$/ },
  { role: 'email', pattern: /(^|_)(e_?mail|email_?address|mail)$/ },
  { role: 'phone', pattern: /(^|_)(phone|phone_?number|mobile|msisdn|tel|telephone)$/ },
  { role: 'ip', pattern: /(^|_)(ip|ip_?addr(ess)?|client_?ip|remote_?addr(ess)?|src_?ip|x_?forwarded_?for|peer_?ip)$/ },
  { role: 'device_id', pattern: /(^|_)(device|device_?id|idfa|gaid|android_?id|advertising_?id|hardware_?id)$/ },
  { role: 'session_id', pattern: /(^|_)(session|session_?id|sid)$/ },
  { role: 'conversation_id', pattern: /(^|_)(conversation_?id|chat_?id|thread_?id|dialog_?id)$/ },
  { role: 'user_id', pattern: /(^|_)(user_?id|uid|customer_?id|member_?id|userid|owner_?id)$|^user\.id$/ },
  { role: 'account', pattern: /(^|_)(account|account_?id|username|login|user_?name|handle)$/ },
  { role: 'service', pattern: /(^|_)(service|service_?name|app|application|component|logger)$/ },
  { role: 'message', pattern: /(^|_)(message|msg|content|text|body|prompt|response|completion|query|question|answer|messages|log|line)$/ },
  { role: 'name', pattern: /(^|_)(name|full_?name|first_?name|last_?name|display_?name|customer_?name)$/ },
  { role: 'locale', pattern: /(^|_)(locale|lang|language|timezone|tz)$/ },
  { role: 'country', pattern: /(^|_)(country|country_?code|nation|region_?code)$/ },
  { role: 'address', pattern: /(^|_)(address|billing_?address|street|postal_?address|shipping_?address)$/ },
];

const VALUE_TESTS: Array<{ role: ColumnRole; test: (v: string) => boolean; min: number }> = [
  { role: 'email', test: (v) => /^[^\s@]{1,64}@[^\s@]+\.[a-z]{2,}$/i.test(v), min: 0.8 },
  { role: 'ip', test: (v) => /^(\d{1,3}\.){3}\d{1,3}$/.test(v) || /^[0-9a-f:]{2,39}$/i.test(v) && v.includes(':'), min: 0.9 },
  { role: 'timestamp', test: (v) => /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v) || /^1[6-9]\d{8}(\d{3})?$/.test(v), min: 0.9 },
  { role: 'phone', test: (v) => /^\+?[\d\s().-]{7,20}$/.test(v) && /\d{6,}/.test(v.replace(/\D/g, '')), min: 0.9 },
];

export interface RoleGuess {
  role: ColumnRole | null;
  reason: string;
}

export function guessRole(fieldPath: string, sample: string[]): RoleGuess {
  const normalized = fieldPath.toLowerCase().replace(/[\s\-]+/g, '_');
  const last = normalized.split('.').at(-1) ?? normalized;
  const values = sample.filter((v) => v !== '');
  for (const { role, pattern } of NAME_RULES) {
    if (pattern.test(last) || pattern.test(normalized)) {
      // A name alone is not enough for identifier roles whose values disagree (e.g. `ip` holding text).
      const valueTest = VALUE_TESTS.find((t) => t.role === role);
      if (valueTest && values.length >= 5 && share(values, valueTest.test) < 0.5) continue;
      return { role, reason: `column name "${last}"` };
    }
  }
  if (values.length >= 5) {
    for (const { role, test, min } of VALUE_TESTS) {
      const s = share(values, test);
      if (s >= min) return { role, reason: `${Math.round(s * 100)}% of sampled values look like ${role}` };
    }
    const avgLength = values.reduce((n, v) => n + v.length, 0) / values.length;
    const spaced = share(values, (v) => v.includes(' '));
    if (avgLength > 40 && spaced > 0.5) return { role: 'message', reason: `free text (average ${Math.round(avgLength)} characters)` };
  }
  return { role: null, reason: 'no role recognised' };
}

function share(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n += 1;
  return n / values.length;
}
