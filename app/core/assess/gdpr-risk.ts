/**
 * GDPR risk level (no risk / risk / high risk) for Art. 33 and Art. 34. The ENISA band informs
 * the level; stated facts about containment decide whether a low or medium band may count as
 * "unlikely to result in a risk", and each deciding fact is written out.
 */
import type { BreachFacts, DataCategory } from './facts.ts';
import { SPECIAL_CATEGORIES } from './facts.ts';
import { isUnintelligible, natureOf } from './severity.ts';
import type { GdprRisk, RiskLevel, Severity } from './types.ts';

export const GDPR_RISK_RULES = {
  /**
   * Product rule, not law: ENISA names the number of individuals as a criterion without a weight
   * [L]; from this many persons a medium band with directly identifiable, widely exposed data is
   * treated as high risk (EDPB 01/2021 Case 11: >100,000 customers, simple data, SA and subjects).
   */
  largeScalePersons: 10_000,
  largeScaleCitation: 'ENISA 2013 (number of individuals, outside the formula) [L: weight not specified]; EDPB Guidelines 01/2021 Case 11',
} as const;

export function assessGdprRisk(
  facts: BreachFacts,
  categories: ReadonlySet<DataCategory>,
  severity: Severity,
): GdprRisk {
  const c = facts.controller;
  const reasoning: string[] = [];
  const decided: string[] = [];
  let assumed = false;
  const persons = facts.measured?.persons;

  if (!facts.measured) {
    // No data yet: Art. 33(1) makes notification the default until a risk is shown unlikely.
    return finish(facts, {
      personal_data: true,
      level: 'risk',
      decided_by: ['no measured or stated data yet: Art. 33(1) requires notification unless the breach is shown unlikely to result in a risk'],
      reasoning: ['Personal data involvement assumed until the case is measured or the data are stated.'],
      art34_exception: null,
      relies_on_assumptions: true,
    });
  }
  const personal = categories.size > 0 || persons!.upper > 0;
  if (!personal) {
    const computed: RiskLevel = 'no_risk';
    return finish(facts, {
      personal_data: false,
      level: computed,
      decided_by: ['no personal data category and no affected person measured or stated (GDPR Art. 4(12))'],
      reasoning: [
        'Without personal data the incident is not a personal data breach; leaked machine secrets still need rotation and an assessment of the systems they open.',
      ],
      art34_exception: null,
      relies_on_assumptions: false,
    });
  }

  const nature = natureOf(facts);
  if (!c.nature) {
    assumed = true;
    reasoning.push('Nature not stated: treated as a confidentiality breach (leaked export).');
  }
  const unintelligible = isUnintelligible(facts);
  const malicious = c.malicious === true || c.malicious === undefined || c.malicious === 'unknown';
  if (c.malicious === undefined || c.malicious === 'unknown') assumed = true;

  // Containment per breach type: EDPB 01/2021 Cases 01, 06, 09, 10, 13, 15.
  const contained: Record<string, { ok: boolean; why: string }> = {};
  if (nature.has('confidentiality')) {
    if (unintelligible) contained['confidentiality'] = { ok: true, why: 'data encrypted with the key not compromised (Art. 34(3)(a); EDPB 01/2021 Cases 01, 06, 10)' };
    else if (c.exposure === 'none') contained['confidentiality'] = { ok: true, why: 'no evidence that anyone accessed the data' };
    else if (c.exposure === 'known_recipients' && !malicious && c.recipients_trusted && c.data_retrieved_or_deleted)
      contained['confidentiality'] = { ok: true, why: 'known, trusted recipients confirmed deletion (EDPB 01/2021 Case 09)' };
    else if (c.exposure === 'known_recipients' && !malicious && severity.band === 'low')
      contained['confidentiality'] = { ok: true, why: 'few known recipients, no malice and low severity (EDPB 01/2021 Cases 13, 15)' };
    else {
      contained['confidentiality'] = {
        ok: false,
        why: c.exposure
          ? `data exposed to ${c.exposure.replace('_', ' ')}${malicious ? ' with malicious intent or intent unknown' : ''}`
          : 'exposure not stated; a leaked export is assumed reachable by unknown recipients',
      };
      if (!c.exposure) assumed = true;
    }
  }
  if (nature.has('availability')) {
    contained['availability'] =
      c.availability_loss === 'easy_recovery'
        ? { ok: true, why: 'data restored without difficulty (EDPB 01/2021 Case 01)' }
        : { ok: false, why: c.availability_loss ? `availability loss: ${c.availability_loss}` : 'availability loss without stated recovery' };
  }
  if (nature.has('integrity')) {
    contained['integrity'] =
      c.integrity_loss === 'no_misuse'
        ? { ok: true, why: 'altered data not misused' }
        : { ok: false, why: c.integrity_loss ? `integrity loss: ${c.integrity_loss}` : 'integrity loss without stated outcome' };
  }
  const allContained = Object.values(contained).every((x) => x.ok);
  // Unintelligible data, or data recovered from trusted recipients, leave no one able to misuse them.
  const removedFromReach =
    unintelligible || (c.exposure === 'known_recipients' && !malicious && c.recipients_trusted === true && c.data_retrieved_or_deleted === true);
  for (const [k, v] of Object.entries(contained)) reasoning.push(`${k}: ${v.ok ? 'contained' : 'not contained'} - ${v.why}`);

  const band = severity.band;
  reasoning.push(`ENISA severity ${severity.score} (${band}); it informs the level below but does not decide it alone.`);
  let level: RiskLevel;
  if (allContained && (removedFromReach || band === 'low' || band === 'medium')) {
    level = 'no_risk';
    decided.push(...Object.values(contained).map((x) => x.why));
    decided.push(`ENISA band ${band}`);
  } else if (allContained) {
    level = 'risk';
    decided.push(`ENISA band ${band} despite containment (${Object.values(contained).map((x) => x.why).join('; ')})`);
  } else if (band === 'high' || band === 'very_high') {
    level = 'high_risk';
    decided.push(`ENISA band ${band}`, ...Object.values(contained).filter((x) => !x.ok).map((x) => x.why));
  } else {
    level = 'risk';
    decided.push(...Object.values(contained).filter((x) => !x.ok).map((x) => x.why), `ENISA band ${band}`);
    const largeScale = persons && persons.upper >= GDPR_RISK_RULES.largeScalePersons;
    const widelyExposed = nature.has('confidentiality') && (c.exposure === 'unknown_recipients' || c.exposure === undefined);
    if (band === 'medium' && largeScale && severity.ei >= 0.75 && widelyExposed) {
      level = 'high_risk';
      decided.push(
        `number of individuals: upper bound ${persons.upper} >= ${GDPR_RISK_RULES.largeScalePersons} with directly identifiable, widely exposed data (${GDPR_RISK_RULES.largeScaleCitation})`,
      );
    }
  }

  const special = SPECIAL_CATEGORIES.filter((k) => categories.has(k));
  if (special.length > 0) reasoning.push(`Special categories present (Art. 9): ${special.join(', ')}.`);
  if (categories.has('children')) reasoning.push('Data about children: vulnerable individuals.');
  if (categories.has('criminal')) reasoning.push('Data on criminal convictions or offences (Art. 10).');

  return finish(facts, {
    personal_data: true,
    level,
    decided_by: decided,
    reasoning,
    art34_exception: null,
    relies_on_assumptions: assumed,
  });
}

function finish(facts: BreachFacts, computed: GdprRisk): GdprRisk {
  const o = facts.overrides.find((x) => x.target === 'gdpr_risk');
  const risk: GdprRisk =
    o && o.target === 'gdpr_risk'
      ? {
          ...computed,
          level: o.value,
          override: { value: o.value, reason: o.reason, computed: computed.level },
          decided_by: [`override by the controller: ${o.reason} (computed: ${computed.level})`, ...computed.decided_by],
        }
      : computed;
  if (risk.level !== 'high_risk') return risk;
  // Art. 34(3) exceptions only matter at high risk; they never remove Art. 33 or the register.
  const c = facts.controller;
  const reasoning = [...risk.reasoning];
  let exception: GdprRisk['art34_exception'] = null;
  if (isUnintelligible(facts)) {
    exception = 'a';
    reasoning.push('Art. 34(3)(a): data unintelligible to unauthorised persons (encrypted, key safe): no individual communication required.');
  } else if (c.measures_remove_high_risk) {
    exception = 'b';
    reasoning.push('Art. 34(3)(b): subsequent measures stated to make the high risk no longer likely; keep the evidence in the register.');
  } else if (c.disproportionate_effort) {
    exception = 'c';
    reasoning.push('Art. 34(3)(c): individual notice would need disproportionate effort; a public communication informing people equally effectively is required instead.');
  } else if (c.encrypted === true && c.key_safe !== true) {
    reasoning.push('Art. 34(3)(a) does not apply: the key is exposed or its safety is not stated.');
  }
  return { ...risk, reasoning, art34_exception: exception };
}
