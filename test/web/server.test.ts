import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../app/web/server.ts';

let server: WebServer;
let dir: string;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  request({ path: `/api/${channel}`, method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bs-web-'));
  const rendererDir = path.join(dir, 'dist');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  server = await startWebServer({ port: 0, caseRoot: path.join(dir, 'cases'), rendererDir });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web server', () => {
  it('listens on the loopback address only, with a 32-byte base64url token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`));
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await request({ path: '/api/app.info', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await api('app.info', {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await request({ path: '/' })).status).toBe(401);
  });

  it('answers contract calls with a Result when the token is given', async () => {
    const reply = await api('app.info', {});
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body) as { ok: boolean; value: { mode: string } };
    expect(body.ok).toBe(true);
    expect(body.value.mode).toBe('web');
  });

  it('rejects input that fails the contract schema, naming the field', async () => {
    const body = JSON.parse((await api('findings.query', { filter: { category: 'x' }, limit: 1e9 })).body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain('filter.category');
  });

  it('answers unknown channels with 404 and non-JSON bodies with 415', async () => {
    expect((await api('shell.exec', {})).status).toBe(404);
    expect((await request({ path: '/api/app.info', method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
  });

  it('refuses requests whose Host is not our loopback address (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `localhost.evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      expect((await api('app.info', {}, { Host: host })).status).toBe(421);
    }
    expect((await api('app.info', {}, { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses requests from another origin even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      expect((await api('app.info', {}, { Origin: origin })).status).toBe(403);
    }
    expect((await api('app.info', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('trades the one-time URL token for an HttpOnly cookie and drops it from the address', async () => {
    const reply = await request({ path: `/?token=${server.token}&x=1` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/?x=1');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await request({ path: '/', headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
  });

  it('serves the workspace with a strict CSP and nosniff', async () => {
    const reply = await request({ path: '/assets/app.js', headers: { Authorization: `Bearer ${server.token}` } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/javascript');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves a file outside the workspace folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%252e%252e/secret.txt', '/..%5csecret.txt', '/assets%00.js']) {
      const reply = await request({ path: p, headers: { Authorization: `Bearer ${server.token}` } });
      expect(reply.body).not.toContain('outside');
    }
  });
});
