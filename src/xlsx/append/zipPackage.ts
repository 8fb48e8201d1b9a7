import { once } from "events";
import { createWriteStream, type WriteStream } from "fs";
import type { Readable } from "stream";
import zlib from "zlib";
import { Zip, type ZipInputFile } from "fflate";
import { inflatedStream, openZipReader, rawStream } from "../zip/nodeStreams";
import type { ZipEntry, ZipReader } from "../zip/zipReader";
import { BUFFER_BYTES, TEXT_SLICE, TextBuffers } from "./textBuffers";
import { entryNamed, HEAD_LIMIT, headEnd, partText, type WorkbookPackage } from "./workbookPackage";

/**
 * The two ends of copying a workbook: our zip reader (src/xlsx/zip) reads the input's entries (its
 * central directory, ZIP64, each entry's bytes as stored), fflate's `Zip` writes the output with entries
 * we hand it already compressed. So a copied entry's compressed bytes, CRC and sizes go through
 * untouched (never inflated, never re-deflated), and our new parts are deflated by Node's zlib in its
 * thread pool while the next chunk of XML is being generated. Measured on the 50,000-school workbook
 * (23.7 MB, a 130 MB sheet) plus 150 MB of generated sheet XML: this pair 2.3 s and 124 MB RSS at
 * deflate level 1 (4.2 s at level 6); JSZip, which also reuses an unchanged entry's compressed bytes
 * but deflates new ones with pako in JavaScript, 9.9 s and 544 MB.
 */

/** Deflate level of our new parts: 1 is about twice as fast as 6 for ~10 % more bytes on sheet XML. */
const DEFLATE_LEVEL = 1;
/** Buffers of encoded XML that zlib may hold at once: its 2 MB write buffer and one being filled. */
const TEXT_BUFFERS = 12;

/** Where the slice of `text` from `at` ends: TEXT_SLICE characters on, never inside a surrogate pair. */
function sliceEnd(text: string, at: number): number {
  const end = Math.min(at + TEXT_SLICE, text.length);
  if (end === text.length) return end;
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

export class ZipSource {
  private constructor(private readonly zip: ZipReader) {}

  /** In the archive's order. */
  get entries(): ZipEntry[] {
    return this.zip.entries;
  }

  /** The input read from its file as entries are copied: its bytes are never all in memory. */
  static async open(filePath: string): Promise<ZipSource> {
    return new ZipSource(await openZipReader(filePath));
  }

  /** The entry of a part, its name compared without regard to case (OPC part names are). */
  entry(partName: string): ZipEntry | undefined {
    return entryNamed(this.entries, partName);
  }

  /** A (small) part's text, inflated; a UTF-8 byte order mark is dropped. */
  async readText(entry: ZipEntry): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.inflatedStream(entry)) chunks.push(chunk as Buffer);
    return partText(Buffer.concat(chunks).toString("utf8"));
  }

  /** The entry's bytes, inflated as they are read. */
  inflatedStream(entry: ZipEntry): Readable {
    return inflatedStream(this.zip, entry);
  }

  /** The entry's bytes exactly as stored in the archive. */
  rawStream(entry: ZipEntry): Readable {
    return rawStream(this.zip, entry);
  }

  close(): void {
    this.zip.close().catch(() => undefined);
  }
}

/** The command line's package: the input read from its file, the output written to one. */
export function filePackage(source: ZipSource, sink: ZipSink): WorkbookPackage<ZipEntry> {
  return {
    entries: source.entries,
    entry: (partName) => source.entry(partName),
    readText: (entry) => source.readText(entry),
    copy: async (entry) => sink.copy(entry, source.rawStream(entry)),
    copyWithHead: (entry, edit) => copyWithHead(source, sink, entry, edit),
    addText: (name, text) => sink.addText(name, text),
    addPieces: (name, pieces) => sink.addPieces(name, pieces),
    copiesPieces: true,
  };
}

/**
 * An entry with its head edited: inflated until its head is read; copied as stored when there is
 * nothing to edit, else the edited head and the rest of its bytes deflated anew (for a sheet of the
 * national table, a second or so: only the sheet that was selected is edited).
 */
async function copyWithHead(
  source: ZipSource,
  sink: ZipSink,
  entry: ZipEntry,
  edit: (head: string) => string | null
): Promise<void> {
  const stream = source.inflatedStream(entry);
  const chunks = stream[Symbol.asyncIterator]();
  let read = Buffer.alloc(0);
  let end: number | null = null;
  for (;;) {
    const next = await chunks.next();
    if (!next.done) read = Buffer.concat([read, next.value as Buffer]);
    end = headEnd(read, next.done === true);
    if (end !== null || next.done === true || read.length > HEAD_LIMIT) break;
  }
  const edited = end === null ? null : edit(partText(read.subarray(0, end).toString("utf8")));
  if (edited === null) {
    stream.destroy();
    return sink.copy(entry, source.rawStream(entry));
  }
  const rest = read.subarray(end!);
  await sink.addPieces(
    entry.fileName,
    (async function* () {
      yield edited;
      if (rest.length > 0) yield rest;
      for (let next = await chunks.next(); !next.done; next = await chunks.next())
        yield next.value as Buffer;
    })()
  );
}

/** A zip's DOS date covers 1980–2099; an entry dated 0 (some producers) reads as 1979. */
function zipDate(date: Date): Date {
  const year = date.getFullYear();
  return Number.isNaN(year) || year < 1980 || year > 2099 ? new Date(1980, 0, 1) : date;
}

/** The output archive, written to a file as it is produced. */
export class ZipSink {
  private readonly zip: Zip;
  private readonly buffers = new TextBuffers(TEXT_BUFFERS);
  private failure: Error | null = null;
  private readonly finished: Promise<void>;

  constructor(private readonly out: WriteStream) {
    this.zip = new Zip((error, data, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      out.write(data);
      if (final) out.end();
    });
    this.finished = new Promise((resolve, reject) => {
      out.on("finish", resolve);
      out.on("error", (error) => {
        this.failure = error;
        reject(error);
      });
    });
    // A write error is reported by the next copy or add (through `failure`) or by finish(); until
    // then the rejection must not count as unhandled, which would end the process.
    this.finished.catch(() => undefined);
  }

  static toFile(filePath: string): ZipSink {
    return new ZipSink(createWriteStream(filePath));
  }

  /** An entry of the input, its stored bytes copied as they are. */
  async copy(entry: ZipEntry, raw: Readable): Promise<void> {
    const file = this.file(entry.fileName, entry.compressionMethod);
    file.crc = entry.crc32;
    file.size = entry.uncompressedSize;
    file.mtime = zipDate(entry.lastModified);
    this.zip.add(file);
    for await (const chunk of raw) {
      this.check();
      file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false);
      await this.drained();
    }
    file.ondata!(null, new Uint8Array(0), true);
  }

  /** A new part from its text. */
  addText(name: string, text: string): Promise<void> {
    return this.addPieces(name, [text]);
  }

  /**
   * A new part from pieces of text or of UTF-8 bytes (a worksheet written row by row), deflated as
   * they come. A piece of bytes is copied before the next is asked for: its buffer may be lent.
   */
  async addPieces(
    name: string,
    pieces: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>
  ): Promise<void> {
    const file = this.file(name, 8);
    this.zip.add(file);
    // A write buffer of 2 MB lets the next rows be generated while zlib deflates in its thread pool;
    // 8 MB made no difference in time and cost ~80 MB of peak memory at 50,000 schools.
    const deflate = zlib.createDeflateRaw({
      level: DEFLATE_LEVEL,
      chunkSize: 1 << 18,
      // Node hands the options to the stream too (ZlibBase → Transform); the types do not say so.
      writableHighWaterMark: 1 << 21,
    } as zlib.ZlibOptions);
    const done = new Promise<void>((resolve, reject) => {
      deflate.on("data", (chunk: Uint8Array<ArrayBuffer>) => file.ondata!(null, chunk, false));
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    let crc = 0;
    let size = 0;
    const write = async ({ bytes, release }: { bytes: Uint8Array; release: () => void }) => {
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      // The buffer is reused once zlib has deflated it (the write's callback).
      if (!deflate.write(bytes, release))
        await new Promise((resolve) => deflate.once("drain", resolve));
      // zlib deflates a write in its thread pool and needs this thread to hand it the next one: a
      // turn of the event loop after each write lets it deflate while the next rows are generated.
      // Without it, generating stopped zlib until the buffer was full, then waited for all of it
      // (1.1 s of the national «Динамика по школам» sheet).
      else await new Promise((resolve) => setImmediate(resolve));
      await this.drained();
    };
    for await (const piece of pieces) {
      if (typeof piece !== "string") {
        for (let at = 0; at < piece.length; at += BUFFER_BYTES) {
          this.check();
          await write(await this.buffers.copy(piece.subarray(at, at + BUFFER_BYTES)));
        }
        continue;
      }
      for (let at = 0, end = 0; at < piece.length; at = end) {
        this.check();
        end = sliceEnd(piece, at);
        await write(
          await this.buffers.encode(at === 0 && end === piece.length ? piece : piece.slice(at, end))
        );
      }
    }
    deflate.end();
    await done;
    // fflate writes CRC and sizes in the data descriptor after the data: they must be right by now.
    file.crc = crc;
    file.size = size;
    file.ondata!(null, new Uint8Array(0), true);
  }

  async finish(): Promise<void> {
    this.check();
    this.zip.end();
    await this.finished;
    this.check();
  }

  /** Stops writing (after an error): the caller removes the file. */
  abort(): void {
    this.zip.terminate();
    this.out.destroy();
  }

  private file(name: string, compression: number): ZipInputFile {
    return { filename: name, compression, crc: 0, size: 0 } as ZipInputFile;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Waits while the file stream's buffer is full, so memory stays at a few chunks. A failed write
   * (disk full) ends the wait with its error: a stream that failed never drains, and waiting on
   * "drain" alone left nothing pending, so the process exited with status 0 and a partial file.
   */
  private async drained(): Promise<void> {
    this.check();
    // `once` rejects when the stream emits "error" instead.
    if (this.out.writableNeedDrain) await once(this.out, "drain");
  }
}
