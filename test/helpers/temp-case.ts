import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCase, openCase, type CaseHandle } from '../../app/core/case/case.ts';

/** A temp folder that is removed afterwards, whatever the test did. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'breachscope-test-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes named files into `dir/in` and returns their paths. */
export function writeInputs(dir: string, files: Record<string, string | Buffer>): string[] {
  const inDir = path.join(dir, 'in');
  mkdirSync(inDir, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    const file = path.join(inDir, name);
    writeFileSync(file, content);
    return file;
  });
}

/** Creates a case in `dir/case`, then reopens it able to read `readable`; closes it afterwards. */
export async function withCase<T>(dir: string, readable: string[], fn: (handle: CaseHandle) => Promise<T>): Promise<T> {
  const caseDir = path.join(dir, 'case');
  const created = await createCase(caseDir, { name: 'test', awareAt: '2026-11-24T09:00:00Z' });
  created.close();
  const handle = await openCase(caseDir, { readablePaths: readable });
  try {
    return await fn(handle);
  } finally {
    handle.close();
  }
}
