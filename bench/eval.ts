// `npm run eval`: detection quality on the labelled public corpora (secrets; personal data)
// and on the samples' ground truth (detection and the affected-persons estimate). Prints the
// tables and writes them to docs/quality.md. The corpora folder comes from BREACHSCOPE_CORPORA
// (default: ../shared/corpora next to the project).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSecrets, reportMarkdown } from './eval-secrets.ts';
import { evaluatePii, renderMarkdown } from './eval-pii.ts';
import { evaluateSamples, samplesMarkdown } from './eval-samples.ts';
import { machine } from './lib.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpora = process.env['BREACHSCOPE_CORPORA'] ?? path.resolve(ROOT, '..', 'shared', 'corpora');
const parts: string[] = [`# Detection quality\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`npm run eval\`.\n`];

if (existsSync(corpora)) {
  const secrets = await evaluateSecrets(corpora);
  parts.push(reportMarkdown(secrets));
  const pii = await evaluatePii(corpora);
  parts.push(renderMarkdown(pii));
} else {
  parts.push(`The labelled corpora were not found at ${corpora} (set BREACHSCOPE_CORPORA); corpus scores skipped.\n`);
}
parts.push(samplesMarkdown(await evaluateSamples()));
const text = parts.join('\n');
process.stdout.write(text + '\n');
writeFileSync(path.join(ROOT, 'docs', 'quality.md'), text);
process.stdout.write('written to docs/quality.md\n');
