/** Public API of the drafts stage. */
export { buildDraft, listDrafts } from './build.ts';
export { missingFields, type DraftDocument, type DraftSpec, type Block, type Inline, type Language, type Audience } from './model.ts';
export { renderDraft, type DraftFormat } from './render.ts';
