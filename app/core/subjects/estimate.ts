/**
 * The count model. After linking, every person either holds a primary identifier (an
 * account, a national id) or is an "orphan" (only emails/phones, or only guest sessions and
 * devices). An orphan is a new person or an unlinked fragment of a known one (a second device
 * never logged in, a guest session, an email written in a chat).
 *
 * Evidence for "fragment of a known person": its IP addresses lead to exactly one known person
 * through an IP no other known person used. How reliable that evidence is we learn from the
 * orphans whose owner we do know: fragments joined to a known person through an exclusive
 * device. On them we measure the recall r (the IP evidence names the right person) and the
 * false-match rate f (it names another one). With U orphans of which m are IP-matched,
 *   m ≈ r·K + f·(U − K)   ⇒   K̂ = (m − f·U) / (r − f)
 * fragments belong to known persons, and the estimate is persons − K̂.
 * Identifiers written in text never join the writer. A person known only from such a mention
 * is the writer's own identifier with probability p, measured on mentions whose owner the
 * columns reveal (p = mentions written by their owner / all such mentions).
 * Second accounts (two account ids the guard kept apart, joined by a shared email or phone)
 * count once in the estimate and the lower bound.
 * Lower bound: as many fragments as the evidence allows (K at the low end of r's 95% interval). Upper bound: every unit the linking could
 * not join by strong evidence is a person, plus every IP seen without any other identifier.
 */

export interface Calibration {
  /** Orphan units whose owner is known through an exclusive device. */
  attached: number;
  /** Of those, the IP evidence named their owner. */
  hits: number;
  /** Of those, the IP evidence named a different known person. */
  falseMatches: number;
  /** Identifiers mentioned in text whose owner is known from columns: how many, and how many of them by their owner. */
  mentions: number;
  ownMentions: number;
}

export interface GroupCounts {
  /** Persons after linking. */
  persons: number;
  /** Persons without a primary identifier. */
  orphans: number;
  /** Orphans the IP evidence attributes to a known person (of the same group). */
  matched: number;
  /**
   * Orphans alone on an IP with exactly one other orphan (ranked below it): one guest on two
   * devices. Taken at face value: the recall measured for account holders does not apply.
   */
  matchedOrphans: number;
  /** Persons known only from text someone else wrote (not in a pasted list): maybe the writer's own. */
  mentionOnly: number;
  /**
   * Persons whose account was kept apart from another account only by the primary-identifier
   * guard while an email, phone or other strong identifier joins them (a second account).
   */
  secondAccounts: number;
  /** Units plus IP-only identities. */
  units: number;
}

export interface Bounds {
  estimate: number;
  lower: number;
  upper: number;
}

export interface ModelRates {
  recall: number;
  recallLow: number;
  falseRate: number;
  calibrated: boolean;
  /** Share of single mentions written by their owner, and the share the lower bound assumes. */
  ownMentionRate: number;
  ownMentionHigh: number;
}

/** Below this many calibration cases the rates fall back to uninformed priors. */
const MIN_CALIBRATION = 20;

/** Wilson score lower bound of a proportion (95%). */
export function wilsonLower(successes: number, n: number, z = 1.96): number {
  if (n <= 0) return 0;
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return Math.max(0, (centre - spread) / denom);
}

export function modelRates(c: Calibration): ModelRates {
  // Without cases to learn from, a mention is the writer's own with even odds. The lower bound
  // always allows every single mention to be the writer's own: mentions whose owner the columns
  // reveal are no proof of how the others were written.
  const mentionRates = { ownMentionRate: c.mentions < MIN_CALIBRATION ? 0.5 : c.ownMentions / c.mentions, ownMentionHigh: 1 };
  if (c.attached < MIN_CALIBRATION) {
    // Without cases to learn from, IP evidence is taken at face value for the estimate, and the
    // lower bound allows that every person without a primary identifier is someone's fragment.
    return { recall: 1, recallLow: 0, falseRate: 0, calibrated: false, ...mentionRates };
  }
  return {
    recall: c.hits / c.attached,
    recallLow: wilsonLower(c.hits, c.attached),
    falseRate: c.falseMatches / c.attached,
    calibrated: true,
    ...mentionRates,
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Estimate and bounds for one group (everyone, a country, a category). Always lower ≤ estimate ≤ upper. */
export function boundsFor(g: GroupCounts, rates: ModelRates): Bounds {
  const U = Math.max(0, g.orphans);
  const m = clamp(g.matched, 0, U);
  const informative = rates.recall - rates.falseRate > 0.05;
  const fragments = informative ? clamp((m - rates.falseRate * U) / (rates.recall - rates.falseRate), 0, U) : m;
  const fragmentsHigh = rates.recallLow <= 0 ? U : Math.max(fragments, clamp(m / Math.max(rates.recallLow, 0.05), 0, U));
  const pairs = Math.max(0, g.matchedOrphans);
  const orphanFragments = clamp(pairs, 0, U - fragments);
  const orphanFragmentsHigh = clamp(pairs, 0, U - fragmentsHigh);
  const second = Math.max(0, g.secondAccounts);
  const mentions = Math.max(0, g.mentionOnly);
  const estimate = Math.round(g.persons - fragments - orphanFragments - second - rates.ownMentionRate * mentions);
  const lower = Math.max(
    0,
    Math.min(estimate, Math.floor(g.persons - fragmentsHigh - orphanFragmentsHigh - second - rates.ownMentionHigh * mentions)),
  );
  const upper = Math.max(estimate, g.units, g.persons);
  return { estimate: Math.max(lower, estimate), lower, upper };
}

export const METHOD_TEXT = [
  'Identifiers come from mapped columns (user id, account, email, phone, device, session, IP) and from findings in text',
  '(emails, phones, national ids, IBANs, cards); they are normalised (lower-case emails with provider dot/plus rules, E.164',
  'phones, electronic IBANs, alphanumeric ids). Identifiers seen in one row or one session are linked (union-find); a merge',
  'that would give one person two different primary identifiers of one kind is refused and listed as a conflict. A device',
  'links only when it is never seen with two identified persons; an IP never links. Two accounts kept apart by that guard',
  'but joined by an email, phone or other strong identifier count as one person (a second account) in the estimate and',
  'the lower bound, as two in the upper bound. Lower bound: persons after linking minus the fragments that IP evidence',
  'could attribute to known persons at the low end of its measured recall. Upper bound: every group not joined by a',
  'primary/secondary identifier or a session',
  'counts as a person, plus every IP seen with no other identifier. Estimate: persons after linking minus the expected',
  'number of unlinked fragments of known persons, K = (m - f*U)/(r - f), where U persons hold no primary identifier, m of',
  'them are tied to exactly one known person by an IP no other known person used, and the recall r and false-match rate f',
  'of that IP evidence are measured on fragments whose owner is known through a device.',
].join(' ');
