/** Buffered, back-pressured writers so that output of any size streams in bounded memory. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';

const CHUNK_CHARS = 1 << 20;

export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly sink: Gzip | WriteStream;
  private readonly file: WriteStream;

  constructor(path: string, options: { gzip?: boolean } = {}) {
    this.file = createWriteStream(path);
    if (options.gzip) {
      // Fixed level and Node's zero mtime in the gzip header keep the bytes identical run to run.
      const gzip = createGzip({ level: 6 });
      gzip.pipe(this.file);
      this.sink = gzip;
    } else {
      this.sink = this.file;
    }
  }

  /** Appends text; returns a promise only when a chunk had to be flushed (await it). */
  write(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK_CHARS ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.sink.write(chunk, 'utf8')) await once(this.sink, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.sink.end();
    await once(this.file, 'close');
  }
}

/** A list in the truth: kept in memory for small runs, streamed to a JSON-lines side file for large ones. */
export class TruthList<T> {
  readonly items: T[] = [];
  count = 0;
  private readonly writer: ChunkWriter | null;

  constructor(sidePath: string | null) {
    this.writer = sidePath ? new ChunkWriter(sidePath) : null;
  }

  add(item: T): Promise<void> | undefined {
    this.count++;
    if (!this.writer) {
      this.items.push(item);
      return undefined;
    }
    return this.writer.write(JSON.stringify(item) + '\n');
  }

  async close(): Promise<void> {
    if (this.writer) await this.writer.close();
  }
}
