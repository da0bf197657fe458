import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Pure pieces of the desktop shell's security: window options, the content security policy,
 * which navigations are allowed, how an `app://` URL maps to a file, and which IPC senders are
 * trusted. Only types come from Electron, so these run (and are tested) under plain Node.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'breachscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The policy the workspace runs under, in Electron (app://) and in the browser (loopback). */
export function buildCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets element styles at runtime (virtualised rows, chart sizes): inline styles only, never scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function buildWindowOptions(input: { preloadPath: string; isPackaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'BreachScope',
    backgroundColor: '#14171c',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !input.isPackaged,
    },
  };
}

/** Only our own origin, compared as a parsed URL (never a prefix: `app://breachscope.evil`). */
export function isInternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

/** Navigation inside the window: our origin only; everything else (http, file, javascript:) is refused. */
export function isAllowedNavigation(raw: string): boolean {
  return isInternalUrl(raw);
}

/**
 * Maps an `app://` URL to a file inside the built workspace, or null. Decodes once, refuses NUL,
 * backslashes and any `..` segment, and checks the result stays inside `root`.
 */
export function resolveAppPath(root: string, raw: string, pathApi: PathApi): string | null {
  if (!isInternalUrl(raw)) return null;
  const url = new URL(raw);
  return resolveInside(root, url.pathname, pathApi);
}

export interface PathApi {
  resolve(...parts: string[]): string;
  relative(from: string, to: string): string;
  isAbsolute(p: string): boolean;
  sep: string;
}

/** Resolves a URL path (still percent-encoded) inside `root`; `/` means `index.html`. */
export function resolveInside(root: string, urlPath: string, pathApi: PathApi): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\u0000') || decoded.includes('\\') || /%[0-9a-f]{2}/i.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-z]:$/i.test(s))) return null;
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = pathApi.resolve(root);
  const target = pathApi.resolve(base, relativePath);
  const rel = pathApi.relative(base, target);
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return null;
  return target;
}

export interface SenderFrameLike {
  url: string;
  /** Main frame of the page, when the sender is a subframe. */
  parent?: unknown;
}

/** IPC is answered only for our top frame at our origin, in one of our windows. */
export function validateSender(frame: SenderFrameLike | null | undefined, isOurWindow: boolean): boolean {
  if (!frame || !isOurWindow) return false;
  if (frame.parent) return false;
  return isInternalUrl(frame.url);
}

/** Requests the window may make: our protocol only, plus DevTools in development builds. */
export function isAllowedRequest(raw: string, isPackaged: boolean): boolean {
  if (isInternalUrl(raw)) return true;
  if (!isPackaged && raw.startsWith('devtools://')) return true;
  return false;
}
