import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../app/core/pipeline/analyze.ts';
import { createCase, expect, importAndClassify, openWorkspace, screenshot, test } from './fixtures.ts';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples/data');
const files = ['log_stream.tsv', 'chat_export.jsonl.gz', 'billing_events.csv'].map((f) => path.join(samples, f));

test('the bundled samples imported in the UI show the same numbers as report.json', async ({ page, server, dataDir, dialogs, foreignRequests }) => {
  test.setTimeout(400_000);
  await openWorkspace(page, server);
  await createCase(page, 'Parley AI log_stream exposure', '2026-11-24T10:00');
  await importAndClassify(page, files);
  await screenshot(page, '12-samples-imported');

  const reference = await analyze({ files, caseDir: path.join(dataDir, 'reference-case'), awareAt: '2026-11-24T09:00:00Z', outDir: path.join(dataDir, 'reference-out'), formats: ['md'] });
  const findingsTotal = Object.values(reference.report.findings).reduce((sum, c) => sum + c.findings, 0);
  const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('ov-findings')).toContainText(fmt(findingsTotal));
  await expect(page.getByTestId('ov-persons')).toContainText(fmt(reference.report.subjects.estimate));
  await screenshot(page, '13-samples-overview');

  await page.getByTestId('nav-people').click();
  await expect(page.getByTestId('people-estimate')).toContainText(fmt(reference.report.subjects.estimate));
  await screenshot(page, '14-samples-people');

  await page.getByTestId('nav-findings').click();
  await expect(page.getByTestId('findings-total')).toContainText(fmt(findingsTotal));
  await page.getByTestId('finding-open').first().click();
  await expect(page.getByTestId('source-row')).toBeVisible();
  await screenshot(page, '15-samples-findings');
  // The table and the detail show masked previews only: no planted secret appears in full.
  const truth = JSON.parse(readFileSync(path.join(samples, '..', 'truth.json'), 'utf8')) as { secrets: Array<{ value: string }> };
  const body = await page.locator('[data-testid="findings-table"]').innerText();
  for (const s of truth.secrets) expect(body.includes(s.value)).toBe(false);

  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
