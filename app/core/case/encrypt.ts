import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { acquireLock, casePaths, CASE_FILES, isCaseDir } from './case.ts';
import { CaseError } from './case-error.ts';

/**
 * Encrypted case archives: one file that holds a closed case folder, for archiving it or handing
 * it to counsel. Format (all integers big-endian):
 *
 *   magic "BSCASEv1" | u32 header length | header JSON | HMAC-SHA256(header) under the MAC key
 *   then chunks: u32 ciphertext length | ciphertext | 16-byte GCM tag
 *
 * The header states the KDF (scrypt), its parameters and the salt. scrypt turns the passphrase
 * into 32 bytes; HKDF-SHA256 splits them into an AES-256-GCM key and a header MAC key, so a
 * wrong passphrase (or an edited header) is refused before anything is decrypted.
 *
 * The plaintext is a stream of records (directory: path, mode; file: path, mode, size, bytes;
 * then an end record) cut into chunks of at most `chunkBytes`. Each chunk is sealed with
 * AES-256-GCM; its nonce is the chunk counter (the key is unique per archive: fresh salt) and
 * its additional data binds the header hash, the counter and a last-chunk flag, so chunks cannot
 * be altered, reordered, dropped or the stream cut short without detection. Names and sizes of
 * the case files are inside the encryption. Memory stays at a few chunks whatever the case size.
 */

export const ARCHIVE_MAGIC = Buffer.from('BSCASEv1', 'latin1');
export const ARCHIVE_VERSION = 1;

export interface ScryptParams {
  /** CPU/memory cost, a power of two. Memory used is 128 * N * r bytes (128 MiB at the default). */
  N: number;
  r: number;
  p: number;
}

/** 2^17 with r=8: 128 MiB and about half a second per derivation on a 2-core laptop. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Bounds accepted from an archive header, so a crafted header cannot demand gigabytes. */
const SCRYPT_BOUNDS = { minLogN: 14, maxLogN: 20, minR: 8, maxR: 16, minP: 1, maxP: 4 };
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_BYTES = 4096;
const TAG_BYTES = 16;
const MIN_PASSPHRASE_CHARS = 8;

const RECORD_DIR = 0x44; // 'D'
const RECORD_FILE = 0x46; // 'F'
const RECORD_END = 0x45; // 'E'

interface ArchiveHeader {
  format: 'breachscope-case-archive';
  version: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string; keyBytes: 32 };
  cipher: 'aes-256-gcm';
  chunkBytes: number;
}

export interface EncryptOptions {
  scrypt?: ScryptParams;
  chunkBytes?: number;
}

export interface EncryptResult {
  outFile: string;
  files: number;
  directories: number;
  plainBytes: number;
  archiveBytes: number;
}

export interface DecryptResult {
  outDir: string;
  files: number;
  directories: number;
  plainBytes: number;
}

/**
 * Encrypts the closed case in `dir` into `outFile`. The case lock is held while reading, so no
 * BreachScope process can open the case for writing meanwhile; an open case is refused. `tmp/`
 * (spill files and decoded copies, rebuilt on demand) and the lock file are not archived.
 */
export async function encryptCase(dir: string, outFile: string, passphrase: string, options: EncryptOptions = {}): Promise<EncryptResult> {
  checkPassphrase(passphrase);
  const p = casePaths(dir);
  if (!isCaseDir(p.root)) throw new CaseError('NOT_A_CASE', `${p.root} is not a case folder (no ${CASE_FILES.manifest} or ${CASE_FILES.db}); nothing was written.`);
  const target = path.resolve(outFile);
  if (target === p.root || target.startsWith(p.root + path.sep)) {
    throw new CaseError('BAD_INPUT', `${target}: the archive cannot be written inside the case it encrypts; choose a path outside ${p.root}.`);
  }
  if (existsSync(target)) throw new CaseError('OUTPUT_EXISTS', `${target} already exists; choose a new file name (nothing was overwritten).`);
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  checkScrypt(params);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw new CaseError('BAD_INPUT', `chunk size must be 1..${MAX_CHUNK_BYTES} bytes.`);

  let release: () => void;
  try {
    release = acquireLock(p.lock);
  } catch (error) {
    if (error instanceof CaseError && error.code === 'CASE_LOCKED') {
      throw new CaseError('CASE_LOCKED', `${p.root} is open in a BreachScope process; close it before encrypting (a case is archived only when closed). ${error.message}`);
    }
    throw error;
  }
  const partial = `${target}.partial-${randomBytes(6).toString('hex')}`;
  let out: FileHandle | undefined;
  try {
    const entries = listCaseEntries(p.root);
    const salt = randomBytes(16);
    const header: ArchiveHeader = {
      format: 'breachscope-case-archive',
      version: ARCHIVE_VERSION,
      kdf: { name: 'scrypt', ...params, salt: salt.toString('base64'), keyBytes: 32 },
      cipher: 'aes-256-gcm',
      chunkBytes,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const keys = await deriveKeys(passphrase, salt, params);
    out = await open(partial, 'wx', 0o600);
    const lengthField = Buffer.alloc(4);
    lengthField.writeUInt32BE(headerBytes.length);
    await out.write(Buffer.concat([ARCHIVE_MAGIC, lengthField, headerBytes, createHmac('sha256', keys.mac).update(headerBytes).digest()]));
    const sealer = new ChunkSealer(out, keys.enc, sha256(headerBytes), chunkBytes);
    let files = 0;
    let directories = 0;
    let plainBytes = 0;
    for (const entry of entries) {
      const full = path.join(p.root, ...entry.rel.split('/'));
      if (entry.kind === 'dir') {
        await sealer.push(recordHead(RECORD_DIR, entry.rel, entry.mode));
        directories += 1;
        continue;
      }
      const size = statSync(full).size;
      const head = recordHead(RECORD_FILE, entry.rel, entry.mode);
      const sizeField = Buffer.alloc(8);
      sizeField.writeBigUInt64BE(BigInt(size));
      await sealer.push(Buffer.concat([head, sizeField]));
      const copied = await copyFileInto(full, size, sealer);
      if (copied !== size) throw new CaseError('CASE_CHANGED', `${full} changed size while it was being encrypted; make sure nothing else writes to the case and retry. Nothing was written.`);
      files += 1;
      plainBytes += size;
    }
    await sealer.push(Buffer.from([RECORD_END]));
    await sealer.finish();
    await out.sync();
    await out.close();
    out = undefined;
    renameSync(partial, target);
    return { outFile: target, files, directories, plainBytes, archiveBytes: statSync(target).size };
  } catch (error) {
    await out?.close().catch(() => {});
    rmSync(partial, { force: true });
    throw toCaseError(error, `encrypting ${p.root}`);
  } finally {
    release();
  }
}

/**
 * Decrypts an archive into `outDir` (which must not exist, or be empty). Everything is written
 * to a hidden staging folder next to it and moved into place only after the last chunk has been
 * authenticated; a wrong passphrase, tampering or truncation leaves nothing behind.
 */
export async function decryptCase(file: string, outDir: string, passphrase: string): Promise<DecryptResult> {
  checkPassphrase(passphrase);
  const source = path.resolve(file);
  const target = path.resolve(outDir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new CaseError('OUTPUT_EXISTS', `${target} already exists and is not an empty folder; choose a new folder (nothing was overwritten).`);
  }
  let input: FileHandle;
  try {
    input = await open(source, 'r');
  } catch (error) {
    throw new CaseError('NOT_FOUND', `${source}: cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file: source });
  }
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  try {
    const reader = new ByteReader(input);
    const { header, headerHash, keys } = await readHeader(reader, passphrase, source);
    mkdirSync(staging, { mode: 0o700 });
    const records = new RecordReader(new ChunkOpener(reader, keys.enc, headerHash, header.chunkBytes, source));
    let files = 0;
    let directories = 0;
    let plainBytes = 0;
    const seen = new Set<string>();
    for (;;) {
      const type = (await records.take(1))[0];
      if (type === RECORD_END) break;
      if (type !== RECORD_DIR && type !== RECORD_FILE) throw damaged(source, 'an unknown record type');
      const pathLength = (await records.take(2)).readUInt16BE(0);
      const rel = (await records.take(pathLength)).toString('utf8');
      const mode = (await records.take(4)).readUInt32BE(0);
      const dest = safeDestination(staging, rel, source);
      if (seen.has(rel)) throw damaged(source, `the entry ${JSON.stringify(rel)} appears twice`);
      seen.add(rel);
      if (type === RECORD_DIR) {
        mkdirSync(dest, { recursive: true, mode: privateMode(mode, true) });
        directories += 1;
        continue;
      }
      const size = (await records.take(8)).readBigUInt64BE(0);
      if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(source, 'an impossible file size');
      mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
      const fh = await open(dest, 'wx', privateMode(mode, false));
      try {
        let left = Number(size);
        while (left > 0) {
          const piece = await records.takeUpTo(left);
          await fh.write(piece);
          left -= piece.length;
        }
      } finally {
        await fh.close();
      }
      files += 1;
      plainBytes += Number(size);
    }
    await records.expectEnd();
    await input.close();
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
    return { outDir: target, files, directories, plainBytes };
  } catch (error) {
    await input.close().catch(() => {});
    rmSync(staging, { recursive: true, force: true });
    throw toCaseError(error, `decrypting ${source}`);
  }
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_CHARS) {
    throw new CaseError('BAD_PASSPHRASE', `the passphrase must have at least ${MIN_PASSPHRASE_CHARS} characters.`);
  }
}

function checkScrypt(params: ScryptParams, file?: string): void {
  const logN = Math.log2(params.N);
  const b = SCRYPT_BOUNDS;
  const ok = Number.isInteger(logN) && logN >= b.minLogN && logN <= b.maxLogN && Number.isInteger(params.r) && params.r >= b.minR && params.r <= b.maxR && Number.isInteger(params.p) && params.p >= b.minP && params.p <= b.maxP;
  if (!ok) {
    const what = `scrypt parameters N=${params.N}, r=${params.r}, p=${params.p} are outside the accepted range (N 2^${b.minLogN}..2^${b.maxLogN}, r ${b.minR}..${b.maxR}, p ${b.minP}..${b.maxP})`;
    throw file ? new CaseError('ARCHIVE_DAMAGED', `${file}: ${what}; the header is damaged or not ours.`, { file }) : new CaseError('BAD_INPUT', `${what}.`);
  }
}

async function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<{ enc: Buffer; mac: Buffer }> {
  const secret = await new Promise<Buffer>((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
  const split = (info: string) => Buffer.from(hkdfSync('sha256', secret, salt, info, 32));
  return { enc: split('breachscope case archive v1 encryption'), mac: split('breachscope case archive v1 header') };
}

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function nonceFor(counter: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(counter), 4);
  return nonce;
}

function aadFor(headerHash: Buffer, counter: number, isLast: boolean): Buffer {
  const aad = Buffer.alloc(headerHash.length + 9);
  headerHash.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(counter), headerHash.length);
  aad[headerHash.length + 8] = isLast ? 1 : 0;
  return aad;
}

/** Buffers plaintext and writes it as sealed chunks; the last chunk is flagged when finishing. */
class ChunkSealer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private counter = 0;

  constructor(
    private readonly out: FileHandle,
    private readonly key: Buffer,
    private readonly headerHash: Buffer,
    private readonly chunkBytes: number,
  ) {}

  async push(data: Buffer): Promise<void> {
    this.pending.push(data);
    this.pendingBytes += data.length;
    // Strictly greater: whatever is pushed last (the end record) always lands in the flagged last chunk.
    while (this.pendingBytes > this.chunkBytes) {
      const all = Buffer.concat(this.pending, this.pendingBytes);
      await this.seal(all.subarray(0, this.chunkBytes), false);
      const rest = Buffer.from(all.subarray(this.chunkBytes));
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
  }

  async finish(): Promise<void> {
    await this.seal(Buffer.concat(this.pending, this.pendingBytes), true);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private async seal(plain: Buffer, isLast: boolean): Promise<void> {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceFor(this.counter));
    cipher.setAAD(aadFor(this.headerHash, this.counter, isLast));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    await this.out.write(Buffer.concat([length, body, cipher.getAuthTag()]));
    this.counter += 1;
  }
}

async function copyFileInto(file: string, size: number, sealer: ChunkSealer): Promise<number> {
  const fh = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(1024 * 1024, Math.max(size, 1)));
    let copied = 0;
    while (copied < size) {
      const { bytesRead } = await fh.read(buffer, 0, Math.min(buffer.length, size - copied), copied);
      if (bytesRead === 0) break;
      await sealer.push(Buffer.from(buffer.subarray(0, bytesRead)));
      copied += bytesRead;
    }
    return copied;
  } finally {
    await fh.close();
  }
}

function recordHead(type: number, rel: string, mode: number): Buffer {
  const name = Buffer.from(rel, 'utf8');
  if (name.length > 0xffff) throw new CaseError('BAD_INPUT', `a path in the case is too long to archive: ${rel.slice(0, 80)}…`);
  const head = Buffer.alloc(1 + 2 + name.length + 4);
  head[0] = type;
  head.writeUInt16BE(name.length, 1);
  name.copy(head, 3);
  head.writeUInt32BE(mode & 0o7777, 3 + name.length);
  return head;
}

interface CaseEntry {
  kind: 'dir' | 'file';
  rel: string;
  mode: number;
}

/** Every folder and regular file of the case, sorted; links and special files are refused. */
function listCaseEntries(root: string): CaseEntry[] {
  const out: CaseEntry[] = [];
  const walk = (rel: string) => {
    const full = rel ? path.join(root, ...rel.split('/')) : root;
    for (const name of readdirSync(full).sort()) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (!rel && (name === CASE_FILES.lock || name.startsWith('.write-probe-'))) continue;
      const st = lstatSync(path.join(full, name));
      if (st.isSymbolicLink()) throw new CaseError('BAD_CASE', `${path.join(full, name)} is a symbolic link; a case folder holds only its own files. Nothing was written.`);
      if (st.isDirectory()) {
        out.push({ kind: 'dir', rel: childRel, mode: st.mode });
        // Spill files and decoded copies are transient and can be large: the folder is kept, its content is not.
        if (!(rel === '' && name === CASE_FILES.tmp)) walk(childRel);
      } else if (st.isFile()) {
        out.push({ kind: 'file', rel: childRel, mode: st.mode });
      } else {
        throw new CaseError('BAD_CASE', `${path.join(full, name)} is not a regular file or folder; nothing was written.`);
      }
    }
  };
  walk('');
  return out;
}

/** Restored modes keep only the owner's bits: a decrypted case is as private as a new one. */
function privateMode(mode: number, isDir: boolean): number {
  const owner = mode & 0o700;
  return isDir ? owner | 0o700 : (owner | 0o600) & 0o700;
}

/** A path from the archive must stay inside the staging folder (no absolute, `..`, NUL, backslash tricks). */
export function safeDestination(staging: string, rel: string, file: string): string {
  const parts = rel.split('/');
  const bad = rel.length === 0 || rel.includes('\0') || rel.includes('\\') || rel.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..');
  if (bad) throw damaged(file, `an unsafe path ${JSON.stringify(rel.slice(0, 80))}`);
  const dest = path.join(staging, ...parts);
  if (!dest.startsWith(staging + path.sep)) throw damaged(file, `an unsafe path ${JSON.stringify(rel.slice(0, 80))}`);
  return dest;
}

function damaged(file: string, what: string): CaseError {
  return new CaseError('ARCHIVE_DAMAGED', `${file}: the archive holds ${what}; it is damaged or was altered. Nothing was written.`, { file });
}

function toCaseError(error: unknown, doing: string): Error {
  if (error instanceof CaseError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new CaseError('DISK_FULL', `${doing}: the disk is full; free space and retry. Nothing was left behind.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CaseError('READ_ONLY', `${doing}: permission denied (${code}); nothing was left behind.`);
  return new CaseError('INTERNAL', `${doing}: ${((error as Error).message ?? String(error)).split('\n', 1)[0]}; nothing was left behind.`);
}

/** Sequential reads from a file handle with a small buffer. */
class ByteReader {
  private position = 0;
  constructor(private readonly fh: FileHandle) {}

  get offset(): number {
    return this.position;
  }

  /** Up to `n` bytes; fewer only at the end of the file. */
  async read(n: number): Promise<Buffer> {
    const buffer = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const { bytesRead } = await this.fh.read(buffer, got, n - got, this.position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.position += got;
    return got === n ? buffer : buffer.subarray(0, got);
  }
}

async function readHeader(reader: ByteReader, passphrase: string, file: string): Promise<{ header: ArchiveHeader; headerHash: Buffer; keys: { enc: Buffer; mac: Buffer } }> {
  const notOurs = () => new CaseError('NOT_AN_ARCHIVE', `${file} is not a BreachScope case archive (bad magic number).`, { file });
  const magic = await reader.read(ARCHIVE_MAGIC.length);
  if (!magic.equals(ARCHIVE_MAGIC)) throw notOurs();
  const lengthField = await reader.read(4);
  if (lengthField.length < 4) throw damaged(file, 'a truncated header');
  const headerLength = lengthField.readUInt32BE(0);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw damaged(file, 'a header of impossible length');
  const headerBytes = await reader.read(headerLength);
  const mac = await reader.read(32);
  if (headerBytes.length < headerLength || mac.length < 32) throw damaged(file, 'a truncated header');
  let header: ArchiveHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as ArchiveHeader;
  } catch {
    throw damaged(file, 'an unreadable header');
  }
  if (!header || typeof header !== 'object' || !header.kdf || typeof header.kdf !== 'object') throw damaged(file, 'an unknown header');
  if (header.format !== 'breachscope-case-archive' || header.kdf?.name !== 'scrypt' || header.cipher !== 'aes-256-gcm') throw damaged(file, 'an unknown header');
  if (header.version !== ARCHIVE_VERSION) {
    throw new CaseError('UNSUPPORTED_VERSION', `${file}: archive version ${String(header.version)} is not supported by this BreachScope (reads version ${ARCHIVE_VERSION}).`, { file });
  }
  checkScrypt({ N: header.kdf.N, r: header.kdf.r, p: header.kdf.p }, file);
  if (!Number.isInteger(header.chunkBytes) || header.chunkBytes < 1 || header.chunkBytes > MAX_CHUNK_BYTES) throw damaged(file, 'an impossible chunk size');
  const salt = Buffer.from(header.kdf.salt ?? '', 'base64');
  if (salt.length < 16) throw damaged(file, 'a short salt');
  const keys = await deriveKeys(passphrase, salt, { N: header.kdf.N, r: header.kdf.r, p: header.kdf.p });
  const expected = createHmac('sha256', keys.mac).update(headerBytes).digest();
  if (!timingSafeEqual(expected, mac)) {
    throw new CaseError('WRONG_PASSPHRASE', `${file}: wrong passphrase, or the archive header was altered. Nothing was written.`, { file });
  }
  return { header, headerHash: sha256(headerBytes), keys };
}

/** Reads, authenticates and decrypts chunks in order; refuses anything after the last one. */
class ChunkOpener {
  private counter = 0;
  private sawLast = false;

  constructor(
    private readonly reader: ByteReader,
    private readonly key: Buffer,
    private readonly headerHash: Buffer,
    private readonly chunkBytes: number,
    private readonly file: string,
  ) {}

  /** The next plaintext chunk, or undefined after the last one. */
  async next(): Promise<Buffer | undefined> {
    if (this.sawLast) return undefined;
    const at = this.reader.offset;
    const lengthField = await this.reader.read(4);
    if (lengthField.length < 4) throw this.truncated();
    const length = lengthField.readUInt32BE(0);
    if (length > this.chunkBytes) throw damaged(this.file, `a chunk of impossible length at byte ${at}`);
    const body = await this.reader.read(length + TAG_BYTES);
    if (body.length < length + TAG_BYTES) throw this.truncated();
    const ciphertext = body.subarray(0, length);
    const tag = body.subarray(length);
    // The last-chunk flag is not stored: try "not last" first, then "last" (one of them must authenticate).
    for (const isLast of [false, true]) {
      const plain = this.tryOpen(ciphertext, tag, isLast);
      if (plain) {
        this.counter += 1;
        if (isLast) this.sawLast = true;
        return plain;
      }
    }
    throw new CaseError('ARCHIVE_DAMAGED', `${this.file}: chunk ${this.counter} (byte ${at}) fails authentication: the archive was altered or damaged. Nothing was written.`, { file: this.file });
  }

  get isDone(): boolean {
    return this.sawLast;
  }

  async expectNothingAfterLast(): Promise<void> {
    if (!this.sawLast) throw this.truncated();
    const extra = await this.reader.read(1);
    if (extra.length > 0) throw damaged(this.file, 'bytes after its last chunk');
  }

  private tryOpen(ciphertext: Buffer, tag: Buffer, isLast: boolean): Buffer | undefined {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonceFor(this.counter));
      decipher.setAAD(aadFor(this.headerHash, this.counter, isLast));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      return undefined;
    }
  }

  private truncated(): CaseError {
    return new CaseError('ARCHIVE_DAMAGED', `${this.file}: the archive ends early (truncated after chunk ${this.counter}). Nothing was written.`, { file: this.file });
  }
}

/** Pulls record fields out of the decrypted chunk stream. */
class RecordReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly chunks: ChunkOpener) {}

  async take(n: number): Promise<Buffer> {
    while (this.buffer.length < n) {
      const next = await this.chunks.next();
      if (!next) throw new CaseError('ARCHIVE_DAMAGED', 'the archive ends inside a record; it is damaged. Nothing was written.');
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next]) : next;
    }
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  async takeUpTo(n: number): Promise<Buffer> {
    if (this.buffer.length === 0) {
      const next = await this.chunks.next();
      if (!next) throw new CaseError('ARCHIVE_DAMAGED', 'the archive ends inside a file; it is damaged. Nothing was written.');
      this.buffer = next;
    }
    const k = Math.min(n, this.buffer.length);
    const out = this.buffer.subarray(0, k);
    this.buffer = this.buffer.subarray(k);
    return out;
  }

  async expectEnd(): Promise<void> {
    if (this.buffer.length > 0 || !this.chunks.isDone) throw new CaseError('ARCHIVE_DAMAGED', 'the archive holds data after its end record; it is damaged. Nothing was written.');
    await this.chunks.expectNothingAfterLast();
  }
}
