import { decimalNumber } from "./decimalNumber";

/**
 * A handler that also takes the cell nearly every worksheet is made of — `<c r="D2" s="1"><v>38.5</v>
 * </c>`, or `t="s"` with a shared string's index — in one call: no element names, no attribute
 * strings, no text, no five events per cell. It must come to the same as the events it stands for
 * (`open c`, `open v`, `text`, `close v`, `close c`), which test/xlsx/plainCell.test.ts and
 * worksheetScanner.test.ts check against htmlparser2's tokenizer, which knows nothing of it.
 */
export interface PlainCellSink {
  /**
   * `row` and `column` zero-based from `r`; `style` the `s` index (0 without one); `sharedString`
   * for `t="s"`, `value` then being the index; else `value` is the number `parseFloat` reads from the
   * `<v>`.
   */
  plainCell(row: number, column: number, style: number, sharedString: boolean, value: number): void;
}

export function isPlainCellSink(handler: object): handler is PlainCellSink {
  return typeof (handler as Partial<PlainCellSink>).plainCell === "function";
}

/** A plain cell as `readPlainCell` read it: one object, filled again for every cell. */
export class PlainCell {
  row = 0;
  column = 0;
  style = 0;
  sharedString = false;
  value = 0;
}

/** `readPlainCell`'s answer when the markup is anything but a plain cell. */
export const NOT_PLAIN = 0;
/** `readPlainCell`'s answer when the bytes end before it can tell: ask again with more of them. */
export const CUT = -1;

/**
 * Reads a plain cell from the UTF-8 of a worksheet, starting at the `<` at `at` (of `bytes` up to
 * `length`), into `cell`: the position after its `</c>`; `NOT_PLAIN` when the markup there is anything
 * else — another element, a prefix (`<x:c>`), an attribute other than `r`, `s`, `t` or written
 * otherwise than `name="value"`, `t` other than `s` or `n`, a formula, an empty value, a value with an
 * entity or a space — and the general path reads it; `CUT` when the bytes end while they still read
 * as a plain cell. Whether the `<` is markup at all (not inside a comment) is the caller's to know.
 */
export function readPlainCell(
  bytes: Uint8Array,
  at: number,
  length: number,
  cell: PlainCell
): number {
  if (at + 2 >= length) return at + 1 >= length || bytes[at + 1] === C ? CUT : NOT_PLAIN;
  if (bytes[at + 1] !== C || !isSpace(bytes[at + 2])) return NOT_PLAIN;
  let p = at + 2;
  let row = -1;
  let column = -1;
  let style = -1;
  let type = -1;
  for (;;) {
    while (p < length && isSpace(bytes[p])) p++;
    if (p >= length) return CUT;
    const name = bytes[p];
    if (name === GT) break;
    if (p + 2 >= length) return CUT;
    if (bytes[p + 1] !== EQUALS || bytes[p + 2] !== QUOTE) return NOT_PLAIN;
    p += 3;
    const start = p;
    if (name === R && row < 0) {
      column = 0;
      while (p < length && isUpperLetter(bytes[p])) column = column * 26 + (bytes[p++] - A + 1);
      const rowStart = p;
      row = 0;
      while (p < length && isDigit(bytes[p]) && p - rowStart < 8)
        row = row * 10 + (bytes[p++] - ZERO);
      if (p >= length) return CUT;
      if (p === rowStart || column === 0 || row === 0 || column > MAX_LETTERS_VALUE)
        return NOT_PLAIN;
      row--;
      column--;
    } else if (name === S && style < 0) {
      style = 0;
      while (p < length && isDigit(bytes[p]) && p - start < 9)
        style = style * 10 + (bytes[p++] - ZERO);
      if (p >= length) return CUT;
      if (p === start) return NOT_PLAIN;
    } else if (name === T && type < 0) {
      if (p >= length) return CUT;
      type = bytes[p++];
      if (type !== S && type !== N) return NOT_PLAIN;
    } else return NOT_PLAIN;
    if (p >= length) return CUT;
    if (bytes[p] !== QUOTE) return NOT_PLAIN;
    p++;
  }
  if (row < 0) return NOT_PLAIN;
  // `>` then `<v>`: the value runs to the next `<`, which must open `</v></c>`.
  if (p + 3 >= length) return CUT;
  if (bytes[p + 1] !== LT || bytes[p + 2] !== V || bytes[p + 3] !== GT) return NOT_PLAIN;
  const from = p + 4;
  let to = from;
  while (to < length && isNumberCharacter(bytes[to])) to++;
  if (to === from && to < length) return NOT_PLAIN;
  if (to + CLOSING_LENGTH > length) return CUT;
  if (!isClosing(bytes, to)) return NOT_PLAIN;
  const sharedString = type === S;
  let value: number;
  if (sharedString) {
    // An index is digits, and few of them (`parseInt` of anything else is left to the general path).
    if (to - from > 9) return NOT_PLAIN;
    value = 0;
    for (let d = from; d < to; d++) {
      const code = bytes[d];
      if (!isDigit(code)) return NOT_PLAIN;
      value = value * 10 + (code - ZERO);
    }
  } else value = decimalNumber(bytes, from, to);
  cell.row = row;
  cell.column = column;
  cell.style = style < 0 ? 0 : style;
  cell.sharedString = sharedString;
  cell.value = value;
  return to + CLOSING_LENGTH;
}

/** `</v></c>` */
const CLOSING_LENGTH = 8;
/** `XFD`, the last column, is 16,384; a reference past `ZZZ` is left to the general path. */
const MAX_LETTERS_VALUE = 18_278;

const QUOTE = 34;
const PLUS = 43;
const MINUS = 45;
const POINT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const A = 65;
const Z = 90;
const UPPER_E = 69;
const C = 99;
const LOWER_E = 101;
const N = 110;
const R = 114;
const S = 115;
const T = 116;
const V = 118;

/** Whether `</v></c>` is at `at` (compared byte by byte, not through an array: it is every cell's). */
function isClosing(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at] === LT &&
    bytes[at + 1] === SLASH &&
    bytes[at + 2] === V &&
    bytes[at + 3] === GT &&
    bytes[at + 4] === LT &&
    bytes[at + 5] === SLASH &&
    bytes[at + 6] === C &&
    bytes[at + 7] === GT
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isUpperLetter(code: number): boolean {
  return code >= A && code <= Z;
}

/** What a number's text is made of; anything else (an entity, a space) goes the general way. */
function isNumberCharacter(code: number): boolean {
  return (
    isDigit(code) ||
    code === POINT ||
    code === MINUS ||
    code === PLUS ||
    code === LOWER_E ||
    code === UPPER_E
  );
}
