/**
 * Text for the XML we write. XML 1.0 forbids most control characters and lone surrogate halves even
 * as character references; a workbook holding one does not open in Excel, so they are left out.
 */

/** Anything that needs a second look: markup characters, forbidden controls, surrogates, U+FFFE/F. */
// eslint-disable-next-line no-control-regex -- control characters are what these look for
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** A surrogate half without its partner (a valid pair is one character, e.g. an emoji). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 does not allow. */
export function xmlAllowed(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, "").replace(LONE_SURROGATE, "");
}

/** Text as element content or an attribute value (double-quoted). */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return xmlAllowed(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
