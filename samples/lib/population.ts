/**
 * The simulated people behind the leak and how their traces fragment: guests without an account,
 * second accounts tied to the first only by a shared e-mail or phone, several devices and IPs per
 * person, carrier/office IPs shared by unrelated people, people seen only in billing, and people
 * who appear only because someone pasted their contact details into a chat.
 */
import { CHILD_NAMES, SPECIAL_CATEGORIES, type PasteKind, type SpecialCategory } from './chat-texts.ts';
import { COUNTRIES, type CountryProfile, type Language } from './countries.ts';
import {
  generateAddress,
  generateBirthDate,
  generateCard,
  generateDeviceId,
  generateEmail,
  generateIban,
  generateIp,
  generateMobile,
  type Card,
  type DeviceKind,
} from './identifiers.ts';
import { generateNationalId } from './national-ids.ts';
import { apportion, Rng } from './prng.ts';
import { USER_SECRET_KINDS, type SecretKind } from './secrets.ts';

export type Presence = 'active' | 'billing_only' | 'mentioned';
export type Disclosure = SpecialCategory | 'criminal' | 'children';

export interface Account {
  userId: string;
  email: string;
  phone: string | null;
  /** How a second account is tied to the first: the identifier both show. */
  linkedBy: 'email' | 'phone' | null;
}

export interface Device {
  id: string;
  kind: DeviceKind;
  /** The account the device is signed in with (index into accounts), or -1 for guests. */
  account: number;
}

export type ContentItem =
  | { type: 'disclosure'; category: Disclosure }
  | { type: 'paste'; kind: PasteKind; friend?: number; secretKind?: SecretKind };

export interface Person {
  index: number;
  id: string;
  country: CountryProfile;
  locale: string;
  language: Language;
  female: boolean;
  firstName: string;
  lastName: string;
  fullName: string;
  birthDate: string;
  presence: Presence;
  isGuest: boolean;
  accounts: Account[];
  email: string;
  phone: string | null;
  address: string;
  iban: string | null;
  card: Card | null;
  nationalId: { kind: string; value: string } | null;
  devices: Device[];
  ips: string[];
  sharedIp: string | null;
  /** Bring-your-own model key the client sends with requests, if any. */
  byokKind: SecretKind | null;
  /** Things the person will say in chats, in order, before ordinary questions. */
  content: ContentItem[];
  /** A disclosure the person may repeat in an exported conversation (set after planning). */
  repeatable?: ContentItem | null;
  childName: string;
  childAge: number;
  activity: number;
  billingEvents: number;
}

export interface Sessions {
  count: number;
  person: Int32Array;
  device: Uint8Array;
  /** Index into the person's ips, or 255 for the shared IP. */
  ip: Uint8Array;
  start: Float64Array;
  rows: Int32Array;
  id: string[];
}

export interface Population {
  persons: Person[];
  sessions: Sessions;
  /** Shared (NAT, office, carrier) IPs: ip → person indexes using it. */
  sharedIps: Map<string, number[]>;
}

export const TIME_START = Date.UTC(2026, 10, 14, 0, 0, 0);
export const TIME_END = Date.UTC(2026, 10, 23, 22, 0, 0);

const PERSONS_PER_ROW = 1 / 16;
const SYSTEM_ROW_SHARE = 0.1;

export function personCount(rows: number): number {
  return Math.max(40, Math.round(rows * PERSONS_PER_ROW));
}

export function systemRowCount(rows: number): number {
  return Math.round(rows * SYSTEM_ROW_SHARE);
}

const SPECIAL_RATE = 0.009; // per category
const CRIMINAL_RATE = 0.01;
const CHILDREN_RATE = 0.02;
const PASTE_RATES: ReadonlyArray<readonly [PasteKind, number]> = [
  ['email', 0.03],
  ['phone', 0.03],
  ['iban', 0.015],
  ['card', 0.015],
  ['national_id', 0.03],
  ['address', 0.02],
  ['date_of_birth', 0.02],
  ['secret', 0.02],
];

export function buildPopulation(seed: number, rows: number): Population {
  const root = new Rng(seed, 'population');
  const total = personCount(rows);
  const quotas = apportion(
    total,
    COUNTRIES.map((c) => c.weight),
  );
  const countryOf: CountryProfile[] = [];
  COUNTRIES.forEach((c, i) => {
    for (let k = 0; k < quotas[i]!; k++) countryOf.push(c);
  });
  // Interleave countries so person ids say nothing about the country.
  const order = root.fork('order').shuffle(countryOf);

  const emails = new Set<string>();
  const persons: Person[] = [];
  const presenceRng = root.fork('presence');
  for (let i = 0; i < total; i++) {
    const r = presenceRng.float();
    const presence: Presence = r < 0.03 ? 'billing_only' : r < 0.06 ? 'mentioned' : 'active';
    persons.push(makePerson(root.fork(`person-${i}`), i, order[i]!, presence, emails));
  }

  const plan = root.fork('plan');
  // Mentioned people: each is pasted into a chat by one active registered person of the same country where possible.
  const talkers = persons.filter((p) => p.presence === 'active' && !p.isGuest);
  const talkersByCountry = new Map<string, Person[]>();
  for (const t of talkers) {
    const list = talkersByCountry.get(t.country.code);
    if (list) list.push(t);
    else talkersByCountry.set(t.country.code, [t]);
  }
  for (const friend of persons.filter((p) => p.presence === 'mentioned')) {
    const sameCountry = talkersByCountry.get(friend.country.code) ?? [];
    const talker = plan.pick(sameCountry.length > 0 ? sameCountry : talkers);
    const kind: PasteKind = friend.phone && plan.chance(0.4) ? 'friend_phone' : 'friend_email';
    talker.content.push({ type: 'paste', kind, friend: friend.index });
  }

  const sharedIps = assignSharedIps(plan.fork('shared-ips'), persons);
  const sessions = planSessions(plan.fork('sessions'), persons, rows - systemRowCount(rows));
  return { persons, sessions, sharedIps };
}

function makePerson(rng: Rng, index: number, country: CountryProfile, presence: Presence, emails: Set<string>): Person {
  const female = rng.chance(0.5);
  const firstName = rng.pick(female ? country.femaleNames : country.maleNames);
  const lastName = rng.pick(country.surnames);
  const fullName = country.familyNameFirst ? `${lastName} ${firstName}` : `${firstName} ${lastName}`;
  const birthDate = generateBirthDate(rng);
  const [locale, language] = rng.pick(country.locales);
  const email = generateEmail(rng, country, firstName, lastName, Number(birthDate.slice(0, 4)), emails);
  const hasPhone = presence === 'mentioned' ? rng.chance(0.5) : rng.chance(0.7);
  const phone = hasPhone ? generateMobile(rng, country.code) : null;
  const iban = country.banks && rng.chance(0.6) ? generateIban(rng, country) : null;
  const card = rng.chance(0.7) ? generateCard(rng) : null;
  const nationalId = country.nationalId ? { kind: country.nationalId, value: generateNationalId(country.nationalId, rng, { birthDate, female, firstName, lastName }) } : null;
  const isGuest = presence === 'active' && rng.chance(0.16);
  const accounts: Account[] = [];
  if (presence !== 'mentioned' && !isGuest) {
    accounts.push({ userId: `usr_${rng.base62(16)}`, email, phone, linkedBy: null });
    if (presence === 'active' && rng.chance(0.11)) {
      const linkedBy = phone && rng.chance(0.5) ? 'phone' : 'email';
      const secondEmail = linkedBy === 'email' ? email : generateEmail(rng, country, firstName, lastName, Number(birthDate.slice(0, 4)) + 1, emails);
      accounts.push({ userId: `usr_${rng.base62(16)}`, email: secondEmail, phone: linkedBy === 'phone' ? phone : null, linkedBy });
    }
  }
  const devices: Device[] = [];
  const ips: string[] = [];
  if (presence === 'active') {
    const deviceCount = rng.weighted([[1, 55], [2, 35], [3, 10]] as const);
    for (let d = 0; d < deviceCount; d++) {
      const kind = rng.weighted<DeviceKind>([['ios', 35], ['android', 35], ['web', 30]]);
      devices.push({ id: generateDeviceId(rng, kind), kind, account: isGuest ? -1 : 0 });
    }
    const ipCount = rng.weighted([[1, 30], [2, 30], [3, 20], [4, 12], [5, 8]] as const);
    for (let k = 0; k < ipCount; k++) ips.push(generateIp(rng, country));
    if (accounts.length === 2) {
      // The second account lives on its own device (a work laptop, a partner's tablet), so nothing but the shared e-mail or phone ties it to the first.
      const kind = rng.weighted<DeviceKind>([['ios', 30], ['android', 30], ['web', 40]]);
      devices.push({ id: generateDeviceId(rng, kind), kind, account: 1 });
      ips.push(generateIp(rng, country));
    }
  }
  const content: ContentItem[] = [];
  if (presence === 'active') {
    for (const category of SPECIAL_CATEGORIES) if (rng.chance(SPECIAL_RATE)) content.push({ type: 'disclosure', category });
    if (rng.chance(CRIMINAL_RATE)) content.push({ type: 'disclosure', category: 'criminal' });
    if (rng.chance(CHILDREN_RATE)) content.push({ type: 'disclosure', category: 'children' });
    for (const [kind, rate] of PASTE_RATES) {
      if (!rng.chance(rate)) continue;
      if (kind === 'phone' && !phone) continue;
      if (kind === 'iban' && !iban) continue;
      if (kind === 'card' && !card) continue;
      if (kind === 'national_id' && !nationalId) continue;
      content.push(kind === 'secret' ? { type: 'paste', kind, secretKind: rng.pick(USER_SECRET_KINDS) } : { type: 'paste', kind });
    }
  }
  const paying = presence === 'billing_only' || (accounts.length > 0 && rng.chance(0.3));
  return {
    index,
    id: `P${String(index + 1).padStart(6, '0')}`,
    country,
    locale,
    language,
    female,
    firstName,
    lastName,
    fullName,
    birthDate,
    presence,
    isGuest,
    accounts,
    email,
    phone,
    address: generateAddress(rng, country),
    iban,
    card,
    nationalId,
    devices,
    ips,
    sharedIp: null,
    byokKind: presence === 'active' && !isGuest && rng.chance(0.05) ? rng.pick(['openai_api_key', 'deepseek_api_key', 'anthropic_api_key'] as const) : null,
    content,
    childName: rng.pick(CHILD_NAMES[language]),
    childAge: rng.int(4, 15),
    activity: Math.min(40, rng.pareto(1.6)),
    billingEvents: paying ? rng.weighted([[1, 30], [2, 30], [3, 20], [4, 10], [6, 10]] as const) : 0,
  };
}

/** Carrier-grade NAT and office addresses: each is used by 5–25 unrelated people of one country. */
function assignSharedIps(rng: Rng, persons: Person[]): Map<string, number[]> {
  const shared = new Map<string, number[]>();
  for (const country of COUNTRIES) {
    const local = persons.filter((p) => p.presence === 'active' && p.country === country);
    const candidates = rng.shuffle(local.filter(() => rng.chance(0.2)));
    let k = 0;
    while (candidates.length - k >= 5) {
      const size = Math.min(candidates.length - k, rng.int(5, 25));
      const ip = generateIp(rng, country);
      const users: number[] = [];
      for (let j = 0; j < size; j++, k++) {
        const person = candidates[k]!;
        person.sharedIp = ip;
        users.push(person.index);
      }
      shared.set(ip, users);
    }
  }
  return shared;
}

function planSessions(rng: Rng, persons: Person[], personRows: number): Sessions {
  const person: number[] = [];
  const device: number[] = [];
  const ip: number[] = [];
  const start: number[] = [];
  const minRows: number[] = [];
  const weight: number[] = [];
  const span = TIME_END - TIME_START - 3_600_000;
  for (const p of persons) {
    if (p.presence !== 'active') continue;
    const count = Math.max(p.accounts.length, 1 + Math.floor(p.activity * 0.9));
    for (let s = 0; s < count; s++) {
      // The first session of each account uses a device of that account, so every account appears.
      let d: number;
      if (s < p.accounts.length) d = p.devices.findIndex((x) => x.account === s);
      else d = rng.int(0, p.devices.length - 1);
      const ownIps = p.devices[d]!.account === 1 ? [p.ips.length - 1] : p.ips.map((_, i) => i).slice(0, p.accounts.length === 2 ? p.ips.length - 1 : p.ips.length);
      const ipIndex = p.sharedIp && p.devices[d]!.account !== 1 && rng.chance(0.4) ? 255 : rng.pick(ownIps);
      person.push(p.index);
      device.push(d);
      ip.push(ipIndex);
      start.push(TIME_START + Math.floor(rng.float() * span));
      // Whatever the person will say needs turns to be said in (a user turn and a reply each).
      minRows.push(s === 0 ? 1 + 2 * p.content.length : 1);
      weight.push(p.activity * (0.3 + rng.float()));
    }
  }
  const count = person.length;
  const fixed = minRows.reduce((a, b) => a + b, 0);
  if (fixed > personRows) throw new Error(`--rows too small for ${persons.length} persons; use at least 1000 rows`);
  const extra = apportion(personRows - fixed, weight);
  const sessions: Sessions = {
    count,
    person: Int32Array.from(person),
    device: Uint8Array.from(device),
    ip: Uint8Array.from(ip),
    start: Float64Array.from(start),
    rows: Int32Array.from(minRows.map((m, i) => m + extra[i]!)),
    id: [],
  };
  for (let i = 0; i < count; i++) sessions.id.push(`sess_${rng.base62(20)}`);
  return sessions;
}
