import type { CellValue } from "./types";
import { quoteFound } from "./russianText";

/** A cell read as a number: the value, or null for "no data", or a Russian problem text. */
export type NumberReading = { value: number | null; problem?: undefined } | { value: null; problem: string };

// What exports and people write for "no data": an ООШ has no ЕГЭ, a class did not write a test.
const MISSING = new Set(["", "-", "–", "—", "н/д", "нд", "н.д.", "н/д.", "нет", "нет данных", "x", "х", "*"]);
const NUMBER = /^([+-]?\d+(?:[.,]\d+)?)\s*(%?)$/;
const EXCEL_ERROR = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|ДЕЛ\/0!|Н\/Д|ИМЯ\?|ПУСТО!|ЧИСЛО!|ССЫЛКА!|ЗНАЧ!)/i;

export function isMissingValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && MISSING.has(value.trim().toLowerCase()));
}

/** Reads a cell as a plain number (decimal comma allowed, a trailing `%` kept as written). */
function readNumber(value: CellValue | undefined, expected: string): NumberReading {
  if (isMissingValue(value)) return { value: null };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { value } : { value: null, problem: `ожидалось: ${expected}; найдено ${quoteFound(value)}` };
  }
  if (typeof value === "boolean") return { value: null, problem: `ожидалось: ${expected}; найдено логическое значение ${quoteFound(value ? "ИСТИНА" : "ЛОЖЬ")}` };
  const text = value!.trim().replace(/[\s\u00a0]+(?=\d)/g, "");
  if (EXCEL_ERROR.test(text)) return { value: null, problem: `ожидалось: ${expected}; найдена ошибка формулы ${quoteFound(text)}` };
  const match = NUMBER.exec(text);
  if (!match) return { value: null, problem: `ожидалось: ${expected}; найдено ${quoteFound(value)}` };
  return { value: Number(match[1].replace(",", ".")) };
}

/**
 * A percentage in points 0–100. Excel stores 33 % as 0.33 under a percent number format, so a number
 * under such a format is scaled; text `33%` and `33,5` are points as written.
 */
export function readPercent(value: CellValue | undefined, numberFormat?: string | null): NumberReading {
  const expected = "процент от 0 до 100";
  const reading = readNumber(value, expected);
  if (reading.value === null) return reading;
  const points = typeof value === "number" && numberFormat?.includes("%") ? roundScaled(reading.value * 100) : reading.value;
  if (points < 0 || points > 100) return { value: null, problem: `ожидалось: ${expected}; найдено ${quoteFound(value)}` };
  return { value: points };
}

/** Floating point makes 0.29 * 100 = 28.999999999999996; an export never carries more than 6 decimals. */
function roundScaled(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A count of people: a whole number, not negative. */
export function readCount(value: CellValue | undefined): NumberReading {
  const expected = "целое неотрицательное число";
  const reading = readNumber(value, expected);
  if (reading.value === null) return reading;
  if (reading.value < 0 || !Number.isInteger(reading.value)) {
    return { value: null, problem: `ожидалось: ${expected}; найдено ${quoteFound(value)}` };
  }
  return reading;
}

/** An average mark or score: any number not below zero. */
export function readAverage(value: CellValue | undefined): NumberReading {
  const expected = "средний результат (неотрицательное число)";
  const reading = readNumber(value, expected);
  if (reading.value !== null && reading.value < 0) return { value: null, problem: `ожидалось: ${expected}; найдено ${quoteFound(value)}` };
  return reading;
}

/** Text of an identity cell; numbers (a login typed as a number) become text. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[\s\u00a0]+/g, " ").trim();
}
