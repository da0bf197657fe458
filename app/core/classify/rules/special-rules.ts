/**
 * Special-category rules (GDPR Art. 9 and 10, and children's data), generated from the
 * lexicons in `../lexicons/`: one rule per category over all languages, so the scan runs ten
 * alternations, not eighty. The prefilter keywords are the lexicon terms themselves; the
 * pattern finds a term at a word start and takes the rest of the word, and the validator
 * (`special.<kind>`) checks the whole word against the lexicon and scores the sentence around
 * it (first-person disclosure, third person, neutral mention, general question).
 */
import { SPECIAL_KINDS, SPECIAL_LEXICONS, type SpecialKind } from '../lexicons/index.ts';
import { classBody, type Rule } from '../rule-types.ts';
import { parseTerm, termAlternation } from '../validators/pii-special-context.ts';

/** Characters that end a sentence; a special-category value runs from the last one before its term. */
const SENTENCE_END = '.!?\n';

function escapeRe2(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/ /g, '\\s+');
}

function alternation(terms: readonly string[]): string {
  const unique = [...new Set(terms)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return unique.map(escapeRe2).join('|');
}

function termsOf(kind: SpecialKind): string[] {
  return SPECIAL_LEXICONS.flatMap((l) => l.terms[kind].map((raw) => parseTerm(raw).term));
}

/**
 * Prefilter keywords for whole-word terms. A keyword is a plain substring, so a short word
 * (`rom`, `hiv`, `std`) would admit every row containing `from`, `archive` or `stdout`; for words
 * of up to three letters the keyword carries the character before the word instead (space, quote,
 * bracket, line break). Only such a word as the very first characters of a cell is missed.
 */
export function prefilterKeywords(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const word of words.map((w) => w.toLowerCase())) {
    if ([...word].length > 3 || !/^\p{L}+$/u.test(word)) out.add(word);
    else for (const lead of [' ', '"', "'", '(', '\n', '\t', '[', '-', '/']) out.add(lead + word);
  }
  return [...out];
}

const EXAMPLES: Record<SpecialKind, { positive: Array<{ text: string; value?: string }>; negative: string[] }> = {
  health: {
    positive: [{ text: 'I have diabetes and need a diet plan' }, { text: 'ich bin HIV-positiv' }, { text: 'I found out via HIV testing last spring' }],
    negative: ['the diabolical plan worked', 'hive mind', 'token aVc9bLyOf5oXdi_bSJmS211h0KcqRsaGDXqpe3jTnf0'],
  },
  religion: {
    positive: [{ text: 'soy musulmán y hago el ramadán' }],
    negative: ['the moscow office'],
  },
  sex_life: {
    positive: [{ text: 'ik ben homo en woon in Utrecht' }],
    negative: ['homogeneous mixture', 'DATABASE_URL=clickhouse://app:GEJ9NfQmcex*RYl@pg-primary', 'ref GEJ9NfQm'],
  },
  political: {
    positive: [{ text: 'I voted for the Greens last year' }],
    negative: ['the labour market is tight', 'X-Request-Id: c8dabe76-b66a-44ec-943b-cda90516394b', 'Il mio indirizzo è Via Verdi 44, 10121 Torino. Formattalo per una busta.'],
  },
  ethnic_origin: {
    positive: [{ text: 'My ethnicity is mixed race' }],
    negative: ['the race was won by Tom', 'Via Roma 17, 40121 Bologna'],
  },
  trade_union: {
    positive: [{ text: 'sono iscritto al sindacato da anni' }],
    negative: ['the union of two sets'],
  },
  genetic: {
    positive: [{ text: 'my 23andme results show I carry BRCA1' }],
    negative: ['generic test data'],
  },
  biometric: {
    positive: [{ text: 'I uploaded my fingerprint scan to the app' }],
    negative: ['finger food recipes'],
  },
  criminal: {
    positive: [{ text: 'I was arrested last year for a DUI' }],
    negative: ['the arrest warrant api endpoint'],
  },
};

const CATEGORY_OF: Record<SpecialKind, 'special' | 'criminal'> = {
  health: 'special',
  religion: 'special',
  sex_life: 'special',
  political: 'special',
  ethnic_origin: 'special',
  trade_union: 'special',
  genetic: 'special',
  biometric: 'special',
  criminal: 'criminal',
};

const categoryRules: Rule[] = SPECIAL_KINDS.map((kind) => ({
  id: kind === 'criminal' ? 'criminal.offence' : `special.${kind.replace('_', '-')}`,
  // 3: a word naming a street (`Via Verdi 44`, `Via Roma 17`) or inside a key, hash or UUID is
  // not a disclosure; `roma` is weak in every language.
  version: 3,
  category: CATEGORY_OF[kind],
  kind: kind === 'criminal' ? 'criminal_offence' : kind,
  severity: 'high',
  keywords: prefilterKeywords(termsOf(kind)),
  // The regex is the gate (see Rule.gate): these lexicons' keywords admit most chat texts.
  gate: 'pattern',
  // The value is the sentence that holds the term (from the previous sentence end to the next),
  // so the validator judges each disclosure on its own. Unbounded runs of non-delimiters keep
  // the RE2 automaton small; bounded windows ({0,80} before the term) multiplied its states by
  // the window length and made these rules 2x slower.
  pattern: `(?i)(?:^|[${classBody(SENTENCE_END)}])((?:[^.!?\\n]*[^\\p{L}\\p{N}.!?\\n])?(?:${termAlternation(kind)})\\p{L}*[^.!?\\n]*)`,
  // The value is the sentence: the match without the end of the sentence before it.
  valueEdges: { leftCut: SENTENCE_END },
  // The term at an ASCII word start (any character but [a-zA-Z0-9] before it, which every
  // character the pattern allows there is): one RE2 pass tests all nine lexicons this way, each
  // pattern then reads the few texts it admits (1M rows: 9 x ~65 ms -> ~150 ms).
  prefilter: `(?:^|[^a-zA-Z0-9])(?i:${termAlternation(kind)})`,
  valueGroup: 1,
  validator: `special.${kind}`,
  confidence: 0.4,
  description:
    kind === 'criminal'
      ? 'Criminal convictions and offences (Art. 10): arrest, conviction, record, prison, in eight languages.'
      : `Special category (Art. 9) "${kind}" from the multilingual lexicon; confidence reflects first-person disclosure.`,
  examples: EXAMPLES[kind],
}));

const possessives = [...new Set(SPECIAL_LEXICONS.flatMap((l) => l.children.possessives))];
const kin = [...new Set(SPECIAL_LEXICONS.flatMap((l) => l.children.kin))];
const selfAge = [...new Set(SPECIAL_LEXICONS.flatMap((l) => l.children.selfAge))];
const units = [...new Set(SPECIAL_LEXICONS.flatMap((l) => l.children.ageUnits))];
const AGE_ADJECTIVE = "years?[- ]old|jährige[nmrs]?|letni[ae]?|jarige|anni|ans|años|anos";

const childRules: Rule[] = [
  {
    id: 'children.self-age',
    gate: 'pattern',
    version: 1,
    category: 'children',
    kind: 'child',
    severity: 'high',
    keywords: selfAge.map((s) => s.toLowerCase()),
    prefilter: `(?i:${alternation(selfAge)})\\s+[0-9]`,
    pattern: `(?i)(?:^|[^\\p{L}])((?:${alternation(selfAge)})\\s+[0-9]{1,2}\\s*(?:${alternation(units)})\\b)`,
    valueGroup: 1,
    validator: 'special.child-age',
    confidence: 0.85,
    description: "The writer states an age under 18 (\"I'm 14 years old\", \"j'ai 13 ans\", \"mam 12 lat\").",
    examples: {
      positive: [{ text: "I'm 14 years old and my parents don't know", value: "I'm 14 years old" }, { text: 'tengo 13 años', value: 'tengo 13 años' }],
      negative: ["I'm 34 years old", "j'ai 10 ans d'expérience"],
    },
  },
  {
    id: 'children.child-of-writer',
    gate: 'pattern',
    version: 1,
    category: 'children',
    kind: 'child',
    severity: 'high',
    keywords: kin.map((k) => k.toLowerCase()),
    // Either form holds a child word followed by its age, or an age and its adjective.
    prefilter: `(?i:${alternation(kin)})[^.!?\\n0-9]{0,25}[0-9]|[0-9][- ](?i:${AGE_ADJECTIVE})`,
    pattern:
      `(?i)(?:^|[^\\p{L}])((?:${alternation(possessives)})\\s+(?:[0-9]{1,2}[- ](?:${AGE_ADJECTIVE})\\s+(?:${alternation(kin)})` +
      `|(?:\\p{L}+\\s+)?(?:${alternation(kin)})[^.!?\\n0-9]{0,25}[0-9]{1,2}(?:\\s*\\)|\\s*(?:${alternation(units)})\\b)?))`,
    valueGroup: 1,
    validator: 'special.child-age',
    confidence: 0.85,
    description: 'A child of the writer with an age under 18 ("my son is 9", "meine Tochter (7)", "my 9-year-old son").',
    examples: {
      positive: [{ text: 'my son is 9 and loves lego', value: 'my son is 9' }, { text: 'meine Tochter (7) hat Fieber', value: 'meine Tochter (7)' }],
      negative: ['my son is 25 now', 'my son has 3 cars', 'my daughter scored 10 points'],
    },
  },
];

export const specialRules: Rule[] = [...categoryRules, ...childRules];
