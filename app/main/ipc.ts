import { REQUEST_CHANNELS, type RequestChannel } from '../shared/channels.ts';
import { parseInput } from '../shared/contract.ts';
import type { Result } from '../shared/errors.ts';

/**
 * IPC wiring over an `ipcMain`-shaped object, so it is testable without Electron. Each request
 * is answered only for a trusted sender and only after its input passes the contract schema;
 * the core then receives the parsed value. Replies are always `Result` values.
 */

export interface IpcEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
  sender: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>): void;
}

export interface CoreCaller {
  call(channel: RequestChannel, input: unknown): Promise<Result<unknown>>;
}

export function registerHandlers(ipc: IpcMainLike, core: CoreCaller, isTrusted: (event: IpcEventLike) => boolean): void {
  for (const channel of REQUEST_CHANNELS) {
    ipc.handle(channel, async (event, raw) => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: `${channel}: refused for this sender` } } satisfies Result<never>;
      const parsed = parseInput(channel, raw);
      if (!parsed.ok) return parsed;
      return core.call(channel, parsed.value);
    });
  }
}
