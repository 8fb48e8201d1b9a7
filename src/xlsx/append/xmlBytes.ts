/**
 * A worksheet's XML encoded (UTF-8) into a buffer as it is made, a row at a time, and handed on in
 * pieces of about PIECE_BYTES. A row's string then dies at once: rows kept as strings until a piece
 * was joined from them outlived young-generation collections (on the national workbook ~100 MB of
 * garbage promoted to the old generation, at the run's peak), and the joining cost more than this.
 */

/** Bytes a piece reaches before it is handed on (it ends at a row's end). */
export const PIECE_BYTES = 1 << 16;

const encoder = new TextEncoder();

export class XmlBytes {
  private buffer: Uint8Array<ArrayBuffer>;
  private length = 0;

  /**
   * `lend`: the piece `take` gives is the buffer itself, written over after the next `take` (for a
   * reader that copies it at once); otherwise each piece is a copy of its own.
   */
  constructor(
    private readonly lend = false,
    capacity = 2 * PIECE_BYTES
  ) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Bytes written since the last `take`. */
  get size(): number {
    return this.length;
  }

  /** `text` as UTF-8, the bytes TextEncoder gives (a lone surrogate half as U+FFFD). */
  text(text: string): void {
    // At most 3 bytes a UTF-16 unit (a surrogate pair's 4 bytes are 2 units).
    this.reserve(3 * text.length);
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** What was written since the last `take` (see `lend`), the buffer emptied for what comes next. */
  take(): Uint8Array<ArrayBuffer> {
    const piece = this.lend
      ? this.buffer.subarray(0, this.length)
      : this.buffer.slice(0, this.length);
    this.length = 0;
    return piece;
  }

  /** Room for `count` more bytes: a larger buffer, what was written copied, when there is not. */
  private reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    const larger = new Uint8Array(Math.max(2 * this.buffer.length, this.length + count));
    larger.set(this.buffer.subarray(0, this.length));
    this.buffer = larger;
  }
}
