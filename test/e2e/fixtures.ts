import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startWebServer, type WebServer } from '../../app/web/server.ts';

export const ARTIFACTS = path.resolve('test/artifacts');

interface Fixtures {
  /** A data folder of this test alone: cases, app state and input files. */
  dataDir: string;
  /** The web mode with the real core, on a free loopback port. */
  server: WebServer;
  /** Every request the page made to an origin other than the server's. */
  foreignRequests: string[];
  /** Dialogs (alert, confirm, prompt) the page opened. */
  dialogs: string[];
}

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use, testInfo) => {
    const dir = testInfo.outputPath('data');
    mkdirSync(path.join(dir, 'inputs'), { recursive: true });
    await use(dir);
  },
  server: async ({ dataDir }, use) => {
    const server = await startWebServer({ port: 0, caseRoot: path.join(dataDir, 'cases'), stateDir: path.join(dataDir, 'state'), browseRoots: [path.join(dataDir, 'inputs')] });
    await use(server);
    await server.close();
  },
  foreignRequests: async ({ page, server }, use) => {
    const foreign: string[] = [];
    const origin = `http://127.0.0.1:${server.port}`;
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('about:') && !url.startsWith('data:')) foreign.push(url);
    });
    await use(foreign);
  },
  dialogs: async ({ page }, use) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await use(dialogs);
  },
});

export { expect };

export async function openWorkspace(page: Page, server: WebServer): Promise<void> {
  await page.goto(server.url);
  // The token moved into a cookie and left the address bar.
  expect(page.url()).not.toContain('token=');
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
}

export async function createCase(page: Page, name: string, awareLocal: string): Promise<void> {
  await page.getByTestId('case-name-input').fill(name);
  await page.getByTestId('case-aware-input').fill(awareLocal);
  await page.getByTestId('case-create').click();
  await expect(page.getByTestId('case-name')).toHaveText(name);
}

export async function importAndClassify(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-paths').fill(files.join('\n'));
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('preview')).toBeVisible();
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-results')).toContainText('imported');
  await page.getByTestId('classify-start').click();
  await expect(page.getByTestId('classify-done')).toBeVisible({ timeout: 90_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}
