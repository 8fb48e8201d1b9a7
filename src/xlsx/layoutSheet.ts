import type ExcelJS from "exceljs";
import type { CellValue, ColumnSpec, RowTone, SheetLayout } from "../engine";

/** Light fills close to Excel's own "light red / green" highlight presets, and a neutral grey. */
const TONE_COLOURS: Record<Exclude<RowTone, null>, string> = {
  alert: "FFFFC7CE",
  ok: "FFC6EFCE",
  unknown: "FFEDEDED",
};
const HEADER_COLOUR = "FFDDEBF7";

/**
 * Writes one engine layout onto a new worksheet: preamble lines in column A (title in bold), a blank
 * line, then the table with a bold wrapped header, a frozen pane below it and an autofilter, so the
 * list can be sorted and filtered without losing the method lines above it.
 */
export function addLayoutSheet(
  workbook: ExcelJS.Workbook,
  layout: SheetLayout,
  sheetName: string
): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(sheetName);
  const headerRowNumber = writePreamble(worksheet, layout.preamble);
  writeHeader(worksheet, layout.header, headerRowNumber);
  layout.body.forEach((values, index) => {
    writeBodyRow(
      worksheet.getRow(headerRowNumber + 1 + index),
      values,
      layout.columns,
      layout.rowTone?.[index] ?? null
    );
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
      row: headerRowNumber + Math.max(layout.body.length, 1),
      column: Math.max(layout.header.length, 1),
    },
  };
  return worksheet;
}

/** Returns the row number of the table header. */
function writePreamble(worksheet: ExcelJS.Worksheet, preamble: string[]): number {
  preamble.forEach((line, index) => {
    const cell = worksheet.getCell(index + 1, 1);
    cell.value = line;
    if (index === 0) cell.font = { bold: true, size: 13 };
  });
  return preamble.length === 0 ? 1 : preamble.length + 2;
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

function writeBodyRow(
  row: ExcelJS.Row,
  values: CellValue[],
  columns: ColumnSpec[],
  tone: RowTone
): void {
  values.forEach((value, index) => {
    const cell = row.getCell(index + 1);
    if (value !== null) cell.value = value;
    const spec = columns[index];
    if (spec?.numberFormat) cell.numFmt = spec.numberFormat;
    if (spec?.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    if (tone !== null) cell.fill = solidFill(TONE_COLOURS[tone]);
  });
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}
