/**
 * XML text with its references decoded: the five predefined entities (`&lt;` `&gt;` `&amp;` `&quot;`
 * `&apos;`) and numeric character references (`&#1025;`, `&#x401;`, astral ones such as `&#x1F600;`).
 * An `&` that starts none of these stays as it is written (as htmlparser2 leaves it): the text is
 * not XML then, and showing it beats dropping it.
 */
export function decodeText(source: string, from: number, to: number): string {
  let text = "";
  let copied = from;
  for (let at = source.indexOf("&", from); at >= 0 && at < to; at = source.indexOf("&", at + 1)) {
    const end = referenceEnd(source, at, to);
    if (end < 0) continue;
    text += source.slice(copied, at) + referenceText(source, at, end);
    copied = end + 1;
    at = end;
  }
  return text + source.slice(copied, to);
}

const HASH = 35;
const SEMICOLON = 59;
/** A numeric reference's value stops growing past this: it is out of range (U+FFFD) either way. */
const BEYOND_UNICODE = 0x110000;

/**
 * The position of the `;` ending a reference that starts at `at`, or -1 when there is none: a name
 * has at most four letters (`&quot;`), a number any count of digits (leading zeros are allowed).
 */
function referenceEnd(source: string, at: number, to: number): number {
  const numeric = source.charCodeAt(at + 1) === HASH;
  const last = numeric ? to - 1 : Math.min(to - 1, at + 5);
  for (let p = at + 1; p <= last; p++) {
    const code = source.charCodeAt(p);
    if (code === SEMICOLON) return p;
    if (numeric && p > at + 1 && !isLetterOrDigit(code)) return -1;
  }
  return -1;
}

function isLetterOrDigit(code: number): boolean {
  const lower = code | 0x20;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122);
}

function namedEntity(name: string): string | undefined {
  switch (name) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "quot":
      return '"';
    case "apos":
      return "'";
    default:
      return undefined;
  }
}

/** The text of the reference `&…;` from `at` to the `;` at `end`, or the reference itself if unknown. */
function referenceText(source: string, at: number, end: number): string {
  if (source.charCodeAt(at + 1) !== HASH) {
    return namedEntity(source.slice(at + 1, end)) ?? source.slice(at, end + 1);
  }
  const hex = (source.charCodeAt(at + 2) | 0x20) === 120; /* x or X */
  const digitsStart = at + (hex ? 3 : 2);
  if (digitsStart >= end) return source.slice(at, end + 1);
  let value = 0;
  for (let p = digitsStart; p < end; p++) {
    const digit = digitValue(source.charCodeAt(p), hex);
    if (digit < 0) return source.slice(at, end + 1);
    value = Math.min(value * (hex ? 16 : 10) + digit, BEYOND_UNICODE);
  }
  return String.fromCodePoint(validCodePoint(value));
}

function digitValue(code: number, hex: boolean): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (!hex) return -1;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * A referenced code point as XML means it: `&#128;` is U+0080, as ExcelJS reads it (htmlparser2 maps
 * 128–159 to Windows-1252 letters, as HTML does). What no character can be — zero, a lone surrogate,
 * beyond U+10FFFF — becomes U+FFFD, the replacement character, instead of failing the whole sheet.
 */
function validCodePoint(value: number): number {
  if (value === 0 || (value >= 0xd800 && value <= 0xdfff) || value >= BEYOND_UNICODE) return 0xfffd;
  return value;
}
