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
  const tenths = Math.round(value * 10);
  // Reason texts write a percentage per low result, hundreds of thousands in a national table:
  // the texts of 0–100 % are made once each (toFixed and replace cost more than the rest of a text).
  if (tenths >= 0 && tenths <= PERCENT_TENTHS)
    return (PERCENT_TEXTS[tenths] ??= tenthsText(tenths));
  return tenthsText(tenths);
}

/** Percentages up to 100 % (in tenths) whose texts are kept once made. */
const PERCENT_TENTHS = 1000;
const PERCENT_TEXTS: (string | undefined)[] = [];

function tenthsText(tenths: number): string {
  const rounded = tenths / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace(".", ",");
}

/** Russian plural categories (CLDR): `one` 1, 21; `few` 2–4, 22; `many` 0, 5–20, 25; `other` fractions. */
const RUSSIAN_PLURALS = new Intl.PluralRules("ru");

/**
 * A count with its noun in the agreeing form: `1 школа`, `3 школы`, `5 школ`, `21 школа`, `12 школ`.
 * The form is CLDR's (`Intl.PluralRules("ru")`); `one`/`few`/`many` are the forms after 1, 2–4, 5. A
 * fraction takes the genitive singular, which is the `few` form (`1,5 школы`, `2,5 процента`). The
 * number is written the Russian way (`formatCount`).
 */
export function plural(count: number, one: string, few: string, many: string): string {
  const category = pluralCategory(count);
  const word = category === "one" ? one : category === "many" ? many : few;
  return `${formatCount(count)} ${word}`;
}

/** Counts below this keep their plural category once asked (Intl's select is slow per call). */
const KEPT_CATEGORIES = 1000;
const CATEGORIES: (Intl.LDMLPluralRule | undefined)[] = [];

function pluralCategory(count: number): Intl.LDMLPluralRule {
  if (Number.isInteger(count) && count >= 0 && count < KEPT_CATEGORIES)
    return (CATEGORIES[count] ??= RUSSIAN_PLURALS.select(count));
  return RUSSIAN_PLURALS.select(count);
}

/**
 * A number as Russian text shows it: a decimal comma, and from five digits on the thousands grouped
 * by no-break spaces (`12\u00a0345`), so a number never parts at a line's end.
 */
export function formatCount(count: number): string {
  // Small whole numbers, nearly every count a text names, are written as they are.
  if (Number.isInteger(count) && count >= 0 && count < 10000) return String(count);
  const [whole, fraction] = String(Math.abs(count)).split(".");
  const grouped = whole.length < 5 ? whole : whole.replace(/\B(?=(\d{3})+$)/g, "\u00a0");
  return `${count < 0 ? "\u2212" : ""}${grouped}${fraction === undefined ? "" : `,${fraction}`}`;
}

/**
 * A number format with `decimals` decimals whose negative numbers show the minus sign (U+2212), not
 * the hyphen Excel puts there by default: `0.00;"−"0.00` (quoted: a literal in any locale's Excel).
 */
export function minusSignFormat(decimals: number): string {
  const digits = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  return `${digits};"\u2212"${digits}`;
}

/** A cell's value as text for messages; long text is cut so that one bad cell cannot flood the output. */
export function quoteFound(value: unknown): string {
  const text = String(value);
  return `«${text.length > 60 ? `${text.slice(0, 60)}…` : text}»`;
}
