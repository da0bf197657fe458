import { utilityProcess, type UtilityProcess } from 'electron';
import type { EventChannel, RequestChannel } from '../shared/channels.ts';
import { isEventChannel } from '../shared/channels.ts';
import type { Result } from '../shared/errors.ts';
import type { CoreCaller } from './ipc.ts';

/** Starts the core's utility process and relays calls and events; a crash answers pending calls. */
export function startCoreHost(entry: string, env: Record<string, string>, onEvent: (channel: EventChannel, payload: unknown) => void): CoreCaller & { stop(): void } {
  let child: UtilityProcess | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();

  const spawn = () => {
    child = utilityProcess.fork(entry, [], { serviceName: 'BreachScope core', env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('message', (message: { id?: number; result?: Result<unknown>; event?: string; payload?: unknown }) => {
      if (typeof message.id === 'number' && message.result) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (isEventChannel(message.event)) {
        onEvent(message.event, message.payload);
      }
    });
    child.on('exit', (code) => {
      for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'CORE_CRASHED', message: `the analysis process stopped (exit ${code}); it was restarted, open the case again` } });
      pending.clear();
      child = null;
    });
  };
  spawn();

  return {
    call(channel: RequestChannel, input: unknown) {
      if (!child) spawn();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child!.postMessage({ id, channel, input });
      });
    },
    stop() {
      child?.kill();
    },
  };
}
