import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';

/**
 * The case's append-only audit log (`audit.jsonl`). Each entry carries the SHA-256 of the
 * previous entry's line and its own hash, so an edited, removed, inserted or reordered entry
 * breaks the chain at a place `verifyAuditLog` can name.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** Details of the action. Never a raw secret: callers pass masked previews and fingerprints. */
  details: Record<string, unknown>;
  prev: string;
  hash: string;
}

export type AuditInput = Pick<AuditEntry, 'action' | 'details'> & { actor?: string };

/** Hash of an entry: SHA-256 over the canonical JSON of every field except `hash`. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    details: entry.details,
    prev: entry.prev,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

export interface AuditProblem {
  line: number;
  seq?: number;
  problem: 'unparseable' | 'sequence' | 'previous-hash' | 'entry-hash';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  lastHash: string;
  problems: AuditProblem[];
}

/** Checks the whole chain and names the first entry at each break. */
export function verifyAuditLog(file: string): AuditVerification {
  if (!existsSync(file)) {
    return { ok: false, entries: 0, lastHash: GENESIS_HASH, problems: [{ line: 0, problem: 'unparseable', message: `audit log ${file} is missing` }] };
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  lines.forEach((text, index) => {
    const line = index + 1;
    let entry: AuditEntry;
    try {
      entry = JSON.parse(text) as AuditEntry;
    } catch {
      problems.push({ line, problem: 'unparseable', message: `line ${line} is not valid JSON: the entry was edited or truncated` });
      prevHash = sha256Hex(text);
      expectedSeq += 1;
      return;
    }
    if (entry.seq !== expectedSeq) {
      problems.push({
        line,
        seq: entry.seq,
        problem: 'sequence',
        message: `line ${line} holds entry ${entry.seq} where entry ${expectedSeq} was expected: an entry was removed, inserted or reordered`,
      });
    }
    if (entry.prev !== prevHash) {
      problems.push({
        line,
        seq: entry.seq,
        problem: 'previous-hash',
        message: `entry ${entry.seq} (line ${line}) does not follow the entry before it: the chain is broken before this line`,
      });
    }
    const { hash, ...rest } = entry;
    if (entryHash(rest) !== hash) {
      problems.push({ line, seq: entry.seq, problem: 'entry-hash', message: `entry ${entry.seq} (line ${line}) was edited after it was written` });
    }
    prevHash = typeof hash === 'string' ? hash : sha256Hex(text);
    expectedSeq = (typeof entry.seq === 'number' ? entry.seq : expectedSeq) + 1;
  });
  return { ok: problems.length === 0, entries: lines.length, lastHash: prevHash, problems };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Appends entries to an audit log, chaining each to the last. Fsyncs every entry. */
export class AuditLog {
  private lastHash: string;
  private seq: number;

  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    const state = readTail(file);
    this.lastHash = state.lastHash;
    this.seq = state.seq;
  }

  append(input: AuditInput): AuditEntry {
    const base = {
      seq: this.seq + 1,
      at: this.now().toISOString(),
      actor: input.actor ?? defaultActor(),
      action: input.action,
      details: input.details,
      prev: this.lastHash,
    };
    const entry: AuditEntry = { ...base, hash: entryHash(base) };
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, JSON.stringify(entry) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.lastHash = entry.hash;
    this.seq = entry.seq;
    return entry;
  }
}

function readTail(file: string): { lastHash: string; seq: number } {
  if (!existsSync(file)) return { lastHash: GENESIS_HASH, seq: 0 };
  let text = readFileSync(file, 'utf8');
  if (text.length > 0 && !text.endsWith('\n')) {
    // A process killed in the middle of a write leaves a partial last line that was never
    // acknowledged; drop it so the chain stays intact (the next entry records the repair).
    const keep = text.lastIndexOf('\n') + 1;
    truncateSync(file, Buffer.byteLength(text.slice(0, keep)));
    text = text.slice(0, keep);
  }
  const lines = text.split('\n').filter((l) => l.length > 0);
  const last = lines.at(-1);
  if (!last) return { lastHash: GENESIS_HASH, seq: 0 };
  try {
    const entry = JSON.parse(last) as AuditEntry;
    return { lastHash: entry.hash, seq: entry.seq };
  } catch {
    // A torn last line (killed mid-write): chain on from its bytes so verify reports it.
    return { lastHash: sha256Hex(last), seq: lines.length };
  }
}

function defaultActor(): string {
  return process.env['BREACHSCOPE_ACTOR'] ?? process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
}
