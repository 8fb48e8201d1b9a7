import { decimalNumber } from "./decimalNumber";

/**
 * A handler that also takes the cell nearly every worksheet is made of — `<c r="D2" s="1"><v>38.5</v>
 * </c>`, or `t="s"` with a shared string's index — in one call: no element names, no attribute
 * strings, no text, no five events per cell. It must come to the same as the events it stands for
 * (`open c`, `open v`, `text`, `close v`, `close c`), which test/xlsx/worksheetScanner.test.ts checks
 * against htmlparser2's tokenizer, which knows nothing of it.
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

/**
 * Reads a plain cell starting at the `<` at `at` and gives it to `sink`: the position after its
 * `</c>`, or 0 when the markup there is anything else — another element, a prefix (`<x:c>`), an
 * attribute other than `r`, `s`, `t` or written otherwise than `name="value"`, `t` other than `s` or
 * `n`, a formula, an empty value, a value with an entity or a space, a cell cut by the piece's end —
 * and the scanner's general path reads it instead. Nothing is given to `sink` then.
 */
export function scanPlainCell(source: string, at: number, sink: PlainCellSink): number {
  if (source.charCodeAt(at + 1) !== C || !isSpace(source.charCodeAt(at + 2))) return 0;
  const length = source.length;
  let p = at + 2;
  let row = -1;
  let column = -1;
  let style = -1;
  let type = -1;
  for (;;) {
    while (p < length && isSpace(source.charCodeAt(p))) p++;
    if (p >= length) return 0;
    const name = source.charCodeAt(p);
    if (name === GT) break;
    if (source.charCodeAt(p + 1) !== EQUALS || source.charCodeAt(p + 2) !== QUOTE) return 0;
    p += 3;
    const start = p;
    if (name === R && row < 0) {
      column = 0;
      while (p < length && isUpperLetter(source.charCodeAt(p)))
        column = column * 26 + (source.charCodeAt(p++) - A + 1);
      const rowStart = p;
      row = 0;
      while (p < length && isDigit(source.charCodeAt(p)) && p - rowStart < 8)
        row = row * 10 + (source.charCodeAt(p++) - ZERO);
      if (p === start || p === rowStart || column === 0 || row === 0 || column > MAX_LETTERS_VALUE)
        return 0;
      row--;
      column--;
    } else if (name === S && style < 0) {
      style = 0;
      while (p < length && isDigit(source.charCodeAt(p)) && p - start < 9)
        style = style * 10 + (source.charCodeAt(p++) - ZERO);
      if (p === start) return 0;
    } else if (name === T && type < 0) {
      type = source.charCodeAt(p++);
      if (type !== S && type !== N) return 0;
    } else return 0;
    if (source.charCodeAt(p) !== QUOTE) return 0;
    p++;
  }
  if (row < 0) return 0;
  // `>` then `<v>`: the value runs to the next `<`, which must open `</v></c>`.
  if (
    source.charCodeAt(p + 1) !== LT ||
    source.charCodeAt(p + 2) !== V ||
    source.charCodeAt(p + 3) !== GT
  )
    return 0;
  const from = p + 4;
  let to = from;
  while (to < length && isNumberCharacter(source.charCodeAt(to))) to++;
  if (to === from || to + CLOSING.length > length || !source.startsWith(CLOSING, to)) return 0;
  const sharedString = type === S;
  let value: number;
  if (sharedString) {
    // An index is digits, and few of them (`parseInt` of anything else is left to the general path).
    if (to - from > 9) return 0;
    value = 0;
    for (let d = from; d < to; d++) {
      const code = source.charCodeAt(d);
      if (!isDigit(code)) return 0;
      value = value * 10 + (code - ZERO);
    }
  } else value = decimalNumber(source, from, to);
  sink.plainCell(row, column, style < 0 ? 0 : style, sharedString, value);
  return to + CLOSING.length;
}

const CLOSING = "</v></c>";
/** `XFD`, the last column, is 16,384; a reference past `ZZZ` is left to the general path. */
const MAX_LETTERS_VALUE = 18_278;

const QUOTE = 34;
const PLUS = 43;
const MINUS = 45;
const POINT = 46;
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
