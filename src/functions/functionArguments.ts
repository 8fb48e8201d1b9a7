/*
 * Argument coercion for the worksheet functions, in one place: what Excel passes (numbers, text,
 * booleans, null for an omitted argument, "" for an empty cell, ranges as 2-D arrays) becomes what the
 * engine takes, or a #VALUE! with a short Russian message. The rules themselves stay in the engine.
 */
import {
  parseIdentificationOptions,
  readExportTable,
  sharesFromCounts,
  type CellValue,
  type ContextPoint,
  type ExportTable,
  type IdentificationOptions,
  type Quantile,
  type SheetGrid,
  type SocialShares,
} from "../engine";
import { engineValue, invalidValue, sharesOrInvalid } from "./functionErrors";

/** The sheet name the engine uses in cell addresses of a range given to a function. */
export const RANGE_SHEET_NAME = "диапазон";

/** An omitted optional argument (Excel passes null or nothing) or an empty cell (""). */
export function isOmitted(value: unknown): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

function found(argument: unknown): string {
  const value = plainValue(argument);
  if (typeof value === "boolean") return value ? "«ИСТИНА»" : "«ЛОЖЬ»";
  const text = typeof value === "number" ? String(value).replace(".", ",") : String(value);
  return `«${text.length > 40 ? `${text.slice(0, 40)}…` : text}»`;
}

const NUMBER_TEXT = /^([+-]?\d+(?:[.,]\d+)?)\s*(%?)$/;

/**
 * The plain value of what Excel passed: an error in a range cell arrives as an object with its code
 * (`#DIV/0!`), a cell value with data types (allowCustomDataForDataTypeAny) as an object with a basicValue.
 */
function plainValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const { code, basicValue } = value as { code?: unknown; basicValue?: unknown };
  if (typeof code === "string") return code;
  return basicValue !== undefined ? basicValue : value;
}

/** A number, or numeric text as people type it (`33,5`, `33.5`, `33 %`); `percentSign` says whether `%` was written. */
function numberOf(argument: unknown): { number: number; percentSign: boolean } | null {
  const value = plainValue(argument);
  if (typeof value === "number")
    return Number.isFinite(value) ? { number: value, percentSign: false } : null;
  if (typeof value !== "string") return null;
  const match = NUMBER_TEXT.exec(value.trim().replace(/[\s\u00a0]+(?=\d)/g, ""));
  return match
    ? { number: Number(match[1].replace(",", ".")), percentSign: match[2] === "%" }
    : null;
}

/** Any number (text with a decimal comma accepted); `what` names the argument in the message. */
export function numberArgument(value: unknown, what: string): number {
  const reading = numberOf(value);
  if (reading === null || reading.percentSign) {
    throw invalidValue(`${what}: ожидалось число; найдено ${found(value)}`);
  }
  return reading.number;
}

/** An optional number: the fallback when omitted. */
export function optionalNumberArgument(value: unknown, fallback: number, what: string): number {
  return isOmitted(value) ? fallback : numberArgument(value, what);
}

/** Percentage points 0–100, as in the export tables (`30`, `30,5`, `30%` as text). */
export function percentArgument(value: unknown, what: string): number {
  const reading = numberOf(value);
  if (reading === null || reading.number < 0 || reading.number > 100) {
    throw invalidValue(`${what}: ожидался процент от 0 до 100; найдено ${found(value)}`);
  }
  return reading.number;
}

export function optionalPercentArgument(value: unknown, fallback: number, what: string): number {
  return isOmitted(value) ? fallback : percentArgument(value, what);
}

/** A share 0–1 of a school's students; text `36%` is read as 0,36. */
export function shareArgument(value: unknown, what: string): number {
  const reading = numberOf(value);
  const share =
    reading === null ? NaN : reading.percentSign ? reading.number / 100 : reading.number;
  if (!(share >= 0 && share <= 1)) {
    throw invalidValue(
      `${what}: ожидалась доля от 0 до 1; найдено ${found(value)} (для количеств учеников укажите число обучающихся)`
    );
  }
  return share;
}

/** A count of students as a number; whether it is whole and not negative is the engine's check. */
function countArgument(value: unknown, what: string): number {
  const reading = numberOf(value);
  if (reading === null || reading.percentSign) {
    throw invalidValue(`${what}: ожидалось число учеников; найдено ${found(value)}`);
  }
  return reading.number;
}

/** A number of participants: whole and not negative. */
export function participantsArgument(value: unknown, what: string): number {
  const reading = numberOf(value);
  if (
    reading === null ||
    reading.percentSign ||
    reading.number < 0 ||
    !Number.isInteger(reading.number)
  ) {
    throw invalidValue(`${what}: ожидалось целое неотрицательное число; найдено ${found(value)}`);
  }
  return reading.number;
}

/**
 * The three ИСБШ inputs: shares 0–1, or — when the number of students is given — counts, which the
 * engine turns into shares (refusing a total of 0, a count above the total, a negative count).
 */
export function socialSharesArguments(
  bothHigher: unknown,
  singleParent: unknown,
  registered: unknown,
  total: unknown
): SocialShares {
  if (isOmitted(total)) {
    return {
      bothParentsHigherEducation: shareArgument(bothHigher, "оба родителя с высшим образованием"),
      singleParentFamilies: shareArgument(singleParent, "из неполных семей"),
      onRegisters: shareArgument(registered, "состоят на учёте"),
    };
  }
  return sharesOrInvalid(
    sharesFromCounts({
      studentsTotal: countArgument(total, "число обучающихся"),
      bothParentsHigherEducation: countArgument(bothHigher, "оба родителя с высшим образованием"),
      singleParentFamilies: countArgument(singleParent, "из неполных семей"),
      onRegisters: countArgument(registered, "состоят на учёте"),
    })
  );
}

/** The least advantaged group: lower quartile (0,25 — the default) or quintile (0,2); 25 and 20 read as per cent. */
export function quantileArgument(value: unknown): Quantile {
  if (isOmitted(value)) return 0.25;
  const reading = numberOf(value);
  const quantile =
    reading === null
      ? NaN
      : reading.percentSign || reading.number > 1
        ? reading.number / 100
        : reading.number;
  if (quantile === 0.25 || quantile === 0.2) return quantile;
  throw invalidValue(
    `квантиль: ожидалось 0,25 (нижний квартиль) или 0,2 (нижний квинтиль); найдено ${found(value)}`
  );
}

/** The ШНОР method's options, validated by the engine as if typed by a person (`2020`, `30`, `10`, `2018/2019`). */
export function identificationOptionsArguments(
  edition: unknown,
  threshold: unknown,
  minParticipants: unknown,
  year: unknown
): IdentificationOptions {
  const typed = (value: unknown): string | undefined =>
    isOmitted(value)
      ? undefined
      : typeof value === "boolean"
        ? value
          ? "ИСТИНА"
          : "ЛОЖЬ"
        : String(value);
  return engineValue(
    parseIdentificationOptions({
      edition: typed(edition),
      threshold: typed(threshold),
      minParticipants: typed(minParticipants),
      year: typed(year),
    })
  );
}

const INDEX = "число от 0 до 100";

/** An ИСБШ value: 0–100 by construction of the index. */
export function indexArgument(value: unknown, what: string): number {
  const reading = numberOf(value);
  if (reading === null || reading.percentSign || reading.number < 0 || reading.number > 100) {
    throw invalidValue(`${what}: ожидалось ${INDEX}; найдено ${found(value)}`);
  }
  return reading.number;
}

/** The ИСБШ values of a range, empty cells left out; `what` names the range in messages. */
export function indexesOfRange(range: unknown, what: string): number[] {
  const numbers: number[] = [];
  rowsOf(range, what).forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isOmitted(cell))
        numbers.push(indexArgument(cell, `${what}, строка ${r + 1}, столбец ${c + 1}`));
    })
  );
  return numbers;
}

function rowsOf(range: unknown, what: string): unknown[][] {
  if (!Array.isArray(range) || !range.every((row) => Array.isArray(row))) {
    throw invalidValue(`${what}: ожидался диапазон ячеек`);
  }
  return range as unknown[][];
}

function cellValueOf(argument: unknown): CellValue {
  const cell = plainValue(argument);
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean")
    return cell;
  return String(cell);
}

/** A range's values as a sheet grid for the engine; row 0 of the grid is the range's first row. */
export function gridOfRange(range: unknown, what: string): SheetGrid {
  return {
    sheetName: RANGE_SHEET_NAME,
    values: rowsOf(range, what).map((row) => row.map(cellValueOf)),
  };
}

/**
 * An export table from a range with its header rows. A function receives values, not number formats,
 * so a table kept as fractions under a percent format (0,4 shown as 40 %) arrives as 0,4. When every
 * percentage the reader found lies within 0–1 and some are fractional, the table is read again as
 * percent-formatted, so 0,4 counts as 40 % and not as 0,4 %: a table in points always has values above 1.
 */
export function exportTableArgument(range: unknown): ExportTable {
  const grid = gridOfRange(range, "таблица");
  const table = engineValue(readExportTable(grid));
  if (!looksLikeFractions(table)) return table;
  const numberFormats = grid.values.map((row) =>
    row.map((cell) => (typeof cell === "number" ? "0%" : null))
  );
  return engineValue(readExportTable({ ...grid, numberFormats }));
}

function looksLikeFractions(table: ExportTable): boolean {
  let fractional = false;
  for (const group of table.values) {
    for (const column of [group.failing, group.high]) {
      for (const value of column) {
        if (Number.isNaN(value)) continue;
        if (value > 1) return false;
        if (value > 0 && value < 1) fractional = true;
      }
    }
  }
  return fractional;
}

/** Two ranges of the same shape, cell by cell: each school's results index and its ИСБШ. */
export interface ContextRanges {
  rows: number;
  columns: number;
  /** One point per cell where both values are given; `login` is the cell's row-major position. */
  points: ContextPoint[];
}

/**
 * The schools of CONTEXT.RESIDUAL: a results index (0–100) and an ИСБШ (0–100) in the same cells of two
 * ranges of the same shape. A cell with only one of the two leaves that school out of the line.
 */
export function contextRangesArguments(results: unknown, isbsh: unknown): ContextRanges {
  const resultRows = rowsOf(results, "индекс результатов");
  const isbshRows = rowsOf(isbsh, "ИСБШ");
  const columns = resultRows[0]?.length ?? 0;
  const sameShape =
    resultRows.length === isbshRows.length &&
    resultRows.every((row, r) => row.length === columns && isbshRows[r].length === columns);
  if (!sameShape) {
    throw invalidValue(
      `индекс результатов и ИСБШ: ожидались диапазоны одного размера; найдено ${resultRows.length}×${columns} и ${isbshRows.length}×${isbshRows[0]?.length ?? 0}`
    );
  }
  const points: ContextPoint[] = [];
  resultRows.forEach((row, r) =>
    row.forEach((result, c) => {
      const index = isbshRows[r][c];
      if (isOmitted(plainValue(result)) || isOmitted(plainValue(index))) return;
      const where = `строка ${r + 1}, столбец ${c + 1}`;
      const position = String(r * columns + c);
      points.push({
        login: position,
        name: position,
        resultsIndex: indexArgument(result, `индекс результатов, ${where}`),
        isbsh: indexArgument(index, `ИСБШ, ${where}`),
      });
    })
  );
  return { rows: resultRows.length, columns, points };
}
