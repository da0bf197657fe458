import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsp, buildWindowOptions, isAllowedNavigation, isAllowedRequest, resolveAppPath, resolveInside, validateSender } from '../../app/main/window.ts';

const ROOT = '/opt/breachscope/renderer/dist';

describe('buildWindowOptions', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = buildWindowOptions({ preloadPath: '/x/preload.cjs', isPackaged: true }).webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe('/x/preload.cjs');
  });
  it('opens at 1280×800', () => {
    const options = buildWindowOptions({ preloadPath: '/p', isPackaged: false });
    expect([options.width, options.height]).toEqual([1280, 800]);
  });
});

describe('buildCsp', () => {
  it('allows scripts only from our origin and forbids plugins, base changes, framing and forms', () => {
    const csp = buildCsp();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    for (const part of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'", "connect-src 'self'", "default-src 'self'"]) {
      expect(csp).toContain(part);
    }
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    'app://breachscope/index.html',
    'app://breachscope/',
    'app://breachscope/assets/index.js?x=1#y',
  ])('allows our own page %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });
  it.each([
    'https://evil.example/',
    'http://127.0.0.1:3000/',
    'app://breachscope.evil.example/',
    'app://evil.example/?next=app://breachscope/',
    'app://user@breachscope/',
    'app://breachscope:8080/',
    'app://BREACHSCOPE.evil/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://breachscope/uuid',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
    'app:/breachscope/index.html\u0000',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('lets only app: requests through in a packaged build', () => {
    expect(isAllowedRequest('app://breachscope/assets/a.js', true)).toBe(true);
    expect(isAllowedRequest('https://fonts.example/font.woff2', true)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/x', true)).toBe(false);
    expect(isAllowedRequest('ws://127.0.0.1:9222/', false)).toBe(false);
  });
});

describe('resolveAppPath / resolveInside', () => {
  it('maps our URLs to files inside the build folder, / to index.html', () => {
    expect(resolveAppPath(ROOT, 'app://breachscope/', path.posix)).toBe(`${ROOT}/index.html`);
    expect(resolveAppPath(ROOT, 'app://breachscope/assets/index-1.js', path.posix)).toBe(`${ROOT}/assets/index-1.js`);
    expect(resolveAppPath(ROOT, 'app://breachscope/a%20b.css', path.posix)).toBe(`${ROOT}/a b.css`);
  });
  it.each(['app://breachscope/../secret', 'app://breachscope/assets/../../etc/passwd', 'app://breachscope/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the build folder (the URL parser clamps dot segments at the root)',
    (url) => {
      const resolved = resolveAppPath(ROOT, url, path.posix);
      expect(resolved === null || resolved.startsWith(`${ROOT}/`)).toBe(true);
    },
  );
  it.each(['/../secret', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/./index.html'])('refuses the raw path %s', (raw) => {
    expect(resolveInside(ROOT, raw, path.posix)).toBeNull();
  });
  it.each([
    'app://breachscope/%2E%2E%2Fetc%2Fpasswd',
    'app://breachscope/%252e%252e/etc/passwd',
    'app://breachscope/..%5c..%5cwindows',
    'app://breachscope/assets%00.js',
    'app://breachscope/C:/Windows/win.ini',
    'app://breachscope/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(ROOT, url, path.posix)).toBeNull();
  });
  it('refuses Windows-style traversal with win32 path semantics', () => {
    expect(resolveInside('C:\\app\\dist', '/..%5c..%5csecret', path.win32)).toBeNull();
    expect(resolveInside('C:\\app\\dist', '/D:/secret', path.win32)).toBeNull();
    expect(resolveInside('C:\\app\\dist', '/assets/a.js', path.win32)).toBe('C:\\app\\dist\\assets\\a.js');
  });
});

describe('validateSender', () => {
  it('answers our top frame in our window only', () => {
    expect(validateSender({ url: 'app://breachscope/index.html' }, true)).toBe(true);
    expect(validateSender({ url: 'app://breachscope/index.html' }, false)).toBe(false);
    expect(validateSender({ url: 'app://breachscope/index.html', parent: {} }, true)).toBe(false);
    expect(validateSender({ url: 'https://evil.example/' }, true)).toBe(false);
    expect(validateSender({ url: 'app://breachscope.evil/' }, true)).toBe(false);
    expect(validateSender(null, true)).toBe(false);
  });
});
