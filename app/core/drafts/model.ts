/**
 * The neutral document model every draft is built in and every renderer reads. Text from the
 * input only ever sits in `text` fields; renderers escape it for their format.
 */
import type { RegimeId } from '../assess/facts.ts';

export type Language = 'en' | 'de' | 'fr' | 'es';
export type Audience = 'authority' | 'subjects' | 'register' | 'consumers';

export interface DraftSpec {
  regime: RegimeId;
  audience: Audience;
  language: Language;
  title: string;
}

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  /** A fact only a person can supply: shown as a highlighted placeholder. */
  | { kind: 'gap'; field: string; label: string }
  /** A legal citation, e.g. "GDPR Art. 33(3)(a)". */
  | { kind: 'ref'; ref: string }
  /** A pointer to how a number was obtained (an entry of `sources`). */
  | { kind: 'source'; id: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; header: string[]; rows: Inline[][][] };

export interface DraftSource {
  id: string;
  /** Short label used in the text, e.g. "S1". */
  label: string;
  description: string;
  query: string;
  rule_pack_version: string;
  computed_at: string;
}

export interface DraftDocument {
  spec: DraftSpec;
  title: string;
  language: Language;
  generated_at: string;
  blocks: Block[];
  sources: DraftSource[];
  /** Word used for gap placeholders in this language, e.g. MISSING. */
  missingWord: string;
}

/** Field names of every gap in the document, each once, in order of appearance. */
export function missingFields(doc: DraftDocument): string[] {
  const seen = new Set<string>();
  const visit = (inl: Inline[]) => {
    for (const i of inl) if (i.kind === 'gap') seen.add(i.field);
  };
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') visit(b.content);
    else if (b.kind === 'list') b.items.forEach(visit);
    else if (b.kind === 'table') b.rows.forEach((r) => r.forEach(visit));
  }
  return [...seen];
}

/** The visible text of a placeholder. */
export function gapText(doc: Pick<DraftDocument, 'missingWord'>, label: string): string {
  return `[${doc.missingWord}: ${label}]`;
}
