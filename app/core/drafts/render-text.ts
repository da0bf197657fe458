/**
 * Markdown and HTML renderers. Every string from the document model is escaped for the target:
 * leaked data and controller free text may hold markup, links or scripts.
 */
import type { Block, DraftDocument, Inline } from './model.ts';
import { gapText } from './model.ts';
import { cleanInline } from './text-safety.ts';

/* ---------------- Markdown ---------------- */

/**
 * Backslash-escapes inline Markdown syntax; `<`, `>` and `&` become entities so no HTML
 * survives. `.` and `:` are escaped too: that breaks GFM autolinks (`www.`, `http:`, e-mail).
 */
export function escapeMarkdown(raw: string): string {
  return cleanInline(raw)
    .replace(/[\\`*_[\]!|~.:]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text at the start of a block could open a heading, quote, list or rule. */
function guardBlockStart(line: string): string {
  const trimmed = line.trimStart();
  // Only punctuation can be backslash-escaped, so "1)" is guarded at its parenthesis.
  if (/^\d+\)/.test(trimmed)) return trimmed.replace(')', '\\)');
  return /^[#>+=-]/.test(trimmed) ? `\\${trimmed}` : line;
}

/** Emphasis markers must touch the text, so surrounding spaces go outside them. */
function emphasis(t: string): string {
  const core = t.trim();
  if (!core) return t;
  const lead = t.slice(0, t.indexOf(core));
  const trail = t.slice(t.indexOf(core) + core.length);
  return `${lead}**${escapeMarkdown(core)}**${trail}`;
}

function mdInline(doc: DraftDocument, inl: Inline[]): string {
  return inl
    .map((i) => {
      switch (i.kind) {
        case 'text':
          return escapeMarkdown(i.text);
        case 'strong':
          return emphasis(i.text);
        case 'gap':
          return emphasis(gapText(doc, i.label));
        case 'ref':
          return `\\[${escapeMarkdown(i.ref)}\\]`;
        case 'source':
          return `\\[${escapeMarkdown(sourceLabel(doc, i.id))}\\]`;
      }
    })
    .join('');
}

function sourceLabel(doc: DraftDocument, id: string): string {
  return doc.sources.find((s) => s.id === id)?.label ?? '?';
}

export function renderMarkdown(doc: DraftDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) out.push(mdBlock(doc, b));
  return `${out.join('\n\n')}\n`;
}

function mdBlock(doc: DraftDocument, b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return guardBlockStart(mdInline(doc, b.content));
    case 'list':
      return b.items.map((it) => `- ${guardBlockStart(mdInline(doc, it))}`).join('\n');
    case 'table': {
      const head = `| ${b.header.map(escapeMarkdown).join(' | ')} |`;
      const sep = `|${b.header.map(() => '---').join('|')}|`;
      const rows = b.rows.map((r) => `| ${r.map((cell) => mdInline(doc, cell)).join(' | ')} |`);
      return [head, sep, ...rows].join('\n');
    }
  }
}

/* ---------------- HTML ---------------- */

export function escapeHtml(raw: string): string {
  return cleanInline(raw)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Anchor ids are built from our own source labels only, never from input text. */
const anchor = (label: string) => `src-${label.replace(/[^A-Za-z0-9]/g, '')}`;

function htmlInline(doc: DraftDocument, inl: Inline[]): string {
  return inl
    .map((i) => {
      switch (i.kind) {
        case 'text':
          return escapeHtml(i.text);
        case 'strong':
          return `<strong>${escapeHtml(i.text)}</strong>`;
        case 'gap':
          return `<mark class="gap" data-field="${escapeHtml(i.field)}">${escapeHtml(gapText(doc, i.label))}</mark>`;
        case 'ref':
          return `<cite class="ref">[${escapeHtml(i.ref)}]</cite>`;
        case 'source': {
          const label = sourceLabel(doc, i.id);
          return `<a class="src" href="#${anchor(label)}">[${escapeHtml(label)}]</a>`;
        }
      }
    })
    .join('');
}

const STYLE = `body{font-family:Georgia,'Times New Roman',serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}mark.gap{background:#ffe066;color:#7a0000;font-weight:bold;padding:0 .2rem}cite.ref{font-style:normal;color:#2a4d8f;font-size:.9em}
a.src{color:#2a4d8f;font-size:.9em}`;

export function renderHtml(doc: DraftDocument): string {
  const body: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        body.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        body.push(`<p>${htmlInline(doc, b.content)}</p>`);
        break;
      case 'list':
        body.push(`<ul>${b.items.map((it) => `<li>${htmlInline(doc, it)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const isSources = b.header[0] === 'Ref' && b.header[1] === 'What';
        const rows = b.rows
          .map((r) => {
            const first = r[0]?.[0];
            const id = isSources && first?.kind === 'text' ? ` id="${anchor(first.text)}"` : '';
            return `<tr${id}>${r.map((cell) => `<td>${htmlInline(doc, cell)}</td>`).join('')}</tr>`;
          })
          .join('');
        body.push(`<table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`);
        break;
      }
    }
  }
  return `<!DOCTYPE html>
<html lang="${doc.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
