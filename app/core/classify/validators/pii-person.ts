import nlp from 'compromise';
import type { ValidationResult, Validator } from '../rule-types.ts';

const REJECT: ValidationResult = { valid: false };

/** Words that fill a name slot in logs and forms without naming anyone. */
const NOT_NAMES = new Set([
  'admin', 'administrator', 'user', 'users', 'customer', 'support', 'test', 'tester', 'unknown', 'anonymous', 'assistant', 'bot',
  'system', 'null', 'none', 'undefined', 'default', 'guest', 'root', 'owner', 'name', 'first', 'last', 'required', 'optional',
  'string', 'example', 'sample', 'demo', 'john doe', 'jane doe', 'your name', 'here', 'there', 'not', 'the', 'a', 'an',
]);
const BAD_FIRST_TAGS = ['Adjective', 'Verb', 'Negative', 'Expression', 'Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'Adverb', 'QuestionWord'];
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|herr|frau|monsieur|madame|mme|señor|señora|sr|sra|signor|signora|sig|dhr|mevr|pan|pani|senhor|senhora)\.?\s+/i;

/** What compromise reads in a name: whether any word is a person, and its first word's tags. */
interface NameReading {
  isKnownPerson: boolean;
  firstTags: string[];
}

/** "Jacob Harris's number": the possessive ending is not part of the name. */
function nameOf(value: string): string {
  return value.replace(HONORIFIC, '').replace(/['’]s$/u, '').trim();
}

function readTerms(terms: ReadonlyArray<{ tags: Set<string> }>): NameReading {
  return { isKnownPerson: terms.some((t) => t.tags.has('Person')), firstTags: [...(terms[0]?.tags ?? [])] };
}

/**
 * One parse; a name is known when compromise tags any of its words `Person` (what `people()`
 * matches, without its second pass over the document: 0.6 -> 0.3 ms a name). Read from the parsed
 * terms, not through json(), which serialises every term (another ~30 %).
 */
function readName(name: string): NameReading {
  return primed.get(name) ?? readTerms((nlp(name).docs as Array<Array<{ tags: Set<string> }>>).flat());
}

/**
 * Readings prepared for a page of candidates (see `prime`). judgePage primes, judges and releases
 * in one synchronous run, so no other page sees them.
 */
const primed = new Map<string, NameReading>();
/** Names parsed together, one per line: a document costs ~0.5 ms however short, so this halves the time. */
const PRIME_CHUNK = 256;

/**
 * Parses many names as the lines of one document. A line is one sentence, so each name's terms
 * are read as when it is parsed alone (the same tags for all 1,538 names of the 1M-row bench log);
 * names holding a sentence end are left to be parsed alone, and a chunk that parses into more or
 * fewer sentences than it has names is dropped (its names are then parsed alone).
 */
function primeNames(values: string[]): () => void {
  const names = [...new Set(values.map(nameOf))].filter((n) => n.length >= 2 && n.length <= 80 && !/[.!?;\r\n]/.test(n) && !primed.has(n));
  for (let i = 0; i < names.length; i += PRIME_CHUNK) {
    const chunk = names.slice(i, i + PRIME_CHUNK);
    const sentences = nlp(chunk.join('\n')).docs as Array<Array<{ tags: Set<string> }>>;
    if (sentences.length !== chunk.length) continue;
    chunk.forEach((name, j) => primed.set(name, readTerms(sentences[j]!)));
  }
  return () => primed.clear();
}

/**
 * Person names come from context rules ("my name is …", "Name: …", an honorific); this checks
 * that the capitalised words after the label read as a name. compromise knows common first and
 * last names (mostly English-centred); after a first-person label an unknown capitalised word
 * is still kept, at lower confidence, because non-English names are often unknown to it.
 */
export const personName: Validator = (value, ctx) => {
  const name = nameOf(value);
  if (name.length < 2 || name.length > 80) return REJECT;
  if (NOT_NAMES.has(name.toLowerCase()) || name.split(/\s+/).every((w) => NOT_NAMES.has(w.toLowerCase()))) return REJECT;
  const { isKnownPerson, firstTags } = readName(name);
  const hasHonorific = HONORIFIC.test(value) || /(?:mr|mrs|ms|dr|herr|frau|mme|sr|sra|pan|pani)\.?\s*$/i.test(ctx.before);
  if (!isKnownPerson && firstTags.some((t) => BAD_FIRST_TAGS.includes(t))) return REJECT;
  const label = ctx.match.slice(0, Math.max(0, ctx.match.length - value.length)).toLowerCase();
  // A bare `name:` field names products, projects and files too: it needs a known person name.
  const isGenericField = /name["']?\s*[:=]/.test(label) && !/(first|last|full|sur|given|family|user)[ _-]?name/.test(label);
  if (isGenericField && !isKnownPerson) return REJECT;
  const confidence = isKnownPerson ? 0.65 : hasHonorific ? 0.5 : 0.4;
  return { valid: true, normalized: name.replace(/\s+/g, ' '), confidence, detail: { known_name: String(isKnownPerson) } };
};

/**
 * A name after a relation of the writer ("my colleague …"): capitalised words there are as often
 * products and tools ("my friend Python Scripts"), so only a name compromise reads as a person counts.
 */
export const relatedPersonName: Validator = (value, ctx) => {
  const verdict = personName(value, ctx);
  return verdict.valid && verdict.detail?.['known_name'] === 'true' ? verdict : REJECT;
};
personName.prime = primeNames;
relatedPersonName.prime = primeNames;

/** Postal addresses: a street with a house number; a postal code next to it raises confidence. */
export const postalAddress: Validator = (value) => {
  if (!/\d/.test(value)) return REJECT;
  const hasPostcode = /\b\d{5}(?:-\d{4})?\b|\b\d{4}\s?[A-Z]{2}\b|\b\d{2}-\d{3}\b|\b\d{4}-\d{3}\b|\b[A-Z]{2}\s+\d{5}\b/.test(value);
  const houseNumber = /\b(\d{1,5})[a-zA-Z]?\b/.exec(value);
  if (!houseNumber || Number(houseNumber[1]) === 0) return REJECT;
  return { valid: true, normalized: value.replace(/\s+/g, ' ').trim(), confidence: hasPostcode ? 0.6 : 0.45, detail: { has_postcode: String(hasPostcode) } };
};
