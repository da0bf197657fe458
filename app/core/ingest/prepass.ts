import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statfsSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import { TextDecoder } from 'node:util';
import { IngestError } from './errors.ts';

/**
 * One streaming pass over a file before anything parses it: the SHA-256 of the bytes as they
 * are on disk (evidence), the first bytes of the decoded content (for sniffing), and whether the
 * content needs a clean UTF-8 copy (gzip, UTF-16, invalid UTF-8, NUL bytes) before DuckDB reads
 * it. Memory is bounded by the stream's chunk size, whatever the file holds.
 */

export const HEAD_BYTES = 256 * 1024;

export interface PrepassLimits {
  /** Stop decompressing past this many bytes (a gzip bomb). */
  maxDecompressedBytes: number;
  /** Stop when decompressed/compressed exceeds this ratio and the output is past 64 MiB. */
  maxCompressionRatio: number;
}

/**
 * Real log exports compress 5-20x; a single gzip stream cannot pass ~1,030x. Past 1 GiB of
 * output, more than 200x is treated as a bomb. The decoded copy must also leave 1 GiB of the
 * case's disk free.
 */
export const DEFAULT_LIMITS: PrepassLimits = {
  maxDecompressedBytes: 64 * 1024 ** 3,
  maxCompressionRatio: 200,
};

const RATIO_CHECK_AFTER = 1024 ** 3;

/**
 * Decompressed bytes per piece. zlib's default (16 KiB) makes every piece a round trip through
 * the thread pool and the stream machinery: the 1M-row bench's chat export (12.9 MB of gzip,
 * 69 MB of JSON lines) took 0.7-1.9 s to pre-pass that way, 0.18-0.24 s in 1 MiB pieces.
 */
export const GUNZIP_CHUNK_BYTES = 1024 * 1024;

const KEEP_FREE_BYTES = 1024 ** 3;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface PrepassResult {
  sha256: string;
  bytes: number;
  compression: 'none' | 'gzip';
  /** Raw first bytes of the file (magic numbers). */
  magic: Buffer;
  /** First HEAD_BYTES of the decoded UTF-8 content (for text formats). */
  head: string;
  encoding: TextEncoding;
  hadBom: boolean;
  /** Newline count of the decoded content (text formats). */
  newlines: number;
  /**
   * Bytes of the longest line of the decoded UTF-8 content, newline excluded: exact for UTF-8
   * input, an upper bound (3 bytes per UTF-16 unit) where the content was decoded.
   */
  longestLineBytes: number;
  /** Whether the decoded content ends with a newline (then lines = newlines). */
  endsWithNewline: boolean;
  decodedBytes: number;
  /** Lines (1-based) where invalid UTF-8 was replaced, first 100. */
  invalidUtf8Lines: number[];
  nulBytes: number;
  /** Set when the parser must read this clean UTF-8 copy instead of the original. */
  cleanCopy?: string;
}

export interface PrepassOptions {
  /** Where a clean copy goes if one is needed. */
  copyPath: string;
  limits?: PrepassLimits;
  signal?: AbortSignal;
  onBytes?: (done: number) => void;
}

const PARQUET_MAGIC = Buffer.from('PAR1');

export async function prepass(file: string, options: PrepassOptions): Promise<PrepassResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const first = await readMagic(file);
  const isGzip = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const isParquet = first.subarray(0, 4).equals(PARQUET_MAGIC);
  const hash = createHash('sha256');
  let bytes = 0;

  if (isParquet) {
    for await (const chunk of createReadStream(file, { signal: options.signal })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      options.onBytes?.(bytes);
    }
    return emptyText({ sha256: hash.digest('hex'), bytes, magic: first });
  }

  const raw = createReadStream(file, { signal: options.signal, highWaterMark: 1024 * 1024 });
  raw.on('data', (chunk) => {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    options.onBytes?.(bytes);
  });
  const decoded = isGzip ? raw.pipe(createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES })) : raw;
  if (isGzip) raw.on('error', (e) => decoded.destroy(e));

  const state = new ContentScanner();
  let copy: WriteStream | undefined;
  let decodedBytes = 0;
  let copied = 0;
  let freeBytes: number | undefined;
  let stoppedEarly = false;
  try {
    for await (const chunk of decoded) {
      const buf = chunk as Buffer;
      decodedBytes += buf.length;
      if (isGzip) {
        if (decodedBytes > limits.maxDecompressedBytes) {
          throw new IngestError('DECOMPRESSION_LIMIT', `${file}: decompressed content exceeds ${limits.maxDecompressedBytes} bytes; refusing (possible gzip bomb). Decompress it yourself if it is genuine.`, { file });
        }
        if (decodedBytes > RATIO_CHECK_AFTER && bytes > 0 && decodedBytes / bytes > limits.maxCompressionRatio) {
          throw new IngestError('DECOMPRESSION_LIMIT', `${file}: expands more than ${limits.maxCompressionRatio}x; refusing (possible gzip bomb).`, { file });
        }
      }
      const text = state.push(buf, isGzip);
      if (isGzip || state.encoding !== 'utf-8') {
        if (!copy) {
          // Binary content needs no decoded copy: stop before writing one (the sniffer names it).
          if (looksBinaryStart(state.head)) {
            stoppedEarly = true;
            break;
          }
          freeBytes = freeSpace(options.copyPath);
          copy = createWriteStream(options.copyPath, { mode: 0o600 });
          // Write errors surface through the awaited 'drain'/'finish'; never as an unhandled event.
          copy.on('error', () => {});
        }
        copied += Buffer.byteLength(text);
        if (freeBytes !== undefined && copied > freeBytes - KEEP_FREE_BYTES) {
          throw new IngestError('DISK_LIMIT', `${file}: its decoded content would leave less than 1 GiB free on the case's disk; free space or decompress it elsewhere.`, { file });
        }
        if (!copy.write(text)) await once(copy, 'drain');
      }
    }
    const tail = state.end();
    if (copy) {
      copy.write(tail);
      copy.end();
      await once(copy, 'finish');
    }
  } catch (error) {
    copy?.destroy();
    raw.destroy();
    if (error instanceof IngestError) throw error;
    if ((error as { name?: string }).name === 'AbortError') throw error;
    const message = (error as Error).message;
    if (isGzip) {
      throw new IngestError('CORRUPT_GZIP', `${file}: the gzip data is damaged or truncated after ${decodedBytes} decompressed bytes (${message}).`, { file });
    }
    throw new IngestError('READ_FAILED', `${file}: cannot be read (${message}).`, { file });
  }

  let sha256: string;
  if (stoppedEarly) {
    // The evidence hash covers the whole file even when decoding stopped early.
    const full = createHash('sha256');
    bytes = 0;
    for await (const chunk of createReadStream(file, { signal: options.signal, highWaterMark: 1024 * 1024 })) {
      full.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    sha256 = full.digest('hex');
  } else sha256 = hash.digest('hex');
  let cleanCopy = copy ? options.copyPath : undefined;
  if (!copy && !stoppedEarly && !looksBinaryStart(state.head) && (state.invalidLines.length > 0 || state.nulBytes > 0 || state.hadBom)) {
    // Rare path: a plain UTF-8 file with bad bytes. A second pass writes the cleaned copy.
    await writeCleanCopy(file, options.copyPath, options.signal);
    cleanCopy = options.copyPath;
  }
  return {
    sha256,
    bytes,
    compression: isGzip ? 'gzip' : 'none',
    magic: first,
    head: state.head,
    encoding: state.encoding,
    hadBom: state.hadBom,
    newlines: state.newlines,
    longestLineBytes: state.longestLine(),
    endsWithNewline: state.lastChar === '\n',
    decodedBytes,
    invalidUtf8Lines: state.invalidLines,
    nulBytes: state.nulBytes,
    ...(cleanCopy ? { cleanCopy } : {}),
  };
}

function looksBinaryStart(head: string): boolean {
  const sample = head.slice(0, 4096);
  if (sample.length < 64) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad += 1;
  }
  return bad / sample.length > 0.1;
}

function freeSpace(file: string): number | undefined {
  try {
    const st = statfsSync(path.dirname(file));
    return Number(st.bavail) * Number(st.bsize);
  } catch {
    return undefined;
  }
}

function emptyText(base: { sha256: string; bytes: number; magic: Buffer }): PrepassResult {
  return { ...base, compression: 'none', head: '', encoding: 'utf-8', hadBom: false, newlines: 0, longestLineBytes: 0, endsWithNewline: false, decodedBytes: base.bytes, invalidUtf8Lines: [], nulBytes: 0 };
}

async function readMagic(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: 15 })) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, length);
}

async function writeCleanCopy(file: string, copyPath: string, signal?: AbortSignal): Promise<void> {
  const scanner = new ContentScanner();
  const out = createWriteStream(copyPath, { mode: 0o600 });
  for await (const chunk of createReadStream(file, { signal, highWaterMark: 1024 * 1024 })) {
    if (!out.write(scanner.push(chunk as Buffer, true))) await once(out, 'drain');
  }
  out.write(scanner.end());
  out.end();
  await once(out, 'finish');
}

/**
 * Decodes a byte stream to clean UTF-8 text: detects a BOM (UTF-8, UTF-16 LE/BE), replaces
 * invalid sequences with U+FFFD and NUL with U+FFFD, counts newlines, and keeps the head.
 */
class ContentScanner {
  encoding: TextEncoding = 'utf-8';
  hadBom = false;
  head = '';
  newlines = 0;
  lastChar = '';
  nulBytes = 0;
  invalidLines: number[] = [];
  private longest = 0;
  /** Bytes (or a bound on them) since the last newline. */
  private open = 0;
  private started = false;
  private decoder: TextDecoder | undefined;
  private pending: Buffer = Buffer.alloc(0);

  /**
   * Scans one chunk. Returns the text to write to a decoded copy: the chunk's own bytes when they
   * are valid UTF-8 without NUL and `copyBytes` asks for them (decoding 69 MB of decompressed
   * JSON lines to a string and encoding it again cost ~0.3 s), sanitised text otherwise, and
   * nothing for valid UTF-8 that needs no copy.
   */
  push(chunk: Buffer, copyBytes = false): string | Buffer {
    let buf = chunk;
    if (!this.started) {
      this.started = true;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        this.hadBom = true;
        buf = buf.subarray(3);
      } else if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
        this.hadBom = true;
        this.encoding = 'utf-16le';
        buf = buf.subarray(2);
      } else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
        this.hadBom = true;
        this.encoding = 'utf-16be';
        buf = buf.subarray(2);
      } else {
        const guess = guessUtf16WithoutBom(buf);
        if (guess) this.encoding = guess;
      }
    }
    if (this.encoding !== 'utf-8') {
      this.decoder ??= new TextDecoder(this.encoding, { fatal: false });
      const text = this.decoder.decode(buf, { stream: true });
      return this.account(text);
    }
    // Fast path: valid UTF-8 without NUL needs no decoding unless a copy is being written.
    const joined = this.pending.length ? Buffer.concat([this.pending, buf]) : buf;
    const cut = completeUtf8Prefix(joined);
    const whole = joined.subarray(0, cut);
    this.pending = Buffer.from(joined.subarray(cut));
    const valid = isUtf8(whole);
    const nulAt = whole.indexOf(0);
    if (!valid || nulAt >= 0) {
      this.noteBadBytes(whole, valid);
      return this.account(sanitize(whole.toString('utf8')));
    }
    this.countNewlines(whole);
    if (whole.length > 0) this.lastChar = whole[whole.length - 1] === 0x0a ? '\n' : 'x';
    if (this.head.length < HEAD_BYTES) this.head += whole.subarray(0, HEAD_BYTES - this.head.length).toString('utf8');
    return copyBytes ? whole : '';
  }

  end(): string {
    if (this.encoding !== 'utf-8') return this.account(this.decoder?.decode() ?? '');
    if (this.pending.length === 0) return '';
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    if (!isUtf8(rest) || rest.includes(0)) this.noteBadBytes(rest, isUtf8(rest));
    return this.account(sanitize(rest.toString('utf8')));
  }

  private noteBadBytes(buf: Buffer, valid: boolean): void {
    let line = this.newlines + 1;
    let start = 0;
    while (start < buf.length) {
      let end = buf.indexOf(0x0a, start);
      if (end < 0) end = buf.length;
      const segment = buf.subarray(start, end);
      const nuls = countByte(segment, 0);
      this.nulBytes += nuls;
      if ((nuls > 0 || (!valid && !isUtf8(segment))) && this.invalidLines.length < 100) this.invalidLines.push(line);
      line += 1;
      start = end + 1;
    }
  }

  longestLine(): number {
    return Math.max(this.longest, this.open);
  }

  private account(text: string): string {
    if (text.length > 0) this.lastChar = text[text.length - 1]!;
    // A UTF-16 unit is at most 3 bytes of UTF-8: lengths here are bounds, not counts.
    let n = 0;
    let from = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      n += 1;
      this.longest = Math.max(this.longest, this.open + 3 * (i - from));
      this.open = 0;
      from = i + 1;
    }
    this.open += 3 * (text.length - from);
    this.newlines += n;
    if (this.head.length < HEAD_BYTES) this.head += text.slice(0, HEAD_BYTES - this.head.length);
    return text;
  }

  private countNewlines(buf: Buffer): void {
    let from = 0;
    for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) {
      this.newlines += 1;
      this.longest = Math.max(this.longest, this.open + i - from);
      this.open = 0;
      from = i + 1;
    }
    this.open += buf.length - from;
  }
}

/**
 * UTF-16 without a byte-order mark: text in Latin script has a zero in every other byte. Seen
 * in the first 4 KiB on one side (and rarely on the other) it decides the byte order.
 */
export function guessUtf16WithoutBom(buf: Buffer): TextEncoding | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 16) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero += 1;
    if (buf[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.7 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.7 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

function countByte(buf: Buffer, byte: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte); i >= 0; i = buf.indexOf(byte, i + 1)) n += 1;
  return n;
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8Prefix(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back += 1) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if ((b & 0x80) === 0) return n; // ASCII: complete
    const need = (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
    return back >= need ? n : n - back;
  }
  return n;
}

function sanitize(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}
