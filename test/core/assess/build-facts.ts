/** Builds facts for tests: a few persons in one country with the given data categories. */
import type { BreachFactsInput, DataCategory } from '../../../app/core/assess/facts.ts';

export interface ScenarioOptions {
  persons: number;
  /** Bounds when they differ from the estimate. */
  lower?: number;
  upper?: number;
  countries?: Record<string, number>;
  subdivisions?: Record<string, number>;
  categories: DataCategory[];
  controller?: NonNullable<BreachFactsInput['controller']>;
  overrides?: BreachFactsInput['overrides'];
  holidays?: BreachFactsInput['holidays'];
}

const exact = (n: number) => ({ estimate: n, lower: n, upper: n });

export function buildFacts(o: ScenarioOptions): BreachFactsInput {
  const lower = o.lower ?? o.persons;
  const upper = o.upper ?? o.persons;
  const countries = o.countries ?? { DE: o.persons };
  return {
    controller: { aware_at: '2026-11-24T09:00:00Z', timezone: 'Europe/Berlin', establishment_countries: ['DE'], ...o.controller },
    measured: {
      persons: { estimate: o.persons, lower, upper, method: 'stated for the scenario' },
      by_country: Object.fromEntries(
        Object.entries(countries).map(([k, n]) => [k, n === o.persons ? { estimate: n, lower, upper } : exact(n)]),
      ),
      ...(o.subdivisions ? { by_subdivision: Object.fromEntries(Object.entries(o.subdivisions).map(([k, n]) => [k, exact(n)])) } : {}),
      by_category: Object.fromEntries(o.categories.map((c) => [c, { estimate: o.persons, lower, upper }])),
    },
    overrides: o.overrides ?? [],
    ...(o.holidays ? { holidays: o.holidays } : {}),
  };
}
