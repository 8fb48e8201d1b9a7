/**
 * The JSON text of a report entry, written without JSON.stringify per entry: the national report's
 * 130,000 entries of three lists (schools, history, risk zones) repeat a handful of shapes, and what
 * varies is a few strings and numbers. JSON.stringify with indentation, a call per batch of
 * entries, cost about as much there as the four analyses.
 *
 * A template is the text JSON.stringify writes for a probe, an entry made by the same function as
 * the real ones, with a stand-in in each place that varies (its slots): the text around the
 * stand-ins is then the entry's text, and a real value goes in each slot as JSON.stringify writes
 * it. Nothing of the entry's layout is written by hand, so the text is the very text of
 * JSON.stringify(entry, null, 2) (test/cli/jsonReport.test.ts).
 */

/**
 * Stand-ins for the values of a probe (null characters: no report value holds them, and a template
 * checks). A text's stand-in leaves its quotes in the template, so a text that JSON need not escape
 * goes in as it is (`jsonText`); any other value's stand-in is cut out whole, quotes and all.
 */
export const TEXT_SLOT = "\u0000text\u0000";
export const VALUE_SLOT = "\u0000value\u0000";
const SLOTS = new RegExp(
  `${escapeRegExp(JSON.stringify(VALUE_SLOT))}|${escapeRegExp(JSON.stringify(TEXT_SLOT).slice(1, -1))}`
);

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * The text of `probe` nested at `indent`, cut at its `slots` stand-ins: `slots + 1` pieces. Null
 * when the stand-ins are not found exactly that many times (a value of the probe held one): the
 * caller then writes the entry with JSON.stringify.
 */
export function entryTemplate(probe: object, slots: number, indent: string): string[] | null {
  const pieces = entryJson(probe, indent).split(SLOTS);
  return pieces.length === slots + 1 ? pieces : null;
}

/** What JSON.stringify escapes in a string: quote, backslash, control characters, surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are among what this looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it, without its quotes. Most need no escaping and go in as
 * they are: a JSON.stringify call per value cost more than the rest of an entry's text.
 * (Surrogates, even paired, go to JSON.stringify, which escapes a lone one.)
 */
export function jsonText(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

/** A number as JSON.stringify writes it (null where the report has no number). */
export function jsonNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "null" : String(value);
}

/**
 * Templates kept by a key of the entry's constant values (at most a few dozen in a report), for
 * one indentation: a list is written at one, and a change starts afresh.
 */
export class TemplateCache<Key> {
  private kept = new Map<Key, string[] | null>();
  private indent: string | null = null;

  /** The template for `key`, made by `make` the first time. */
  get(key: Key, indent: string, make: () => string[] | null): string[] | null {
    if (indent !== this.indent) {
      this.kept.clear();
      this.indent = indent;
    }
    let template = this.kept.get(key);
    if (template === undefined) this.kept.set(key, (template = make()));
    return template;
  }
}

/** An entry's text without a template: JSON.stringify's, nested at `indent`. */
export function entryJson(entry: unknown, indent: string): string {
  const text = JSON.stringify(entry, null, 2);
  // JSON text has no raw line breaks inside strings (they are escaped), so every "\n" is layout.
  return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
}
