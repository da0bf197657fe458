/** Small shared pieces of the regime tables. */
import type { DataCategory } from '../facts.ts';
import { SPECIAL_CATEGORIES } from '../facts.ts';
import type { Citation, Confidence, NotifyDecision, PersonCount, RegimeContext } from '../types.ts';

export function cite(ref: string, confidence: Confidence, note?: string): Citation {
  return note ? { ref, confidence, note } : { ref, confidence };
}

export function formatCitation(c: Citation): string {
  return `${c.ref} [${c.confidence}]${c.note ? ` (${c.note})` : ''}`;
}

export type Presence = 'certain' | 'possible' | 'none';

/** Residents are certainly affected when the lower bound is above zero. */
export function presenceOf(count: PersonCount | null): Presence {
  if (!count) return 'none';
  if (count.lower > 0) return 'certain';
  if (count.upper > 0) return 'possible';
  return 'none';
}

/** A firm "yes" softens to "likely" when residence is uncertain or a deciding fact was assumed. */
export function soften(decision: NotifyDecision, uncertain: boolean): NotifyDecision {
  return decision === 'yes' && uncertain ? 'likely' : decision;
}

export function present(ctx: RegimeContext, cats: readonly DataCategory[]): DataCategory[] {
  return cats.filter((c) => ctx.categories.has(c));
}

export function specialPresent(ctx: RegimeContext): DataCategory[] {
  return present(ctx, SPECIAL_CATEGORIES);
}

export function describeCount(count: PersonCount | null): string {
  if (!count) return 'no count';
  return count.lower === count.upper ? `${count.estimate}` : `${count.estimate} (bounds ${count.lower}-${count.upper})`;
}

/** Applicability shared by regimes that follow residents and establishment. */
export function residenceApplicability(
  ctx: RegimeContext,
  countries: readonly string[],
  label: string,
  establishmentBasis: string,
  residenceBasis: string,
): { applies: boolean; certainty: Presence; why: string; count: PersonCount | null } {
  const count = ctx.personsIn(countries);
  const presence = presenceOf(count);
  const established = ctx.establishedIn(countries);
  if (established === true) {
    return {
      applies: true,
      certainty: 'certain',
      why: `controller established in ${label} (${establishmentBasis}); persons there: ${describeCount(count)}`,
      count,
    };
  }
  if (presence === 'certain') {
    return { applies: true, certainty: 'certain', why: `${describeCount(count)} affected persons reside in ${label} (${residenceBasis})`, count };
  }
  if (presence === 'possible') {
    return {
      applies: true,
      certainty: 'possible',
      why: `up to ${count?.upper ?? 0} affected persons may reside in ${label} (lower bound 0) (${residenceBasis})`,
      count,
    };
  }
  return { applies: false, certainty: 'none', why: `no affected person measured or stated in ${label} and no establishment there`, count };
}
