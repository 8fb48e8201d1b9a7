import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import {
  entryNamed,
  headEnd,
  partText,
  type PackageEntry,
  type WorkbookPackage,
} from "./workbookPackage";

/**
 * A workbook copied in memory (the standalone page): the input's parts unzipped with fflate, the
 * output's collected and zipped again by `bytes()`. Parts that are copied keep their contents byte for
 * byte — the user's charts, pivot tables and pictures included, which a workbook library that models
 * the sheets would drop — only their compression is new.
 */
export class MemoryPackage implements WorkbookPackage<PackageEntry> {
  readonly entries: PackageEntry[];
  private readonly input: Unzipped;
  private readonly output: Unzipped = {};

  /** Throws when `bytes` are not a zip archive (the caller says so to the user). */
  constructor(bytes: Uint8Array) {
    this.input = unzipSync(bytes);
    this.entries = Object.keys(this.input).map((fileName) => ({ fileName }));
  }

  entry(partName: string): PackageEntry | undefined {
    return entryNamed(this.entries, partName);
  }

  readText(entry: PackageEntry): Promise<string> {
    return Promise.resolve(partText(strFromU8(this.input[entry.fileName]!)));
  }

  copy(entry: PackageEntry): Promise<void> {
    this.output[entry.fileName] = this.input[entry.fileName]!;
    return Promise.resolve();
  }

  copyWithHead(entry: PackageEntry, edit: (head: string) => string | null): Promise<void> {
    const bytes = this.input[entry.fileName]!;
    const end = headEnd(bytes, true);
    const edited = end === null ? null : edit(partText(strFromU8(bytes.subarray(0, end))));
    if (edited === null) return this.copy(entry);
    const head = strToU8(edited);
    const joined = new Uint8Array(head.length + bytes.length - end!);
    joined.set(head);
    joined.set(bytes.subarray(end!), head.length);
    this.output[entry.fileName] = joined;
    return Promise.resolve();
  }

  addText(name: string, text: string): Promise<void> {
    this.output[name] = strToU8(text);
    return Promise.resolve();
  }

  async addPieces(
    name: string,
    pieces: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>
  ): Promise<void> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const piece of pieces) {
      const bytes = typeof piece === "string" ? strToU8(piece) : piece;
      chunks.push(bytes);
      length += bytes.length;
    }
    const joined = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      joined.set(chunk, at);
      at += chunk.length;
    }
    this.output[name] = joined;
  }

  /** The output workbook, its parts in the order they were written. */
  bytes(): Uint8Array {
    return zipSync(this.output, { level: 6 });
  }
}
