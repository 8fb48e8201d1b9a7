/**
 * Both ends of copying a workbook with our sheets added, as `appendOutputs` uses them: the input's
 * entries read, and the output written entry by entry. The command line's is a file to a file,
 * copying entries as their compressed bytes (zipPackage.ts); the standalone page's is bytes in memory
 * (memoryPackage.ts). Either way the user's parts go through untouched.
 */
/** An entry of the input archive: at least its part name. */
export interface PackageEntry {
  fileName: string;
}

export interface WorkbookPackage<Entry extends PackageEntry> {
  /** The input's entries, in the archive's order. */
  readonly entries: Entry[];
  /** The entry of a part, its name compared without regard to case (OPC part names are). */
  entry(partName: string): Entry | undefined;
  /** A (small) part's text; a UTF-8 byte order mark is dropped. */
  readText(entry: Entry): Promise<string>;
  /** Writes an input entry to the output unchanged. */
  copy(entry: Entry): Promise<void>;
  /** Writes a new (or edited) part. */
  addText(name: string, text: string): Promise<void>;
  /** Writes a new part from pieces of text, or of UTF-8 bytes (rows written on another thread). */
  addPieces(
    name: string,
    pieces: Iterable<string> | AsyncIterable<string | Uint8Array>
  ): Promise<void>;
}

/** The entry of `partName` among `entries`, compared without regard to case or a leading slash. */
export function entryNamed<Entry extends PackageEntry>(
  entries: Entry[],
  partName: string
): Entry | undefined {
  const wanted = partName.replace(/^\//, "").toLowerCase();
  return entries.find((entry) => entry.fileName.toLowerCase() === wanted);
}

/** Text of a part's bytes as UTF-8, without a byte order mark. */
export function partText(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
