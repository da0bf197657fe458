/**
 * DOCX (for legal editing) and PDF (for filing) renderers. Gaps are highlighted in both; the PDF
 * uses pdfkit's built-in Helvetica, whose WinAnsi encoding covers German, French and Spanish
 * accents; other characters are transliterated and the document says how many.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  HighlightColor,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import type { Block, DraftDocument, Inline } from './model.ts';
import { gapText } from './model.ts';
import { cleanInline, toWinAnsi } from './text-safety.ts';

const sourceLabel = (doc: DraftDocument, id: string) => doc.sources.find((s) => s.id === id)?.label ?? '?';

/* ---------------- DOCX ---------------- */

function docxRuns(doc: DraftDocument, inl: Inline[]): TextRun[] {
  return inl.map((i) => {
    switch (i.kind) {
      case 'text':
        return new TextRun({ text: cleanInline(i.text) });
      case 'strong':
        return new TextRun({ text: cleanInline(i.text), bold: true });
      case 'gap':
        return new TextRun({ text: cleanInline(gapText(doc, i.label)), bold: true, highlight: HighlightColor.YELLOW, color: '7A0000' });
      case 'ref':
        return new TextRun({ text: `[${cleanInline(i.ref)}]`, color: '2A4D8F', size: 18 });
      case 'source':
        return new TextRun({ text: `[${sourceLabel(doc, i.id)}]`, color: '2A4D8F', size: 18 });
    }
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function docxBlock(doc: DraftDocument, b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun({ text: cleanInline(b.text) })] })];
    case 'paragraph':
      return [new Paragraph({ children: docxRuns(doc, b.content), spacing: { after: 120 } })];
    case 'list':
      return b.items.map((it) => new Paragraph({ bullet: { level: 0 }, children: docxRuns(doc, it) }));
    case 'table': {
      const cell = (children: TextRun[], bold = false) =>
        new TableCell({ children: [new Paragraph({ children: bold ? children.map((r) => r) : children })] });
      const header = new TableRow({
        tableHeader: true,
        children: b.header.map((h) => cell([new TextRun({ text: cleanInline(h), bold: true })], true)),
      });
      const rows = b.rows.map((r) => new TableRow({ children: r.map((c) => cell(docxRuns(doc, c))) }));
      return [new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph({ children: [] })];
    }
  }
}

export async function renderDocx(doc: DraftDocument): Promise<Buffer> {
  const children = doc.blocks.flatMap((b) => docxBlock(doc, b));
  const file = new Document({
    creator: 'BreachScope',
    title: cleanInline(doc.title),
    description: 'Breach notification draft for review',
    styles: { default: { document: { run: { size: 22, font: 'Calibri' } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `Draft generated ${doc.generated_at}`, size: 16, color: '666666' })] }),
          ...children,
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}

/* ---------------- PDF ---------------- */

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

interface PdfRun {
  text: string;
  font: string;
  color: string;
  size: number;
  highlight: boolean;
}

function pdfRuns(doc: DraftDocument, inl: Inline[], counter: { replaced: number }): PdfRun[] {
  const enc = (s: string) => {
    const r = toWinAnsi(cleanInline(s));
    counter.replaced += r.replaced;
    return r.text;
  };
  return inl.map((i) => {
    switch (i.kind) {
      case 'text':
        return { text: enc(i.text), font: FONT.regular, color: '#111111', size: 10.5, highlight: false };
      case 'strong':
        return { text: enc(i.text), font: FONT.bold, color: '#111111', size: 10.5, highlight: false };
      case 'gap':
        return { text: enc(gapText(doc, i.label)), font: FONT.bold, color: '#7A0000', size: 10.5, highlight: true };
      case 'ref':
        return { text: enc(`[${i.ref}]`), font: FONT.regular, color: '#2A4D8F', size: 9, highlight: false };
      case 'source':
        return { text: `[${sourceLabel(doc, i.id)}]`, font: FONT.regular, color: '#2A4D8F', size: 9, highlight: false };
    }
  });
}

export async function renderPdf(doc: DraftDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: toWinAnsi(cleanInline(doc.title)).text, Creator: 'BreachScope' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const counter = { replaced: 0 };
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

  const writeRuns = (runs: PdfRun[], indent = 0) => {
    if (runs.length === 0) return;
    const x = pdf.page.margins.left + indent;
    runs.forEach((r, idx) => {
      pdf.font(r.font).fontSize(r.size).fillColor(r.color);
      const last = idx === runs.length - 1;
      // Gaps stand out on paper as bold dark-red underlined text (pdfkit has no text background).
      const opts = { continued: !last, width: width - indent, underline: r.highlight };
      if (idx === 0) pdf.text(r.text, x, pdf.y, opts);
      else pdf.text(r.text, opts);
    });
    pdf.moveDown(0.4);
  };

  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading': {
        const size = b.level === 1 ? 16 : b.level === 2 ? 13 : 11.5;
        pdf.moveDown(b.level === 1 ? 0 : 0.4);
        pdf.font(FONT.bold).fontSize(size).fillColor('#111111');
        const t = toWinAnsi(cleanInline(b.text));
        counter.replaced += t.replaced;
        pdf.text(t.text, pdf.page.margins.left, pdf.y, { width });
        pdf.moveDown(0.3);
        break;
      }
      case 'paragraph':
        writeRuns(pdfRuns(doc, b.content, counter));
        break;
      case 'list':
        for (const it of b.items) writeRuns([{ text: '•  ', font: FONT.regular, color: '#111111', size: 10.5, highlight: false }, ...pdfRuns(doc, it, counter)], 10);
        break;
      case 'table':
        // Tables become labelled lines: robust across page breaks and narrow columns.
        for (const row of b.rows) {
          const runs: PdfRun[] = [];
          row.forEach((cell, i) => {
            const label = b.header[i] ?? '';
            runs.push({ text: `${i ? '   ' : ''}${toWinAnsi(cleanInline(label)).text}: `, font: FONT.bold, color: '#444444', size: 9.5, highlight: false });
            runs.push(...pdfRuns(doc, cell, counter));
          });
          writeRuns(runs, 4);
        }
        pdf.moveDown(0.3);
        break;
    }
  }
  if (counter.replaced > 0) {
    pdf.moveDown(0.6);
    pdf.font(FONT.regular).fontSize(8.5).fillColor('#555555');
    pdf.text(
      `Note: ${counter.replaced} character(s) outside the Latin-1 (WinAnsi) range of the built-in PDF font were transliterated or replaced by "?". The DOCX, HTML and Markdown versions keep the original text.`,
      pdf.page.margins.left,
      pdf.y,
      { width },
    );
  }
  pdf.end();
  return done;
}
