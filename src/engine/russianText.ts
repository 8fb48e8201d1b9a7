/** Lower case, `ё` → `е`, every kind of quote → `"`, runs of white space → one space. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»“”„‟"'`’]/g, '"')
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** A percentage the Russian way: `33`, `33,5` (decimal comma, at most one decimal place). */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace(".", ",");
}

/**
 * A count with its noun in the agreeing form: `1 школа`, `3 школы`, `5 школ`, `21 школа`, `12 школ`.
 * Russian picks the form by the last two digits, so `one`/`few`/`many` are the forms after 1, 2–4, 5.
 */
export function plural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  const word =
    tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${count} ${word}`;
}

/** A cell's value as text for messages; long text is cut so that one bad cell cannot flood the output. */
export function quoteFound(value: unknown): string {
  const text = String(value);
  return `«${text.length > 60 ? `${text.slice(0, 60)}…` : text}»`;
}
