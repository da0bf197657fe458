/**
 * Errors a user can act on: a stable code, a message that names the file (and line where
 * known) and says what to do. They cross process boundaries as plain values, never as stack
 * traces, and never carry a raw value from a leak.
 */
export interface ErrorInfo {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

export class AppError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(code: string, message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
  }
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, ...(this.file ? { file: this.file } : {}), ...(this.line ? { line: this.line } : {}) };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Any thrown value → an ErrorInfo safe to show: unknown errors keep only their first line. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  if (error && typeof error === 'object' && 'name' in error && (error as Error).name === 'AbortError') {
    return { code: 'CANCELLED', message: 'cancelled by the user; nothing from the unfinished step was kept' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: (message.split('\n', 1)[0] ?? '').slice(0, 500) };
}
