/** Every special-category lexicon, one per language. */
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { pl } from './pl.ts';
import { pt } from './pt.ts';
import type { SpecialLexicon } from './types.ts';

export type { ChildLexicon, SpecialKind, SpecialLexicon } from './types.ts';
export { SPECIAL_KINDS } from './types.ts';

export const SPECIAL_LEXICONS: readonly SpecialLexicon[] = [en, de, fr, es, it, nl, pl, pt];
