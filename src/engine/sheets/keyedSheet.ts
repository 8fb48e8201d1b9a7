import type { CellValue, EngineError, SheetGrid, Warning } from "../types";
import { cellAddress, columnLetters, quotedSheetName } from "../table/cellAddress";
import {
  cellText,
  readCount,
  readNonNegative,
  readPercent,
  type NumberReading,
} from "../table/cellValue";
import { formatPercent, normalizeText, quoteFound } from "../russianText";
import { engineError } from "../engineError";
import { uncalculatedFormulasWarning } from "../table/uncalculatedFormulas";

/**
 * A sheet with one row per school and named numeric columns: the coordinators' templates (social
 * passport, risk questionnaire, staffing). Each schema names its fields and how to recognise their
 * headers, so a sheet is read whatever its column order and whether the user renamed it.
 */
export type FieldKind = "count" | "percent" | "score";

/**
 * What recognises a header (its normalised text): a RegExp, or a test a RegExp cannot say plainly
 * (the social passport's register columns: «names exactly one register»).
 */
export interface HeaderPattern {
  test(normal: string): boolean;
}

export interface FieldSpec {
  key: string;
  /** The header our template writes (Russian); also recognised when found verbatim. */
  label: string;
  /** Other spellings a person or a region's form may use (matched on normalised header text). */
  patterns: HeaderPattern[];
  kind: FieldKind;
  /** Bounds for scores (a 1–5 scale), checked when reading. */
  min?: number;
  max?: number;
}

/** A count-of-people field: the templates are mostly made of these. */
export const countField = (
  key: string,
  label: string,
  ...patterns: HeaderPattern[]
): FieldSpec => ({
  key,
  label,
  patterns,
  kind: "count",
});

export interface KeyedSheetSchema {
  /** `social-passport`, `risk-questionnaire`, `staffing`. */
  kind: string;
  /** Russian name for messages: «социальный паспорт». */
  title: string;
  fields: FieldSpec[];
  /** How many fields a header row must name before the sheet counts as this kind. */
  minimumFields: number;
}

export interface KeyedRow {
  login: string;
  /** The login in lower case: what rows of different sheets are matched by. */
  key: string;
  name: string;
  /** Zero-based sheet row. */
  row: number;
  /** Field key → value; NaN is "no data". */
  values: Record<string, number>;
}

export interface KeyedSheet {
  sheetName: string;
  kind: string;
  headerRow: number;
  /** Field key → zero-based sheet column. */
  columns: Record<string, number>;
  /** Count fields whose header says «доля» or «%»: read as a share in per cent (0–100). */
  shares: string[];
  rows: KeyedRow[];
  /**
   * Each field's values for every row, parallel to `rows` (NaN is "no data"). The analyses read these
   * columns, as the ШНОР rule reads the export table's: a row's values are a record of up to 35
   * numbers, and reading 50,000 such records field by field cost most of the risk matrix and ИСБШ.
   */
  fieldValues: Record<string, Float64Array>;
  /** Each row's place in `rows` by its `key`: how another sheet's schools are found here. */
  rowIndexByKey: ReadonlyMap<string, number>;
  warnings: Warning[];
}

const LOGIN = /^(sch|edu)\d{4,}$/i;
const LOGIN_HEADER = /логин|login|код\s*оо/;
const NAME_HEADER = /наименован|название|(?<![а-я])оо(?![а-я])|школа|организаци|учреждени/;
const TOTAL_ROW = /итого|всего по|в среднем|по муниципалитету/i;
const HEADER_SEARCH_ROWS = 20;

/**
 * Each field's label, normalised once: finding a header row compares every cell of the first rows
 * of every sheet with every free field of three templates, and normalising the labels there again
 * each time was 15 % of a command-line run on the sample workbook.
 */
const normalLabels = new WeakMap<FieldSpec, string>();

function normalLabel(field: FieldSpec): string {
  let label = normalLabels.get(field);
  if (label === undefined) normalLabels.set(field, (label = normalizeText(field.label)));
  return label;
}

/**
 * The field a header names (`normal`: its normalised text). Header text of our own template columns
 * starts with a code (`Ф2.1`, `С3`); it matches first.
 */
function matchField(
  normal: string,
  fields: FieldSpec[],
  taken: Set<string>
): FieldSpec | undefined {
  if (normal === "") return undefined;
  const free = fields.filter((field) => !taken.has(field.key));
  return (
    free.find((field) => normalLabel(field) === normal) ??
    free.find((field) => field.patterns.some((pattern) => pattern.test(normal)))
  );
}

interface HeaderMatch {
  row: number;
  columns: Record<string, number>;
  shares: string[];
  login?: number;
  name?: number;
}

function matchHeaderRow(grid: SheetGrid, rowIndex: number, schema: KeyedSheetSchema): HeaderMatch {
  const firstRow = grid.origin?.row ?? 0;
  const firstColumn = grid.origin?.column ?? 0;
  const taken = new Set<string>();
  const match: HeaderMatch = { row: firstRow + rowIndex, columns: {}, shares: [] };
  (grid.values[rowIndex] ?? []).forEach((cell, index) => {
    const normal = normalizeText(cellText(cell));
    const column = firstColumn + index;
    if (match.login === undefined && LOGIN_HEADER.test(normal)) match.login = column;
    else if (
      match.name === undefined &&
      NAME_HEADER.test(normal) &&
      !/всего|числ|доля/.test(normal)
    )
      match.name = column;
    else {
      const field = matchField(normal, schema.fields, taken);
      if (field) {
        taken.add(field.key);
        match.columns[field.key] = column;
        if (field.kind === "count" && /доля|%/.test(normal)) match.shares.push(field.key);
      }
    }
  });
  return match;
}

/** Finds the header row (the one naming the most fields) and reads every school row below it. */
export function readKeyedSheet(
  grid: SheetGrid,
  schema: KeyedSheetSchema
): KeyedSheet | EngineError {
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  let best: HeaderMatch | undefined;
  for (let r = 0; r < limit; r++) {
    const match = matchHeaderRow(grid, r, schema);
    const found = Object.keys(match.columns).length;
    if (
      (match.login !== undefined || match.name !== undefined) &&
      found > Object.keys(best?.columns ?? {}).length
    )
      best = match;
  }
  if (!best || Object.keys(best.columns).length < schema.minimumFields) {
    return engineError(
      "no_table",
      `На листе «${grid.sheetName}» не найден ${schema.title}: ожидалась строка заголовков с логином ОО и столбцами ` +
        schema.fields
          .slice(0, 3)
          .map((field) => `«${field.label}»`)
          .join(", ") +
        " …",
      quotedSheetName(grid.sheetName)
    );
  }
  const warnings: Warning[] = uncalculatedFormulasWarning(grid);
  const { rows, rowIndexByKey } = readRows(grid, schema, best, warnings);
  const fieldValues = fieldColumns(
    rows,
    schema.fields.map((field) => field.key)
  );
  for (const key of best.shares) {
    const field = schema.fields.find((candidate) => candidate.key === key)!;
    const share = { grid, field, column: best.columns[key], rows, values: fieldValues[key] };
    const warning = readShareFractions(share, schema.title);
    if (warning) warnings.push(warning);
  }
  return {
    sheetName: grid.sheetName,
    kind: schema.kind,
    headerRow: best.row,
    columns: best.columns,
    shares: best.shares,
    rows,
    fieldValues,
    rowIndexByKey,
    warnings,
  };
}

/** One share column as read: its field, sheet column, and values parallel to the rows. */
interface ShareColumn {
  grid: SheetGrid;
  field: FieldSpec;
  column: number;
  rows: KeyedRow[];
  values: Float64Array;
}

/**
 * Whether a share cell's number carries its unit: a number under a percent format (Excel keeps 15 %
 * as 0.15, which `readPercent` already scaled) or text with «%». Only the other numbers can be
 * fractions of one typed under a «доля» header.
 */
function carriesUnit({ grid, column, rows }: ShareColumn, index: number): boolean {
  const row = rows[index].row - (grid.origin?.row ?? 0);
  const at = column - (grid.origin?.column ?? 0);
  const value = grid.values[row]?.[at];
  if (typeof value === "string") return value.includes("%");
  return typeof value === "number" && (grid.numberFormats?.[row]?.[at] ?? "").includes("%");
}

/**
 * How a share column's unitless numbers are meant: per cent as written (some is above 1, or all are
 * 0); fractions of one (all within 0–1, one of them strictly between: `example`); or either (only 0
 * and 1). One pass over the column.
 */
function shareScale(share: ShareColumn): "percent" | "ambiguous" | { example: number } {
  let example = NaN;
  let ones = false;
  for (let index = 0; index < share.values.length; index++) {
    const value = share.values[index];
    if (Number.isNaN(value) || value === 0 || carriesUnit(share, index)) continue;
    if (value > 1) return "percent";
    if (value === 1) ones = true;
    else if (Number.isNaN(example)) example = value;
  }
  if (!Number.isNaN(example)) return { example };
  return ones ? "ambiguous" : "percent";
}

/**
 * Shares typed as fractions of one (0.15 for 15 %) under a «доля» header: read as per cent they would
 * be a hundred times too small and nothing would show it (every ИСБШ near 85). Scales them to per
 * cent and says so once for the column; a column of only 0 and 1 is kept as per cent, with a question.
 */
function readShareFractions(share: ShareColumn, title: string): Warning | null {
  if (share.rows.length === 0) return null;
  const scale = shareScale(share);
  if (scale === "percent") return null;
  const { grid, field, column, rows, values } = share;
  const last = rows[rows.length - 1].row;
  const cell =
    cellAddress(grid.sheetName, rows[0].row, column) +
    (last === rows[0].row ? "" : `:${columnLetters(column)}${last + 1}`);
  const heading = `${title}, «${field.label}»: ожидались проценты от 0 до 100`;
  if (scale === "ambiguous") {
    return {
      cell,
      message:
        `${heading}; в столбце только 0 и 1 — это могут быть и проценты, и доли единицы. Прочитаны как проценты (1 = 1\u00a0%). ` +
        "Если 1 означает 100\u00a0%, введите значения в процентах (100) или задайте ячейкам процентный формат",
    };
  }
  for (let index = 0; index < values.length; index++) {
    if (Number.isNaN(values[index]) || carriesUnit(share, index)) continue;
    values[index] = Math.round(values[index] * 1e8) / 1e6; // × 100 without 0.29 × 100 = 28.999…
    rows[index].values[field.key] = values[index];
  }
  const example = String(scale.example).replace(".", ",");
  return {
    cell,
    message:
      `${heading}; все числа столбца — от 0 до 1, поэтому прочитаны как доли единицы: ${example} = ${formatPercent(scale.example * 100)}\u00a0%. ` +
      "Если это проценты меньше 1\u00a0%, задайте ячейкам столбца процентный формат и введите значения заново",
  };
}

/** The rows' values of each field as a column (the engine never changes a sheet it has read). */
function fieldColumns(rows: KeyedRow[], keys: string[]): Record<string, Float64Array> {
  const columns: Record<string, Float64Array> = {};
  for (const key of keys) {
    const column = new Float64Array(rows.length);
    for (let row = 0; row < rows.length; row++) column[row] = rows[row].values[key] ?? NaN;
    columns[key] = column;
  }
  return columns;
}

const EXPECTED: Record<FieldKind, string> = {
  count: "целое неотрицательное число",
  percent: "процент от 0 до 100",
  score: "неотрицательное число",
};

function readField(
  value: CellValue,
  format: string | null | undefined,
  field: FieldSpec,
  asShare: boolean
): NumberReading {
  if (field.kind === "percent" || asShare) return readPercent(value, format);
  if (field.kind === "count") return readCount(value);
  const min = field.min ?? 0;
  const expected = field.max === undefined ? EXPECTED.score : `число от ${min} до ${field.max}`;
  const reading = readNonNegative(value, expected);
  const outOfRange =
    typeof reading === "number" &&
    (reading < min || (field.max !== undefined && reading > field.max));
  return outOfRange ? `ожидалось: ${expected}; найдено ${quoteFound(value)}` : reading;
}

function readRows(
  grid: SheetGrid,
  schema: KeyedSheetSchema,
  header: HeaderMatch,
  warnings: Warning[]
): { rows: KeyedRow[]; rowIndexByKey: Map<string, number> } {
  const firstRow = grid.origin?.row ?? 0;
  const firstColumn = grid.origin?.column ?? 0;
  const keyColumn = (header.login ?? header.name)!;
  const rows: KeyedRow[] = [];
  // Lower-case key → the index of its row: finds repeated schools, then other sheets' schools.
  const seen = new Map<string, number>();
  for (let index = header.row - firstRow + 1; index < grid.values.length; index++) {
    const cells = grid.values[index] ?? [];
    const row = firstRow + index;
    const at = (column: number): CellValue => cells[column - firstColumn] ?? null;
    const key = cellText(at(keyColumn));
    if (key === "") continue;
    if (!LOGIN.test(key) && cells.some((cell) => TOTAL_ROW.test(cellText(cell)))) continue;
    const lowerKey = key.toLowerCase();
    const earlier = seen.get(lowerKey);
    if (earlier !== undefined) {
      warnings.push({
        cell: cellAddress(grid.sheetName, row, keyColumn),
        message: `школа ${quoteFound(key)} уже есть в строке ${rows[earlier].row + 1}; повторная строка не прочитана`,
      });
      continue;
    }
    seen.set(lowerKey, rows.length);
    const values: Record<string, number> = {};
    for (const field of schema.fields) {
      const column = header.columns[field.key];
      values[field.key] = NaN;
      if (column === undefined) continue;
      const reading = readField(
        at(column),
        grid.numberFormats?.[index]?.[column - firstColumn],
        field,
        header.shares.includes(field.key)
      );
      if (typeof reading === "number") values[field.key] = reading;
      else {
        warnings.push({
          cell: cellAddress(grid.sheetName, row, column),
          message: `${schema.title}, «${field.label}»: ${reading}; значение не учтено`,
        });
      }
    }
    const name = header.name === undefined ? key : cellText(at(header.name)) || key;
    rows.push({ login: key, key: lowerKey, name, row, values });
  }
  return { rows, rowIndexByKey: seen };
}
