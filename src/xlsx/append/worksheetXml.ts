import {
  bodyRowHeight,
  columnLetters,
  headerRowHeight,
  preambleColumns,
  preambleRowHeights,
  printSetup,
  tableHeaderRow,
  withinCell,
  wrappedColumns,
  EXCEL_CELL_CHARACTERS,
  type CellRange,
  type CellValue,
  type PrintSetup,
  type RowTone,
  type SheetLayout,
  type WrappedColumns,
} from "../../engine";
import { validationRule } from "./validationRule";
import type { CellLook, OutputStyles } from "./outputStyles";
import { escapeXml, xmlAllowed } from "./xmlText";
import { PIECE_BYTES, XmlBytes } from "./xmlBytes";

/** Fills close to Excel's own highlight presets, the same the add-in uses (src/excel/rowTones.ts). */
const TONE_COLOURS: Record<Exclude<RowTone, null>, string> = {
  alert: "FFFFC7CE",
  ok: "FFC6EFCE",
  unknown: "FFEDEDED",
};
const HEADER_COLOUR = "FFDDEBF7";
const HEAT_COLOURS = ["FFFFFFFF", "FFF8696B"];
const TONES: RowTone[] = [null, "alert", "ok", "unknown"];

/** The cell formats a layout's sheet uses, as indices into the workbook's cellXfs. */
export interface LayoutStyles {
  title: number;
  /** The preamble's other lines: wrapped within the cells they are merged across. */
  preamble: number;
  header: number;
  /** [tone][column]: tones in the order of TONES. */
  body: number[][];
  /** The data blocks beside the table (what a chart plots): a bold first row, then per column its format. */
  blockHeader: number;
  blockFormats: number[][];
}

/** Registers the looks of a layout's cells with the workbook's styles (before anything is written). */
export function layoutStyles(layout: SheetLayout, styles: OutputStyles): LayoutStyles {
  const columns = Math.max(layout.header.length, layout.columns.length);
  // A layout whose rows are made on demand names its tones: reading every row here made them twice.
  const tonesUsed = new Set<RowTone>(layout.tones ?? layout.rowTone ?? []);
  const linkColumn = layout.links?.column;
  // Beside a wrapped cell a row is taller: every cell then reads from the row's top.
  const top = layout.columns.some((spec) => spec.wrap === true);
  return {
    title: styles.id({ font: "title", wrap: true }),
    preamble: styles.id({ wrap: true }),
    header: styles.id({
      font: "bold",
      fill: HEADER_COLOUR,
      wrap: true,
      bottomBorder: true,
    }),
    body: TONES.map((tone) =>
      tone !== null && !tonesUsed.has(tone)
        ? []
        : Array.from({ length: columns }, (_, index) => {
            const spec = layout.columns[index];
            const look: CellLook = {};
            if (spec?.numberFormat) look.numberFormat = spec.numberFormat;
            if (spec?.wrap) look.wrap = true;
            else if (top) look.top = true;
            if (index === linkColumn) look.font = "link";
            if (tone !== null) look.fill = TONE_COLOURS[tone];
            return styles.id(look);
          })
    ),
    blockHeader: styles.id({ font: "bold" }),
    blockFormats: (layout.blocks ?? []).map((block) =>
      block.columns.map((spec) =>
        spec.numberFormat ? styles.id({ numberFormat: spec.numberFormat }) : 0
      )
    ),
  };
}

/** The 1-based row of the table header: below the preamble and a blank line (`tableHeaderRow`). */
export function headerRowOf(layout: SheetLayout): number {
  return tableHeaderRow(layout) + 1;
}

/** How the sheet stands in its workbook, which only the writer of the whole workbook knows. */
export interface SheetPlace {
  /** The sheet the workbook opens on: its tab is selected. */
  selected: boolean;
  /** Whether a link may lead to a target (its sheet is in the workbook). */
  linkable: (target: string) => boolean;
}

const NOWHERE: SheetPlace = { selected: false, linkable: () => true };

/**
 * A layout's worksheet XML in pieces of UTF-8 (about PIECE_BYTES each, whole rows), written the way the ExcelJS writer laid the sheet out
 * (layoutSheet.ts): preamble in column A with a bold title, the header bold, filled and wrapped with
 * a line under it, body cells with their column's number format and wrap and the row's tone as a
 * fill, column widths, the pane frozen under the header, a filter over the table, the heat columns
 * as two-colour scales and the template columns' validations. Text is written inline
 * (`t="inlineStr"`), so the workbook's shared strings are never touched.
 */
export function* worksheetPieces(
  layout: SheetLayout,
  styles: LayoutStyles,
  /** The relationship of the sheet's drawing (its charts), when it has one. */
  drawingRelationshipId?: string,
  /**
   * Rows per block to leave to another thread: every other block of body rows is then yielded as a
   * `RowsHandOff` one block before its place, for the caller to start having it made elsewhere
   * (src/xlsx/append/rowsOnWorker.ts), and a `HandOffPlace` where its XML goes.
   */
  handOffBlock?: number,
  place: SheetPlace = NOWHERE,
  /**
   * The pieces are one buffer lent again and again, each valid until the next is asked for (for a
   * reader that copies it at once: the file writer); otherwise each piece is a copy of its own.
   */
  lend = false
): Generator<Uint8Array | RowsHandOff | HandOffPlace> {
  const headerRow = headerRowOf(layout);
  const width = Math.max(layout.header.length, 1);
  const lastColumn = columnLetters(width - 1);
  const filterRows = Math.max(layout.body.length, layout.inputRows ?? 0, 1);
  const topLeft = `A${headerRow + 1}`;
  const blocks = blockCells(layout, styles);
  const blockRows = [...blocks.keys()].sort((a, b) => a - b);
  const lastRow = Math.max(headerRow + layout.body.length, ...blockRows);
  const lastUsedColumn = Math.max(
    width,
    ...(layout.blocks ?? []).map(
      (block) => block.column + Math.max(...block.values.map((row) => row.length), 1)
    )
  );
  const selected = place.selected ? ' tabSelected="1"' : "";
  let xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // Printing scales the sheet to the page's width (pageSetup's fitToWidth).
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${columnLetters(lastUsedColumn - 1)}${lastRow}"/>` +
    `<sheetViews><sheetView${selected} workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columnsXml(layout) +
    "<sheetData>";
  /** A row's XML with the block cells of that row put in column order among the table's. */
  const row = (
    rowNumber: number,
    cells: { column: number; xml: string }[],
    height: number | null = null
  ): string => {
    const extra = blocks.get(rowNumber);
    const all = extra ? [...cells, ...extra].sort((a, b) => a.column - b.column) : cells;
    return all.length === 0
      ? ""
      : `<row r="${rowNumber}"${heightAttributes(height)}>${all.map((cell) => cell.xml).join("")}</row>`;
  };
  // Preamble, the blank line, the header.
  const preambleHeights = preambleRowHeights(layout);
  for (let rowNumber = 1; rowNumber <= headerRow; rowNumber++) {
    const cells: { column: number; xml: string }[] = [];
    const line = layout.preamble[rowNumber - 1];
    if (line !== undefined)
      cells.push({
        column: 0,
        xml: textCell(`A${rowNumber}`, rowNumber === 1 ? styles.title : styles.preamble, line),
      });
    if (rowNumber === headerRow)
      layout.header.forEach((text, index) =>
        cells.push({
          column: index,
          xml: textCell(`${columnLetters(index)}${headerRow}`, styles.header, text),
        })
      );
    const height =
      rowNumber === headerRow ? headerRowHeight(layout) : (preambleHeights[rowNumber - 1] ?? null);
    xml += row(rowNumber, cells, height);
  }
  const format = bodyFormat(layout, styles);
  const { letters, styleAttributes, wrapped } = format;
  // Each row is encoded as soon as it is made, into a buffer handed on every few dozen kilobytes: a
  // row's strings die young. Rows gathered as strings and joined into pieces lived long enough to be
  // promoted to the old generation (~100 MB of garbage at the national workbook's peak), and the
  // joining cost more than the encoding.
  const out = new XmlBytes(lend);
  out.text(xml);
  /** The block handed off at the start of the block before it, until its place is reached. */
  let handedOff: RowsHandOff | null = null;
  for (let index = 0; index < layout.body.length; index++) {
    if (out.size >= PIECE_BYTES) yield out.take();
    if (handOffBlock !== undefined && index % (2 * handOffBlock) === 0) {
      // Handed off before this thread writes the block in front of it: both blocks are then made at
      // once, and this thread's rows go to the deflater as they are made instead of waiting in a
      // queue behind the other thread's block (where they lived long enough to be promoted to the
      // old generation: ~170 MB of garbage at the peak of the national workbook).
      handedOff = handOffAfter(
        index,
        handOffBlock,
        layout.body.length,
        blockRows,
        headerRow,
        format
      );
      if (handedOff !== null) yield handedOff;
    }
    if (handedOff !== null && index === handedOff.from) {
      if (out.size > 0) yield out.take();
      yield { place: handedOff };
      index = handedOff.to - 1;
      handedOff = null;
      continue;
    }
    const values = layout.body[index]!;
    const tone = toneIndex(layout.rowTone?.[index]);
    const rowNumber = headerRow + 1 + index;
    if (blocks.has(rowNumber)) {
      out.text(
        row(
          rowNumber,
          values.map((value, column) => ({
            column,
            xml: bodyCell(
              (letters[column] ?? columnLetters(column)) + rowNumber,
              styleAttributes[tone]?.[column] ?? "",
              value
            ),
          })),
          bodyRowHeight(values, wrapped)
        )
      );
    } else out.text(bodyRowXml(values, styleAttributes[tone] ?? [], rowNumber, letters, wrapped));
  }
  for (const rowNumber of blockRows)
    if (rowNumber > headerRow + layout.body.length) out.text(row(rowNumber, []));
  xml = "</sheetData>";
  if (layout.header.length > 0)
    xml += `<autoFilter ref="A${headerRow}:${lastColumn}${headerRow + filterRows}"/>`;
  xml += mergedPreambleXml(layout);
  xml += heatScalesXml(layout, headerRow) + validationsXml(layout, headerRow);
  out.text(xml);
  yield* hyperlinkPieces(out, layout, headerRow, place.linkable);
  xml = pageXml(printSetup(layout));
  if (drawingRelationshipId !== undefined) xml += `<drawing r:id="${drawingRelationshipId}"/>`;
  xml += "</worksheet>";
  out.text(xml);
  yield out.take();
}

/** Body rows [from, to) left to another thread, with what it needs to write them as here. */
export interface RowsHandOff {
  from: number;
  to: number;
  format: BodyFormat;
}

/** Where the XML of a hand-off yielded earlier goes among the sheet's pieces. */
export interface HandOffPlace {
  place: RowsHandOff;
}

/**
 * The block of rows after the one starting at body row `start` (a multiple of `2 × block`), when it is
 * left to another thread: not past the body, and with no data-block cells beside its rows.
 */
function handOffAfter(
  start: number,
  block: number,
  bodyRows: number,
  blockRows: number[],
  headerRow: number,
  format: BodyFormat
): RowsHandOff | null {
  const from = start + block;
  if (from >= bodyRows) return null;
  const to = Math.min(from + block, bodyRows);
  return hasBlockRows(blockRows, headerRow + 1 + from, headerRow + to)
    ? null
    : { from, to, format };
}

/**
 * How body rows are written: their first sheet row, column letters, style attributes per tone, and
 * the wrapped columns their heights come from.
 */
export interface BodyFormat {
  headerRow: number;
  letters: string[];
  /** [tone][column], tones in the order of TONES: ` s="7"`, or "" for no style. */
  styleAttributes: string[][];
  wrapped: WrappedColumns;
}

function bodyFormat(layout: SheetLayout, styles: LayoutStyles): BodyFormat {
  return {
    headerRow: headerRowOf(layout),
    letters: Array.from({ length: layout.header.length }, (_, index) => columnLetters(index)),
    styleAttributes: styles.body.map((tone) =>
      tone.map((style) => (style === 0 ? "" : ` s="${style}"`))
    ),
    wrapped: wrappedColumns(layout),
  };
}

/** A row's height attributes: the engine's height (rowHeights.ts), none for one line. */
function heightAttributes(height: number | null): string {
  return height === null ? "" : ` ht="${height}" customHeight="1"`;
}

/** A row's tone as its index in TONES (what `BodyFormat.styleAttributes` is indexed by). */
export function toneIndex(tone: RowTone | undefined): number {
  return TONES.indexOf(tone ?? null);
}

/** One body row's XML (a row with no data-block cells beside it). */
function bodyRowXml(
  values: CellValue[],
  styleAttributes: string[],
  rowNumber: number,
  letters: string[],
  wrapped: WrappedColumns
): string {
  // Rows without a wrapped column (most of the national sheets' rows) skip the estimate.
  const height = wrapped.columns.length === 0 ? null : bodyRowHeight(values, wrapped);
  let text = `<row r="${rowNumber}"${heightAttributes(height)}>`;
  for (let column = 0; column < values.length; column++) {
    const letter = letters[column] ?? (letters[column] = columnLetters(column));
    text += bodyCell(letter + rowNumber, styleAttributes[column] ?? "", values[column]!);
  }
  return text + "</row>";
}

/** Body rows `from`, `from + 1`, … as UTF-8; `tones` as `toneIndex` gives them. */
export function bodyRowsBytes(
  rows: CellValue[][],
  tones: number[],
  from: number,
  format: BodyFormat
): Uint8Array<ArrayBuffer> {
  const out = new XmlBytes();
  for (let i = 0; i < rows.length; i++) {
    const styles = format.styleAttributes[tones[i]!] ?? [];
    out.text(
      bodyRowXml(rows[i]!, styles, format.headerRow + 1 + from + i, format.letters, format.wrapped)
    );
  }
  return out.take();
}

/** Whether any of the sheet rows first…last (1-based, both included) has data-block cells. */
function hasBlockRows(blockRows: number[], first: number, last: number): boolean {
  return blockRows.some((row) => row >= first && row <= last);
}

/**
 * The cells of the data blocks (layoutSheet.ts writeBlock), by sheet row (1-based): a bold first row,
 * the column's number format below it; empty cells are written only when styled.
 */
function blockCells(
  layout: SheetLayout,
  styles: LayoutStyles
): Map<number, { column: number; xml: string }[]> {
  const byRow = new Map<number, { column: number; xml: string }[]>();
  (layout.blocks ?? []).forEach((block, blockIndex) => {
    block.values.forEach((values, r) => {
      const rowNumber = block.row + r + 1;
      values.forEach((value, c) => {
        const column = block.column + c;
        const style = r === 0 ? styles.blockHeader : (styles.blockFormats[blockIndex]?.[c] ?? 0);
        const xml = bodyCell(
          `${columnLetters(column)}${rowNumber}`,
          style === 0 ? "" : ` s="${style}"`,
          value
        );
        if (xml === "") return;
        const cells = byRow.get(rowNumber) ?? [];
        cells.push({ column, xml });
        byRow.set(rowNumber, cells);
      });
    });
  });
  return byRow;
}

/** Column widths: the table's, then the blocks' (a block's width wins, as in layoutSheet.ts). */
function columnsXml(layout: SheetLayout): string {
  const widths: (number | undefined)[] = layout.columns.map((spec) => spec.width);
  for (const block of layout.blocks ?? [])
    block.columns.forEach((spec, c) => {
      widths[block.column + c] = spec.width;
    });
  const columns = widths
    .map((width, index) =>
      width === undefined
        ? ""
        : `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`
    )
    .join("");
  return columns === "" ? "" : `<cols>${columns}</cols>`;
}

function bodyCell(reference: string, style: string, value: CellValue): string {
  if (typeof value === "number") {
    // NaN or ±Infinity would make a file Excel reports as damaged: such a cell stays empty.
    return Number.isFinite(value)
      ? `<c r="${reference}"${style}><v>${value}</v></c>`
      : emptyCell(reference, style);
  }
  if (typeof value === "string") return inlineText(reference, style, value);
  if (typeof value === "boolean")
    return `<c r="${reference}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return emptyCell(reference, style);
}

/** A styled empty cell keeps the row's colour across the table; an unstyled one is not written. */
function emptyCell(reference: string, style: string): string {
  return style === "" ? "" : `<c r="${reference}"${style}/>`;
}

function textCell(reference: string, style: number, text: string): string {
  return inlineText(reference, style === 0 ? "" : ` s="${style}"`, text);
}

/** Leading, trailing or doubled spaces and line breaks survive only with xml:space="preserve". */
const KEEP_SPACE = /^\s|\s$|\s\s|[\t\n\r]/;
/** Text that can go into `<t>` as it is (checked once; most cells are such). */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const PLAIN = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|^\s|\s$|\s\s|_x[0-9A-Fa-f]{4}_/;
/**
 * Excel reads `_x0041_` in a cell's text as the character U+0041; text that holds such a sequence
 * itself keeps it by escaping its underscore (`_x005F_`), as Excel does when it saves.
 */
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

function inlineText(reference: string, style: string, text: string): string {
  if (text.length <= EXCEL_CELL_CHARACTERS && !PLAIN.test(text))
    return `<c r="${reference}"${style} t="inlineStr"><is><t>${text}</t></is></c>`;
  const cut = cellText(xmlAllowed(text));
  const space = KEEP_SPACE.test(cut) ? ' xml:space="preserve"' : "";
  const escaped = escapeXml(cut).replace(EXCEL_ESCAPE, "_x005F_$1");
  return `<c r="${reference}"${style} t="inlineStr"><is><t${space}>${escaped}</t></is></c>`;
}

/** Text cut to what a cell can hold, as the ExcelJS writer cuts it (the engine's `withinCell`). */
function cellText(text: string): string {
  return withinCell(text);
}

/**
 * A two-colour scale (white → red) over the numeric cells of each `heat` column, from 0 (or the
 * column's lowest value, if negative) to its highest value.
 */
function heatScalesXml(layout: SheetLayout, headerRow: number): string {
  if (layout.body.length === 0) return "";
  let xml = "";
  layout.columns.forEach((spec, index) => {
    if (spec.heat !== true) return;
    let low = 0;
    let high = -Infinity;
    let any = false;
    for (const row of layout.body) {
      const value = row[index];
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      any = true;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (!any) return;
    high = Math.max(low + 1, high);
    const column = columnLetters(index);
    const range = `${column}${headerRow + 1}:${column}${headerRow + layout.body.length}`;
    xml +=
      `<conditionalFormatting sqref="${range}"><cfRule type="colorScale" priority="${index + 1}"><colorScale>` +
      `<cfvo type="num" val="${low}"/><cfvo type="num" val="${high}"/>` +
      HEAT_COLOURS.map((argb) => `<color rgb="${argb}"/>`).join("") +
      "</colorScale></cfRule></conditionalFormatting>";
  });
  return xml;
}

/**
 * Data validation over the rows a person fills in (the body and `inputRows` below the header), one
 * range per column; a count «not above the total» is a custom formula relative to the first row.
 */
function validationsXml(layout: SheetLayout, headerRow: number): string {
  const rows = Math.max(layout.body.length, layout.inputRows ?? 0);
  if (rows === 0) return "";
  const first = headerRow + 1;
  const last = headerRow + rows;
  const items: string[] = [];
  layout.columns.forEach((spec, index) => {
    if (spec.validation === undefined) return;
    const column = columnLetters(index);
    const rule = validationRule(spec.validation, index, first);
    const operator = rule.operator === undefined ? "" : ` operator="${rule.operator}"`;
    items.push(
      `<dataValidation type="${rule.type}"${operator} allowBlank="1" showErrorMessage="1" errorStyle="stop"` +
        ` errorTitle="Школьный радар" error="${escapeXml(spec.validation.message)}" sqref="${column}${first}:${column}${last}">` +
        rule.formulae
          .map(
            (formula, at) => `<formula${at + 1}>${escapeXml(String(formula))}</formula${at + 1}>`
          )
          .join("") +
        "</dataValidation>"
    );
  });
  return items.length === 0
    ? ""
    : `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

/** Each preamble line merged across the table's columns, where it wraps (`preambleColumns`). */
function mergedPreambleXml(layout: SheetLayout): string {
  const columns = preambleColumns(layout);
  if (columns < 2 || layout.preamble.length === 0) return "";
  const last = columnLetters(columns - 1);
  const merged = layout.preamble.map(
    (_, row) => `<mergeCell ref="A${row + 1}:${last}${row + 1}"/>`
  );
  return `<mergeCells count="${merged.length}">${merged.join("")}</mergeCells>`;
}

/**
 * Internal hyperlinks of the layout's link column (`SheetLayout.links`): a location in the workbook,
 * so no relationship is needed; the cell's own text is what shows. Written into `out` and handed on
 * in pieces like the rows: at national scale they are 50,000.
 */
function* hyperlinkPieces(
  out: XmlBytes,
  layout: SheetLayout,
  headerRow: number,
  linkable: (target: string) => boolean
): Generator<Uint8Array> {
  const links = layout.links;
  if (links === undefined || links.column < 0) return;
  const letters = columnLetters(links.column);
  let any = false;
  for (let index = 0; index < links.targets.length; index++) {
    const target = links.targets[index];
    if (target === null || target === undefined || !linkable(target)) continue;
    if (!any) out.text("<hyperlinks>");
    any = true;
    out.text(
      `<hyperlink ref="${letters}${headerRow + 1 + index}" location="${escapeXml(target)}"/>`
    );
    if (out.size >= PIECE_BYTES) yield out.take();
  }
  if (any) out.text("</hyperlinks>");
}

/**
 * The page setup of `printSetup` (its print area and title rows are defined names of the workbook):
 * grid lines, margins, A4 (paper 9) in its orientation scaled to one page wide, the footer.
 */
function pageXml(setup: PrintSetup): string {
  const { left, right, top, bottom, header, footer } = setup.margins;
  return (
    (setup.gridLines ? '<printOptions gridLines="1"/>' : "") +
    `<pageMargins left="${left}" right="${right}" top="${top}" bottom="${bottom}" header="${header}" footer="${footer}"/>` +
    `<pageSetup paperSize="9" orientation="${setup.orientation}" fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${escapeXml(`&C${setup.footer}`)}</oddFooter></headerFooter>`
  );
}

/**
 * A print setup's defined names for `sheetName` (1-based rows, absolute references): the areas, comma
 * separated, and the rows repeated on every page.
 */
export function printNames(
  setup: PrintSetup,
  sheetName: string
): { printArea: string; printTitles: string } {
  const area = (range: CellRange) =>
    `${sheetName}!$${columnLetters(range.column)}$${range.row + 1}:` +
    `$${columnLetters(range.column + range.columns - 1)}$${range.row + range.rows}`;
  const { first, last } = setup.titleRows;
  return {
    printArea: setup.areas.map(area).join(","),
    printTitles: `${sheetName}!$${first + 1}:$${last + 1}`,
  };
}
