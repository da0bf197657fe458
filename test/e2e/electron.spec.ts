import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const electronDir = path.resolve('node_modules/electron');

function electronBinary(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const mainBundle = path.resolve('dist/main/main.cjs');

test.describe('desktop shell', () => {
  test.skip(!binary, 'No Electron runtime installed (its download is blocked here); run "npm start" once while online, then "node scripts/build-electron.mjs".');
  test.skip(!existsSync(mainBundle), 'The desktop bundle is missing: run "npm run build:renderer && node scripts/build-electron.mjs".');

  test('starts sandboxed on app://, exposes only the contract and refuses navigation away', async ({}, testInfo) => {
    const env = { ...process.env, BREACHSCOPE_DATA_DIR: testInfo.outputPath('data') } as Record<string, string>;
    delete env['ELECTRON_RUN_AS_NODE'];
    const app = await electron.launch({ executablePath: binary!, args: [mainBundle], env, timeout: 60_000 });
    try {
      const page = await app.firstWindow();
      await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/breachscope\//);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents;
        const p = (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
        return { contextIsolation: p['contextIsolation'], sandbox: p['sandbox'], nodeIntegration: p['nodeIntegration'], webSecurity: p['webSecurity'] };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.isFrozen((window as unknown as { breachscope: object }).breachscope))).toBe(true);
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://evil.example/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      await page.evaluate(() => window.open('https://evil.example/'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
