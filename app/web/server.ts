import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreService, type CoreService } from '../core/service.ts';
import { resolveInside } from '../main/window.ts';
import { contentType, isAllowedHost, isAllowedOrigin, securityHeaders, TOKEN_COOKIE, tokenFromRequest, tokensEqual } from './security.ts';

/**
 * The loopback web mode: the same workspace and the same core service as the desktop app,
 * served to a browser on 127.0.0.1 only, behind a random per-launch token. API calls are
 * `POST /api/<channel>` with a JSON body checked by the contract; events are Server-Sent Events.
 */

export interface WebServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  caseRoot?: string;
  stateDir?: string;
  /** The built workspace (default: renderer/dist). */
  rendererDir?: string;
  /** Extra folders the directory listing may show besides the case root. */
  browseRoots?: string[];
}

export interface WebServer {
  /** Open this once: it carries the token, which the page then keeps in a cookie. */
  url: string;
  token: string;
  port: number;
  service: CoreService;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 1024 * 1024;

export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url');
  const caseRoot = path.resolve(options.caseRoot ?? path.join(os.homedir(), 'BreachScope'));
  const stateDir = path.resolve(options.stateDir ?? path.join(caseRoot, '.breachscope'));
  const rendererDir = path.resolve(options.rendererDir ?? fileURLToPath(new URL('../../renderer/dist', import.meta.url)));
  const service = createCoreService({ caseRoot, stateDir, mode: 'web', browseRoots: [caseRoot, ...(options.browseRoots ?? [])] });
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = service.subscribe((channel, payload) => {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders())) res.setHeader(name, value);
    const host = req.headers.host;
    if (!isAllowedHost(host, port)) return send(res, 421, textType, 'wrong host: open the address printed at start-up');
    const origin = req.headers.origin;
    if (!isAllowedOrigin(origin, host, port)) return send(res, 403, textType, 'cross-origin requests are refused');
    const url = new URL(req.url ?? '/', `http://${host}`);

    // A one-time link: trade the token in the address for a cookie, then drop it from the address bar.
    const urlToken = url.searchParams.get('token');
    if (urlToken !== null && req.method === 'GET') {
      if (!tokensEqual(urlToken, token)) return send(res, 401, textType, 'this link is not valid for this run; use the address printed at start-up');
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return send(res, 303, { Location: url.pathname + url.search, 'Cache-Control': 'no-store' }, '');
    }
    if (!tokensEqual(tokenFromRequest(req.headers), token)) {
      return send(res, 401, textType, 'not signed in: open the address printed by "breachscope serve" (it carries the access token)');
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return send(res, 405, textType, 'GET only');
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, textType, 'POST only');
      // JSON only: a cross-site form cannot send it without a preflight we never answer.
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return send(res, 415, textType, 'JSON bodies only');
      const body = await readBody(req);
      if (body === null) return send(res, 413, textType, 'request too large');
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : (JSON.parse(body) as unknown);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'the body is not JSON' } });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await service.call(channel, input === null ? undefined : input);
      return sendJson(res, result.ok || result.error.code !== 'UNKNOWN_CHANNEL' ? 200 : 404, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, textType, 'GET only');
    let file = resolveInside(rendererDir, url.pathname, path);
    if (!file) return send(res, 404, textType, 'not found');
    // Client-side routes (no file extension) load the workspace itself.
    if (!existsSync(file) && path.extname(file) === '') file = path.join(rendererDir, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, textType, file.endsWith('index.html') ? 'the workspace is not built: run "npm run build:renderer"' : 'not found');
    }
    res.writeHead(200, { 'Content-Type': contentType(file), 'Cache-Control': file.endsWith('.html') ? 'no-store' : 'private, max-age=3600' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: options.port ?? 0, exclusive: true }, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the web server has no address');
  port = address.port;

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    token,
    port,
    service,
    async close() {
      unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await service.close();
    },
  };
}

const textType = { 'Content-Type': 'text/plain; charset=utf-8' };

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, JSON.stringify(value));
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
