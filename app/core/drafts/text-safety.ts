/**
 * Text hygiene shared by the renderers: control and bidi-override characters from hostile input
 * are removed (they can hide or reorder text), and for the PDF standard fonts, which encode
 * WinAnsi (Latin-1 plus a few typographic signs) only, other characters are transliterated.
 */

// C0/C1 controls except tab/newline, bidi embeddings/overrides/isolates, zero-width and BOM.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Removes invisible control characters and folds line breaks into spaces. */
export function cleanInline(text: string): string {
  return text.replace(UNSAFE, '').replace(/[\r\n\t\u2028\u2029]+/g, ' ');
}

/** Characters the pdfkit standard fonts can encode beyond Latin-1 (their WinAnsi extras). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const TRANSLITERATION: Record<string, string> = {
  'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't',
  '≥': '>=', '≤': '<=', '≠': '!=', '→': '->', '←': '<-', '−': '-', '‐': '-', '‑': '-', '′': "'", '″': '"',
  '✓': 'x', '✗': '-', 'ẞ': 'SS', '\u202F': ' ', '\u2009': ' ',
};

export function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/** Maps text to what the PDF standard fonts can show; counts characters that were replaced. */
export function toWinAnsi(text: string): { text: string; replaced: number } {
  let replaced = 0;
  let out = '';
  for (const ch of text) {
    if (isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    const mapped = TRANSLITERATION[ch];
    if (mapped !== undefined && [...mapped].every(isWinAnsi)) {
      out += mapped;
      replaced++;
      continue;
    }
    // Strip diacritics the font cannot compose (e.g. ő -> o, ş -> s).
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (base && [...base].every(isWinAnsi)) out += base;
    else out += '?';
    replaced++;
  }
  return { text: out, replaced };
}
