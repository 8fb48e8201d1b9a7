import { Inflate } from "fflate";
import type { ArchiveEntries } from "./archiveEntries";
import { bytesSource } from "./randomAccess";
import { checkInflatedSize, ZipReader, type ZipEntry } from "./zipReader";

/**
 * An archive in memory, for the standalone page (in a Web Worker, no Node): the same directory
 * reader as the command line (zipReader.ts), each entry inflated by fflate's streaming `Inflate`
 * as its stored bytes are handed over a megabyte at a time. fflate's `unzipSync`, which the page
 * used before, inflates every entry at once — the national workbook's 130 MB sheet, then its text.
 */
export class MemoryArchive implements ArchiveEntries {
  private constructor(private readonly zip: ZipReader) {}

  /** Rejects with `ZipFormatError` when the bytes are not a zip archive (or are cut off). */
  static async open(bytes: Uint8Array): Promise<MemoryArchive> {
    return new MemoryArchive(await ZipReader.open(bytesSource(bytes)));
  }

  get entries(): ZipEntry[] {
    return this.zip.entries;
  }

  has(name: string): boolean {
    return this.zip.entry(name) !== undefined;
  }

  size(name: string): number {
    return this.zip.entry(name)?.uncompressedSize ?? 0;
  }

  /** The entry's inflated bytes to `onBytes`, in chunks (of up to a few megabytes). */
  async streamBytes(name: string, onBytes: (bytes: Uint8Array) => void): Promise<void> {
    const entry = this.zip.entry(name);
    if (entry === undefined) throw new Error(`нет части ${name}`);
    let inflated = 0;
    const take = (bytes: Uint8Array) => {
      inflated += bytes.length;
      onBytes(bytes);
    };
    if (entry.compressionMethod === 8) {
      const inflate = new Inflate(take);
      for await (const chunk of this.zip.rawChunks(entry)) inflate.push(chunk, false);
      inflate.push(new Uint8Array(0), true);
    } else {
      for await (const chunk of this.zip.rawChunks(entry)) take(chunk);
    }
    checkInflatedSize(entry, inflated);
  }

  async streamText(name: string, onText: (text: string) => void): Promise<void> {
    const decoder = new TextDecoder("utf-8");
    let first = true;
    await this.streamBytes(name, (bytes) => {
      let text = decoder.decode(bytes, { stream: true });
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      onText(text);
    });
    onText(decoder.decode());
  }

  async readText(name: string): Promise<string> {
    const parts: string[] = [];
    await this.streamText(name, (text) => parts.push(text));
    return parts.join("");
  }

  close(): void {}
}
