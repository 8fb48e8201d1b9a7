import type { CellValue, EngineError, SheetGrid, Warning } from "../types";
import type {
  ColumnGroup,
  ExportTable,
  ExportTableLayout,
  GroupValues,
  MergedRange,
  Procedure,
  ReadTableOptions,
  SchoolRecord,
  SchoolYear,
} from "./exportTable";
import { MAX_HEADER_TEXT, readHeaderText, type HeaderMeaning, type Metric } from "./headerText";
import {
  cellText,
  isMissingValue,
  readAverage,
  readCount,
  readPercent,
  type NumberReading,
} from "./cellValue";
import { cellAddress, columnLetters, quotedSheetName } from "./cellAddress";
import { engineError } from "../engineError";
import { findSchoolYear } from "./schoolYear";
import { quoteFound } from "../russianText";
import { CONVENTION_VALUE_COLUMNS, conventionColumns } from "./seed002Convention";
import { firstAtLeast } from "../firstAtLeast";
import { uncalculatedFormulasWarning } from "./uncalculatedFormulas";

const LOGIN = /^(sch|edu)\d{4,}$/i;
const TOTAL_ROW = /итого|всего|в среднем|среднее|по муниципалитету|по региону|по округу|по району/i;
const MAX_HEADER_ROWS = 4;
const HEADER_SEARCH_ROWS = 30;

/** A grid with sheet coordinates: `at(r, c)` uses zero-based sheet rows and columns. */
interface Sheet {
  name: string;
  rowCount: number;
  columnCount: number;
  firstRow: number;
  firstColumn: number;
  at(row: number, column: number): CellValue;
  /** The row's length as the host holds it (cells beyond it are empty). */
  rowLength(row: number): number;
  format(row: number, column: number): string | null | undefined;
  address(row: number, column: number): string;
  /** The host's arrays, for the hot loop over the schools' results (no closure per cell). */
  grid: SheetGrid;
}

function sheetOf(grid: SheetGrid): Sheet {
  const firstRow = grid.origin?.row ?? 0;
  const firstColumn = grid.origin?.column ?? 0;
  const common = {
    name: grid.sheetName,
    firstRow,
    firstColumn,
    address: (row: number, column: number) => cellAddress(grid.sheetName, row, column),
    grid,
  };
  const cells = grid.cells;
  if (cells !== undefined) {
    return {
      ...common,
      rowCount: cells.rowCount,
      columnCount: cells.columnCount,
      at: (row, column) => cells.value(row - firstRow, column - firstColumn),
      rowLength: (row) => cells.rowLength(row - firstRow),
      format: (row, column) => cells.numberFormat(row - firstRow, column - firstColumn),
    };
  }
  return {
    ...common,
    rowCount: grid.values.length,
    columnCount: grid.values.reduce((widest, row) => Math.max(widest, row.length), 0),
    at: (row, column) => grid.values[row - firstRow]?.[column - firstColumn] ?? null,
    rowLength: (row) => grid.values[row - firstRow]?.length ?? 0,
    format: (row, column) => grid.numberFormats?.[row - firstRow]?.[column - firstColumn],
  };
}

/**
 * A cell's text for recognising headers, logins, years and totals — all short. A longer string is
 * cut (and left longer than any header, so it is never read as one) before it is tidied: tidying a
 * cell of megabytes took over a second, and the reader looks at a header cell several times.
 */
function lookText(value: CellValue): string {
  return typeof value === "string" && value.length > MAX_HEADER_TEXT
    ? value.slice(0, MAX_HEADER_TEXT + 1)
    : cellText(value);
}

function rowCells(sheet: Sheet, row: number): CellValue[] {
  const cells: CellValue[] = [];
  for (let c = sheet.firstColumn; c < sheet.firstColumn + sheet.columnCount; c++)
    cells.push(sheet.at(row, c));
  return cells;
}

function isEmptyRow(sheet: Sheet, row: number): boolean {
  // The row's own length, not the sheet's width: one cell in column XFD must not make every row long.
  const end = sheet.firstColumn + sheet.rowLength(row);
  for (let c = sheet.firstColumn; c < end; c++) {
    const cell = sheet.at(row, c);
    if (cell !== null && cell !== undefined && (typeof cell !== "string" || cell.trim() !== ""))
      return false;
  }
  return true;
}

/**
 * Reads a regional export table from a sheet's values, whatever the header's spelling and shape
 * (DOMAIN §1). Every cell it cannot read becomes a warning with its address; nothing becomes zero.
 */
export function readExportTable(
  grid: SheetGrid,
  options: ReadTableOptions = {}
): ExportTable | EngineError {
  const sheet = sheetOf(grid);
  const lastRow = sheet.firstRow + sheet.rowCount;
  const firstLoginRow = findFirstLoginRow(sheet, lastRow);
  const headerRows = findHeaderRows(sheet, firstLoginRow);
  const warnings: Warning[] = uncalculatedFormulasWarning(grid);
  const columns =
    headerRows.length > 0
      ? columnsFromHeader(sheet, headerRows, warnings)
      : columnsFromConvention(sheet, firstLoginRow, warnings);
  if (columns === null || columns.groups.length === 0) return noTableError(sheet);
  const dataStart = headerRows.length > 0 ? headerRows[headerRows.length - 1] + 1 : firstLoginRow;
  const identity = completeIdentity(sheet, columns.identity, dataStart, lastRow);
  if (identity.login === undefined && identity.name === undefined) return noTableError(sheet);
  if (identity.login === undefined) {
    warnings.push({
      cell: quotedSheetName(sheet.name),
      message: "не найден столбец с логином ОО (sch…/edu…): школы различаются по названию",
    });
  }
  const layout: ExportTableLayout = {
    headerRows,
    identity,
    source: headerRows.length > 0 ? "header" : "convention",
  };
  const { schools, values } = readSchools(
    sheet,
    layout,
    columns.groups,
    dataStart,
    lastRow,
    options.mergedRanges ?? [],
    warnings
  );
  return assembleTable(sheet.name, layout, columns.groups, schools, values, warnings);
}

function noTableError(sheet: Sheet): EngineError {
  return engineError(
    "no_table",
    `На листе «${sheet.name}» не найдена таблица результатов: ожидались заголовки вида «ВПР МА 5 2019» и «% «2»» ` +
      "(или строки без заголовка в порядке выгрузки: муниципалитет, ОО, логин sch…, 16 пар значений)",
    quotedSheetName(sheet.name)
  );
}

function findFirstLoginRow(sheet: Sheet, lastRow: number): number {
  for (let r = sheet.firstRow; r < lastRow; r++) {
    if (rowCells(sheet, r).some((cell) => LOGIN.test(lookText(cell)))) return r;
  }
  return -1;
}

/**
 * Procedure or metric words make a row a header row (identity words alone do not: a school row names
 * its municipality); logins or a majority of plain numbers make it data.
 */
function isHeaderRow(cells: CellValue[]): boolean {
  const filled = cells.map(lookText).filter((text) => text !== "");
  if (filled.length < 2 || filled.some((text) => LOGIN.test(text))) return false;
  const numbers = filled.filter(
    (text) => /^[\d.,\s%-]+$/.test(text) && !/^20\d\d([/-]\d\d(\d\d)?)?$/.test(text)
  );
  if (numbers.length * 2 > filled.length) return false;
  return filled.some((text) => {
    const meaning = readHeaderText(text);
    return meaning.procedure !== null || meaning.metric !== null;
  });
}

/** The header rows right above the first school row (blank rows between are allowed). */
function findHeaderRows(sheet: Sheet, firstLoginRow: number): number[] {
  const rows: number[] = [];
  if (firstLoginRow >= 0) {
    for (let r = firstLoginRow - 1; r >= sheet.firstRow && rows.length < MAX_HEADER_ROWS; r--) {
      if (isHeaderRow(rowCells(sheet, r))) rows.unshift(r);
      else if (rows.length > 0 || !isEmptyRow(sheet, r)) break;
    }
    return rows;
  }
  const limit = Math.min(sheet.firstRow + sheet.rowCount, sheet.firstRow + HEADER_SEARCH_ROWS);
  for (let r = sheet.firstRow; r < limit && rows.length < MAX_HEADER_ROWS; r++) {
    if (isHeaderRow(rowCells(sheet, r))) rows.push(r);
    else if (rows.length > 0) break;
  }
  return rows;
}

interface TableColumns {
  groups: ColumnGroup[];
  identity: ExportTableLayout["identity"];
}

/**
 * Joins each column's header texts. A blank cell in an upper row under a merge (the Excel adapter
 * gives merged cells but the first as empty) takes the text to its left when the bottom row names a metric.
 */
function columnHeaderTexts(sheet: Sheet, headerRows: number[]): string[] {
  const bottom = headerRows[headerRows.length - 1];
  const texts: string[] = [];
  const carried = headerRows.map(() => "");
  for (let c = sheet.firstColumn; c < sheet.firstColumn + sheet.columnCount; c++) {
    const bottomMeaning = readHeaderText(lookText(sheet.at(bottom, c)));
    const underMerge = bottomMeaning.metric !== null && bottomMeaning.procedure === null;
    const parts = headerRows.map((row, index) => {
      const own = lookText(sheet.at(row, c));
      if (row === bottom) return own;
      carried[index] = own !== "" ? own : underMerge ? carried[index] : "";
      return carried[index];
    });
    texts.push(parts.join(" "));
  }
  return texts;
}

function columnsFromHeader(sheet: Sheet, headerRows: number[], warnings: Warning[]): TableColumns {
  const texts = columnHeaderTexts(sheet, headerRows);
  const titleYear = yearAboveHeader(sheet, headerRows[0]);
  const groups = new Map<string, ColumnGroup>();
  const identity: TableColumns["identity"] = {};
  texts.forEach((text, index) => {
    const column = sheet.firstColumn + index;
    if (text.length > MAX_HEADER_TEXT) {
      warnings.push(overlongHeader(sheet, headerRows, column));
      return;
    }
    const meaning = readHeaderText(text);
    if (meaning.identity !== null) {
      identity[meaning.identity] ??= column;
      return;
    }
    if (meaning.procedure === null) return;
    const year = meaning.year ?? titleYear;
    if (year === null) {
      warnings.push({
        cell: sheet.address(headerRows[0], column),
        message: `ожидался год в заголовке столбца («2019», «2018/2019» или «2018-19»); найдено ${quoteFound(text.trim())}; столбец не прочитан`,
      });
      return;
    }
    placeColumn(
      groups,
      meaning,
      meaning.procedure,
      year,
      column,
      sheet.address(headerRows[headerRows.length - 1], column),
      warnings
    );
  });
  return { groups: [...groups.values()], identity };
}

/** A header cell longer than any header (pasted data, a note) leaves its column unread: say so. */
function overlongHeader(sheet: Sheet, headerRows: number[], column: number): Warning {
  const row = headerRows.find((r) => lookText(sheet.at(r, column)).length > MAX_HEADER_TEXT);
  const text = String(sheet.at(row ?? headerRows[0], column));
  return {
    cell: sheet.address(row ?? headerRows[0], column),
    message: `ожидался заголовок столбца (не длиннее ${MAX_HEADER_TEXT} знаков); найден текст из ${text.length} знаков ${quoteFound(text)}; столбец не прочитан`,
  };
}

/** Puts a column into its procedure × year group; an unnamed metric takes the next of (% «2», % high). */
function placeColumn(
  groups: Map<string, ColumnGroup>,
  meaning: HeaderMeaning,
  procedure: Procedure,
  year: SchoolYear,
  column: number,
  address: string,
  warnings: Warning[]
): void {
  const key = `${procedure.id}|${year.end}`;
  const group = groups.get(key) ?? { procedure, year, columns: {} };
  groups.set(key, group);
  const metric: Metric | undefined =
    meaning.metric ??
    (["failing", "high"] as const).find((candidate) => group.columns[candidate] === undefined);
  if (metric === undefined || group.columns[metric] !== undefined) {
    warnings.push({
      cell: address,
      message: `столбец повторяет уже найденный (${procedure.label} ${year.label}); повтор не прочитан`,
    });
    return;
  }
  group.columns[metric] = column;
}

/** A table title such as «Итоги ВПР 2024 года» gives the year to headers that lack one. */
function yearAboveHeader(sheet: Sheet, firstHeaderRow: number): SchoolYear | null {
  for (let r = firstHeaderRow - 1; r >= sheet.firstRow; r--) {
    for (const cell of rowCells(sheet, r)) {
      const found = findSchoolYear(lookText(cell));
      if (found) return found.year;
    }
  }
  return null;
}

/** The headerless export of seed 002: identity, then exactly 32 value cells per school row. */
function columnsFromConvention(
  sheet: Sheet,
  firstLoginRow: number,
  warnings: Warning[]
): TableColumns | null {
  if (firstLoginRow < 0) return null;
  const cells = rowCells(sheet, firstLoginRow);
  const loginIndex = cells.findIndex((cell) => LOGIN.test(lookText(cell)));
  const valueCells = cells.slice(loginIndex + 1);
  const lastFilled = valueCells.reduce<number>(
    (last, cell, index) => (lookText(cell) !== "" ? index : last),
    -1
  );
  if (lastFilled + 1 !== CONVENTION_VALUE_COLUMNS) return null;
  const later = yearAboveHeader(sheet, firstLoginRow);
  if (later === null) {
    warnings.push({
      cell: quotedSheetName(sheet.name),
      message:
        "таблица без заголовка прочитана в порядке выгрузки (16 пар «% «2»; % высоких»); год не указан на листе — годы названы «последний» и «предыдущий»",
    });
  }
  const [laterYear, earlierYear] = later
    ? [later, { label: String(later.end - 1), end: later.end - 1 }]
    : [
        { label: "последний год", end: 2 },
        { label: "предыдущий год", end: 1 },
      ];
  const firstValueColumn = sheet.firstColumn + loginIndex + 1;
  const groups = new Map<string, ColumnGroup>();
  for (const column of conventionColumns(laterYear, earlierYear)) {
    const key = `${column.procedure.id}|${column.year.end}`;
    const group = groups.get(key) ?? {
      procedure: column.procedure,
      year: column.year,
      columns: {},
    };
    group.columns[column.metric] = firstValueColumn + column.offset;
    groups.set(key, group);
  }
  const login = sheet.firstColumn + loginIndex;
  const identity: TableColumns["identity"] = { login };
  if (loginIndex >= 1) identity.name = login - 1;
  if (loginIndex >= 2) identity.municipality = login - 2;
  return { groups: [...groups.values()], identity };
}

/** Where the header does not name the login column, the column full of `sch…` values is it. */
function completeIdentity(
  sheet: Sheet,
  identity: TableColumns["identity"],
  dataStart: number,
  lastRow: number
): TableColumns["identity"] {
  if (identity.login !== undefined) return identity;
  const hits = new Map<number, number>();
  for (let r = dataStart; r < lastRow; r++) {
    rowCells(sheet, r).forEach((cell, index) => {
      if (LOGIN.test(lookText(cell))) hits.set(index, (hits.get(index) ?? 0) + 1);
    });
  }
  const best = [...hits.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { ...identity, login: sheet.firstColumn + best[0] } : identity;
}

function readSchools(
  sheet: Sheet,
  layout: ExportTableLayout,
  groups: ColumnGroup[],
  dataStart: number,
  lastRow: number,
  mergedRanges: MergedRange[],
  warnings: Warning[]
): { schools: SchoolRecord[]; values: GroupValues[] } {
  const schools: SchoolRecord[] = [];
  const rows: number[] = [];
  const seen = new Map<string, { row: number; municipality: string }>();
  const {
    login: loginColumn,
    name: nameColumn,
    municipality: municipalityColumn,
  } = layout.identity;
  const keyColumn = (loginColumn ?? nameColumn)!;
  for (let row = dataStart; row < lastRow; row++) {
    if (isEmptyRow(sheet, row)) continue;
    const key = cellText(sheet.at(row, keyColumn));
    if (!acceptRowKey(sheet, row, keyColumn, key, loginColumn !== undefined, groups, warnings))
      continue;
    const municipality =
      municipalityColumn === undefined ? "" : cellText(sheet.at(row, municipalityColumn));
    const lowerKey = key.toLowerCase();
    const earlier = seen.get(lowerKey);
    if (earlier !== undefined) {
      warnings.push({
        cell: sheet.address(row, keyColumn),
        message: repeatedKey(key, earlier, municipality),
      });
      continue;
    }
    seen.set(lowerKey, { row, municipality });
    const name = nameColumn === undefined ? "" : cellText(sheet.at(row, nameColumn));
    schools.push({ login: key, key: lowerKey, name: name === "" ? key : name, municipality, row });
    rows.push(row);
  }
  const mergedAway = mergedResultCells(sheet, rows, groups, mergedRanges, warnings);
  return {
    schools,
    values: readAllGroupValues(sheet, rows, groups, mergedAway, warnings),
  };
}

/**
 * A login names one school, and a school belongs to one municipality: a repeated login is reported
 * with the row it repeats, and when the two rows name different municipalities, with both, since
 * then one of the two logins is wrong rather than the row copied twice.
 */
function repeatedKey(
  key: string,
  earlier: { row: number; municipality: string },
  municipality: string
): string {
  if (
    earlier.municipality !== "" &&
    municipality !== "" &&
    earlier.municipality.toLowerCase() !== municipality.toLowerCase()
  ) {
    return (
      `логин ${quoteFound(key)} уже есть в строке ${earlier.row + 1} в муниципалитете ${quoteFound(earlier.municipality)}, ` +
      `а здесь указан муниципалитет ${quoteFound(municipality)}: один логин в двух муниципалитетах; повторная строка не прочитана`
    );
  }
  return `школа ${quoteFound(key)} уже есть в строке ${earlier.row + 1}; повторная строка не прочитана`;
}

/**
 * The cells of merged ranges that lie among the schools' results, but for each range's first cell:
 * they are left unread (a host may have repeated the first cell's value into them), and each such
 * range is reported once. Keys are `row * COLUMN_KEY + column`.
 */
const COLUMN_KEY = 1 << 14;

function mergedResultCells(
  sheet: Sheet,
  rows: number[],
  groups: ColumnGroup[],
  mergedRanges: MergedRange[],
  warnings: Warning[]
): Set<number> {
  const away = new Set<number>();
  if (mergedRanges.length === 0 || rows.length === 0) return away;
  const valueColumns = [
    ...new Set(groups.flatMap((group) => Object.values(group.columns) as number[])),
  ].sort((a, b) => a - b);
  for (const range of mergedRanges) {
    const columns = valueColumns.filter((c) => c >= range.left && c <= range.right);
    if (columns.length === 0 || (range.top === range.bottom && range.left === range.right))
      continue;
    let touched = false;
    // rows ascend: start at the first school row inside the range.
    for (let i = firstAtLeast(rows, range.top); i < rows.length && rows[i] <= range.bottom; i++) {
      for (const column of columns) {
        touched = true;
        if (rows[i] !== range.top || column !== range.left) away.add(rows[i] * COLUMN_KEY + column);
      }
    }
    if (!touched) continue;
    const first = `${columnLetters(range.left)}${range.top + 1}`;
    warnings.push({
      cell: `${quotedSheetName(sheet.name)}!${first}:${columnLetters(range.right)}${range.bottom + 1}`,
      message:
        `ожидалось: отдельное значение в каждой ячейке результатов; найдены объединённые ячейки — ` +
        `учтено только значение первой ячейки (${first}), остальные ячейки диапазона не учтены`,
    });
  }
  return away;
}

/** Decides whether a row is a school: totals and repeated headers are passed over, odd keys reported. */
function acceptRowKey(
  sheet: Sheet,
  row: number,
  keyColumn: number,
  key: string,
  isLoginColumn: boolean,
  groups: ColumnGroup[],
  warnings: Warning[]
): boolean {
  if (LOGIN.test(key)) return true;
  const cells = rowCells(sheet, row);
  if (cells.some((cell) => TOTAL_ROW.test(lookText(cell))) || isHeaderRow(cells)) return false;
  if (key === "") {
    const hasValues = groups.some((group) =>
      Object.values(group.columns).some((column) => !isMissingValue(sheet.at(row, column)))
    );
    if (hasValues) {
      warnings.push({
        cell: sheet.address(row, keyColumn),
        message: isLoginColumn
          ? "ожидался логин ОО (sch… или edu…); ячейка пуста; строка не прочитана"
          : "ожидалось название ОО; ячейка пуста; строка не прочитана",
      });
    }
    return false;
  }
  if (isLoginColumn) {
    warnings.push({
      cell: sheet.address(row, keyColumn),
      message: `ожидался логин ОО вида sch123456 или edu123456; найдено ${quoteFound(key)}; строка прочитана с этим ключом`,
    });
  }
  return true;
}

const METRIC_NAMES: Record<Metric, string> = {
  failing: "% «2»",
  high: "% высоких результатов",
  participants: "число участников",
  average: "средний результат",
};

const READERS: Record<Metric, (value: CellValue, format?: string | null) => NumberReading> = {
  failing: readPercent,
  high: readPercent,
  participants: readCount,
  average: readAverage,
};

/** Reads one group's columns for the school rows, column by column; unreadable cells become warnings. */
const METRICS: Metric[] = ["failing", "high", "participants", "average"];

/** One column to read into one array: a group's metric. */
interface ColumnTarget {
  values: Float64Array;
  /** Column within the host's row arrays. */
  column: number;
  group: ColumnGroup;
  metric: Metric;
  kind: "percent" | "count" | "average";
  warnings: Warning[];
}

/**
 * Reads every group's columns for the school rows; unreadable cells become warnings. Row by row (a
 * row's cells lie together in memory; column by column took twice as long on a national table), with
 * the warnings kept in group, metric, row order as before.
 */
function readAllGroupValues(
  sheet: Sheet,
  rows: number[],
  groups: ColumnGroup[],
  mergedAway: Set<number>,
  warnings: Warning[]
): GroupValues[] {
  const targets: ColumnTarget[] = [];
  // A metric the table has no column for is one array of «no data» shared by every group: a national
  // table without averages would otherwise hold 30 arrays of 50,000 NaN (12 MB) saying the same.
  // Nothing writes into a table's values once it is read.
  let noData: Float64Array | undefined;
  const result = groups.map((group) => {
    const arrays = {} as Record<Metric, Float64Array>;
    for (const metric of METRICS) {
      const column = group.columns[metric];
      if (column === undefined) {
        arrays[metric] = noData ??= new Float64Array(rows.length).fill(NaN);
        continue;
      }
      arrays[metric] = new Float64Array(rows.length).fill(NaN);
      targets.push({
        values: arrays[metric],
        column: column - sheet.firstColumn,
        group,
        metric,
        kind: metric === "participants" ? "count" : metric === "average" ? "average" : "percent",
        warnings: [],
      });
    }
    return arrays as GroupValues;
  });
  const { values: gridValues, numberFormats, cells: packed } = sheet.grid;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] - sheet.firstRow;
    // A packed grid is read cell by cell: making its rows as arrays would undo the packing.
    const cells = packed === undefined ? gridValues[r] : undefined;
    if (packed === undefined && cells === undefined) continue;
    const formats = packed === undefined ? numberFormats?.[r] : undefined;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      const value =
        cells === undefined ? packed!.value(r, target.column) : (cells[target.column] ?? null);
      if (value === null || value === "-") continue;
      const format =
        formats === undefined ? packed?.numberFormat(r, target.column) : formats[target.column];
      // The common case is read in place (a national table has millions of cells): a plain number
      // in range with no number format to scale it. Everything else goes through the readers.
      if (typeof value === "number" && format == null && value >= 0) {
        const plain =
          target.kind === "percent"
            ? value <= 100
            : target.kind === "count"
              ? Number.isInteger(value)
              : Number.isFinite(value);
        if (plain) {
          target.values[i] = value;
          continue;
        }
      }
      const column = target.column + sheet.firstColumn;
      if (mergedAway.size > 0 && mergedAway.has(rows[i] * COLUMN_KEY + column)) continue;
      readOne(sheet, rows[i], target, i, value, format);
    }
  }
  for (const target of targets) warnings.push(...target.warnings);
  if (mergedAway.size > 0) clearMergedAway(rows, targets, mergedAway, sheet.firstColumn);
  return result;
}

function readOne(
  sheet: Sheet,
  row: number,
  target: ColumnTarget,
  index: number,
  value: CellValue,
  format: string | null | undefined
): void {
  const reading = READERS[target.metric](value, format);
  if (typeof reading === "number") target.values[index] = reading;
  else {
    target.warnings.push({
      cell: sheet.address(row, target.column + sheet.firstColumn),
      message: `${target.group.procedure.label} ${target.group.year.label}, ${METRIC_NAMES[target.metric]}: ${reading}; значение не учтено`,
    });
  }
}

/** Cells a merge covers (but its first) are no data, whatever the host repeated into them. */
function clearMergedAway(
  rows: number[],
  targets: ColumnTarget[],
  mergedAway: Set<number>,
  firstColumn: number
): void {
  for (let i = 0; i < rows.length; i++) {
    for (const target of targets) {
      if (mergedAway.has(rows[i] * COLUMN_KEY + target.column + firstColumn))
        target.values[i] = NaN;
    }
  }
}

function assembleTable(
  sheetName: string,
  layout: ExportTableLayout,
  groups: ColumnGroup[],
  schools: SchoolRecord[],
  values: GroupValues[],
  warnings: Warning[]
): ExportTable {
  const procedures = [
    ...new Map(groups.map((group) => [group.procedure.id, group.procedure])).values(),
  ];
  const years = [...new Map(groups.map((group) => [group.year.end, group.year])).values()].sort(
    (a, b) => a.end - b.end
  );
  return {
    sheetName,
    layout,
    groups,
    schools,
    values,
    procedures,
    years,
    hasParticipantCounts: groups.some((group) => group.columns.participants !== undefined),
    warnings,
  };
}
