/**
 * What the workbook reader asks of an archive (workbookParts.ts, readWorkbookFocused.ts): whether a
 * part is there, how large it is inflated, and its text, streamed or whole. The command line's is a
 * file inflated by Node's zlib (focused/zipArchive.ts), the standalone page's bytes in memory
 * inflated by fflate (memoryArchive.ts): the same reader over either.
 */
export interface ArchiveEntries {
  has(name: string): boolean;
  /** The part's size inflated, in bytes (as the archive's directory says); 0 when absent. */
  size(name: string): number;
  /** The part's inflated bytes to `onBytes` in chunks (a worksheet is read from its bytes). */
  streamBytes(name: string, onBytes: (bytes: Uint8Array) => void): Promise<void>;
  /** The part's text to `onText` in chunks, UTF-8 decoded across chunk boundaries, no byte order mark. */
  streamText(name: string, onText: (text: string) => void): Promise<void>;
  /** A whole (small) part as text. */
  readText(name: string): Promise<string>;
  close(): void;
}
