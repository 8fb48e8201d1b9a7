import {
  entryDataOffset,
  readCentralDirectory,
  ZipFormatError,
  type ZipEntry,
} from "./centralDirectory";
import type { RandomAccessSource } from "./randomAccess";

export { ZipFormatError, type ZipEntry };

/**
 * A zip archive's entries and each entry's stored bytes, read from a random-access source: the
 * directory once, then only the entries asked for. Inflating is the caller's (Node's zlib on the
 * command line, fflate in the browser), so this file is the same on both.
 */
export class ZipReader {
  private readonly byName: Map<string, ZipEntry>;

  private constructor(
    private readonly source: RandomAccessSource,
    /** In the archive's order. */
    readonly entries: ZipEntry[]
  ) {
    // Part names are case-insensitive in OPC; producers differ in case and in a leading slash.
    this.byName = new Map(entries.map((entry) => [partKey(entry.fileName), entry]));
  }

  /** Rejects with `ZipFormatError` when the source is not a zip archive (or is cut off). */
  static async open(source: RandomAccessSource): Promise<ZipReader> {
    try {
      return new ZipReader(source, await readCentralDirectory(source));
    } catch (error) {
      await source.close();
      throw error instanceof ZipFormatError ? error : new ZipFormatError(String(error));
    }
  }

  /** The entry of a part name, compared without regard to case or a leading slash. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(partKey(name));
  }

  /** The entry's bytes as stored (deflated or not), in chunks of at most `chunkBytes`. */
  async *rawChunks(entry: ZipEntry, chunkBytes = 1 << 20): AsyncGenerator<Uint8Array> {
    const start = await entryDataOffset(this.source, entry);
    for (let at = 0; at < entry.compressedSize; at += chunkBytes) {
      const length = Math.min(chunkBytes, entry.compressedSize - at);
      const chunk = await this.source.read(start + at, length);
      if (chunk.length !== length) throw new ZipFormatError(`часть ${entry.fileName} обрезана`);
      yield chunk;
    }
  }

  close(): Promise<void> {
    return this.source.close();
  }
}

function partKey(name: string): string {
  return name.replace(/^\//, "").toLowerCase();
}

/** Throws when an entry inflated to another size than its directory record says: it is damaged. */
export function checkInflatedSize(entry: ZipEntry, inflated: number): void {
  if (inflated !== entry.uncompressedSize)
    throw new ZipFormatError(`часть ${entry.fileName} повреждена`);
}
