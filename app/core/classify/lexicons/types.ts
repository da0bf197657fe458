/**
 * Special-category lexicons are data: one module per language. A term is written in a small
 * notation so the list stays readable:
 *   `diabet*`  prefix: matches every word starting with it (diabetes, diabetic, Diabetiker)
 *   `hiv`      exact word (case-insensitive)
 *   `~labour`  weak: ambiguous alone, counted only in a first-person disclosure
 * Multi-word terms are allowed ("trade union*"). Terms are lower-case.
 */
import { ART9_CATEGORIES, type Art9Category } from '../../categories.ts';

/** GDPR Art. 9 categories (the `kind` of a `special` finding) plus Art. 10 criminal data. */
export type SpecialKind = Art9Category | 'criminal';

export const SPECIAL_KINDS: readonly SpecialKind[] = [...ART9_CATEGORIES, 'criminal'];

export interface ChildLexicon {
  /** Possessives that tie a child to the writer ("my", "meine", "mon"). */
  possessives: string[];
  /** Words for a child relation ("son", "Tochter", "fille"). */
  kin: string[];
  /** Phrases that introduce the writer's own age ("i'm", "ich bin", "j'ai"). */
  selfAge: string[];
  /** Age units ("years", "Jahre", "ans"). */
  ageUnits: string[];
  /** Words after an age that make it something else ("experience", "Erfahrung"). */
  notAge: string[];
}

export interface SpecialLexicon {
  /** ISO 639-1 code. */
  language: string;
  /** Whole words or phrases that mark the writer as the subject ("i", "my", "ich", "je"). */
  firstPerson: string[];
  /** Pronouns for one other identifiable person ("he", "she", "er", "elle"). */
  thirdPerson: string[];
  /** Cues of a general or encyclopaedic question ("what is", "was ist", "qu'est-ce"). */
  questionCues: string[];
  terms: Record<SpecialKind, string[]>;
  children: ChildLexicon;
}
