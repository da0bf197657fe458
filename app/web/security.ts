import { timingSafeEqual } from 'node:crypto';
import { buildCsp } from '../main/window.ts';

/**
 * Pure checks of the loopback web mode. A page on any other site can make the browser send
 * requests to 127.0.0.1, and DNS rebinding can make such a page same-origin with us: so the
 * Host must name our loopback address and port, the Origin (when sent) must be ours, and every
 * API request carries the per-launch token.
 */

export const TOKEN_COOKIE = 'breachscope_token';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return allowedHosts(port).includes(host.toLowerCase());
}

/** Origin absent (same-origin GET, curl) is fine; present, it must be exactly our origin. */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  if (!isAllowedHost(host, port)) return false;
  return origin === `http://${host!.toLowerCase()}`;
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** The token from `Authorization: Bearer` or our cookie. */
export function tokenFromRequest(headers: { authorization?: string | undefined; cookie?: string | undefined }): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return parseCookies(headers.cookie)[TOKEN_COOKIE];
}

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  const dot = file.lastIndexOf('.');
  return TYPES[dot >= 0 ? file.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}
