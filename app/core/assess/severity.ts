/**
 * ENISA severity from the measured data categories and the stated circumstances. Every input is
 * returned with its reason; an override replaces a value but keeps the computed one beside it.
 */
import type { BreachFacts, DataCategory, Override } from './facts.ts';
import {
  bandOf,
  CATEGORY_DPC,
  CB_AVAILABILITY,
  CB_CONFIDENTIALITY,
  CB_INTEGRITY,
  CB_MALICIOUS,
  DPC_BASE,
  type DpcClass,
  EI_LEVELS,
  ENISA_CITATION,
  SEVERITY_BANDS,
} from './enisa.ts';
import type { Severity, SeverityInput } from './types.ts';

const clampDpc = (v: number) => Math.min(4, Math.max(1, Math.round(v)));

function findOverride<T extends Override['target']>(
  overrides: readonly Override[],
  target: T,
): Extract<Override, { target: T }> | undefined {
  return overrides.find((o) => o.target === target) as Extract<Override, { target: T }> | undefined;
}

/** True when encrypted data stayed unintelligible: the key was not exposed. */
export function isUnintelligible(facts: BreachFacts): boolean {
  return facts.controller.encrypted === true && facts.controller.key_safe === true;
}

export function computeSeverity(facts: BreachFacts, categories: ReadonlySet<DataCategory>): Severity {
  const c = facts.controller;
  const overrides = facts.overrides;
  const inputs: SeverityInput[] = [];

  // DPC: score each ENISA class present, take the highest, then apply modifiers.
  const classScores = new Map<DpcClass, { score: number; reasons: string[] }>();
  for (const cat of categories) {
    const entry = CATEGORY_DPC[cat];
    if (entry.class === 'modifier') continue;
    const current = classScores.get(entry.class);
    if (!current || entry.score > current.score) {
      classScores.set(entry.class, { score: entry.score, reasons: [`${cat}: ${entry.reason}`] });
    } else if (entry.score === current.score) current.reasons.push(`${cat}: ${entry.reason}`);
  }
  if (categories.has('credentials')) {
    const others = [...categories].filter((k) => k !== 'credentials');
    const highestOther = Math.max(0, ...others.map((k) => {
      const e = CATEGORY_DPC[k];
      return e.class === 'modifier' ? 0 : e.score;
    }));
    const cls = classScores.get('behavioural');
    if (cls && highestOther > cls.score) {
      cls.score = highestOther;
      cls.reasons.push(`credentials open accounts holding data scored ${highestOther}`);
    }
  }
  for (const [cls, v] of classScores) {
    const o = overrides.find((x): x is Extract<Override, { target: 'dpc_class' }> => x.target === 'dpc_class' && x.class === cls);
    inputs.push({
      name: `DPC ${cls}`,
      value: o ? o.value : v.score,
      reason: v.reasons.join('; '),
      ...(o ? { overridden: { reason: o.reason, computed: v.score } } : {}),
    });
    if (o) v.score = o.value;
  }
  let dpc = classScores.size > 0 ? Math.max(...[...classScores.values()].map((v) => v.score)) : 0;
  let dpcReason =
    classScores.size > 0
      ? 'highest score among the data classes present (ENISA: several classes, take the highest)'
      : 'no personal data category measured or stated';
  if (categories.has('children') && dpc > 0) {
    const raised = clampDpc(dpc + 1);
    dpcReason += `; ${CATEGORY_DPC.children.reason} (${dpc} -> ${raised})`;
    dpc = raised;
  }
  const dpcOverride = findOverride(overrides, 'dpc');
  inputs.push({
    name: 'DPC',
    value: dpcOverride ? dpcOverride.value : dpc,
    reason: dpcReason,
    ...(dpcOverride ? { overridden: { reason: dpcOverride.reason, computed: dpc } } : {}),
  });
  if (dpcOverride) dpc = dpcOverride.value;

  // EI: the most identifying category present decides.
  let ei: number;
  let eiReason: string;
  if (categories.has('contact') || categories.has('national_id')) {
    ei = EI_LEVELS.maximum;
    eiReason = 'contact details or identity numbers identify people directly (maximum, 1.0)';
  } else if (categories.has('credentials') || categories.has('online_id') || categories.has('financial')) {
    ei = EI_LEVELS.significant;
    eiReason = 'usernames, online identifiers or account data identify people with little research (significant, 0.75)';
  } else {
    ei = EI_LEVELS.limited;
    eiReason = 'no direct identifier measured; free text may still name people (limited, 0.5)';
  }
  const eiOverride = findOverride(overrides, 'ei');
  inputs.push({
    name: 'EI',
    value: eiOverride ? eiOverride.value : ei,
    reason: eiReason,
    ...(eiOverride ? { overridden: { reason: eiOverride.reason, computed: ei } } : {}),
  });
  if (eiOverride) ei = eiOverride.value;

  const nature = natureOf(facts);
  const cb = (
    name: string,
    target: 'cb_confidentiality' | 'cb_integrity' | 'cb_availability' | 'cb_malicious',
    computed: { value: number; reason: string; assumed?: boolean },
  ): number => {
    const o = findOverride(overrides, target);
    inputs.push({
      name,
      value: o ? o.value : computed.value,
      reason: computed.reason,
      ...(o ? { overridden: { reason: o.reason, computed: computed.value } } : {}),
      ...(computed.assumed && !o ? { assumed: true } : {}),
    });
    return o ? o.value : computed.value;
  };

  const conf = cb('CB confidentiality', 'cb_confidentiality', (() => {
    if (!nature.has('confidentiality')) return { value: 0, reason: 'no loss of confidentiality stated' };
    if (isUnintelligible(facts)) return { value: 0, reason: 'data encrypted and key not compromised' };
    if (c.exposure) return { value: CB_CONFIDENTIALITY[c.exposure], reason: `exposure stated: ${c.exposure.replace('_', ' ')}` };
    return {
      value: CB_CONFIDENTIALITY.unknown_recipients,
      reason: 'exposure not stated; a leaked export is assumed reachable by an unknown number of recipients',
      assumed: true,
    };
  })());
  const integ = cb('CB integrity', 'cb_integrity', (() => {
    if (!nature.has('integrity')) return { value: 0, reason: 'no loss of integrity stated' };
    if (c.integrity_loss) return { value: CB_INTEGRITY[c.integrity_loss], reason: `integrity loss stated: ${c.integrity_loss}` };
    return { value: CB_INTEGRITY.recoverable, reason: 'integrity loss stated without detail; assumed recoverable', assumed: true };
  })());
  const avail = cb('CB availability', 'cb_availability', (() => {
    if (!nature.has('availability')) return { value: 0, reason: 'no loss of availability stated' };
    if (c.availability_loss) return { value: CB_AVAILABILITY[c.availability_loss], reason: `availability loss stated: ${c.availability_loss}` };
    return { value: CB_AVAILABILITY.temporary, reason: 'availability loss stated without detail; assumed temporary', assumed: true };
  })());
  const mal = cb('CB malicious intent', 'cb_malicious', (() => {
    if (c.malicious === true) return { value: CB_MALICIOUS, reason: 'malicious act stated (theft, hacking, insider)' };
    if (c.malicious === false) return { value: 0, reason: 'error or accident stated' };
    return { value: CB_MALICIOUS, reason: 'intent unknown; assumed malicious until shown otherwise', assumed: true };
  })());

  const cbTotal = conf + integ + avail + mal;
  const score = Math.round((dpc * ei + cbTotal) * 100) / 100;
  const band = bandOf(score);
  const persons = facts.measured?.persons;
  return {
    method: `${ENISA_CITATION}: SE = DPC x EI + CB`,
    dpc,
    ei,
    cb: cbTotal,
    score,
    band,
    band_meaning: SEVERITY_BANDS.find((b) => b.band === band)?.meaning ?? '',
    inputs,
    outside_formula: [
      persons
        ? `number of individuals: ${persons.estimate} (bounds ${persons.lower}-${persons.upper}); weighed in the GDPR risk reasoning, not in SE`
        : 'number of individuals: not known',
      isUnintelligible(facts)
        ? 'unintelligibility: data encrypted and key safe'
        : c.encrypted === false
          ? 'unintelligibility: data not encrypted'
          : 'unintelligibility: encryption status not stated',
    ],
  };
}

export function natureOf(facts: BreachFacts): Set<'confidentiality' | 'integrity' | 'availability'> {
  // A leak of exported data is a confidentiality breach by definition when nothing is stated.
  return new Set(facts.controller.nature ?? ['confidentiality']);
}

export { DPC_BASE };
