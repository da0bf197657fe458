import { describe, expect, it } from 'vitest';
import { allRules, operationalRules, RULE_PACK_VERSION, secretRules, validators } from '../../../app/core/classify/rules/index.ts';
import { scanTexts, type TextFinding } from '../../../app/core/classify/scan.ts';

const mine = [...secretRules, ...operationalRules];

describe('rule pack', () => {
  it('gives every rule in the pack a unique id and a semver pack version', () => {
    const ids = allRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULE_PACK_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('covers at least 80 secret kinds, each with a provider and a severity', () => {
    const kinds = new Set(secretRules.map((r) => `${r.provider}:${r.kind}`));
    expect(secretRules.length).toBeGreaterThanOrEqual(80);
    expect(new Set(secretRules.map((r) => r.id)).size).toBeGreaterThanOrEqual(80);
    expect(kinds.size).toBeGreaterThanOrEqual(60);
    for (const rule of secretRules) {
      expect(rule.category).toBe('secret');
      expect(rule.severity).toBeTruthy();
      expect(rule.keywords.every((k) => k === k.toLowerCase())).toBe(true);
    }
  });

  it('names only registered validators and gives every rule a positive and a near miss', () => {
    for (const rule of allRules()) {
      if (rule.validator) expect(validators[rule.validator], rule.id).toBeTypeOf('function');
    }
    for (const rule of mine) {
      expect(rule.examples.positive.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.negative.length, rule.id).toBeGreaterThan(0);
    }
  });
});

describe('rule examples, run through the DuckDB engine', () => {
  it('finds each positive example value and nothing in each near miss', async () => {
    const texts: string[] = [];
    const checks: Array<{ ruleId: string; index: number; value?: string; expectHit: boolean }> = [];
    for (const rule of mine) {
      for (const p of rule.examples.positive) checks.push({ ruleId: rule.id, index: texts.push(p.text) - 1, value: p.value, expectHit: true });
      for (const n of rule.examples.negative) checks.push({ ruleId: rule.id, index: texts.push(n) - 1, expectHit: false });
    }
    // Overlap resolution is off so that each rule is seen on its own.
    const findings = await scanTexts(texts, { rules: mine, validators, resolveOverlaps: false });
    const byKey = new Map<string, TextFinding[]>();
    for (const f of findings) byKey.set(`${f.ruleId}#${f.index}`, [...(byKey.get(`${f.ruleId}#${f.index}`) ?? []), f]);
    const failures: string[] = [];
    for (const c of checks) {
      const hits = byKey.get(`${c.ruleId}#${c.index}`) ?? [];
      if (c.expectHit && hits.length === 0) failures.push(`${c.ruleId}: missed positive #${c.index}`);
      if (!c.expectHit && hits.length > 0) failures.push(`${c.ruleId}: flagged near miss #${c.index}`);
      if (c.expectHit && c.value !== undefined && hits.length > 0) {
        const chars = [...texts[c.index]!];
        const spans = hits.map((h) => chars.slice(h.start, h.end).join(''));
        if (!spans.includes(c.value)) failures.push(`${c.ruleId}: span does not cover the example value #${c.index}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
