import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNELS, REQUEST_CHANNELS, type EventChannel } from '../shared/channels.ts';
import type { Api } from '../shared/contract.ts';

/**
 * Exposes exactly the contract: one function per request channel and `on()` for the event
 * channels, in one frozen object. The page never sees `ipcRenderer` or an IPC event object.
 */
const api: Record<string, unknown> = {};
for (const channel of REQUEST_CHANNELS) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
api['on'] = (channel: EventChannel, listener: (payload: unknown) => void) => {
  if (!(EVENT_CHANNELS as readonly string[]).includes(channel) || typeof listener !== 'function') return () => {};
  const wrapped = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
};

contextBridge.exposeInMainWorld('breachscope', Object.freeze(api) as Api);
