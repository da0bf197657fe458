import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../app/core/pipeline/analyze.ts';
import { createCase, expect, importAndClassify, openWorkspace, screenshot, test } from './fixtures.ts';

/** A small export in the shape of a chat service's log table: German users, keys in chat text. */
function writeChatLog(file: string): void {
  const lines = ['timestamp,user_id,email,phone,message'];
  for (let i = 0; i < 40; i += 1) {
    const day = 20 + (i % 3);
    lines.push(
      `2026-11-${day}T${String(8 + (i % 10)).padStart(2, '0')}:15:00Z,user-${i % 30},kunde${i % 30}@beispiel.de,+49 151 2345${String(i % 30).padStart(4, '0')},"please fix my script, my key is sk-proj-${'Q'.repeat(18)}${String(i).padStart(2, '0')}abcDEF123456 thanks"`,
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

test('a user takes a leak from import to an exported draft, with every number matching the core', async ({ page, server, dataDir, dialogs, foreignRequests }) => {
  const input = path.join(dataDir, 'inputs', 'log_stream.csv');
  writeChatLog(input);

  await openWorkspace(page, server);
  await screenshot(page, '01-cases');
  await createCase(page, 'Chat log exposure', '2026-11-24T10:00');

  await page.getByTestId('import-paths').fill(input);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('preview')).toContainText('email');
  await screenshot(page, '02-import-preview');
  await importAndClassify(page, [input]);
  await screenshot(page, '03-import-done');

  // The same file through the CLI pipeline gives the report.json the overview must agree with.
  const reference = await analyze({ files: [input], caseDir: path.join(dataDir, 'reference-case'), awareAt: '2026-11-24T09:00:00Z', outDir: path.join(dataDir, 'reference-out'), formats: ['md'] });
  const findingsTotal = Object.values(reference.report.findings).reduce((sum, c) => sum + c.findings, 0);

  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('ov-findings')).toContainText(new Intl.NumberFormat('en-GB').format(findingsTotal));
  await expect(page.getByTestId('ov-persons')).toContainText(new Intl.NumberFormat('en-GB').format(reference.report.subjects.estimate));
  for (const [category, counts] of Object.entries(reference.report.findings)) {
    const row = page.locator(`[data-testid="ov-categories"] tr[data-category="${category}"]`);
    await expect(row).toContainText(String(counts.findings));
  }
  await screenshot(page, '04-overview');

  await page.getByTestId('nav-findings').click();
  await expect(page.getByTestId('findings-total')).toContainText(String(findingsTotal));
  const emailFindings = reference.report.findings['contact']?.kinds['email'] ?? 0;
  await page.getByTestId('findings-search').fill('beispiel.de');
  await expect(page.getByTestId('findings-total')).toHaveText(`${emailFindings} findings`);
  await page.getByTestId('finding-open').first().click();
  await expect(page.getByTestId('source-row')).toBeVisible();
  // Masked until asked: no e-mail address appears in full anywhere on the page.
  await expect(page.locator('body')).not.toContainText(/kunde\d+@beispiel\.de/);
  await page.getByTestId('reveal').click();
  await page.getByTestId('reveal-confirm').click();
  await expect(page.getByTestId('revealed-value')).toContainText(/kunde\d+@beispiel\.de/);
  await screenshot(page, '05-findings-revealed');

  await page.getByTestId('nav-people').click();
  await expect(page.getByTestId('people-estimate')).toContainText(String(reference.report.subjects.estimate));
  await screenshot(page, '06-people');

  await page.getByTestId('nav-assessment').click();
  await page.getByTestId('fact-controller_name').fill('Beispiel Chat GmbH');
  await page.getByTestId('fact-establishment_countries').fill('DE');
  await page.getByTestId('fact-dpo_contact').fill('dpo@beispiel.example');
  await page.getByTestId('facts-save').click();
  // Aware at 10:00 local time: GDPR gives the authority 72 hours.
  await expect(page.locator('[data-regime="EU-GDPR"]')).toBeVisible();
  await expect(page.getByTestId('deadline-EU-GDPR')).toBeVisible();
  await expect(page.getByTestId('deadline')).toContainText('EU-GDPR');
  await screenshot(page, '07-assessment');

  await page.getByTestId('nav-drafts').click();
  await expect(page.getByTestId('draft-frame')).toBeVisible();
  await expect(page.getByTestId('draft-frame')).toHaveAttribute('sandbox', '');
  await page.getByTestId('export-docx').click();
  await expect(page.getByTestId('exported')).toContainText('.docx');
  const exportedPath = (await page.getByTestId('exported').locator('li').first().textContent())!.split(' · ')[0]!.trim();
  expect(existsSync(exportedPath)).toBe(true);
  await screenshot(page, '08-drafts');

  await page.getByTestId('nav-evidence').click();
  await expect(page.getByTestId('audit-status')).toContainText('verified');
  await expect(page.locator('[data-testid="audit-entries"] tr[data-action="finding.revealed"]')).toHaveCount(1);
  await expect(page.getByTestId('evidence-sources')).toContainText(reference.report.sources[0]!.sha256);
  await screenshot(page, '09-evidence');

  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
