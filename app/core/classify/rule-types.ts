/**
 * The shape of a detection rule. Rules are data: they live in versioned modules under
 * `rules/`, each with its own examples, and the scanner runs them in SQL (RE2) first and
 * calls the optional validator in JS only on distinct candidates.
 */

export type FindingCategory =
  | 'secret'
  | 'contact' // email, phone, postal address, person name
  | 'financial' // IBAN, payment card
  | 'national_id'
  | 'online_id' // IP address, device / advertising id
  | 'location' // precise geolocation
  | 'demographic' // date of birth
  | 'special' // GDPR Art. 9 categories (kind says which)
  | 'criminal' // GDPR Art. 10
  | 'children'
  | 'operational'; // internal hosts, private IPs, paths, stack traces, SQL

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface RuleExamples {
  /** Texts in which the rule must find `value` (or, when omitted, at least one match). */
  positive: Array<{ text: string; value?: string }>;
  /** Near misses: texts in which the rule must find nothing (after validation). */
  negative: string[];
}

export interface Rule {
  /** Stable id, e.g. `secret.aws.access-key-id`. */
  id: string;
  /** Bumped whenever pattern, keywords or validator change. */
  version: number;
  category: FindingCategory;
  /** What is found, e.g. `aws_access_key_id`, `email`, `health`. */
  kind: string;
  /** Vendor or issuer where there is one (`AWS`, `Stripe`); for PII the country or scheme. */
  provider?: string;
  severity: Severity;
  /**
   * Lower-case substrings for a cheap prefilter: a text is scanned by this rule only when it
   * contains at least one of them. Empty means no prefilter (every text is scanned).
   */
  keywords: string[];
  /**
   * `pattern`: the scanner's first pass tests the rule's own regex instead of its keywords. For
   * vendor formats whose only literal is common in logs (`api-` in host names, `-us` in locales,
   * `mistral` in model names): the keyword would admit most rows, the regex almost none. Also
   * for the sentence rules (names, addresses, special categories): their many short words, and
   * the keywords that may hide behind them, admit nearly every chat text to nearly every rule;
   * one regex each over all texts is cheaper (1M rows: 3.8 s -> ~1.3 s for the prose pass).
   */
  gate?: 'keywords' | 'pattern';
  /**
   * For a rule gated by its pattern: its matches are common in log texts (e-mail addresses,
   * phone-shaped digit runs, IP addresses). The scanner tests the regexes of such rules together
   * (one alternation finds the texts any of them may match, then each runs on those texts only)
   * and the rare formats apart from them, so a rare format never searches every text a common one
   * matches (1M rows: the rare formats' gate admits 12k of the 352k candidate texts, the common
   * ones' 206k). A shortcut only: findings are the same either way.
   */
  common?: boolean;
  /** RE2-compatible pattern (no look-around, no back-references). Case-insensitive via `(?i)`. */
  pattern: string;
  /**
   * For a rule gated by its pattern whose regex cannot join an alternation (a lexicon, Unicode
   * letter classes): an RE2 pattern that every text the rule's pattern matches also matches,
   * without Unicode classes, so the scanner's first pass can join it with the others and test all
   * of them in one read of each text (a lexicon's words at an ASCII word start, a label and its
   * separator). A shortcut only: findings are the same with or without it (tests check it on the
   * examples and the samples).
   */
  prefilter?: string;
  /**
   * RE2 pattern for whole cell texts this rule need not search because its validator rejects
   * every candidate in them (a phone-shaped run inside a UUID or an IP address). A shortcut only:
   * findings are the same with or without it, which the rule tests check.
   */
  skipTexts?: string;
  /**
   * RE2 pattern for whole cell texts that are identifiers of another kind (a UUID, an IP
   * address): their digit runs belong to that identifier and are never this rule's value. Unlike
   * `skipTexts` this decides findings: a UUID's first group (`0267154d`) can pass the Spanish DNI
   * check and its last (`340505776290`) the Aadhaar check.
   */
  notWithin?: string;
  /** Capture group that holds the value (the part that is fingerprinted); 0 = whole match. */
  valueGroup: number;
  /**
   * How the value sits in the match when the pattern is `(?:^|[^L])(value)(?:[^R]|$)` (with `\b`
   * or nothing on a side instead, that side is absent here: `{}` for `\b(value)\b` or a value
   * group that is the whole pattern) and the value always starts with one of the characters
   * `left` and ends with one of `right`. The value is then the match without a first character
   * outside `left` and a last character outside `right`: string functions instead of a second run
   * of the pattern on every match, which compiled and warmed up every rule's regex once more on
   * each thread. A shortcut only: the values are the same (the rule tests compare both on every
   * example, every line of the bundled samples and values next to each edge character), and the
   * scanner checks the pattern's shape before using it (valueEdgesFit).
   */
  valueEdges?: {
    left?: string;
    right?: string;
    /**
     * For a pattern that opens with `(?:^|[C])(value…` instead (a sentence start): the characters
     * C, cut when the match starts with one. The value never starts with one of them.
     */
    leftCut?: string;
  };
  /** Name of a validator in the validator registry; candidates failing it are dropped. */
  validator?: string;
  /** Confidence in [0,1] for a match that passes validation. */
  confidence: number;
  /**
   * When two secret rules find overlapping values in the same cell, only the highest
   * specificity survives (a Stripe key inside `api_key=...` is one Stripe finding, not also a
   * generic one). Vendor formats default to 2; headers and URLs use 1; generic assignments 0.
   */
  specificity?: number;
  /**
   * Categories that win over this rule on the very same span of a cell: a phone-shaped run that
   * is also a checksummed national identifier or card number is that identifier, not a phone
   * (an international number starts with `+`, which those rules never follow). Settled within a
   * pass, so those categories' rules must run in the same pass (token or sentence rules; a test
   * checks it).
   */
  yieldsTo?: FindingCategory[];
  description: string;
  examples: RuleExamples;
}

export interface ValidationContext {
  /** The whole regex match (the value is a part of it). */
  match: string;
  /** Up to 200 characters of text before and after the match, for context rules. */
  before: string;
  after: string;
}

export interface ValidationResult {
  valid: boolean;
  /** Replaces the rule's confidence when given. */
  confidence?: number;
  /** Refines the kind, e.g. the card brand `visa` or the phone's region. */
  detail?: Record<string, string>;
  /** Normalised form used for linking identifiers (E.164 phone, electronic IBAN, lower-case email). */
  normalized?: string;
  /**
   * The part that is the secret when it differs from the regex value, e.g. the password decoded
   * from a `Basic` credential. The fingerprint and preview are computed over it.
   */
  secret?: string;
}

export interface Validator {
  (value: string, context: ValidationContext): ValidationResult;
  /**
   * Optional: prepares for judging many values at once (work that is cheaper in bulk, such as
   * parsing names in one document). Returns a function that releases what it prepared. Verdicts
   * must be the same with or without it.
   */
  prime?: (values: string[]) => () => void;
  /**
   * Optional: the validator's verdicts in SQL, for the candidates whose value and context leave
   * no doubt about them. The scan settles those in DuckDB and judges only the rest in JavaScript.
   */
  sql?: SqlVerdict;
}

/**
 * A validator's verdicts as SQL over a candidate's `value`, `before` and `after` (never NULL),
 * for candidates whose match is their value (the context is then the value's own).
 * `settles` picks the candidates whose verdict is certain; `derive` (optional, `expr AS name`,
 * evaluated on settled candidates only) names values the other expressions use; `valid` says
 * which settled candidates are accepted, and the rest give what judging writes for them. The
 * fingerprint is always the value's own (judged in JavaScript, it would be too). Tests compare
 * every expression with the validator's verdict on each candidate `settles` picks.
 */
export interface SqlVerdict {
  /** The rules whose candidates it may settle (the preview depends on the rule's category and kind). */
  appliesTo(rule: Rule): boolean;
  settles: string;
  derive?: string;
  valid: string;
  preview: string;
  confidence: string;
  detail: string;
  normalized: string;
}

/** A UUID in any case, as RE2 (no anchors). */
export const UUID_PATTERN = '(?i:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/**
 * A cell that is wholly a UUID (a trace, request, session, device or account id) is an
 * identifier, not text: no rule searches it (RE2 full match). Devices and accounts are counted
 * through their columns' roles; every rule of the pack needs a label, a prefix or a shape a bare
 * UUID lacks, and on a log with a trace id per row these cells are half the distinct text a
 * scan would read.
 */
export const WHOLE_UUID = `\\s*${UUID_PATTERN}\\s*`;

/** Whole texts a rule does not search (`skipTexts`, `notWithin`), as one RE2 pattern. */
export function textsNotSearched(rule: Rule): string | undefined {
  return alternatives([rule.skipTexts, rule.notWithin]);
}

/**
 * Every whole text a rule never sees: WHOLE_UUID and its own shapes, as one RE2 pattern (for
 * plans that test each rule on its own; the combined plan drops whole UUIDs for all rules at once).
 */
export function textsNeverSearched(rule: Rule): string {
  return alternatives([WHOLE_UUID, rule.skipTexts, rule.notWithin])!;
}

function alternatives(patterns: Array<string | undefined>): string | undefined {
  const shapes = patterns.filter((p): p is string => p !== undefined);
  return shapes.length === 0 ? undefined : shapes.map((p) => `(?:${p})`).join('|');
}

/** The characters of a regex class body without escapes (`A-Za-z0-9_-`), ranges expanded. */
export function expandSet(set: string): string {
  let out = '';
  for (let i = 0; i < set.length; i++) {
    const a = set[i]!;
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const b = set[i + 2]!;
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += a;
  }
  return out;
}

/** A regex class body for characters taken literally (`\n` and the class metacharacters escaped). */
export function classBody(chars: string): string {
  return [...chars].map((c) => (c === '\n' ? '\\n' : /[\]\\^-]/.test(c) ? `\\${c}` : c)).join('');
}

/**
 * The same regex with every capturing group made non-capturing: it matches exactly the same
 * text. DuckDB's `regexp_extract_all` asks RE2 for every group of its pattern on each match,
 * which sends RE2 from its DFA to a submatch engine (BitState or NFA) on every match; without
 * groups the DFA alone finds the match. For scans that need the whole match only.
 */
export function withoutCaptures(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      // An escape: the next character is literal (`\(`); `\Q…\E` quotes a run.
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end < 0 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop - 1;
      } else {
        out += pattern.slice(i, i + 2);
        i += 1;
      }
    } else if (c === '[') {
      // A class: `(` is literal in it; `]` first (after `^`) is literal; `[:alpha:]` nests.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        if (pattern[j] === '\\') j++;
        else if (pattern[j] === '[' && pattern[j + 1] === ':') {
          const close = pattern.indexOf(':]', j + 2);
          if (close >= 0) j = close + 1;
        }
      }
      out += pattern.slice(i, j + 1);
      i = j;
    } else if (c === '(' && pattern[i + 1] !== '?') {
      out += '(?:';
    } else if (c === '(' && /^\(\?P?<[A-Za-z_][A-Za-z0-9_]*>/.test(pattern.slice(i))) {
      // A named group.
      out += '(?:';
      i = pattern.indexOf('>', i);
    } else {
      out += c;
    }
  }
  return out;
}
