import type { CellValue } from "../types";
import { quoteFound } from "../russianText";

/**
 * A cell read as a number: the number, NaN for "no data", or a string — the Russian text of what was
 * expected and found. Plain values instead of objects: a national table has millions of cells.
 */
export type NumberReading = number | string;

// What exports and people write for "no data": an ООШ has no ЕГЭ, a class did not write a test.
const MISSING = new Set([
  "",
  "-",
  "–",
  "—",
  "н/д",
  "нд",
  "н.д.",
  "н/д.",
  "нет",
  "нет данных",
  "x",
  "х",
  "*",
]);
const NUMBER = /^([+-]?\d+(?:[.,]\d+)?)\s*(%?)$/;
const EXCEL_ERROR =
  /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|ДЕЛ\/0!|Н\/Д|ИМЯ\?|ПУСТО!|ЧИСЛО!|ССЫЛКА!|ЗНАЧ!)/i;

/**
 * Excel's error values as Russian Excel shows them in the cell (a file and the Excel adapter give the English
 * code): a message names the error the way the reader sees it, with the code beside it for an
 * English Excel. The newer errors (#SPILL!, #CALC!) are named as found.
 */
const RUSSIAN_ERRORS: Record<string, string> = {
  "#DIV/0!": "#ДЕЛ/0!",
  "#N/A": "#Н/Д",
  "#NAME?": "#ИМЯ?",
  "#NULL!": "#ПУСТО!",
  "#NUM!": "#ЧИСЛО!",
  "#REF!": "#ССЫЛКА!",
  "#VALUE!": "#ЗНАЧ!",
};

/** `«#ДЕЛ/0!» (#DIV/0!)`; an error already in Russian, or without a Russian name, as found. */
export function errorName(text: string): string {
  const russian = RUSSIAN_ERRORS[text.toUpperCase()];
  return russian === undefined ? quoteFound(text) : `${quoteFound(russian)} (${text})`;
}

export function isMissingValue(value: CellValue | undefined): boolean {
  if (value === null || value === undefined || value === "" || value === "-") return true;
  return typeof value === "string" && MISSING.has(value.trim().toLowerCase());
}

const problem = (expected: string, found: string): string =>
  `ожидалось: ${expected}; найден${found}`;

/** Reads a cell as a plain number (decimal comma allowed, a trailing `%` kept as written). */
function readNumber(value: CellValue | undefined, expected: string): NumberReading {
  if (typeof value === "number")
    return Number.isFinite(value) ? value : problem(expected, `о ${quoteFound(value)}`);
  if (isMissingValue(value)) return NaN;
  if (typeof value === "boolean")
    return problem(expected, `о логическое значение ${quoteFound(value ? "ИСТИНА" : "ЛОЖЬ")}`);
  const text = value!.trim().replace(/[\s\u00a0]+(?=\d)/g, "");
  if (EXCEL_ERROR.test(text)) return problem(expected, `а ошибка формулы ${errorName(text)}`);
  const match = NUMBER.exec(text);
  return match ? Number(match[1].replace(",", ".")) : problem(expected, `о ${quoteFound(value)}`);
}

const PERCENT = "процент от 0 до 100";

/**
 * A percentage in points 0–100. Excel stores 33 % as 0.33 under a percent number format, so a number
 * under such a format is scaled; text `33%` and `33,5` are points as written.
 */
export function readPercent(
  value: CellValue | undefined,
  numberFormat?: string | null
): NumberReading {
  if (typeof value === "number" && numberFormat == null && value >= 0 && value <= 100) return value;
  const reading = readNumber(value, PERCENT);
  if (typeof reading === "string" || Number.isNaN(reading)) return reading;
  const points =
    typeof value === "number" && numberFormat != null && numberFormat.includes("%")
      ? roundScaled(reading * 100)
      : reading;
  return points < 0 || points > 100 ? problem(PERCENT, `о ${quoteFound(value)}`) : points;
}

/** Floating point makes 0.29 * 100 = 28.999999999999996; an export never carries more than 6 decimals. */
function roundScaled(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const COUNT = "целое неотрицательное число";

/** A count of people: a whole number, not negative. */
export function readCount(value: CellValue | undefined): NumberReading {
  const reading = readNumber(value, COUNT);
  if (typeof reading === "string" || Number.isNaN(reading)) return reading;
  return reading < 0 || !Number.isInteger(reading)
    ? problem(COUNT, `о ${quoteFound(value)}`)
    : reading;
}

/** Any number not below zero (a score, an average); `expected` names it in the message. */
export function readNonNegative(value: CellValue | undefined, expected: string): NumberReading {
  const reading = readNumber(value, expected);
  return typeof reading === "number" && reading < 0
    ? problem(expected, `о ${quoteFound(value)}`)
    : reading;
}

/** An average mark or score. */
export function readAverage(value: CellValue | undefined): NumberReading {
  return readNonNegative(value, "средний результат (неотрицательное число)");
}

/** Text of an identity cell; numbers (a login typed as a number) become text. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  // Most identity cells (logins, names) are tidy already: test before building a new string.
  return UNTIDY.test(value) ? value.replace(/[\s\u00a0]+/g, " ").trim() : value;
}

/** White space other than single inner spaces: leading, trailing, doubled, or not a plain space. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;
