/** Every regime the assessment knows, in report order. A new regime is one more entry. */
import type { RegimeDefinition } from '../types.ts';
import { EU_GDPR, UK_GDPR } from './gdpr.ts';
import { US_HIPAA, US_SEC_8K } from './us-federal.ts';
import { US_STATES } from './us-states.ts';
import { WORLD_REGIMES } from './world.ts';

export const REGIMES: readonly RegimeDefinition[] = [EU_GDPR, UK_GDPR, ...US_STATES, US_HIPAA, US_SEC_8K, ...WORLD_REGIMES];

export function regimeById(id: string): RegimeDefinition | undefined {
  return REGIMES.find((r) => r.id === id);
}
