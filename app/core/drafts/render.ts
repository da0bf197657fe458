/** renderDraft: one document model to Markdown, HTML, DOCX or PDF bytes. */
import type { DraftDocument } from './model.ts';
import { renderDocx, renderPdf } from './render-binary.ts';
import { renderHtml, renderMarkdown } from './render-text.ts';

export type DraftFormat = 'md' | 'html' | 'docx' | 'pdf';

export async function renderDraft(doc: DraftDocument, format: DraftFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(doc), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'docx':
      return renderDocx(doc);
    case 'pdf':
      return renderPdf(doc);
  }
}
