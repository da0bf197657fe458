import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, visibleText } from '../../renderer/src/lib/visible-text.ts';

describe('visibleText', () => {
  it('shows bidi overrides as markers so a file name reads as it is stored', () => {
    expect(visibleText('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(visibleText('a\u2066b\u2069')).toBe('a⟨U+2066⟩b⟨U+2069⟩');
  });
  it('shows terminal escapes, NUL and zero-width characters', () => {
    expect(visibleText('\u001b[31mred')).toBe('⟨U+001B⟩[31mred');
    expect(visibleText('a\u0000b')).toBe('a⟨U+0000⟩b');
    expect(visibleText('pay\u200bpal')).toBe('pay⟨U+200B⟩pal');
    expect(visibleText('\ufeffx')).toBe('⟨U+FEFF⟩x');
  });
  it('keeps markup as literal characters (it is rendered as text)', () => {
    expect(visibleText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
  it('shows line breaks and tabs on one line, or keeps them in multi-line views', () => {
    expect(visibleText('a\nb\tc')).toBe('a↵b→c');
    expect(visibleText('a\nb\tc', { keepLayout: true })).toBe('a\nb\tc');
    expect(visibleText('a\rb', { keepLayout: true })).toBe('a⟨U+000D⟩b');
  });
  it('cuts long values and marks the cut', () => {
    expect(visibleText('abcdef', { maxLength: 3 })).toBe('abc…');
  });
  it('leaves ordinary text, accents and emoji alone', () => {
    expect(visibleText('Zoë 👋 مرحبا')).toBe('Zoë 👋 مرحبا');
    expect(hasHiddenCharacters('Zoë')).toBe(false);
    expect(hasHiddenCharacters('x\u202Ey')).toBe(true);
  });
});

describe('maskTokens (raw rows before classification)', () => {
  it('hides the body of keys and tokens but leaves words, dates and short ids readable', async () => {
    const { maskTokens } = await import('../../renderer/src/lib/visible-text.ts');
    expect(maskTokens('key sk-proj-Ab12Cd34Ef56Gh78Ij90 ok')).toBe('key sk-p…[28] ok');
    expect(maskTokens('AKIAQYLPMN5HFIQR7XJZ')).toBe('AKIA…[20]');
    expect(maskTokens('-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----')).not.toContain('MIIEow');
    expect(maskTokens('2026-11-20T08:15:00Z user-0 kunde0@beispiel.de please fix my script')).toBe('2026-11-20T08:15:00Z user-0 kunde0@beispiel.de please fix my script');
  });
});
