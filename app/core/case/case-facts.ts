import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFacts, type BreachFacts } from '../assess/facts.ts';
import { writeJsonAtomic, type CaseHandle } from './case.ts';

/**
 * Controller facts entered once per case (`<case>/facts.json`): the CLI, the pipeline and the
 * UI all read and write this one file. The measured part is never stored here: it is
 * recomputed from the case each time.
 */
export function caseFactsPath(handle: Pick<CaseHandle, 'dir'>): string {
  return path.join(handle.dir, 'facts.json');
}

export function loadCaseFacts(handle: Pick<CaseHandle, 'dir'>): BreachFacts {
  try {
    return parseFacts(JSON.parse(readFileSync(caseFactsPath(handle), 'utf8')));
  } catch {
    return parseFacts({});
  }
}

export function writeCaseFacts(handle: Pick<CaseHandle, 'dir'>, facts: BreachFacts): void {
  writeJsonAtomic(caseFactsPath(handle), { controller: facts.controller, overrides: facts.overrides, ...(facts.holidays ? { holidays: facts.holidays } : {}) });
}
