import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_CHANNELS } from '../shared/channels.ts';
import { startCoreHost } from './core-host.ts';
import { registerHandlers } from './ipc.ts';
import { APP_ORIGIN, APP_SCHEME, buildCsp, buildWindowOptions, isAllowedNavigation, isAllowedRequest, resolveAppPath, validateSender } from './window.ts';

/**
 * The desktop shell, kept thin: one window on `app://`, every security hook, and IPC relayed
 * to the core in a utility process. No port is opened; nothing leaves the machine.
 */

const here = path.dirname(process.argv[1] ?? __filename);
const rendererDir = path.resolve(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');
const coreEntry = path.join(here, 'core-process.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', (event) => guard(event, event.url));
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, app.isPackaged) }));

    protocol.handle(APP_SCHEME, async (request) => {
      if (request.method !== 'GET') return new Response('GET only', { status: 405 });
      const file = resolveAppPath(rendererDir, request.url, path);
      if (!file) return new Response('not found', { status: 404 });
      const response = await net.fetch(pathToFileURL(file).href);
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', buildCsp());
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(response.body, { status: response.status, headers });
    });

    const dataDir = process.env['BREACHSCOPE_DATA_DIR'] ?? path.join(app.getPath('documents'), 'BreachScope');
    const core = startCoreHost(coreEntry, { BREACHSCOPE_DATA_DIR: dataDir }, (channel, payload) => {
      if (window && !window.isDestroyed() && (EVENT_CHANNELS as readonly string[]).includes(channel)) window.webContents.send(channel, payload);
    });
    registerHandlers(ipcMain, core, (event) => {
      const owner = window && !window.isDestroyed() ? window.webContents : null;
      return validateSender(event.senderFrame, owner !== null && event.sender === owner);
    });

    window = new BrowserWindow(buildWindowOptions({ preloadPath, isPackaged: app.isPackaged }));
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    app.on('before-quit', () => core.stop());
  });

  app.on('window-all-closed', () => app.quit());
}
