import { StringDecoder } from "string_decoder";
import zlib from "zlib";
import yauzl from "yauzl";

/**
 * The entries of an .xlsx (a zip archive), read with yauzl: its central directory, zip64, and each
 * entry inflated by Node's zlib as a stream. zlib inflated the 130 MB sheet of the national benchmark
 * in 0.3 s where fflate's JavaScript inflate took 0.65 s; streaming keeps memory at the chunk size.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>
  ) {}

  /**
   * Rejects when the bytes are not a zip archive (or are cut off: the directory is at the end). A
   * path is read from the file as entries are streamed, never whole: the national workbook's 24 MB
   * stayed in memory through the whole run when it was read into a buffer first.
   */
  static open(source: Buffer | string): Promise<ZipArchive> {
    return new Promise((resolve, reject) => {
      const options = { lazyEntries: true, autoClose: false };
      const opened = (error: Error | null, zip?: yauzl.ZipFile) => {
        if (error || !zip) return reject(error ?? new Error("no zip"));
        const entries = new Map<string, yauzl.Entry>();
        zip.on("entry", (entry: yauzl.Entry) => {
          // Part names are case-insensitive in OPC; producers differ in case.
          entries.set(entry.fileName.replace(/^\//, "").toLowerCase(), entry);
          zip.readEntry();
        });
        zip.on("end", () => resolve(new ZipArchive(zip, entries)));
        zip.on("error", reject);
        zip.readEntry();
      };
      if (typeof source === "string") yauzl.open(source, options, opened);
      else yauzl.fromBuffer(source, options, opened);
    });
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The entry's size inflated, in bytes (as its directory record says). */
  size(name: string): number {
    return this.entries.get(name.toLowerCase())?.uncompressedSize ?? 0;
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
    onEnd: () => void,
    chunkBytes = 1 << 20
  ): Promise<void> {
    const entry = this.entries.get(name.toLowerCase());
    if (entry === undefined) return Promise.reject(new Error(`нет части ${name}`));
    const zip = this.zip;
    return new Promise((resolve, reject) => {
      // The raw entry through our own inflater with 1 MB chunks: yauzl's default 16 KB chunks meant
      // thousands of thread-pool round trips for a national sheet, the reader idle a second in all.
      const deflated = entry.compressionMethod === 8;
      zip.openReadStream(entry, { decompress: deflated ? false : null }, (error, raw) => {
        if (error || !raw) return reject(error ?? new Error(`cannot read ${name}`));
        const stream = deflated ? raw.pipe(zlib.createInflateRaw({ chunkSize: chunkBytes })) : raw;
        readChunks(raw, stream, onBytes, onEnd).then(resolve, reject);
      });
    });
  }

  /** A whole (small) entry as text. */
  async readText(name: string): Promise<string> {
    const parts: string[] = [];
    await this.streamText(name, (text) => parts.push(text));
    return parts.join("");
  }

  close(): void {
    this.zip.close();
  }
}

/**
 * Feeds a stream's chunks to `onChunk` until it ends, then calls `onEnd`. Our listeners are removed
 * when it ends or fails: the rest of a run goes on inside the microtasks of the inflater's last
 * event, which keeps it reachable, and listeners left on it kept the whole sheet read (through
 * `onChunk`) and the archive's bytes alive until the process ended, 110 MB on the national table.
 */
function readChunks(
  raw: NodeJS.ReadableStream,
  stream: NodeJS.ReadableStream,
  onChunk: (chunk: Buffer) => void,
  onLast: () => void
): Promise<void> {
  return new Promise((resolve, reject) => {
    const detach = () => {
      // A late error after the end (or after we gave up) has nowhere to go but must not crash the run.
      stream.off("data", onData).off("end", onEnd).off("error", onError).on("error", ignore);
      if (raw !== stream) raw.off("error", onError).on("error", ignore);
    };
    function onData(chunk: Buffer): void {
      try {
        onChunk(chunk);
      } catch (thrown) {
        detach();
        (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
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
    if (raw !== stream) raw.on("error", onError);
  });
}

function ignore(): void {}
