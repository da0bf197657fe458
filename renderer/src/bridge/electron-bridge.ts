import type { Bridge } from './bridge.ts';

declare global {
  interface Window {
    /** Exposed by the desktop shell's preload; absent in a browser. */
    breachscope?: Bridge;
  }
}

export function electronBridge(): Bridge | null {
  return window.breachscope ?? null;
}
