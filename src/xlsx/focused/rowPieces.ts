/**
 * Cuts a sheet's XML, as it streams in, into pieces that end just after a closing `</row>` (or
 * `</x:row>`): each piece then holds whole rows, can be read by its own tokenizer on another thread,
 * and is whole UTF-8 (the cut is after ASCII). In XML text `<` is always escaped, so `</row>` occurs
 * only as markup.
 */
export class RowPieces {
  private carry: Buffer | null = null;

  /** The whole-row pieces completed by `bytes` (at most one); the rest is kept for the next call. */
  push(bytes: Buffer): Buffer | null {
    const data = this.carry === null ? bytes : Buffer.concat([this.carry, bytes]);
    const cut = afterLastRowEnd(data);
    if (cut < 0) {
      this.carry = data;
      return null;
    }
    // Copied, so the kept rest does not hold the whole chunk it was cut from.
    this.carry = cut === data.length ? null : Buffer.from(data.subarray(cut));
    return data.subarray(0, cut);
  }

  /** What is left at the end of the stream (the sheet's closing part), or null. */
  end(): Buffer | null {
    const rest = this.carry;
    this.carry = null;
    return rest;
  }
}

const ROW_END = Buffer.from("row>");
const LESS = 0x3c;
const SLASH = 0x2f;
const COLON = 0x3a;

/** The position just after the last closing row tag in `data`, or -1. */
export function afterLastRowEnd(data: Buffer): number {
  for (let at = data.lastIndexOf(ROW_END); at > 0; at = data.lastIndexOf(ROW_END, at - 1)) {
    if (closesRow(data, at)) return at + ROW_END.length;
  }
  return -1;
}

/** Whether the `row>` at `at` ends `</row>` or `</prefix:row>`. */
function closesRow(data: Buffer, at: number): boolean {
  let before = at - 1;
  if (data[before] === COLON) {
    before--;
    while (before > 0 && isNameByte(data[before]!)) before--;
  }
  return data[before] === SLASH && data[before - 1] === LESS;
}

function isNameByte(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x5f ||
    byte === 0x2d ||
    byte === 0x2e
  );
}
