import type ExcelJS from "exceljs";
import {
  bodyRowHeight,
  columnLetters,
  headerRowHeight,
  preambleColumns,
  preambleRowHeights,
  printSetup,
  withinCell,
  wrappedColumns,
  type CellValue,
  type ColumnSpec,
  type RowTone,
  type SheetBlock,
  type SheetLayout,
} from "../../../src/engine";
import { validationRule } from "../../../src/xlsx/append/validationRule";

/** Light fills close to Excel's own "light red / green" highlight presets, and a neutral grey. */
const TONE_COLOURS: Record<Exclude<RowTone, null>, string> = {
  alert: "FFFFC7CE",
  ok: "FFC6EFCE",
  unknown: "FFEDEDED",
};
const HEADER_COLOUR = "FFDDEBF7";
/** Heat map (risk matrix): white for the lowest value, Excel's own colour-scale red for the highest. */
const HEAT_COLOURS = ["FFFFFFFF", "FFF8696B"];

/**
 * Writes one engine layout onto a new worksheet: preamble lines in column A (title in bold), a blank
 * line, then the table with a bold wrapped header, a frozen pane below it and an autofilter, so the
 * list can be sorted and filtered without losing the method lines above it. Rows get the engine's
 * heights, the sheet its print setup (the table's area only: this writer draws no charts). Links are
 * left to the copying writer (append/): ExcelJS stores an internal link as an external relationship,
 * and no sheet of this writer's that reaches the user has any (templates, the page's working copy).
 */
export function addLayoutSheet(
  workbook: ExcelJS.Workbook,
  layout: SheetLayout,
  sheetName: string
): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(sheetName);
  const headerRowNumber = writePreamble(worksheet, layout);
  writeHeader(worksheet, layout.header, headerRowNumber);
  const height = headerRowHeight(layout);
  if (height !== null) worksheet.getRow(headerRowNumber).height = height;
  const wrapped = wrappedColumns(layout);
  const top = wrapped.columns.length > 0;
  layout.body.forEach((values, index) => {
    const row = worksheet.getRow(headerRowNumber + 1 + index);
    writeBodyRow(row, values, layout.columns, layout.rowTone?.[index] ?? null, top);
    const rowHeight = top ? bodyRowHeight(values, wrapped) : null;
    if (rowHeight !== null) row.height = rowHeight;
  });
  layout.columns.forEach((spec, index) => {
    worksheet.getColumn(index + 1).width = spec.width;
  });
  worksheet.views = [
    { state: "frozen", xSplit: 0, ySplit: headerRowNumber, topLeftCell: `A${headerRowNumber + 1}` },
  ];
  worksheet.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: {
      row: headerRowNumber + Math.max(layout.body.length, layout.inputRows ?? 0, 1),
      column: Math.max(layout.header.length, 1),
    },
  };
  addValidations(worksheet, layout, headerRowNumber);
  addHeatScales(worksheet, layout, headerRowNumber);
  layout.blocks?.forEach((block) => writeBlock(worksheet, block));
  setUpPrinting(worksheet, layout);
  return worksheet;
}

/** `printSetup` as ExcelJS states it: its print area and title rows become the defined names. */
function setUpPrinting(worksheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const setup = printSetup(layout);
  const table = setup.areas[0]!;
  const { first, last } = setup.titleRows;
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: 9,
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: setup.fitToWidth,
    fitToHeight: setup.fitToHeight,
    showGridLines: setup.gridLines,
    margins: setup.margins,
    printArea: `A1:${columnLetters(table.column + table.columns - 1)}${table.row + table.rows}`,
    printTitlesRow: `${first + 1}:${last + 1}`,
  };
  worksheet.headerFooter = { ...worksheet.headerFooter, oddFooter: `&C${setup.footer}` };
}

/**
 * A data block beside the table (what a chart plots, src/engine/charts.ts): its cells, a bold first
 * row, widths and number formats. The charts themselves are not drawn into files yet.
 */
function writeBlock(worksheet: ExcelJS.Worksheet, block: SheetBlock): void {
  block.values.forEach((values, r) =>
    values.forEach((value, c) => {
      const cell = worksheet.getCell(block.row + r + 1, block.column + c + 1);
      if (value !== null && !(typeof value === "number" && !Number.isFinite(value)))
        cell.value = typeof value === "string" ? cellText(value) : value;
      if (r === 0) cell.font = { bold: true };
      const format = block.columns[c]?.numberFormat;
      if (r > 0 && format) cell.numFmt = format;
    })
  );
  block.columns.forEach((spec, c) => {
    worksheet.getColumn(block.column + c + 1).width = spec.width;
  });
}

/** ExcelJS keeps a sheet's validations in `dataValidations` (keyed by cell or range) but does not type it. */
interface SheetValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/**
 * Data validation over the rows a person fills in (the body and `inputRows` below the header): one
 * range per column, so the file stays small. A count «not above the total» is a custom formula relative
 * to the range's first row (`D5` there, `D6` in the next row), which Excel and LibreOffice both apply
 * row by row; a blank total does not block typing the count first. Blank cells are always allowed.
 */
function addValidations(
  worksheet: ExcelJS.Worksheet,
  layout: SheetLayout,
  headerRowNumber: number
): void {
  const rows = Math.max(layout.body.length, layout.inputRows ?? 0);
  if (rows === 0) return;
  const first = headerRowNumber + 1;
  const last = headerRowNumber + rows;
  layout.columns.forEach((spec, index) => {
    if (spec.validation === undefined) return;
    const column = columnLetters(index);
    (worksheet as unknown as SheetValidations).dataValidations.add(
      `${column}${first}:${column}${last}`,
      {
        ...validationRule(spec.validation, index, first),
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Школьный радар",
        error: spec.validation.message,
      }
    );
  });
}

/**
 * A two-colour scale (white → red) over the numeric cells of each `heat` column, from 0 (or the
 * column's lowest value, if negative) to its highest value, so a 0/1 factor column shows present
 * factors in red and a column of zeros stays white.
 */
function addHeatScales(
  worksheet: ExcelJS.Worksheet,
  layout: SheetLayout,
  headerRowNumber: number
): void {
  if (layout.body.length === 0) return;
  layout.columns.forEach((spec, index) => {
    if (spec.heat !== true) return;
    const numbers = layout.body
      .map((row) => row[index])
      .filter((value): value is number => typeof value === "number" && Number.isFinite(value));
    if (numbers.length === 0) return;
    const low = Math.min(0, ...numbers);
    const high = Math.max(low + 1, ...numbers);
    const column = columnLetters(index);
    worksheet.addConditionalFormatting({
      ref: `${column}${headerRowNumber + 1}:${column}${headerRowNumber + layout.body.length}`,
      rules: [
        {
          type: "colorScale",
          priority: index + 1,
          cfvo: [
            { type: "num", value: low },
            { type: "num", value: high },
          ],
          color: HEAT_COLOURS.map((argb) => ({ argb })),
        },
      ],
    });
  });
}

/**
 * The preamble's lines, each merged across the table's columns and wrapped there, at the engine's
 * heights. Returns the row number of the table header.
 */
function writePreamble(worksheet: ExcelJS.Worksheet, layout: SheetLayout): number {
  const columns = preambleColumns(layout);
  const heights = preambleRowHeights(layout);
  layout.preamble.forEach((line, index) => {
    const cell = worksheet.getCell(index + 1, 1);
    cell.value = cellText(line);
    cell.alignment = { wrapText: true, vertical: "top" };
    if (index === 0) cell.font = { bold: true, size: 13 };
    if (columns > 1) worksheet.mergeCells(index + 1, 1, index + 1, columns);
    const height = heights[index];
    if (height != null) worksheet.getRow(index + 1).height = height;
  });
  return layout.preamble.length === 0 ? 1 : layout.preamble.length + 2;
}

function writeHeader(worksheet: ExcelJS.Worksheet, header: string[], rowNumber: number): void {
  const row = worksheet.getRow(rowNumber);
  header.forEach((text, index) => {
    const cell = row.getCell(index + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = solidFill(HEADER_COLOUR);
    cell.alignment = { wrapText: true, vertical: "top" };
    cell.border = { bottom: { style: "thin" } };
  });
}

/** `top`: the layout wraps some column, so every cell reads from a taller row's top. */
function writeBodyRow(
  row: ExcelJS.Row,
  values: CellValue[],
  columns: ColumnSpec[],
  tone: RowTone,
  top: boolean
): void {
  values.forEach((value, index) => {
    const cell = row.getCell(index + 1);
    // NaN or ±Infinity would make a file Excel reports as damaged: such a cell stays empty.
    if (value !== null && !(typeof value === "number" && !Number.isFinite(value)))
      cell.value = typeof value === "string" ? cellText(value) : value;
    const spec = columns[index];
    if (spec?.numberFormat) cell.numFmt = spec.numberFormat;
    if (spec?.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    else if (top) cell.alignment = { vertical: "top" };
    if (tone !== null) cell.fill = solidFill(TONE_COLOURS[tone]);
  });
}

/**
 * Text cut to what a cell can hold. The engine's layouts already hold no longer text
 * (`layoutWithinCells`); this keeps a layout made elsewhere from producing a file Excel calls damaged.
 */
function cellText(text: string): string {
  return withinCell(text);
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}
