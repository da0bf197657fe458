import { describe, expect, it } from 'vitest';
import { findingWhere, isInside, segmentCell } from '../../app/core/service.ts';

describe('segmentCell', () => {
  const span = (finding_id: number, span_start: number, span_end: number, preview: string) => ({ finding_id, span_start, span_end, preview });

  it('replaces every finding by its masked preview and marks the focused one', () => {
    const { segments } = segmentCell('mail bob@x.org or 0151 2345678', [span(1, 5, 14, 'b**@x.org'), span(2, 18, 30, '**** ***5678')], 2);
    expect(segments.map((s) => s.text).join('')).toBe('mail b**@x.org or **** ***5678');
    expect(segments.find((s) => s.isFocus)?.findingId).toBe(2);
    expect(segments.map((s) => s.text).join('')).not.toContain('bob@');
  });

  it('counts offsets in code points, as DuckDB does, so emoji before a value do not shift it', () => {
    const { segments } = segmentCell('👋👋 key=SECRET1', [span(7, 7, 14, 'S*****1')], 7);
    expect(segments.map((s) => s.text).join('')).toBe('👋👋 key=S*****1');
  });

  it('keeps the first of overlapping findings and never shows the value of the second', () => {
    const { segments } = segmentCell('token=abcdef', [span(1, 6, 12, '******'), span(2, 8, 12, '****')], 1);
    expect(segments.map((s) => s.text).join('')).toBe('token=******');
  });

  it('shows a window around the focused finding of a very long cell', () => {
    const text = 'x'.repeat(10_000) + 'SECRET' + 'y'.repeat(10_000);
    const { segments, isTruncated } = segmentCell(text, [span(9, 10_000, 10_006, 'S****T')], 9, 100);
    expect(isTruncated).toBe(true);
    expect(segments.some((s) => s.isFocus && s.text === 'S****T')).toBe(true);
    expect(segments.reduce((n, s) => n + s.text.length, 0)).toBeLessThan(120);
  });
});

describe('findingWhere', () => {
  it('binds every filter value as a parameter, never as SQL text', () => {
    const hostile = "x' OR 1=1 --";
    const { where, params } = findingWhere({ category: [hostile], field: ['a"b'], text: hostile, minConfidence: 0.5 });
    expect(where).not.toContain(hostile);
    expect(where).not.toContain('a"b');
    expect(params).toEqual([hostile, 'a"b', 0.5, hostile]);
  });
  it('is empty without filters', () => {
    expect(findingWhere({})).toEqual({ where: '', params: [] });
  });
});

describe('isInside', () => {
  it('accepts the folder and what lies below it, nothing beside or above', () => {
    expect(isInside('/cases', '/cases')).toBe(true);
    expect(isInside('/cases', '/cases/a/b')).toBe(true);
    expect(isInside('/cases', '/cases-evil/a')).toBe(false);
    expect(isInside('/cases', '/cases/../etc')).toBe(false);
    expect(isInside('/cases', '/')).toBe(false);
  });
});
