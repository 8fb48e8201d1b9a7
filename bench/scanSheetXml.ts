/**
 * One pass over a national table's sheet XML (50,000 schools, ~130 MB of text, as ExcelJS's streaming
 * writer writes it: `<c r="D2"><v>12.3</v></c>`, texts as shared strings), cut into 64 KB pieces as
 * the inflater gives them: htmlparser2's tokenizer alone (no-op callbacks), XmlEvents and the
 * worksheet scanner (on text) each with a handler that does nothing, the sheet reader on the bytes
 * (WorksheetBytes: plain cells from the bytes) with a handler that takes them and does nothing, and
 * XmlEvents and the sheet reader feeding SheetCells (the real reading). Best of 3 each. Not part of
 * the test run:
 *   npx tsc -p tsconfig.bench.json && node build-bench/bench/scanSheetXml.js [schools]
 */
import { Tokenizer } from "htmlparser2";
import { performance } from "perf_hooks";
import type { CellValue } from "../src/engine";
import { SheetCells } from "../src/xlsx/focused/sheetCells";
import type { PlainCellSink } from "../src/xlsx/focused/plainCell";
import { WorksheetBytes } from "../src/xlsx/focused/worksheetBytes";
import { WorksheetScanner } from "../src/xlsx/focused/worksheetScanner";
import { XmlEvents } from "./referenceXmlEvents";
import type { XmlByteStream, XmlHandler, XmlStream } from "../src/xlsx/focused/xmlHandler";
import { syntheticExportTable } from "./syntheticExportTable";

const PIECE = 64 * 1024;
const RUNS = 3;

function letters(column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The sheet XML in pieces (of text, of its UTF-8), and the shared strings its `t="s"` cells point to. */
function nationalSheetXml(schools: number): {
  pieces: string[];
  bytePieces: Uint8Array[];
  sharedStrings: string[];
} {
  const grid = syntheticExportTable(schools);
  const shared = new Map<string, number>();
  const cell = (value: CellValue, reference: string): string => {
    if (value === null) return "";
    if (typeof value === "number") return `<c r="${reference}"><v>${value}</v></c>`;
    const text = String(value);
    let index = shared.get(text);
    if (index === undefined) shared.set(text, (index = shared.size));
    return `<c r="${reference}" t="s"><v>${index}</v></c>`;
  };
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>`,
  ];
  const width = grid.values[0]!.length;
  grid.values.forEach((row, r) => {
    let xml = `<row r="${r + 1}" spans="1:${width}" x14ac:dyDescent="0.25">`;
    row.forEach((value, c) => (xml += cell(value, `${letters(c)}${r + 1}`)));
    parts.push(xml + "</row>");
  });
  parts.push("</sheetData></worksheet>");
  const text = parts.join("");
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += PIECE) pieces.push(text.slice(at, at + PIECE));
  const bytes = Buffer.from(text, "utf8");
  const bytePieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += PIECE) bytePieces.push(bytes.subarray(at, at + PIECE));
  return { pieces, bytePieces, sharedStrings: [...shared.keys()] };
}

function bestOf(action: () => void): number {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    action();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const nothing: XmlHandler = { open() {}, text() {}, close() {} };
const nothingPlain: XmlHandler & PlainCellSink = { ...nothing, plainCell() {} };

function tokenizerOnly(pieces: string[]): void {
  const ignore = () => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      onclosetag: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onopentagname: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
      ontext: ignore,
      ontextentity: ignore,
    }
  );
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
}

function through(stream: XmlStream, pieces: string[]): void {
  for (const piece of pieces) stream.write(piece);
  stream.end();
}

function throughBytes(stream: XmlByteStream, pieces: Uint8Array[]): void {
  for (const piece of pieces) stream.write(piece);
  stream.end();
}

function main(): void {
  const schools = Number(process.argv[2] ?? 50_000);
  const { pieces, bytePieces, sharedStrings } = nationalSheetXml(schools);
  const megabytes = pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece), 0) / 1e6;
  const context = { sharedStrings, cellFormats: [], date1904: false };
  const sheet = (read: (cells: SheetCells) => void) => () => {
    const cells = new SheetCells("Выгрузка", context);
    read(cells);
    if (!cells.hasAnyValue()) throw new Error("nothing read");
  };
  const figures = {
    "htmlparser2 Tokenizer, no-op callbacks": bestOf(() => tokenizerOnly(pieces)),
    "XmlEvents, no-op handler": bestOf(() => through(new XmlEvents(nothing), pieces)),
    "WorksheetScanner (text), no-op handler": bestOf(() =>
      through(new WorksheetScanner(nothing), pieces)
    ),
    "WorksheetBytes (bytes), no-op plain-cell handler": bestOf(() =>
      throughBytes(new WorksheetBytes(nothingPlain), bytePieces)
    ),
    "XmlEvents → SheetCells": bestOf(sheet((cells) => through(new XmlEvents(cells), pieces))),
    "WorksheetBytes → SheetCells": bestOf(
      sheet((cells) => throughBytes(new WorksheetBytes(cells), bytePieces))
    ),
  };
  console.log(
    `${schools} schools: ${megabytes.toFixed(1)} MB of sheet XML in ${pieces.length} pieces; best of ${RUNS}`
  );
  for (const [name, ms] of Object.entries(figures))
    console.log(`  ${name}: ${(ms / 1000).toFixed(3)} s`);
}

main();
