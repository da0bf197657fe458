import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCase, expect, importAndClassify, openWorkspace, screenshot, test } from './fixtures.ts';

const MARK = 'window.__pwned=1';
const PAYLOADS = [
  `<script>${MARK}</script>`,
  `<img src=x onerror="${MARK}">`,
  `<a href="javascript:${MARK}">click</a>`,
  `<iframe src="https://evil.example/"></iframe>`,
  `<div style="background:url(https://evil.example/x.png);width:expression(${MARK})">css</div>`,
  `<svg onload="${MARK}"></svg>`,
  `exe.\u202Etxt \u2066hidden\u2069 \u001b[31mred`,
];

function csvCell(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

test('script and markup payloads in a leak stay text: no dialog, no outside request, no element', async ({ page, server, dataDir, dialogs, foreignRequests }) => {
  const file = path.join(dataDir, 'inputs', 'hostile.csv');
  const header = ['user_id', '<img src=x onerror="window.__pwned=1">', 'message'].map(csvCell).join(',');
  const rows = PAYLOADS.map((p, i) => [csvCell(`<script>${MARK}</script>u${i}@evil.example`), csvCell(p), csvCell(`${p} contact me at victim${i}@example.org or +49 151 2345678${i}`)].join(','));
  writeFileSync(file, [header, ...rows].join('\n') + '\n');

  await openWorkspace(page, server);
  await createCase(page, '<img src=x onerror="window.__pwned=1">', '2026-11-24T10:00');
  await importAndClassify(page, [file]);
  await expect(page.getByTestId('preview')).toContainText('onerror');
  // The bidi override is shown as a marker, not obeyed.
  await expect(page.getByTestId('preview')).toContainText('⟨U+202E⟩');
  await screenshot(page, '10-hostile-import');

  for (const screen of ['overview', 'findings', 'people', 'evidence'] as const) {
    await page.getByTestId(`nav-${screen}`).click();
    await page.waitForLoadState('networkidle');
  }
  await page.getByTestId('nav-findings').click();
  await page.getByTestId('finding-open').first().click();
  await expect(page.getByTestId('source-row')).toBeVisible();
  await screenshot(page, '11-hostile-text');

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img, iframe, svg[onload], [onerror], [onload], a[href^="javascript"]')).toHaveCount(0);
  const inlineScripts = await page.locator('script:not([src])').count();
  expect(inlineScripts).toBe(0);
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
