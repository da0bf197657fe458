/**
 * Keys that come from leaked data (column names, JSON keys) go into plain objects as own
 * properties: a plain assignment of `__proto__` changes the object's prototype instead, and the
 * key, with its value, vanishes.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
