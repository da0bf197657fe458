import { EVENT_CHANNELS, REQUEST_CHANNELS, type EventChannel, type RequestChannel } from '../../../app/shared/channels.ts';
import type { Events, Result } from '../../../app/shared/contract.ts';
import type { Bridge } from './bridge.ts';

/**
 * The browser bridge: `POST /api/<channel>` and one Server-Sent Events stream. The access token
 * travels in an HttpOnly cookie set by the server, so no script here ever holds it.
 */
export function createWebBridge(base = ''): Bridge {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const ensureStream = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    for (const channel of EVENT_CHANNELS) {
      source.addEventListener(channel, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of listeners.get(channel) ?? []) listener(payload as never);
      });
    }
  };

  const call = async (channel: RequestChannel, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'the session expired: open the address printed by "breachscope serve" again' } };
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'OFFLINE', message: `the BreachScope server does not answer (${(error as Error).message}); is it still running?` } };
    }
  };

  const api: Record<string, unknown> = {};
  for (const channel of REQUEST_CHANNELS) api[channel] = (input: unknown) => call(channel, input);
  api['on'] = <E extends EventChannel>(channel: E, listener: (payload: Events[E]) => void) => {
    ensureStream();
    const set = listeners.get(channel) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(channel, set);
    return () => set.delete(listener as (payload: never) => void);
  };
  return Object.freeze(api) as Bridge;
}
