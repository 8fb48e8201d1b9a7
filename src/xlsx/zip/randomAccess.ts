/**
 * Bytes of an archive read at any offset: the central directory at its end, then each entry where
 * its local header says. A zip is read from its end first, so a reader needs random access, not a
 * stream. Two implementations: the bytes in memory (the standalone page, tests — bytesSource below)
 * and a file on disk (the command line — fileSource.ts, which reads only what it is asked for).
 */
export interface RandomAccessSource {
  /** Total length in bytes. */
  readonly size: number;
  /** `length` bytes from `offset` (fewer only past the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** An archive already in memory: reads are views of it, never copies. */
export function bytesSource(bytes: Uint8Array): RandomAccessSource {
  return {
    size: bytes.length,
    read: (offset, length) =>
      Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
    close: () => Promise.resolve(),
  };
}
