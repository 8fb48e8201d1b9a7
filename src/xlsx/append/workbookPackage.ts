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
  /**
   * Writes an input part with its beginning edited: `edit` gets the text before `<sheetData` (a
   * worksheet's properties and views; the whole part if it has none, up to HEAD_LIMIT characters)
   * and returns it changed, or null to have the part copied unchanged.
   */
  copyWithHead(entry: Entry, edit: (head: string) => string | null): Promise<void>;
  /** Writes a new (or edited) part. */
  addText(name: string, text: string): Promise<void>;
  /**
   * Writes a new part from pieces of text or of UTF-8 bytes. With `copiesPieces` a piece of bytes
   * is copied before the next is asked for; otherwise it is kept as it is.
   */
  addPieces(
    name: string,
    pieces: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>
  ): Promise<void>;
  /**
   * `addPieces` is done with a piece of bytes once it asks for the next: the sheets' writer then
   * lends it one buffer again and again instead of a new one per piece.
   */
  readonly copiesPieces?: boolean;
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

/** How far into a part `copyWithHead` looks for its head: a sheet's views come in its first bytes. */
export const HEAD_LIMIT = 1 << 16;

/**
 * Where a part's head ends in its first bytes: at `<sheetData` (with any namespace prefix), at the
 * end of a part without one (`complete`: `bytes` are all of it), or null when it is not within
 * HEAD_LIMIT. The bytes are read as Latin-1, one character a byte, so the index is a byte's.
 */
export function headEnd(bytes: Uint8Array, complete: boolean): number | null {
  const text = new TextDecoder("latin1").decode(bytes.subarray(0, HEAD_LIMIT));
  const found = /<(?:[\w.-]+:)?sheetData[\s/>]/.exec(text);
  if (found !== null) return found.index;
  return complete && bytes.length <= HEAD_LIMIT ? bytes.length : null;
}
