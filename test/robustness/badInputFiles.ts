/**
 * Builders of bad input files for the bad-input table: real workbooks with one thing wrong, written
 * with ExcelJS, and — where ExcelJS cannot make the file (a million styled rows, a sheet XML of its
 * own) — a minimal .xlsx assembled from parts with a maintained zip library (test fixtures only);
 * older formats converted by LibreOffice, and compound documents written with `cfb`.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import * as CFB from "cfb";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { addResultsSheet, FIXTURE_SCHOOLS } from "../xlsx/workbookFiles";

/**
 * The five-school fixture (title row 1, header rows 2–3, schools in rows 4–8) with edits. Columns:
 * A municipality, B name, C login; then per procedure (ВПР МА 5, ВПР РУ 5, ОГЭ МА) and year
 * (2024/2025, 2023/2024) three columns: % «2», % high, participants — ВПР МА 5 2024/2025 is D:F,
 * ВПР МА 5 2023/2024 G:I, ВПР РУ 5 2024/2025 J:L, …, ОГЭ МА 2023/2024 S:U.
 */
export async function fixtureWith(
  filePath: string,
  edit: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void = () => undefined,
  schools = FIXTURE_SCHOOLS
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addResultsSheet(workbook, undefined, schools);
  edit(workbook.getWorksheet("Выгрузка")!, workbook);
  await workbook.xlsx.writeFile(filePath);
}

export async function workbookWith(
  filePath: string,
  fill: (workbook: ExcelJS.Workbook) => void
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  await workbook.xlsx.writeFile(filePath);
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One `<c>` of a hand-made sheet: numbers as `<v>`, text inline (no shared strings part needed). */
export function xmlCell(reference: string, value: string | number): string {
  return typeof value === "number"
    ? `<c r="${reference}"><v>${value}</v></c>`
    : `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** A one-row header in the export's order: identity, then one «% «2»» column per year of ВПР МА 5. */
export const FLAT_HEADER = [
  "Муниципалитет",
  "Наименование ОО",
  "Логин ОО",
  "ВПР МА 5 2025 % «2»",
  "ВПР МА 5 2024 % «2»",
];

export function xmlRow(row: number, cells: (string | number | null)[], attributes = ""): string {
  const body = cells
    .map((value, index) =>
      value === null ? "" : xmlCell(`${columnName(index)}${row}`, value as string | number)
    )
    .join("");
  return `<row r="${row}"${attributes}>${body}</row>`;
}

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A one-sheet .xlsx from the sheet's `<sheetData>` rows (given as chunks, so a million rows need not
 * be one string) and optional extra elements after it (`<mergeCells>`). Style 1 is a bold font, for
 * rows that carry formatting and nothing else.
 */
export async function minimalXlsx(
  filePath: string,
  sheetName: string,
  rows: Iterable<string>,
  options: { dimension?: string; afterSheetData?: string } = {}
): Promise<void> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      "</Types>"
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      "</Relationships>"
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      "</Relationships>"
  );
  zip.file(
    "xl/styles.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      "</styleSheet>"
  );
  const chunks: string[] = [];
  for (const row of rows) chunks.push(row);
  zip.file(
    "xl/worksheets/sheet1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (options.dimension ? `<dimension ref="${options.dimension}"/>` : "") +
      `<sheetData>${chunks.join("")}</sheetData>${options.afterSheetData ?? ""}</worksheet>`
  );
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  writeFileSync(filePath, bytes);
}

/**
 * A compound document (OLE) with these streams and placeholder contents, written by SheetJS's `cfb`.
 * No tool here makes the real ones: an encrypted .xlsx ([MS-OFFCRYPTO] 2.3.4: «EncryptionInfo» and
 * «EncryptedPackage») needs Office, a .doc needs Writer, and LibreOffice here is Calc only. The
 * reader tells them apart by their streams' names alone, which these have as Office writes them.
 */
export function compoundDocumentBytes(streams: Record<string, Uint8Array>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams))
    CFB.utils.cfb_add(container, name, content);
  return CFB.write(container, { type: "buffer" }) as Buffer;
}

export function compoundDocument(filePath: string, streams: Record<string, Uint8Array>): void {
  writeFileSync(filePath, compoundDocumentBytes(streams));
}

/** The streams of a workbook encrypted with a password to open, as Office names them. */
export const ENCRYPTED_WORKBOOK_STREAMS = {
  EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]),
  EncryptedPackage: new Uint8Array(64).fill(0x5a),
};

/**
 * A file of an older format, made by LibreOffice headless from `make`'s file (`format` as
 * `--convert-to` takes it), and written at `filePath`: a real .xls or .doc, renamed as a user would.
 */
export async function convertedByLibreOffice(
  filePath: string,
  sourceName: string,
  make: (sourcePath: string) => Promise<void> | void,
  format: string
): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), "school-radar-convert-"));
  try {
    const source = path.join(work, sourceName);
    await make(source);
    copyFileSync(convertWithLibreOffice(source, format, path.join(work, "out"), work), filePath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
