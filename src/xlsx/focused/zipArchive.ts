import { StringDecoder } from "string_decoder";
import type { Readable } from "stream";
import { inflatedStream, openZipReader } from "../zip/nodeStreams";
import { checkInflatedSize, type ZipReader } from "../zip/zipReader";
import type { ArchiveEntries } from "../zip/archiveEntries";

/**
 * The entries of an .xlsx (a zip archive) on the command line: its central directory read by our
 * own reader (src/xlsx/zip), each entry inflated by Node's zlib as a stream. zlib inflated the 130 MB
 * sheet of the national benchmark in 0.3 s where fflate's JavaScript inflate took 0.65 s; streaming
 * keeps memory at the chunk size. The standalone page's twin is zip/memoryArchive.ts.
 */
export class ZipArchive implements ArchiveEntries {
  private constructor(private readonly zip: ZipReader) {}

  /**
   * Rejects when the bytes are not a zip archive (or are cut off: the directory is at the end). A
   * path is read from the file as entries are streamed, never whole: the national workbook's 24 MB
   * stayed in memory through the whole run when it was read into a buffer first.
   */
  static async open(source: Buffer | string): Promise<ZipArchive> {
    return new ZipArchive(await openZipReader(source));
  }

  has(name: string): boolean {
    return this.zip.entry(name) !== undefined;
  }

  /** The entry's size inflated, in bytes (as its directory record says). */
  size(name: string): number {
    return this.zip.entry(name)?.uncompressedSize ?? 0;
  }

  /** Streams an entry's text to `onText` in chunks (UTF-8 decoded across chunk boundaries). */
  streamText(name: string, onText: (text: string) => void): Promise<void> {
    const decoder = new StringDecoder("utf8");
    let first = true;
    return this.streamBytes(
      name,
      (bytes) => {
        let text = decoder.write(bytes);
        if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
        onText(text);
      },
      () => onText(decoder.end())
    );
  }

  /** Streams an entry's inflated bytes to `onBytes` in chunks (of a megabyte), then calls `onEnd`. */
  streamBytes(
    name: string,
    onBytes: (bytes: Buffer) => void,
    onEnd: () => void = () => undefined,
    chunkBytes = 1 << 20
  ): Promise<void> {
    const entry = this.zip.entry(name);
    if (entry === undefined) return Promise.reject(new Error(`нет части ${name}`));
    // 1 MB chunks: 16 KB ones (yauzl's default, before) meant thousands of thread-pool round trips
    // for a national sheet, the reader idle a second in all.
    const stream = inflatedStream(this.zip, entry, chunkBytes);
    let inflated = 0;
    return readChunks(
      stream,
      (chunk) => {
        inflated += chunk.length;
        onBytes(chunk);
      },
      () => {
        checkInflatedSize(entry, inflated);
        onEnd();
      }
    );
  }

  /** A whole (small) entry as text. */
  async readText(name: string): Promise<string> {
    const parts: string[] = [];
    await this.streamText(name, (text) => parts.push(text));
    return parts.join("");
  }

  close(): void {
    // Closing the file handle cannot fail in a way the reading would care about.
    this.zip.close().catch(() => undefined);
  }
}

/**
 * Feeds a stream's chunks to `onChunk` until it ends, then calls `onEnd`. Our listeners are removed
 * when it ends or fails: the rest of a run goes on inside the microtasks of the inflater's last
 * event, which keeps it reachable, and listeners left on it kept the whole sheet read (through
 * `onChunk`) and the archive's bytes alive until the process ended, 110 MB on the national table.
 */
function readChunks(
  stream: Readable,
  onChunk: (chunk: Buffer) => void,
  onLast: () => void
): Promise<void> {
  return new Promise((resolve, reject) => {
    const detach = () => {
      // A late error after the end (or after we gave up) has nowhere to go but must not crash the run.
      stream.off("data", onData).off("end", onEnd).off("error", onError).on("error", ignore);
    };
    function onData(chunk: Buffer): void {
      try {
        onChunk(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      } catch (thrown) {
        detach();
        stream.destroy();
        reject(thrown);
      }
    }
    function onEnd(): void {
      detach();
      try {
        onLast();
        resolve();
      } catch (thrown) {
        reject(thrown);
      }
    }
    function onError(error: Error): void {
      detach();
      reject(error);
    }
    stream.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

function ignore(): void {}
