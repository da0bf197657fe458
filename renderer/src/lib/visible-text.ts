/**
 * Leaked text may hold control characters (terminal escapes, NUL), bidirectional overrides that
 * reorder what a reader sees (U+202E turns `exe.txt` into `txt.exe`), and invisible characters.
 * Before any of it reaches the screen each such character becomes a visible marker, so what is
 * shown is what is there.
 */

const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

export interface VisibleTextOptions {
  /** Keep line breaks and tabs as they are (multi-line views); otherwise show them as ↵ and →. */
  keepLayout?: boolean;
  /** Cut after this many characters, marking the cut. */
  maxLength?: number;
}

export function codePointLabel(ch: string): string {
  return `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

export function visibleText(value: string, options: VisibleTextOptions = {}): string {
  let text = value;
  if (options.maxLength !== undefined && text.length > options.maxLength) text = `${text.slice(0, options.maxLength)}…`;
  text = text.replace(INVISIBLE, codePointLabel);
  if (!options.keepLayout) text = text.replace(/\r\n|\n|\r/g, '↵').replace(/\t/g, '→');
  else text = text.replace(/\r(?!\n)/g, codePointLabel('\r'));
  return text;
}

/** True when the text holds characters that `visibleText` would mark. */
export function hasHiddenCharacters(value: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(value);
}

/**
 * Raw rows shown before classification (the import preview) may hold keys and tokens. Any run
 * of 16 or more token characters with a digit in it, or any PEM block, keeps its first four
 * characters and its length: enough to recognise a column, never enough to use a credential.
 */
export function maskTokens(value: string): string {
  return value
    .replace(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, '-----BEGIN PRIVATE KEY----- [hidden] -----END PRIVATE KEY-----')
    .replace(/[A-Za-z0-9_\-+/=.~]{16,}/g, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? `${run.slice(0, 4)}…[${run.length}]` : run));
}
