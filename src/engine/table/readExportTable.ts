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
  YearsSource,
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
import { cellAddress, columnLetters, quotedSheetName, rowAddress } from "./cellAddress";
import { engineError } from "../engineError";
import { quoteFound } from "../russianText";
import { CONVENTION_VALUE_COLUMNS, conventionColumns } from "./seed002Convention";
import { firstAtLeast } from "../firstAtLeast";
import { uncalculatedFormulasWarning } from "./uncalculatedFormulas";
import { findTitleYears } from "./titleYears";
import { mergeTableParts, type TablePart } from "./tableParts";
import {
  fractionColumnWarnings,
  newPercentStats,
  countPercent,
  countPercents,
  notePercent,
  type PercentStats,
} from "./fractionColumns";

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
  for (let c = sheet.firstColumn; c < end; c++) if (hasContent(sheet.at(row, c))) return false;
  return true;
}

/** A cell that makes its row not empty: anything but nothing and blank text. */
function hasContent(cell: CellValue | undefined): boolean {
  return cell !== null && cell !== undefined && (typeof cell !== "string" || cell.trim() !== "");
}

/**
 * Reads a regional export table from a sheet's values, whatever the header's spelling and shape
 * (docs/method.md §1). Every cell it cannot read becomes a warning with its address; nothing becomes zero.
 * A table printed in blocks — a header and its rows, then another header and its rows, or blocks side
 * by side — is read block by block and merged per school.
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
  const read: TableRead = {
    sheet,
    lastRow,
    mergedRanges: options.mergedRanges ?? [],
    warnings,
    percentStats: [],
  };
  return headerRows.length > 0
    ? readHeaderedTable(read, headerRows, options)
    : readConventionTable(read, firstLoginRow, options);
}

/** What every block of one sheet's reading shares. */
interface TableRead {
  sheet: Sheet;
  lastRow: number;
  mergedRanges: MergedRange[];
  warnings: Warning[];
  /** Every block's percent columns: fractions (0.4 for 40 %) are told apart over the whole table. */
  percentStats: PercentStats[];
}

function readConventionTable(
  read: TableRead,
  firstLoginRow: number,
  options: ReadTableOptions
): ExportTable | EngineError {
  const { sheet, warnings } = read;
  const loginIndex = conventionLoginIndex(sheet, firstLoginRow);
  if (loginIndex === null) return noTableError(sheet);
  const years = conventionYears(sheet, firstLoginRow, options, warnings);
  const columns = columnsFromConvention(sheet, loginIndex, years.later, years.earlier);
  const part = readPart(read, columns, firstLoginRow, read.lastRow, null);
  if (!isPart(part)) return part;
  const layout: ExportTableLayout = {
    headerRows: [],
    identity: columns.identity,
    source: "convention",
    years: years.source,
    blocks: 1,
  };
  return assembleTable(read, layout, [part]);
}

function readHeaderedTable(
  read: TableRead,
  firstHeader: number[],
  options: ReadTableOptions
): ExportTable | EngineError {
  const { sheet, warnings } = read;
  const parts: TablePart[] = [];
  const headerRows: number[] = [];
  const fallback = fallbackYears(sheet, firstHeader[0], options);
  let years: YearsSource = { kind: "columns" };
  let schoolFromHeading: { name: string; cell: string } | undefined;
  for (let header = firstHeader; header.length > 0;) {
    headerRows.push(...header);
    const blocks = columnsFromHeader(sheet, header, fallback, warnings);
    if (blocks.yearsFrom.kind !== "columns") years = blocks.yearsFrom;
    const dataStart = header[header.length - 1] + 1;
    let end = read.lastRow;
    let first = true;
    for (const block of blocks.blocks) {
      const identity = completeIdentity(sheet, block, dataStart, end);
      const heading =
        identity.login === undefined && identity.name === undefined
          ? schoolNamedAbove(sheet, header[0])
          : null;
      if (heading === null && identity.login === undefined && identity.name === undefined) {
        return noSchoolColumnError(sheet, header[0]);
      }
      if (heading !== null) schoolFromHeading ??= heading;
      const part = readPart(read, { groups: block.groups, identity }, dataStart, end, heading);
      if (!isPart(part)) return part;
      if (first) end = part.end;
      first = false;
      parts.push(part);
    }
    if (first) break;
    header = headerRowsAt(sheet, end, read.lastRow);
  }
  if (parts.length === 0) return noTableError(sheet);
  warnings.push(...identityWarnings(sheet, parts[0], schoolFromHeading));
  if (options.years !== undefined && years.kind === "columns") {
    warnings.push({
      cell: quotedSheetName(sheet.name),
      message: `годы таблицы, указанные вами (${(userYears(options) as { text: string }).text}), не применены: годы названы в заголовках столбцов`,
    });
  }
  const layout: ExportTableLayout = {
    headerRows,
    identity: parts[0].identity,
    source: "header",
    years,
    blocks: parts.length,
    ...(schoolFromHeading === undefined ? {} : { schoolFromHeading: schoolFromHeading.cell }),
  };
  return assembleTable(read, layout, parts);
}

/** A table keyed by names (no login column), or one school named by its heading: said once. */
function identityWarnings(
  sheet: Sheet,
  first: TablePart,
  heading: { name: string; cell: string } | undefined
): Warning[] {
  if (heading !== undefined) {
    return [
      {
        cell: heading.cell,
        message:
          `таблица одной школы без столбца с названием или логином ОО: школа названа по заголовку — ${quoteFound(heading.name)}; ` +
          `если это не так, добавьте слева от результатов столбец «ОО» с названием школы или «Логин ОО»`,
      },
    ];
  }
  if (first.identity.login !== undefined) return [];
  return [
    {
      cell: quotedSheetName(sheet.name),
      message: "не найден столбец с логином ОО (sch…/edu…): школы различаются по названию",
    },
  ];
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
  /** The block's columns, from `left` up to `right` (not included), when blocks sit side by side. */
  left?: number;
  right?: number;
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

/** The columns of one header: one block, or several set side by side (each with its own key column). */
interface HeaderBlocks {
  blocks: TableColumns[];
  /** Where the years came from: the columns themselves, or the fallback for columns without one. */
  yearsFrom: YearsSource;
}

/** Years for columns whose header names none: the user's, or a heading's above the table. */
interface FallbackYears {
  years: SchoolYear[];
  source: YearsSource;
}

function columnsFromHeader(
  sheet: Sheet,
  headerRows: number[],
  fallback: FallbackYears | null,
  warnings: Warning[]
): HeaderBlocks {
  const texts = columnHeaderTexts(sheet, headerRows);
  const blocks: {
    groups: Map<string, ColumnGroup>;
    identity: TableColumns["identity"];
    left: number;
  }[] = [{ groups: new Map(), identity: {}, left: sheet.firstColumn }];
  let usedFallback = false;
  texts.forEach((text, index) => {
    const column = sheet.firstColumn + index;
    if (text.length > MAX_HEADER_TEXT) {
      warnings.push(overlongHeader(sheet, headerRows, column));
      return;
    }
    const meaning = readHeaderText(text);
    let block = blocks[blocks.length - 1];
    if (meaning.identity !== null) {
      // A school's key column again after results: a second block set beside the first.
      const isKey = meaning.identity === "login" || meaning.identity === "name";
      if (isKey && block.groups.size > 0 && block.identity[meaning.identity] !== undefined) {
        block = { groups: new Map(), identity: {}, left: column };
        blocks.push(block);
      }
      block.identity[meaning.identity] ??= column;
      return;
    }
    if (meaning.procedure === null) return;
    let year = meaning.year;
    if (year === null && fallback !== null && fallback.years.length === 1) {
      year = fallback.years[0];
      usedFallback = true;
    }
    if (year === null) {
      warnings.push(columnWithoutYear(sheet, headerRows[0], column, text, fallback));
      return;
    }
    placeColumn(
      block.groups,
      meaning,
      meaning.procedure,
      year,
      column,
      sheet.address(headerRows[headerRows.length - 1], column),
      warnings
    );
  });
  return {
    blocks: blocks
      .map((block, index) => ({
        groups: [...block.groups.values()],
        identity: block.identity,
        left: block.left,
        right: blocks[index + 1]?.left ?? sheet.firstColumn + sheet.columnCount,
      }))
      .filter((block) => block.groups.length > 0),
    yearsFrom: usedFallback && fallback !== null ? fallback.source : { kind: "columns" },
  };
}

function columnWithoutYear(
  sheet: Sheet,
  headerRow: number,
  column: number,
  text: string,
  fallback: FallbackYears | null
): Warning {
  const several =
    fallback !== null && fallback.years.length > 1
      ? `; над таблицей названо несколько лет (${fallback.years.map((year) => year.label).join(", ")}), и к какому относится столбец, не ясно`
      : "";
  return {
    cell: sheet.address(headerRow, column),
    message:
      `ожидался год в заголовке столбца («2019», «2018/2019» или «2018-19»); найдено ${quoteFound(text.trim())}${several}; столбец не прочитан. ` +
      `Впишите год в заголовок столбца или укажите один год таблицы: --years 2019 (в области задач — поле «Годы таблицы»)`,
  };
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

/**
 * The nearest heading above a row that names data years («Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов»): its
 * years, oldest first, its cell and text. Only text cells are headings; a date or an order number in
 * one is not a data year (titleYears.ts).
 */
function yearsAbove(
  sheet: Sheet,
  row: number
): { years: SchoolYear[]; cell: string; text: string } | null {
  for (let r = row - 1; r >= sheet.firstRow; r--) {
    for (let c = sheet.firstColumn; c < sheet.firstColumn + sheet.rowLength(r); c++) {
      const value = sheet.at(r, c);
      if (typeof value !== "string" || value.length > MAX_HEADER_TEXT) continue;
      const years = findTitleYears(value);
      if (years.length > 0) return { years, cell: sheet.address(r, c), text: cellText(value) };
    }
  }
  return null;
}

/** The user's years, else a heading's: what columns without a year of their own take. */
function fallbackYears(sheet: Sheet, row: number, options: ReadTableOptions): FallbackYears | null {
  if (options.years !== undefined && options.years.length > 0) {
    return { years: options.years, source: userYears(options) };
  }
  const title = yearsAbove(sheet, row);
  return (
    title && { years: title.years, source: { kind: "title", cell: title.cell, text: title.text } }
  );
}

function userYears(options: ReadTableOptions): YearsSource {
  return {
    kind: "user",
    text: options.yearsText ?? options.years!.map((year) => year.label).join(", "),
  };
}

const HOW_TO_SET_YEARS =
  "если годы другие, укажите их: в командной строке --years 2018,2019, в области задач — поле «Годы таблицы»";

/**
 * The two years of the headerless export (docs/method.md §1): the user's, else the heading's (its two
 * latest; one year named makes the other the year before), else «последний» and «предыдущий год».
 * Always said in a warning: the layout itself is read by convention, and the years may be a guess.
 */
function conventionYears(
  sheet: Sheet,
  firstLoginRow: number,
  options: ReadTableOptions,
  warnings: Warning[]
): { later: SchoolYear; earlier: SchoolYear; source: YearsSource } {
  const order =
    "таблица без заголовков столбцов прочитана в порядке выгрузки (муниципалитет, ОО, логин, затем 16 пар «% «2»;\u00a0% высоких результатов»: " +
    "ВПР МА 5, МА 6, РУ 5, РУ 6, ОГЭ МА, РУ, ЕГЭ МА, РУ — по каждой процедуре сначала позднейший год, затем предыдущий)";
  const given = options.years !== undefined && options.years.length > 0 ? options.years : null;
  const title = given === null && firstLoginRow >= 0 ? yearsAbove(sheet, firstLoginRow) : null;
  const years = given ?? title?.years ?? null;
  if (years === null) {
    warnings.push({
      cell: quotedSheetName(sheet.name),
      message: `${order}; годы не названы ни в столбцах, ни в заголовке над таблицей — они обозначены «последний год» и «предыдущий год»; чтобы назвать их, укажите годы: в командной строке --years 2018,2019, в области задач — поле «Годы таблицы»`,
    });
    return {
      later: { label: "последний год", end: 2 },
      earlier: { label: "предыдущий год", end: 1 },
      source: { kind: "unknown" },
    };
  }
  const later = years[years.length - 1];
  const earlier =
    years.length > 1
      ? years[years.length - 2]
      : { label: String(later.end - 1), end: later.end - 1 };
  if (title !== null) {
    const assumed =
      years.length === 1
        ? `; предыдущий год принят за ${earlier.label}`
        : years.length > 2
          ? `; названо лет: ${years.length} — взяты два последних`
          : "";
    warnings.push({
      cell: title.cell,
      message: `${order}; годы ${later.label} и ${earlier.label} взяты из заголовка ${quoteFound(title.text)}${assumed}; ${HOW_TO_SET_YEARS}`,
    });
  }
  return {
    later,
    earlier,
    source: title ? { kind: "title", cell: title.cell, text: title.text } : userYears(options),
  };
}

/**
 * The headerless export of seed 002: identity, then exactly 32 value cells per school row. The index of
 * the login among the first school row's cells, or null when the row is not shaped so.
 */
function conventionLoginIndex(sheet: Sheet, firstLoginRow: number): number | null {
  if (firstLoginRow < 0) return null;
  const cells = rowCells(sheet, firstLoginRow);
  const loginIndex = cells.findIndex((cell) => LOGIN.test(lookText(cell)));
  const valueCells = cells.slice(loginIndex + 1);
  const lastFilled = valueCells.reduce<number>(
    (last, cell, index) => (lookText(cell) !== "" ? index : last),
    -1
  );
  return lastFilled + 1 === CONVENTION_VALUE_COLUMNS ? loginIndex : null;
}

function columnsFromConvention(
  sheet: Sheet,
  loginIndex: number,
  laterYear: SchoolYear,
  earlierYear: SchoolYear
): TableColumns {
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

/**
 * Where the header does not name the login column, the column full of `sch…` values is it — looked for
 * within the block's own columns (`left` to `right`), so blocks side by side keep their own keys.
 */
function completeIdentity(
  sheet: Sheet,
  block: TableColumns,
  dataStart: number,
  lastRow: number
): TableColumns["identity"] {
  const { identity } = block;
  if (identity.login !== undefined) return identity;
  const left = block.left ?? sheet.firstColumn;
  const right = block.right ?? sheet.firstColumn + sheet.columnCount;
  const hits = new Map<number, number>();
  for (let r = dataStart; r < lastRow; r++) {
    const end = Math.min(right, sheet.firstColumn + sheet.rowLength(r));
    for (let c = left; c < end; c++) {
      if (LOGIN.test(lookText(sheet.at(r, c)))) hits.set(c, (hits.get(c) ?? 0) + 1);
    }
  }
  const best = [...hits.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? { ...identity, login: best[0] } : identity;
}

/** A school named in a heading above a table of one school: «… МБОУ «СОШ № 30»». */
const SCHOOL_IN_HEADING = [
  /(?<![А-Яа-яЁё])(?:[МГ][БАК]?ОУ|ЧОУ|НОУ)\s*[«"„][^»"“]+[»"“]/,
  /(?<![А-Яа-яЁё])(?:(?:[МГ][БАК]?ОУ|ЧОУ|НОУ)\s+)?(?:СОШ|ООШ|НОШ|[Гг]имназия|[Лл]ицей|[Шш]кола)\s*№\s*\d+/,
];

/** The nearest heading above a row that names a school, with the school's name and the cell. */
function schoolNamedAbove(sheet: Sheet, row: number): { name: string; cell: string } | null {
  for (let r = row - 1; r >= sheet.firstRow; r--) {
    for (let c = sheet.firstColumn; c < sheet.firstColumn + sheet.rowLength(r); c++) {
      const value = sheet.at(r, c);
      if (typeof value !== "string" || value.length > MAX_HEADER_TEXT) continue;
      const text = cellText(value);
      for (const pattern of SCHOOL_IN_HEADING) {
        const found = pattern.exec(text);
        if (found) return { name: found[0], cell: sheet.address(r, c) };
      }
    }
  }
  return null;
}

function noSchoolColumnError(sheet: Sheet, headerRow: number): EngineError {
  const above = headerRow > sheet.firstRow ? headerRow - 1 : headerRow;
  return engineError(
    "no_table",
    `На листе «${sheet.name}» у таблицы результатов нет столбца с названием или логином ОО, и над таблицей не названа школа. ` +
      `Добавьте слева от результатов столбец «ОО» (название школы) или «Логин ОО» (sch…), ` +
      `а если в таблице одна школа — впишите её название над таблицей, например в ячейку ${sheet.address(above, sheet.firstColumn).split("!")[1]}: «Итоги 2019 года МБОУ «СОШ №\u00a030»»`,
    sheet.address(above, sheet.firstColumn)
  );
}

/** The header rows of the next block, starting at `row` (blank rows before them are passed over). */
function headerRowsAt(sheet: Sheet, row: number, lastRow: number): number[] {
  const rows: number[] = [];
  for (let r = row; r < lastRow && rows.length < MAX_HEADER_ROWS; r++) {
    if (isHeaderRow(rowCells(sheet, r))) rows.push(r);
    else if (rows.length > 0 || !isEmptyRow(sheet, r)) break;
  }
  return rows;
}

function isPart(value: TablePart | EngineError): value is TablePart {
  return (value as EngineError).kind !== "error";
}

/**
 * One block's school rows, from `dataStart` until a new header (the next block's) or `end`. A block
 * without a key column is a table of one school, named in the heading above (`heading`).
 */
function readPart(
  read: TableRead,
  columns: TableColumns,
  dataStart: number,
  end: number,
  heading: { name: string; cell: string } | null
): TablePart | EngineError {
  const { sheet, warnings } = read;
  const schools: SchoolRecord[] = [];
  const rows: number[] = [];
  // Each key's school (its index in `schools`): a number, not an object per school.
  const seen = new Map<string, number>();
  const {
    login: loginColumn,
    name: nameColumn,
    municipality: municipalityColumn,
  } = columns.identity;
  const keyColumn = loginColumn ?? nameColumn;
  let row = dataStart;
  for (; row < end; row++) {
    // A school's key is in its row: the row is not empty, and its other cells need no look.
    const keyValue = keyColumn === undefined ? null : sheet.at(row, keyColumn);
    if (!hasContent(keyValue) && isEmptyRow(sheet, row)) continue;
    if (keyColumn === undefined) {
      const verdict = oneSchoolRow(sheet, row, columns.groups);
      if (verdict === "header") break;
      if (verdict === "skip") continue;
      if (rows.length > 0) return severalUnnamedRows(sheet, rows[0], row);
      const name = heading!.name;
      schools.push({ login: name, key: name.toLowerCase(), name, municipality: "", row });
      rows.push(row);
      continue;
    }
    const key = cellText(keyValue);
    const verdict = acceptRowKey(
      sheet,
      row,
      keyColumn,
      key,
      loginColumn !== undefined,
      columns.groups,
      warnings
    );
    if (verdict === "header") break;
    if (verdict === "skip") continue;
    const municipality =
      municipalityColumn === undefined ? "" : cellText(sheet.at(row, municipalityColumn));
    const lowerKey = key.toLowerCase();
    const earlier = seen.get(lowerKey);
    if (earlier !== undefined) {
      warnings.push({
        cell: sheet.address(row, keyColumn),
        message: repeatedKey(key, schools[earlier], municipality),
      });
      continue;
    }
    seen.set(lowerKey, schools.length);
    const name = nameColumn === undefined ? "" : cellText(sheet.at(row, nameColumn));
    schools.push({ login: key, key: lowerKey, name: name === "" ? key : name, municipality, row });
    rows.push(row);
  }
  const mergedAway = mergedResultCells(sheet, rows, columns.groups, read.mergedRanges, warnings);
  const percentStats: PercentStats[] = [];
  const values = readAllGroupValues(
    sheet,
    rows,
    columns.groups,
    mergedAway,
    warnings,
    percentStats
  );
  if (rows.length > 0) {
    for (const stats of percentStats) stats.rows = [rows[0], rows[rows.length - 1]];
    read.percentStats.push(...percentStats);
  }
  return { identity: columns.identity, groups: columns.groups, schools, values, end: row };
}

/**
 * A row of a one-school block: a new header ends the block; a caption (one text cell) or a row with
 * nothing in the results' columns is passed over; anything else is the school's results.
 */
function oneSchoolRow(
  sheet: Sheet,
  row: number,
  groups: ColumnGroup[]
): "header" | "skip" | "data" {
  const cells = rowCells(sheet, row);
  if (isHeaderRow(cells)) return "header";
  const filled = cells.filter((cell) => lookText(cell) !== "");
  if (filled.length === 1 && typeof filled[0] === "string" && !/^[\d\s.,%-]+$/.test(filled[0]))
    return "skip";
  if (cells.some((cell) => TOTAL_ROW.test(lookText(cell)))) return "skip";
  const hasValues = groups.some((group) =>
    Object.values(group.columns).some((column) => !isMissingValue(sheet.at(row, column)))
  );
  return hasValues ? "data" : "skip";
}

function severalUnnamedRows(sheet: Sheet, first: number, second: number): EngineError {
  return engineError(
    "no_table",
    `На листе «${sheet.name}» у таблицы результатов нет столбца с названием или логином ОО, а строк с результатами несколько (строки ${first + 1} и ${second + 1}): школы не различить. ` +
      `Добавьте слева от результатов столбец «ОО» (название школы) или «Логин ОО» (sch…)`,
    rowAddress(sheet.name, second)
  );
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

/**
 * Decides whether a row is a school: totals are passed over, odd keys reported, and a header row ends
 * the block (the next block's header, or the same header repeated on a printed page).
 */
function acceptRowKey(
  sheet: Sheet,
  row: number,
  keyColumn: number,
  key: string,
  isLoginColumn: boolean,
  groups: ColumnGroup[],
  warnings: Warning[]
): "school" | "skip" | "header" {
  if (LOGIN.test(key)) return "school";
  const cells = rowCells(sheet, row);
  if (cells.some((cell) => TOTAL_ROW.test(lookText(cell)))) return "skip";
  if (isHeaderRow(cells)) return "header";
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
    return "skip";
  }
  if (isLoginColumn) {
    warnings.push({
      cell: sheet.address(row, keyColumn),
      message: `ожидался логин ОО вида sch123456 или edu123456; найдено ${quoteFound(key)}; строка прочитана с этим ключом`,
    });
  }
  return "school";
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
  /** The school index (into the block's rows) of each warning: they are put in row order at the end. */
  warningIndices: number[];
  /** Percent columns only: what their plain numbers look like (fractions or points). */
  stats?: PercentStats;
}

/**
 * Reads every group's columns for the school rows; unreadable cells become warnings, in group, metric,
 * row order. The plain numbers are filled in first, all columns at once (`fillPlainNumbers`); then each
 * column is checked, and only its other cells are read one by one.
 */
function readAllGroupValues(
  sheet: Sheet,
  rows: number[],
  groups: ColumnGroup[],
  mergedAway: Set<number>,
  warnings: Warning[],
  percentStats: PercentStats[]
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
      // Not filled with NaN here: `fillPlainNumbers` writes every cell.
      arrays[metric] = new Float64Array(rows.length);
      const kind =
        metric === "participants" ? "count" : metric === "average" ? "average" : "percent";
      const stats =
        kind === "percent" ? newPercentStats(group, metric, arrays[metric], column) : undefined;
      if (stats !== undefined) percentStats.push(stats);
      targets.push({
        values: arrays[metric],
        column: column - sheet.firstColumn,
        group,
        metric,
        kind,
        warnings: [],
        warningIndices: [],
        stats,
      });
    }
    return arrays as GroupValues;
  });
  const gridRows = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) gridRows[i] = rows[i] - sheet.firstRow;
  const columns = Int32Array.from(targets, (target) => target.column);
  const others: OtherCells = { indices: [], targets: [], values: [] };
  const other = (index: number, target: number, value: CellValue): void => {
    if (value === null || value === "-") return;
    others.indices.push(index);
    others.targets.push(target);
    others.values.push(value);
  };
  const inRange = fillPlainNumbers(sheet.grid, gridRows, columns, targets, other);
  for (const target of targets)
    checkPlainNumbers(sheet, rows, gridRows, target, inRange, mergedAway);
  for (let k = 0; k < others.values.length; k++) {
    const target = targets[others.targets[k]];
    readOther(sheet, rows, gridRows, target, others.indices[k], others.values[k], mergedAway);
  }
  for (const target of targets) warnings.push(...warningsInRowOrder(target));
  if (mergedAway.size > 0) clearMergedAway(rows, targets, mergedAway, sheet.firstColumn);
  return result;
}

/**
 * Whether `value`, a number with no number format (NaN for none), is what the column's reader would
 * take as it is: not negative, and a percentage up to 100, a count whole, an average finite. Such a
 * value is noted for the fraction check; anything else goes through the readers.
 */
function isPlain(target: ColumnTarget, value: number): boolean {
  if (!isPlainOf(target.kind, value)) return false;
  // 0.4 or 1 in a percent column may be a fraction (40 %, 100 %): noted, decided per column.
  const stats = target.stats;
  if (stats !== undefined && value > 0) countPercent(stats, value);
  return true;
}

/**
 * What each kind of column takes as it is: not negative, and a percentage up to 100, a count whole, an
 * average finite.
 */
function isPlainOf(kind: ColumnTarget["kind"], value: number): boolean {
  return (
    value >= 0 &&
    (kind === "percent"
      ? value <= 100
      : kind === "count"
        ? Number.isInteger(value)
        : value < Infinity)
  );
}

/** The school cells that hold a value other than a plain number, to be read one by one. */
interface OtherCells {
  indices: number[];
  targets: number[];
  values: CellValue[];
}

/**
 * Fills every target's column with the cells' plain numbers (a number with no number format; NaN
 * for anything else) — the common case of a national table's millions of cells,
 * read without a value and a format per cell — and tells `other` the cells that hold something else.
 * Rows are the outer loop (a row's cells lie together); a packed host fills the columns itself,
 * finding each row once. True when the numbers filled are all in their columns' range already (read
 * from arrays, each cell is looked at here anyway).
 */
function fillPlainNumbers(
  grid: SheetGrid,
  gridRows: Int32Array,
  columns: Int32Array,
  targets: ColumnTarget[],
  other: (index: number, target: number, value: CellValue) => void
): boolean {
  const into = targets.map((target) => target.values);
  const packed = grid.cells;
  if (packed?.plainNumberColumns !== undefined) {
    packed.plainNumberColumns(gridRows, columns, into, other);
    return false;
  }
  if (packed !== undefined) {
    // A packed host without the column accessor: its cells one at a time.
    for (let i = 0; i < gridRows.length; i++) {
      for (let t = 0; t < columns.length; t++) {
        const plain = packed.plainNumber?.(gridRows[i], columns[t]) ?? NaN;
        into[t][i] = plain;
        if (Number.isNaN(plain)) other(i, t, packed.value(gridRows[i], columns[t]));
      }
    }
    return false;
  }
  const { values: gridValues, numberFormats } = grid;
  for (let i = 0; i < gridRows.length; i++) {
    const cells = gridValues[gridRows[i]] ?? [];
    const formats = numberFormats?.[gridRows[i]];
    for (let t = 0; t < columns.length; t++) {
      const value = cells[columns[t]];
      // Arrays are read once, so each number is taken here only when its column's reader would
      // take it as it is; any other goes to `other` (a NaN too: NaN in a column is «nothing here»).
      if (
        typeof value === "number" &&
        isPlainOf(targets[t].kind, value) &&
        (formats === undefined || formats[columns[t]] == null)
      ) {
        into[t][i] = value;
        continue;
      }
      into[t][i] = NaN;
      if (value !== undefined) other(i, t, value);
    }
  }
  return true;
}

/**
 * A column as filled: its plain numbers counted for the fraction check, and unless they are known
 * `inRange`, the ones its reader would not take as they are (negative, above 100, a fractional
 * count…) read, which warns about them.
 */
function checkPlainNumbers(
  sheet: Sheet,
  rows: number[],
  gridRows: Int32Array,
  target: ColumnTarget,
  inRange: boolean,
  mergedAway: Set<number>
): void {
  const { values, kind, stats } = target;
  // The plain numbers are counted for the fraction check before any cell is read into the column.
  if (stats !== undefined) countPercents(stats, values);
  if (inRange) return;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // NaN: no data, or a cell of another kind, read afterwards.
    if (isPlainOf(kind, value) || Number.isNaN(value)) continue;
    values[i] = NaN;
    readOther(sheet, rows, gridRows, target, i, value, mergedAway);
  }
}

/**
 * A cell that is not a plain number in range: read with its number format, a cell a merge covers left
 * unread.
 */
function readOther(
  sheet: Sheet,
  rows: number[],
  gridRows: Int32Array,
  target: ColumnTarget,
  index: number,
  value: CellValue,
  mergedAway: Set<number>
): void {
  const { numberFormats, cells: packed } = sheet.grid;
  const r = gridRows[index];
  const format =
    packed === undefined
      ? numberFormats?.[r]?.[target.column]
      : packed.numberFormat(r, target.column);
  // A number without a format the host gave no plain number for: taken as the fill takes one.
  if (typeof value === "number" && format == null && isPlain(target, value)) {
    target.values[index] = value;
    return;
  }
  const column = target.column + sheet.firstColumn;
  if (mergedAway.size > 0 && mergedAway.has(rows[index] * COLUMN_KEY + column)) return;
  readOne(sheet, rows[index], target, index, value, format);
}

/**
 * A column's warnings by row: out-of-range numbers are read column by column and other cells row by
 * row, so one column's warnings may come from both.
 */
function warningsInRowOrder(target: ColumnTarget): Warning[] {
  const { warnings, warningIndices } = target;
  let sorted = true;
  for (let k = 1; k < warningIndices.length && sorted; k++)
    sorted = warningIndices[k - 1] <= warningIndices[k];
  if (sorted) return warnings;
  return warnings
    .map((warning, k) => ({ warning, index: warningIndices[k] }))
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.warning);
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
  if (typeof reading === "number") {
    target.values[index] = reading;
    if (target.stats !== undefined && !Number.isNaN(reading))
      notePercent(target.stats, value, format, reading);
  } else {
    target.warningIndices.push(index);
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
  read: TableRead,
  layout: ExportTableLayout,
  parts: TablePart[]
): ExportTable {
  const { warnings } = read;
  const sheetName = read.sheet.name;
  // Before the blocks are merged: merging copies the values.
  warnings.push(...fractionColumnWarnings(sheetName, read.percentStats));
  const { groups, schools, values } =
    parts.length === 1 ? parts[0] : mergeTableParts(sheetName, parts, warnings);
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
