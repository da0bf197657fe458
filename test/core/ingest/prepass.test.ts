import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { withTempDir, writeInputs } from '../../helpers/temp-case.ts';

/** Output pieces of every gunzip stream the pre-pass creates (counted where the stream pushes them). */
const gunzipPieces: number[] = [];
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  return {
    ...zlib,
    createGunzip: (options?: import('node:zlib').ZlibOptions) => {
      const stream = zlib.createGunzip(options);
      const index = gunzipPieces.push(0) - 1;
      const push = stream.push.bind(stream);
      stream.push = (chunk: unknown, encoding?: BufferEncoding) => {
        if (chunk) gunzipPieces[index]! += 1;
        return push(chunk, encoding);
      };
      return stream;
    },
  };
});

const { GUNZIP_CHUNK_BYTES, prepass } = await import('../../../app/core/ingest/prepass.ts');

/** ~3.5 MiB of UTF-8 lines with 2-, 3- and 4-byte characters, and one line longer than a piece. */
function mixedText(): Buffer {
  const words = ['plain', 'café', 'naïve', '€uro', 'zürich', '東京', '🙂ok', 'łódź', 'tab\there'];
  const lines: string[] = [];
  let seed = 7;
  for (let i = 0; i < 40_000; i += 1) {
    const n = 3 + (i % 11);
    const parts: string[] = [];
    for (let j = 0; j < n; j += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      parts.push(words[seed % words.length]!);
    }
    lines.push(parts.join(' '));
  }
  lines.splice(20_000, 0, '€'.repeat(600_000));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

describe('pre-pass of gzip files', () => {
  it('decompresses in 1 MiB pieces, not zlib’s 16 KiB default', async () => {
    const content = Buffer.from('{"a":"x"}\n'.repeat(400_000));
    await withTempDir(async (dir) => {
      const [file] = writeInputs(dir, { 'lines.jsonl.gz': gzipSync(content) });
      gunzipPieces.length = 0;
      const result = await prepass(file!, { copyPath: path.join(dir, 'copy.txt') });
      expect(result.decodedBytes).toBe(content.length);
      expect(gunzipPieces).toHaveLength(1);
      // 4 MB of output: 4 pieces at 1 MiB (256 at zlib's default).
      expect(gunzipPieces[0]).toBeLessThanOrEqual(Math.ceil(content.length / GUNZIP_CHUNK_BYTES) + 1);
    });
  });

  it('keeps the decoded copy, line count and longest line exact where pieces split characters and lines', async () => {
    const content = mixedText();
    const gz = gzipSync(content);
    await withTempDir(async (dir) => {
      const [file] = writeInputs(dir, { 'mixed.txt.gz': gz });
      const result = await prepass(file!, { copyPath: path.join(dir, 'copy.txt') });
      const lines = content.toString('utf8').split('\n').slice(0, -1);
      expect(result).toMatchObject({
        sha256: createHash('sha256').update(gz).digest('hex'),
        bytes: gz.length,
        compression: 'gzip',
        encoding: 'utf-8',
        decodedBytes: content.length,
        newlines: lines.length,
        longestLineBytes: Math.max(...lines.map((l) => Buffer.byteLength(l))),
        endsWithNewline: true,
        invalidUtf8Lines: [],
        nulBytes: 0,
      });
      expect(readFileSync(result.cleanCopy!).equals(content)).toBe(true);
    });
  });
});
