/**
 * Writes the sample leak (log_stream.tsv, chat_export.jsonl.gz, billing_events.csv) and its exact
 * ground truth. Everything is drawn from streams seeded by (seed, purpose), so the same seed and row
 * count give the same bytes, and output streams so millions of rows fit in bounded memory.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printIban } from './identifiers.ts';
import { BANKS, fill, SPECIAL_CATEGORIES, type PasteKind } from './chat-texts.ts';
import { DECOY_KINDS, plantDecoy, type PlantedDecoy } from './decoys.ts';
import { clickhouseJson, csvField, numberArray, stringArray, tsvString, TSV_NULL } from './escape.ts';
import { formatCard, formatPhone } from './identifiers.ts';
import { ChunkWriter, TruthList } from './output.ts';
import { buildPopulation, TIME_END, TIME_START, type ContentItem, type Person, type Population } from './population.ts';
import { Rng } from './prng.ts';
import { BACKEND_SECRET_MIX, jwt, plantSecret, type PlantedSecret } from './secrets.ts';

export const GENERATOR_VERSION = 1;

export const FILES = {
  log: 'log_stream.tsv',
  chat: 'chat_export.jsonl.gz',
  billing: 'billing_events.csv',
} as const;

const FILE_BITS: Record<string, number> = { [FILES.log]: 1, [FILES.chat]: 2, [FILES.billing]: 4 };

/** Above this many log rows the truth lists go to JSON-lines side files instead of truth.json. */
export const INLINE_TRUTH_MAX_ROWS = 200_000;

export interface GenerateOptions {
  rows: number;
  seed: number;
  outDir: string;
  truthPath: string;
}

export interface SecretTruth {
  kind: string;
  provider: string;
  file: string;
  row: number;
  field: string;
  value: string;
  person?: string;
}
export interface PiiTruth {
  kind: string;
  file: string;
  row: number;
  field: string;
  value: string;
  normalized?: string;
  scheme?: string;
  person: string;
}
export interface SpecialTruth {
  category: string;
  file: string;
  row: number;
  field: string;
  person: string;
}
export interface DecoyTruth {
  kind: string;
  file: string;
  row: number;
  field: string;
  text: string;
}

const CATEGORY_BITS = {
  contact: 1 << 0,
  online_id: 1 << 1,
  financial: 1 << 2,
  national_id: 1 << 3,
  demographic: 1 << 4,
  credentials: 1 << 5,
  chat_content: 1 << 6,
  criminal: 1 << 7,
  children: 1 << 8,
} as const;
const SPECIAL_BIT_BASE = 9;

const PII_CATEGORY: Record<string, keyof typeof CATEGORY_BITS> = {
  email: 'contact',
  phone: 'contact',
  person_name: 'contact',
  address: 'contact',
  iban: 'financial',
  card_number: 'financial',
  national_id: 'national_id',
  date_of_birth: 'demographic',
};

type Mark =
  | { type: 'pii'; kind: string; value: string; person: Person; normalized?: string; scheme?: string }
  | { type: 'special'; category: string; person: Person }
  | { type: 'secret'; secret: PlantedSecret; person?: Person }
  | { type: 'decoy'; decoy: PlantedDecoy };

interface Text {
  text: string;
  marks: Mark[];
}

/** Everything recorded while writing: truth lists, and per person what was seen where. */
class Recorder {
  readonly secrets: TruthList<SecretTruth>;
  readonly pii: TruthList<PiiTruth>;
  readonly special: TruthList<SpecialTruth>;
  readonly decoys: TruthList<DecoyTruth>;
  readonly seen: Array<Map<string, number>>;
  readonly categories: Uint32Array;

  constructor(personCount: number, sideDir: string | null) {
    const side = (name: string) => (sideDir ? path.join(sideDir, `truth-${name}.jsonl`) : null);
    this.secrets = new TruthList(side('secrets'));
    this.pii = new TruthList(side('pii'));
    this.special = new TruthList(side('special'));
    this.decoys = new TruthList(side('decoys'));
    this.seen = Array.from({ length: personCount }, () => new Map<string, number>());
    this.categories = new Uint32Array(personCount);
  }

  observe(person: Person, kind: string, value: string, file: string): void {
    const key = `${kind}\t${value}`;
    const map = this.seen[person.index]!;
    map.set(key, (map.get(key) ?? 0) | FILE_BITS[file]!);
  }

  flag(person: Person, category: keyof typeof CATEGORY_BITS): void {
    this.categories[person.index]! |= CATEGORY_BITS[category];
  }

  async marks(marks: readonly Mark[], file: string, row: number, field: string): Promise<void> {
    for (const mark of marks) {
      if (mark.type === 'pii') {
        const entry: PiiTruth = { kind: mark.kind, file, row, field, value: mark.value, person: mark.person.id };
        if (mark.normalized) entry.normalized = mark.normalized;
        if (mark.scheme) entry.scheme = mark.scheme;
        await this.pii.add(entry);
        this.observe(mark.person, mark.kind, mark.normalized ?? mark.value, file);
        this.flag(mark.person, PII_CATEGORY[mark.kind]!);
      } else if (mark.type === 'special') {
        await this.special.add({ category: mark.category, file, row, field, person: mark.person.id });
        if (mark.category === 'criminal' || mark.category === 'children') this.flag(mark.person, mark.category);
        else this.categories[mark.person.index]! |= 1 << (SPECIAL_BIT_BASE + SPECIAL_CATEGORIES.indexOf(mark.category as never));
      } else if (mark.type === 'secret') {
        const s = mark.secret;
        const entry: SecretTruth = { kind: s.kind, provider: s.provider, file, row, field, value: s.value };
        if (mark.person) {
          entry.person = mark.person.id;
          this.flag(mark.person, 'credentials');
        }
        await this.secrets.add(entry);
      } else {
        await this.decoys.add({ kind: mark.decoy.kind, file, row, field, text: mark.decoy.text });
      }
    }
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function formatTimestamp(ms: number, withMillis = true): string {
  const d = new Date(ms);
  const base = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return withMillis ? `${base}.${String(d.getUTCMilliseconds()).padStart(3, '0')}` : base;
}

function formatBirthDate(iso: string, language: string): string {
  const [y, m, d] = iso.split('-');
  if (language === 'de' || language === 'pl') return `${d}.${m}.${y}`;
  if (language === 'nl') return `${d}-${m}-${y}`;
  if (language === 'en') return iso;
  return `${d}/${m}/${y}`;
}

/** Lazily built, per-person bring-your-own model key (the same key on every request). */
const byokCache = new Map<number, PlantedSecret>();
function byokKey(seed: number, p: Person): PlantedSecret {
  let key = byokCache.get(p.index);
  if (!key) {
    key = plantSecret(new Rng(seed, `byok-${p.index}`), p.byokKind!, TIME_START / 1000)[0]!;
    byokCache.set(p.index, key);
  }
  return key;
}

/** Builds the user's message for one content item (a disclosure or a pasted identifier). */
function contentText(rng: Rng, p: Person, item: ContentItem, persons: readonly Person[], epochSeconds: number): Text {
  const bank = BANKS[p.language];
  if (item.type === 'disclosure') {
    const category = item.category;
    if (category === 'criminal') return { text: bank.criminal, marks: [{ type: 'special', category, person: p }] };
    if (category === 'children') {
      return { text: fill(bank.children, { child: p.childName, age: String(p.childAge) }), marks: [{ type: 'special', category, person: p }] };
    }
    return { text: bank.special[category], marks: [{ type: 'special', category, person: p }] };
  }
  const template = bank.paste[item.kind];
  const say = (value: string, marks: Mark[], name = '') => ({ text: fill(template, { value, name }), marks });
  switch (item.kind as PasteKind) {
    case 'email':
      return say(p.email, [{ type: 'pii', kind: 'email', value: p.email, person: p, normalized: p.email.toLowerCase() }]);
    case 'phone': {
      const shown = formatPhone(rng, p.phone!);
      return say(shown, [{ type: 'pii', kind: 'phone', value: shown, person: p, normalized: p.phone! }]);
    }
    case 'iban': {
      const shown = rng.chance(0.6) ? printIban(p.iban!) : p.iban!;
      return say(shown, [{ type: 'pii', kind: 'iban', value: shown, person: p, normalized: p.iban! }]);
    }
    case 'card': {
      const shown = formatCard(rng, p.card!);
      return say(shown, [{ type: 'pii', kind: 'card_number', value: shown, person: p, normalized: p.card!.number }]);
    }
    case 'national_id':
      return say(p.nationalId!.value, [{ type: 'pii', kind: 'national_id', value: p.nationalId!.value, person: p, scheme: p.nationalId!.kind }]);
    case 'address':
      return say(p.address, [{ type: 'pii', kind: 'address', value: p.address, person: p }]);
    case 'date_of_birth': {
      const shown = formatBirthDate(p.birthDate, p.language);
      return say(shown, [{ type: 'pii', kind: 'date_of_birth', value: shown, person: p, normalized: p.birthDate }]);
    }
    case 'friend_email':
    case 'friend_phone': {
      const friend = persons[item.friend!]!;
      const isPhone = item.kind === 'friend_phone';
      const shown = isPhone ? formatPhone(rng, friend.phone!) : friend.email;
      return say(
        shown,
        [
          isPhone
            ? { type: 'pii', kind: 'phone', value: shown, person: friend, normalized: friend.phone! }
            : { type: 'pii', kind: 'email', value: shown, person: friend, normalized: shown.toLowerCase() },
          { type: 'pii', kind: 'person_name', value: friend.fullName, person: friend },
        ],
        friend.fullName,
      );
    }
    case 'secret': {
      const secret = plantSecret(rng, item.secretKind!, epochSeconds)[0]!;
      return say(secret.value, [{ type: 'secret', secret, person: p }]);
    }
  }
}

/** An ordinary request; now and then with a harmless look-alike in it. */
function ordinaryQuestion(rng: Rng, p: Person, epochMs: number): Text {
  const bank = BANKS[p.language];
  const question = rng.pick(bank.questions);
  if (rng.chance(0.012)) {
    const decoy = plantDecoy(rng, rng.weighted(DECOY_KINDS), epochMs);
    return { text: `${question} (${decoy.line})`, marks: [{ type: 'decoy', decoy }] };
  }
  return { text: question, marks: [] };
}

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'parley-large-2', 'claude-3-5-sonnet', 'deepseek-chat', 'mistral-large'];
const VERSIONS = ['3.2.1', '3.2.0', '3.1.4', '3.1.2'];
const HOST_COUNTS: Record<string, number> = { 'chat-api': 8, gateway: 4, inference: 12, billing: 2, auth: 3, moderation: 2 };
const LOG_COLUMNS = ['timestamp', 'service', 'level', 'host', 'trace_id', 'user_id', 'session_id', 'ip', 'device_id', 'message', 'string.names', 'string.values', 'number.names', 'number.values'];

interface LogRow {
  service: string;
  level: string;
  message: string;
  stringNames: string[];
  stringValues: string[];
  numberNames: string[];
  numberValues: number[];
  /** Marks per field ('message', 'string.api_key'). */
  marks: Array<[string, Mark[]]>;
}

function host(rng: Rng, service: string): string {
  return `${service}-${rng.int(1, HOST_COUNTS[service]!)}.prod.parley.internal`;
}

function userAgent(kind: string, version: string): string {
  if (kind === 'ios') return `ParleyApp/${version} (iOS 18.1; iPhone15,2)`;
  if (kind === 'android') return `ParleyApp/${version} (Android 14; Pixel 8)`;
  return 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
}

interface SessionState {
  turn: number;
}

function personLogRow(rng: Rng, seed: number, p: Person, account: number, deviceKind: string, state: SessionState, ms: number, persons: readonly Person[]): LogRow {
  const version = VERSIONS[p.index % VERSIONS.length]!;
  const model = rng.pick(MODELS);
  const pending = p.content.length > 0;
  let service: string;
  if (state.turn === 0 || pending) service = state.turn % 2 === 0 ? 'chat-api' : 'chat-api-reply';
  else service = rng.weighted([['chat-api', 32], ['chat-api-reply', 28], ['gateway', 15], ['inference', 10], ['auth', account >= 0 ? 5 : 1], ['moderation', 5], ['billing', account >= 0 ? 5 : 0]]);
  state.turn++;
  const base = { level: 'INFO', stringNames: [] as string[], stringValues: [] as string[], numberNames: [] as string[], numberValues: [] as number[], marks: [] as Array<[string, Mark[]]> };
  if (service === 'chat-api') {
    const item = p.content.shift();
    const said = item ? contentText(rng, p, item, persons, Math.floor(ms / 1000)) : ordinaryQuestion(rng, p, ms);
    const message = rng.chance(0.8)
      ? JSON.stringify({ role: 'user', content: said.text })
      : JSON.stringify({ messages: [{ role: 'system', content: 'You are Parley, a helpful assistant.' }, { role: 'user', content: said.text }] });
    const row: LogRow = {
      ...base,
      service,
      message,
      stringNames: ['model', 'locale', 'client_version'],
      stringValues: [model, p.locale, version],
      numberNames: ['prompt_tokens', 'completion_tokens', 'max_tokens'],
      numberValues: [rng.int(8, 900), 0, rng.pick([1024, 2048, 4096])],
      marks: [['message', said.marks]],
    };
    if (p.byokKind && rng.chance(0.15)) {
      const key = byokKey(seed, p);
      row.stringNames.push('api_key');
      row.stringValues.push(key.value);
      row.marks.push(['string.api_key', [{ type: 'secret', secret: key, person: p }]]);
    } else if (rng.chance(0.003)) {
      const text = rng.pick(['YOUR_API_KEY', 'sk-xxxxxxxxxxxxxxxxxxxxxxxx', '']);
      row.stringNames.push('api_key');
      row.stringValues.push(text);
      if (text) row.marks.push(['string.api_key', [{ type: 'decoy', decoy: { kind: 'placeholder_api_key', text, line: text } }]]);
    }
    return row;
  }
  if (service === 'chat-api-reply') {
    const reply = rng.pick(BANKS[p.language].replies);
    const completion = rng.int(20, 800);
    return {
      ...base,
      service: 'chat-api',
      message: JSON.stringify({ role: 'assistant', content: reply }),
      stringNames: ['model', 'locale', 'client_version'],
      stringValues: [model, p.locale, version],
      numberNames: ['prompt_tokens', 'completion_tokens', 'max_tokens'],
      numberValues: [rng.int(8, 900), completion, rng.pick([1024, 2048, 4096])],
    };
  }
  if (service === 'gateway') {
    const latency = rng.int(40, 3000);
    const status = rng.weighted([[200, 92], [429, 4], [401, 2], [500, 2]] as const);
    const row: LogRow = {
      ...base,
      service,
      message: `POST /v1/chat/completions ${status} ${latency}ms ua="${userAgent(deviceKind, version)}"`,
      stringNames: ['route', 'client_version'],
      stringValues: ['/v1/chat/completions', version],
      numberNames: ['status', 'latency_ms'],
      numberValues: [status, latency],
    };
    if (account >= 0 && rng.chance(0.02)) {
      const token = jwt(rng, 'https://auth.parley.ai', p.accounts[account]!.userId, Math.floor(ms / 1000) - rng.int(60, 3000));
      const secret: PlantedSecret = { kind: 'bearer_token', provider: 'Parley', value: token, text: `Authorization: Bearer ${token}` };
      row.level = 'DEBUG';
      row.message = `request dump:\nPOST /v1/chat/completions HTTP/1.1\nHost: api.parley.ai\n${secret.text}\nUser-Agent: ${userAgent(deviceKind, version)}\nContent-Type: application/json\nX-Request-Id: ${rng.uuid()}`;
      row.marks.push(['message', [{ type: 'secret', secret, person: p }]]);
    }
    return row;
  }
  if (service === 'inference') {
    const prompt = rng.int(8, 900);
    const completion = rng.int(20, 800);
    const latency = rng.int(300, 9000);
    return {
      ...base,
      service,
      message: `completion done model=${model} prompt_tokens=${prompt} completion_tokens=${completion} latency_ms=${latency}`,
      stringNames: ['model', 'gpu'],
      stringValues: [model, rng.pick(['H100', 'A100', 'L40S'])],
      numberNames: ['prompt_tokens', 'completion_tokens', 'total_tokens', 'latency_ms'],
      numberValues: [prompt, completion, prompt + completion, latency],
    };
  }
  if (service === 'auth') {
    const acct = account >= 0 ? p.accounts[account]! : null;
    const names = ['method', 'locale'];
    if (!acct) return { ...base, service, message: 'guest session started', stringNames: names, stringValues: ['guest', p.locale], numberNames: ['latency_ms'], numberValues: [rng.int(5, 80)] };
    const r = rng.float();
    if (r < 0.15) {
      return {
        ...base,
        service,
        message: `password reset requested for ${acct.email} user_id=${acct.userId}`,
        stringNames: names,
        stringValues: ['password', p.locale],
        numberNames: ['latency_ms'],
        numberValues: [rng.int(5, 80)],
        marks: [['message', [{ type: 'pii', kind: 'email', value: acct.email, person: p, normalized: acct.email.toLowerCase() }]]],
      };
    }
    if (r < 0.25 && acct.phone) {
      const shown = formatPhone(rng, acct.phone);
      return {
        ...base,
        service,
        message: `sms verification code sent to ${shown} user_id=${acct.userId}`,
        stringNames: names,
        stringValues: ['sms', p.locale],
        numberNames: ['latency_ms'],
        numberValues: [rng.int(5, 80)],
        marks: [['message', [{ type: 'pii', kind: 'phone', value: shown, person: p, normalized: acct.phone }]]],
      };
    }
    const method = rng.pick(['password', 'google', 'apple', 'magic_link']);
    return { ...base, service, message: `login succeeded user_id=${acct.userId} method=${method} device=${deviceKind}`, stringNames: names, stringValues: [method, p.locale], numberNames: ['latency_ms'], numberValues: [rng.int(5, 80)] };
  }
  if (service === 'moderation') {
    const flagged = rng.chance(0.05);
    const score = flagged ? 0.7 + rng.float() * 0.29 : rng.float() * 0.1;
    return {
      ...base,
      service,
      level: flagged ? 'WARN' : 'INFO',
      message: flagged ? `conversation flagged category=${rng.pick(['harassment', 'spam', 'violence'])} score=${score.toFixed(2)} action=review` : `conversation screened score=${score.toFixed(2)}`,
      stringNames: ['policy'],
      stringValues: ['default-v7'],
      numberNames: ['latency_ms'],
      numberValues: [rng.int(5, 120)],
    };
  }
  const acct = p.accounts[account]!;
  const plan = rng.pick(['plus', 'pro', 'team']);
  return {
    ...base,
    service: 'billing',
    message: `invoice paid account=${acct.userId} plan=${plan} amount=${rng.pick(['9.99', '19.99', '29.00'])} ${p.country.code === 'GB' ? 'GBP' : p.country.code === 'US' ? 'USD' : 'EUR'}`,
    stringNames: ['currency', 'plan'],
    stringValues: [p.country.code === 'GB' ? 'GBP' : p.country.code === 'US' ? 'USD' : 'EUR', plan],
    numberNames: ['latency_ms'],
    numberValues: [rng.int(20, 400)],
  };
}

const SYSTEM_SERVICES = ['chat-api', 'gateway', 'inference', 'billing', 'auth', 'moderation'];

const CONFIG_LINES = ['log_level=info', 'region=eu-central-1', 'max_concurrency=64', 'feature_flags=streaming,tools,memory', 'kafka_brokers=kafka-0.prod.parley.internal:9092,kafka-1.prod.parley.internal:9092', 'retention_days=30', 'http_timeout_ms=30000'];

function systemLogRow(rng: Rng, ms: number): LogRow {
  const service = rng.pick(SYSTEM_SERVICES);
  const base = { service, level: 'INFO', stringNames: ['build', 'region'], stringValues: [`${rng.pick(VERSIONS)}-${rng.hex(7)}`, 'eu-central-1'], numberNames: ['pid'], numberValues: [rng.int(100, 65000)], marks: [] as Array<[string, Mark[]]> };
  const r = rng.float();
  if (r < 0.08) {
    // Config dumps at start-up: the classic way credentials reach a log table.
    const lines = rng.shuffle(CONFIG_LINES).slice(0, rng.int(2, 5));
    const marks: Mark[] = [];
    if (rng.chance(0.7)) {
      for (const secret of plantSecret(rng, rng.weighted(BACKEND_SECRET_MIX), Math.floor(ms / 1000))) {
        if (!lines.includes(secret.text)) lines.splice(rng.int(0, lines.length), 0, secret.text);
        marks.push({ type: 'secret', secret });
      }
    } else {
      const decoy = plantDecoy(rng, rng.pick(['placeholder_api_key', 'placeholder_password', 'placeholder_database_url', 'aws_example_key'] as const), ms);
      lines.splice(rng.int(0, lines.length), 0, decoy.line);
      marks.push({ type: 'decoy', decoy });
    }
    return { ...base, message: `effective configuration:\n${lines.join('\n')}`, marks: [['message', marks]] };
  }
  if (r < 0.086) {
    const secret = plantSecret(rng, rng.chance(0.5) ? 'rsa_private_key' : 'openssh_private_key', Math.floor(ms / 1000))[0]!;
    return { ...base, level: 'ERROR', message: `failed to load key from env TLS_KEY, value was:\n${secret.text}\n(parse error at byte 0)`, marks: [['message', [{ type: 'secret', secret }]]] };
  }
  if (r < 0.186) {
    const marks: Mark[] = [];
    let cause = 'psycopg2.OperationalError: server closed the connection unexpectedly';
    if (rng.chance(0.2)) {
      const secret = plantSecret(rng, rng.pick(['postgres_url', 'mysql_url', 'redis_url', 'mongodb_url', 'clickhouse_url', 'amqp_url'] as const), Math.floor(ms / 1000))[0]!;
      cause = `ConnectionError: could not connect to ${secret.value}: timeout after 5000 ms`;
      marks.push({ type: 'secret', secret });
    }
    const message = `Traceback (most recent call last):\n  File "/app/parley/store.py", line ${rng.int(40, 400)}, in save_turn\n    conn = pool.getconn()\n  File "/usr/lib/python3.12/site-packages/psycopg2/pool.py", line 169, in getconn\n    return self._getconn(key)\n${cause}`;
    return { ...base, level: 'ERROR', message, marks: [['message', marks]] };
  }
  if (r < 0.286) {
    const ms2 = rng.int(1200, 30000);
    return { ...base, level: 'WARN', message: `slow query (${ms2} ms): SELECT conversation_id, count() AS turns FROM chat.messages WHERE created_at > now() - INTERVAL 1 HOUR GROUP BY conversation_id ORDER BY turns DESC LIMIT 100` };
  }
  if (r < 0.316) {
    const decoy = plantDecoy(rng, rng.weighted(DECOY_KINDS), ms);
    return { ...base, message: decoy.line, marks: [['message', [{ type: 'decoy', decoy }]]] };
  }
  const message = rng.pick([
    'GET /healthz 200 0.4ms',
    `flushed ${rng.int(100, 5000)} rows to kafka topic chat-events`,
    `connection pool stats active=${rng.int(1, 60)} idle=${rng.int(0, 20)}`,
    `cache hit ratio ${(0.8 + rng.float() * 0.19).toFixed(2)}`,
    `gc pause ${rng.int(1, 120)}ms heap_used_mb=${rng.int(200, 3000)}`,
    'worker started, listening on :8080',
    `rate limiter refilled buckets=${rng.int(1000, 90000)}`,
  ]);
  return { ...base, message };
}

function tsvLine(cells: string[]): string {
  return cells.join('\t') + '\n';
}

/** A min-heap of session indexes ordered by the time of their next row. */
class TimeHeap {
  private readonly keys: number[] = [];
  private readonly ids: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  peekKey(): number {
    return this.keys[0]!;
  }
  push(key: number, id: number): void {
    this.keys.push(key);
    this.ids.push(id);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(parent, i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.ids[0]!];
    const lastKey = this.keys.pop()!;
    const lastId = this.ids.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.ids[0] = lastId;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private less(a: number, b: number): boolean {
    return this.keys[a]! < this.keys[b]! || (this.keys[a] === this.keys[b] && this.ids[a]! < this.ids[b]!);
  }
  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
  }
}

async function writeLogStream(options: GenerateOptions, pop: Population, rec: Recorder): Promise<number> {
  const rng = new Rng(options.seed, 'log_stream');
  const out = new ChunkWriter(path.join(options.outDir, FILES.log));
  await out.write(tsvLine(LOG_COLUMNS));
  const { sessions, persons } = pop;
  const order = Array.from({ length: sessions.count }, (_, i) => i).sort((a, b) => sessions.start[a]! - sessions.start[b]! || a - b);
  const heap = new TimeHeap();
  const remaining = Int32Array.from(sessions.rows);
  const states: Array<SessionState | undefined> = [];
  const systemTotal = options.rows - sessions.rows.reduce((a, b) => a + b, 0);
  const systemStep = (TIME_END - TIME_START) / Math.max(1, systemTotal);
  let systemDone = 0;
  let next = 0;
  let row = 0;
  const file = FILES.log;
  const emit = async (ms: number, r: LogRow, ids: { user: string; session: string; ip: string | null; device: string }) => {
    row++;
    const line = tsvLine([
      formatTimestamp(ms),
      r.service,
      r.level,
      host(rng, r.service),
      rng.uuid(),
      tsvString(ids.user),
      tsvString(ids.session),
      ids.ip === null ? TSV_NULL : ids.ip,
      tsvString(ids.device),
      tsvString(r.message),
      stringArray(r.stringNames),
      stringArray(r.stringValues),
      stringArray(r.numberNames),
      numberArray(r.numberValues),
    ]);
    for (const [field, marks] of r.marks) if (marks.length > 0) await rec.marks(marks, file, row, field);
    const pending = out.write(line);
    if (pending) await pending;
  };
  const systemTime = () => TIME_START + (systemDone + 0.5) * systemStep;
  while (row < options.rows) {
    // Start every session whose first row is due before the next pending row.
    const horizon = Math.min(heap.size > 0 ? heap.peekKey() : Infinity, systemDone < systemTotal ? systemTime() : Infinity);
    if (next < order.length && sessions.start[order[next]!]! <= horizon) {
      const s = order[next++]!;
      heap.push(sessions.start[s]!, s);
      continue;
    }
    if (systemDone < systemTotal && (heap.size === 0 || systemTime() <= heap.peekKey())) {
      const ms = Math.floor(systemTime()) + rng.int(0, 999);
      systemDone++;
      await emit(ms, systemLogRow(rng, ms), { user: '', session: '', ip: null, device: '' });
      continue;
    }
    const [at, s] = heap.pop();
    const p = persons[sessions.person[s]!]!;
    const device = p.devices[sessions.device[s]!]!;
    const ip = sessions.ip[s] === 255 ? p.sharedIp! : p.ips[sessions.ip[s]!]!;
    const user = device.account >= 0 ? p.accounts[device.account]!.userId : '';
    let state = states[s];
    if (!state) {
      state = { turn: 0 };
      states[s] = state;
      if (user) rec.observe(p, 'user_id', user, file);
      rec.observe(p, 'device_id', device.id, file);
      rec.observe(p, 'ip', ip, file);
      rec.flag(p, 'online_id');
    }
    const r = personLogRow(rng, options.seed, p, device.account, device.kind, state, at, persons);
    if (r.service === 'chat-api' && !r.message.startsWith('{"role":"assistant"')) rec.flag(p, 'chat_content');
    await emit(Math.floor(at), r, { user, session: sessions.id[s]!, ip, device: device.id });
    remaining[s] = remaining[s]! - 1;
    if (remaining[s]! > 0) heap.push(at + 1000 * (2 + rng.float() * 40), s);
    else states[s] = undefined;
  }
  await out.close();
  return row;
}

async function writeChatExport(options: GenerateOptions, pop: Population, rec: Recorder): Promise<number> {
  const rng = new Rng(options.seed, 'chat_export');
  const { sessions, persons } = pop;
  const wanted = Math.max(1, Math.round(options.rows / 10));
  // Each account of a two-account person gets an exported conversation, so the shared e-mail or phone is visible.
  const forced = new Set<number>();
  const firstOfAccount = new Map<string, number>();
  for (let s = 0; s < sessions.count; s++) {
    const p = persons[sessions.person[s]!]!;
    if (p.accounts.length < 2) continue;
    const account = p.devices[sessions.device[s]!]!.account;
    const key = `${p.index}/${account}`;
    if (!firstOfAccount.has(key)) {
      firstOfAccount.set(key, s);
      forced.add(s);
    }
  }
  const pool = Int32Array.from({ length: sessions.count }, (_, i) => i);
  const picked: number[] = [...forced];
  for (let i = 0; picked.length < wanted && i < pool.length; i++) {
    const j = i + Math.floor(rng.float() * (pool.length - i));
    const s = pool[j]!;
    pool[j] = pool[i]!;
    pool[i] = s;
    if (!forced.has(s)) picked.push(s);
  }
  picked.sort((a, b) => sessions.start[a]! - sessions.start[b]! || a - b);
  const out = new ChunkWriter(path.join(options.outDir, FILES.chat), { gzip: true });
  const file = FILES.chat;
  let row = 0;
  for (const s of picked) {
    row++;
    const p = persons[sessions.person[s]!]!;
    const device = p.devices[sessions.device[s]!]!;
    const ip = sessions.ip[s] === 255 ? p.sharedIp! : p.ips[sessions.ip[s]!]!;
    const ms = sessions.start[s]! + rng.int(60_000, 1_800_000);
    const account = device.account >= 0 ? p.accounts[device.account]! : null;
    let user: Record<string, string | null> | null = null;
    const marks: Array<[string, Mark[]]> = [];
    if (account) {
      user = { id: account.userId, email: account.email, phone: account.phone, locale: p.locale };
      rec.observe(p, 'user_id', account.userId, file);
      marks.push(['user.email', [{ type: 'pii', kind: 'email', value: account.email, person: p, normalized: account.email.toLowerCase() }]]);
      if (account.phone) marks.push(['user.phone', [{ type: 'pii', kind: 'phone', value: account.phone, person: p, normalized: account.phone }]]);
      // The profile name is optional in the app: about a fifth of users never set it.
      if (rng.chance(0.8)) {
        user['name'] = p.fullName;
        marks.push(['user.name', [{ type: 'pii', kind: 'person_name', value: p.fullName, person: p }]]);
      }
    }
    const messages: Array<{ role: string; content: string }> = [];
    const turns = rng.int(1, 3);
    for (let t = 0; t < turns; t++) {
      let said: Text;
      const repeat = t === 0 && p.content.length === 0 && rng.chance(0.2) ? repeatable(p) : null;
      if (repeat) said = contentText(rng, p, repeat, persons, Math.floor(ms / 1000));
      else if (rng.chance(0.004)) {
        const secret = plantSecret(rng, rng.pick(['openai_api_key', 'github_pat', 'aws_access_key', 'stripe_secret_key'] as const), Math.floor(ms / 1000))[0]!;
        said = { text: fill(BANKS[p.language].paste.secret, { value: secret.value }), marks: [{ type: 'secret', secret, person: p }] };
      } else said = ordinaryQuestion(rng, p, ms);
      marks.push([`messages.${messages.length}.content`, said.marks]);
      messages.push({ role: 'user', content: said.text });
      messages.push({ role: 'assistant', content: rng.pick(BANKS[p.language].replies) });
    }
    rec.flag(p, 'chat_content');
    rec.flag(p, 'online_id');
    rec.observe(p, 'device_id', device.id, file);
    rec.observe(p, 'ip', ip, file);
    const record: Record<string, unknown> = {
      ts: formatTimestamp(ms, false),
      conversation_id: rng.uuid(),
      user,
      messages,
      client: rng.chance(0.95) ? { ip, device_id: device.id, app_version: VERSIONS[p.index % VERSIONS.length] } : null,
    };
    if (record['client'] === null) {
      // Older clients sent no client block at all; the field is then missing rather than null.
      delete record['client'];
    }
    for (const [field, m] of marks) await rec.marks(m, file, row, field);
    const pending = out.write(clickhouseJson(record) + '\n');
    if (pending) await pending;
  }
  await out.close();
  return row;
}

/** A disclosure the person already made, said again in another conversation (same person, second file). */
function repeatable(p: Person): ContentItem | null {
  return p.repeatable ?? null;
}

async function writeBilling(options: GenerateOptions, pop: Population, rec: Recorder): Promise<number> {
  const rng = new Rng(options.seed, 'billing');
  const events: Array<[number, number]> = [];
  for (const p of pop.persons) for (let k = 0; k < p.billingEvents; k++) events.push([TIME_START + Math.floor(rng.float() * (TIME_END - TIME_START)), p.index]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new ChunkWriter(path.join(options.outDir, FILES.billing));
  const file = FILES.billing;
  await out.write('event_time,account_id,email,full_name,phone,country,iban,card_number,billing_address,note\n');
  const methods = new Map<number, 'iban' | 'card' | 'masked'>();
  let row = 0;
  for (const [ms, index] of events) {
    row++;
    const p = pop.persons[index]!;
    const account = p.accounts[0]!;
    let method = methods.get(index);
    if (!method) {
      method = p.iban && (rng.chance(0.5) || !p.card) ? 'iban' : p.card ? (rng.chance(0.75) ? 'card' : 'masked') : 'masked';
      methods.set(index, method);
    }
    const marks: Array<[string, Mark[]]> = [];
    const phone = p.phone && rng.chance(0.6) ? p.phone : '';
    rec.observe(p, 'user_id', account.userId, file);
    marks.push(['email', [{ type: 'pii', kind: 'email', value: account.email, person: p, normalized: account.email.toLowerCase() }]]);
    marks.push(['full_name', [{ type: 'pii', kind: 'person_name', value: p.fullName, person: p }]]);
    if (phone) marks.push(['phone', [{ type: 'pii', kind: 'phone', value: phone, person: p, normalized: phone }]]);
    let iban: string | null = null;
    let card: string | null = null;
    if (method === 'iban') {
      iban = p.iban!;
      marks.push(['iban', [{ type: 'pii', kind: 'iban', value: iban, person: p, normalized: iban }]]);
    } else if (method === 'card') {
      card = p.card!.number;
      marks.push(['card_number', [{ type: 'pii', kind: 'card_number', value: card, person: p, normalized: card }]]);
    } else {
      card = `**** **** **** ${p.card ? p.card.number.slice(-4) : rng.digits(4)}`;
      marks.push(['card_number', [{ type: 'decoy', decoy: { kind: 'masked_card', text: card, line: card } }]]);
    }
    marks.push(['billing_address', [{ type: 'pii', kind: 'address', value: p.address, person: p }]]);
    let note = '';
    const r = rng.float();
    if (r < 0.03) {
      note = rng.pick(['Customer asked to pause the subscription during chemotherapy.', 'Refund granted: customer was in hospital after a heart attack.', 'Customer requests invoice without diagnosis codes, says insurer covers therapy sessions.']);
      marks.push(['note', [{ type: 'special', category: 'health', person: p }]]);
    } else if (r < 0.04) {
      const secret = plantSecret(rng, 'stripe_secret_key', Math.floor(ms / 1000))[0]!;
      note = `Charged manually via dashboard; key used: ${secret.value} (rotate!)`;
      marks.push(['note', [{ type: 'secret', secret }]]);
    } else if (r < 0.05) {
      const decoy = plantDecoy(rng, 'order_number', ms);
      note = `Refund for ${decoy.text}, "duplicate charge"`;
      marks.push(['note', [{ type: 'decoy', decoy }]]);
    } else if (r < 0.15) {
      note = rng.pick(['Plan upgraded to Pro', 'Invoice resent', 'VAT ID added', 'Dunning: second reminder sent', 'Annual plan, 2 months free\nper promo WINTER26']);
    }
    const line = [
      csvField(formatTimestamp(ms, false)),
      csvField(account.userId),
      csvField(account.email),
      csvField(p.fullName),
      csvField(phone),
      csvField(p.country.code),
      csvField(iban),
      csvField(card),
      csvField(p.address),
      csvField(note),
    ].join(',');
    for (const [field, m] of marks) await rec.marks(m, file, row, field);
    const pending = out.write(line + '\n');
    if (pending) await pending;
  }
  await out.close();
  return row;
}

export interface Summary {
  files: Record<string, { rows: number }>;
  persons: number;
  secrets: number;
  pii: number;
  special: number;
  decoys: number;
}

export async function generateSamples(options: GenerateOptions): Promise<Summary> {
  if (!Number.isInteger(options.rows) || options.rows < 1000) throw new Error('--rows must be an integer of at least 1000');
  mkdirSync(options.outDir, { recursive: true });
  const truthDir = path.dirname(path.resolve(options.truthPath));
  mkdirSync(truthDir, { recursive: true });
  byokCache.clear();
  const pop = buildPopulation(options.seed, options.rows);
  for (const p of pop.persons) p.repeatable = p.content.find((c) => c.type === 'disclosure') ?? null;
  const inline = options.rows <= INLINE_TRUTH_MAX_ROWS;
  const rec = new Recorder(pop.persons.length, inline ? null : truthDir);
  const files: Record<string, { rows: number }> = {};
  files[FILES.log] = { rows: await writeLogStream(options, pop, rec) };
  files[FILES.chat] = { rows: await writeChatExport(options, pop, rec) };
  files[FILES.billing] = { rows: await writeBilling(options, pop, rec) };
  for (const list of [rec.secrets, rec.pii, rec.special, rec.decoys]) await list.close();
  const summary = await writeTruth(options, pop, rec, files, inline, truthDir);
  return summary;
}

const FILE_NAMES: Array<[number, string]> = [
  [1, FILES.log],
  [2, FILES.chat],
  [4, FILES.billing],
];

async function writeTruth(options: GenerateOptions, pop: Population, rec: Recorder, files: Record<string, { rows: number }>, inline: boolean, truthDir: string): Promise<Summary> {
  const { persons, sessions } = pop;
  const sessionsOf = new Map<number, string[]>();
  for (let s = 0; s < sessions.count; s++) {
    const list = sessionsOf.get(sessions.person[s]!) ?? [];
    list.push(sessions.id[s]!);
    sessionsOf.set(sessions.person[s]!, list);
  }
  const byCountry: Record<string, number> = {};
  const categoryCounts: Record<string, number> = Object.fromEntries(Object.keys(CATEGORY_BITS).map((k) => [k, 0]));
  const specialCounts: Record<string, number> = Object.fromEntries(SPECIAL_CATEGORIES.map((k) => [k, 0]));
  const presenceCounts: Record<string, number> = {};
  let guests = 0;
  let secondAccounts = 0;
  let total = 0;
  const personsPath = path.join(truthDir, 'truth-persons.jsonl');
  const list: unknown[] = [];
  const sideWriter = inline ? null : new ChunkWriter(personsPath);
  for (const p of persons) {
    const seen = rec.seen[p.index]!;
    if (seen.size === 0) continue; // planned but never written anywhere: not affected
    total++;
    byCountry[p.country.code] = (byCountry[p.country.code] ?? 0) + 1;
    presenceCounts[p.presence] = (presenceCounts[p.presence] ?? 0) + 1;
    if (p.isGuest) guests++;
    if (p.accounts.length > 1) secondAccounts++;
    const bits = rec.categories[p.index]!;
    const categories: string[] = [];
    for (const [name, bit] of Object.entries(CATEGORY_BITS)) {
      if (bits & bit) {
        categoryCounts[name]!++;
        categories.push(name);
      }
    }
    const special: string[] = [];
    SPECIAL_CATEGORIES.forEach((name, i) => {
      if (bits & (1 << (SPECIAL_BIT_BASE + i))) {
        specialCounts[name]!++;
        special.push(name);
      }
    });
    const observations = [...seen.entries()].map(([key, mask]) => {
      const [kind, value] = key.split('\t') as [string, string];
      return { kind, value, files: FILE_NAMES.filter(([bit]) => mask & bit).map(([, name]) => name) };
    });
    const entry = {
      id: p.id,
      country: p.country.code,
      locale: p.locale,
      presence: p.presence,
      guest: p.isGuest,
      accounts: p.accounts.map((a) => ({ user_id: a.userId, linked_by: a.linkedBy })),
      shared_ip: p.sharedIp,
      categories,
      special,
      observations,
      sessions: sessionsOf.get(p.index) ?? [],
    };
    if (sideWriter) {
      const pending = sideWriter.write(JSON.stringify(entry) + '\n');
      if (pending) await pending;
    } else list.push(entry);
  }
  if (sideWriter) await sideWriter.close();
  else rmSync(personsPath, { force: true });
  const sortedCountries = Object.fromEntries(Object.entries(byCountry).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  const sharedIpUsers = [...pop.sharedIps.values()].map((u) => u.length);
  const side = (name: string, count: number) => ({ file: `truth-${name}.jsonl`, count });
  const truth = {
    generator: { name: 'breachscope-samples', version: GENERATOR_VERSION, seed: options.seed, rows: options.rows },
    conventions: {
      row: '1-based record ordinal within the file, header excluded; a multi-line CSV record or a JSON line is one row',
      field: 'column name; JSON objects flattened with dots and list items by index (messages.0.content, user.email); ClickHouse key/value arrays as <prefix>.<key> (string.api_key)',
      value: 'exact substring of the decoded field text (after TSV/CSV/JSON unescaping of the field itself; JSON text inside a message column is not decoded further)',
      persons: 'people with at least one identifier written to any file; a child mentioned only by first name and age counts under the parent\'s children category, not as a person',
    },
    files,
    persons: {
      total,
      by_country: sortedCountries,
      by_presence: presenceCounts,
      guests,
      with_second_account: secondAccounts,
      shared_ips: { count: sharedIpUsers.length, persons_min: Math.min(...sharedIpUsers), persons_max: Math.max(...sharedIpUsers) },
      by_category: { ...categoryCounts, special: specialCounts },
    },
    person_list: inline ? list : side('persons', total),
    secrets: inline ? rec.secrets.items : side('secrets', rec.secrets.count),
    pii: inline ? rec.pii.items : side('pii', rec.pii.count),
    special: inline ? rec.special.items : side('special', rec.special.count),
    decoys: inline ? rec.decoys.items : side('decoys', rec.decoys.count),
  };
  const tmp = `${options.truthPath}.tmp`;
  writeFileSync(tmp, stringifyTruth(truth));
  renameSync(tmp, options.truthPath);
  return { files, persons: total, secrets: rec.secrets.count, pii: rec.pii.count, special: rec.special.count, decoys: rec.decoys.count };
}

/** Readable and diff-friendly: the summary indented, each list entry on a line of its own. */
function stringifyTruth(truth: Record<string, unknown>): string {
  const parts = Object.entries(truth).map(([key, value]) => {
    const body = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n ]`
      : JSON.stringify(value, null, 2).replaceAll('\n', '\n ');
    return ` ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
