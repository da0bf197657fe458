/**
 * Renders docs/regimes.md and docs/schemas/facts.schema.json from the regime tables and the
 * input schema, so the documents cannot drift from the data. Run:
 *   node --import tsx app/core/assess/regimes-doc.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { factsJsonSchema } from './facts.ts';
import { formatCitation } from './regimes/common.ts';
import { REGIMES } from './regimes/index.ts';
import type { DeadlineRule } from './types.ts';

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function deadlineText(d: DeadlineRule): string {
  const period =
    d.kind === 'hours'
      ? `${d.amount} h`
      : d.kind === 'calendar_days'
        ? `${d.amount} calendar days`
        : d.kind === 'business_days'
          ? `${d.amount} business days`
          : 'no fixed period';
  return `${d.recipient}: ${period} (${d.rule}; from ${d.start === 'after_deadline' ? `the ${d.after} deadline` : d.start})`;
}

export function renderRegimesMarkdown(): string {
  const lines = [
    '# Breach-notification regimes',
    '',
    'Generated from `app/core/assess/regimes/*.ts` by `node --import tsx app/core/assess/regimes-doc.ts`; a test fails when this file and the data disagree.',
    'Confidence marks: [H] high, [M] medium, [L] low (see the regulatory reference). Not legal advice.',
    '',
    '| id | regime | trigger | deadlines | recipient | citation |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of REGIMES) {
    lines.push(
      `| ${r.id} | ${cell(r.name)} | ${cell(r.trigger)} | ${cell(r.deadlines.map(deadlineText).join('; '))} | ${cell(`${r.authority}; ${r.subjectsRecipient}`)} | ${cell(r.basis.map(formatCitation).join('; '))} |`,
    );
  }
  lines.push('', '## Thresholds', '', '| id | threshold | value | citation |', '|---|---|---|---|');
  for (const r of REGIMES) {
    for (const t of r.thresholds) lines.push(`| ${r.id} | ${cell(t.name)} | ${t.comparator} ${t.value} | ${cell(formatCitation(t.citation))} |`);
  }
  lines.push('', '## Limitations', '');
  for (const r of REGIMES) for (const l of r.limitations) lines.push(`- ${r.id}: ${l}`);
  return `${lines.join('\n')}\n`;
}

export function renderFactsSchema(): string {
  return `${JSON.stringify(factsJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  writeFileSync(path.join(root, 'docs/regimes.md'), renderRegimesMarkdown());
  writeFileSync(path.join(root, 'docs/schemas/facts.schema.json'), renderFactsSchema());
}
