/*
 * The length of `JSON.stringify(value)` without making the text: the fake Excel sizes every response
 * against Excel on the web's 5 MB (fakeExcel.ts), and the JSON of a national table's block of rows is
 * tens of megabytes of strings made only to be measured. Exact for the values a cell holds, and never
 * below the real length (jsonSize.test.ts compares the two on every kind of value and text).
 */

/** Characters of `JSON.stringify(value)` for a cell's value: a string, number, boolean or null. */
export function jsonChars(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringChars(value);
    case "number":
      return numberChars(value);
    case "boolean":
      return value ? 4 : 5;
    default:
      return value === null || value === undefined ? 4 : JSON.stringify(value).length;
  }
}

/** Powers of ten up to 10^21, each exact as a double. */
const TENS = Array.from({ length: 21 }, (_, power) => 10 ** (power + 1));

/**
 * A number's JSON: null for NaN and ±Infinity, else what String() writes. Without making the text
 * for whole numbers under 10^21 (written digit by digit) and for tenths under 10^15 (a value that is
 * the double nearest k/10 is written as the shortest text that reads back to it: k/10's one decimal);
 * the rest as String() writes them.
 */
function numberChars(value: number): number {
  if (!Number.isFinite(value)) return 4;
  const sign = value < 0 ? 1 : 0;
  const size = Math.abs(value);
  if (Number.isInteger(size) && size < 1e21) return sign + digits(size);
  if (size < 1e15 && Math.round(size * 10) / 10 === size)
    return sign + digits(Math.floor(size)) + 2;
  return String(value).length;
}

/** Digits of a whole number under 10^21. */
function digits(whole: number): number {
  let count = 1;
  while (count <= 20 && whole >= TENS[count - 1]!) count += 1;
  return count;
}

/**
 * A string's JSON: its quotes, `\"` and `\\`, the short escapes `\b \f \n \r \t`, `\u00XX` for the
 * other control characters, and `\uXXXX` for a surrogate without its pair (well-formed
 * JSON.stringify, ES2019); a pair stays as it is.
 */
function stringChars(text: string): number {
  let chars = text.length + 2;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code !== 34 && code !== 92 && (code < 0xd800 || code > 0xdfff)) continue;
    if (code === 34 || code === 92) chars += 1;
    else if (code < 0x20) chars += code >= 8 && code <= 13 && code !== 11 ? 1 : 5;
    else if (code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) index += 1;
    else chars += 5;
  }
  return chars;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Characters of the JSON of a grid of `rows` × `columns` cells (`[[…],[…]]`) whose cells' own JSON
 * adds up to `cellChars`: the brackets and commas around them.
 */
export function gridChars(rows: number, columns: number, cellChars: number): number {
  return 2 + (rows - 1) + rows * (2 + (columns - 1)) + cellChars;
}
