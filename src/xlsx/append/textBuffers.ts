/**
 * A few buffers, reused, that generated XML is encoded into (UTF-8) on its way to the deflater. A
 * `Buffer.from` per piece made a new ArrayBuffer each time; those the deflater still held at a
 * young-generation collection were promoted, and their memory stayed until the next full collection
 * (~30 MB of the national workbook's peak). A buffer is handed back when the deflater is done with it.
 */

/** Characters encoded at a time: at most 3 bytes each in UTF-8 (a character of UTF-16). */
export const TEXT_SLICE = 1 << 16;
/** Bytes a buffer holds: a slice of text, or of bytes copied in (`copy`). */
export const BUFFER_BYTES = 3 * TEXT_SLICE;

export class TextBuffers {
  private readonly free: Uint8Array[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly encoder = new TextEncoder();

  constructor(count: number) {
    for (let index = 0; index < count; index++) this.free.push(new Uint8Array(BUFFER_BYTES));
  }

  /**
   * `text` (at most TEXT_SLICE characters) as UTF-8 in a free buffer, waiting for one when all are
   * in use; `release` hands the buffer back.
   */
  async encode(text: string): Promise<{ bytes: Uint8Array; release: () => void }> {
    const buffer = await this.take();
    const { written } = this.encoder.encodeInto(text, buffer);
    return { bytes: buffer.subarray(0, written), release: () => this.give(buffer) };
  }

  /**
   * `bytes` (at most BUFFER_BYTES) copied into a free buffer, so the caller may write over its own
   * (a sheet's pieces are one buffer lent again and again); `release` hands the buffer back.
   */
  async copy(bytes: Uint8Array): Promise<{ bytes: Uint8Array; release: () => void }> {
    const buffer = await this.take();
    buffer.set(bytes);
    return { bytes: buffer.subarray(0, bytes.length), release: () => this.give(buffer) };
  }

  private async take(): Promise<Uint8Array> {
    while (this.free.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.free.pop()!;
  }

  private give(buffer: Uint8Array): void {
    this.free.push(buffer);
    this.waiting.shift()?.();
  }
}
