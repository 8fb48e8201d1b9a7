/**
 * A large sheet is read on two threads (src/xlsx/focused/twoThreadSheet.ts): pieces of whole rows go
 * to a worker while the main thread reads the others. Whatever the file, the sheets must be exactly
 * what one stream reads — values, number formats, merges, uncalculated formulas — and a sheet the two
 * threads cannot share (rows without numbers, a row number given twice) is read again in one stream.
 * The worker is the compiled one (build/, rebuilt here when stale); pieces are made a few kilobytes
 * so that small test files are cut into many.
 */
import { mkdirSync, readdirSync } from "fs";
import path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/engine";
import { readWorkbookSheetsFocused, WorkbookFileError, type WorkbookSheet } from "../../src/xlsx";
import { afterLastRowEnd, RowPieces } from "../../src/xlsx/focused/rowPieces";
import type { TwoThreadReading, TwoThreads } from "../../src/xlsx/focused/twoThreadSheet";
import { ensureCliBuilt } from "../cli/builtCli";
import { propertyParameters, tableLikeGrid } from "../robustness/arbitraries";
import { CASES } from "../robustness/badInputCases";
import { minimalXlsx, xmlRow } from "../robustness/badInputFiles";
import { temporaryFolder } from "./workbookFiles";

const ROOT = path.join(__dirname, "..", "..");
const WORKER = path.join(ROOT, "build", "xlsx", "focused", "sheetWorker.js");
const folder = temporaryFolder();
afterAll(folder.remove);
beforeAll(() => ensureCliBuilt(), 180_000);

let files = 0;
const newFile = (name = "книга.xlsx") => {
  const dir = path.join(folder.dir, `file-${files++}`);
  mkdirSync(dir);
  return path.join(dir, name);
};

/** Every sheet read on two threads, in pieces of about `pieceBytes`; the readings reported. */
function twoThreads(readings: TwoThreadReading[], pieceBytes = 4096): TwoThreads {
  return { workerScript: WORKER, minimumBytes: 0, pieceBytes, report: (r) => readings.push(r) };
}

/** The sheets as plain data: rows made, the packed view left out (it is the same cells). */
function plain(sheets: WorkbookSheet[]): unknown {
  return sheets.map((sheet) => {
    const grid: SheetGrid = {
      ...sheet.grid,
      values: Array.from(sheet.grid.values, (row) => [...row]),
      numberFormats: Array.from(sheet.grid.numberFormats ?? [], (row) => [...row]),
    };
    delete grid.cells;
    return { ...sheet, grid };
  });
}

async function outcome(read: () => Promise<WorkbookSheet[]>): Promise<unknown> {
  try {
    return plain(await read());
  } catch (error) {
    if (error instanceof WorkbookFileError)
      return { problem: error.problem, message: error.message };
    throw error;
  }
}

/** Reads `file` in one stream and on two threads, expects the same; returns the two-thread readings. */
async function expectSameOnTwoThreads(file: string, pieceBytes?: number) {
  const readings: TwoThreadReading[] = [];
  const one = await outcome(() => readWorkbookSheetsFocused(file, null));
  const two = await outcome(() =>
    readWorkbookSheetsFocused(file, twoThreads(readings, pieceBytes))
  );
  expect(two).toEqual(one);
  return readings;
}

/** A sheet of `schools` rows of 3 identity cells and 30 numbers with some gaps, styled as exports are. */
async function nationalLikeWorkbook(file: string, schools: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Выгрузка");
  sheet.addRow([
    "Муниципалитет",
    "ОО",
    "Логин",
    ...Array.from({ length: 30 }, (_, i) => `ВПР ${i}`),
  ]);
  for (let s = 0; s < schools; s++) {
    const row = sheet.addRow([
      `МО ${s % 17}`,
      `МБОУ «СОШ № ${s}»`,
      `sch${100000 + s}`,
      ...Array.from({ length: 30 }, (_, i) =>
        (s * 7 + i * 13) % 23 === 0 ? "-" : ((s * 31 + i * 17) % 1000) / 10
      ),
    ]);
    row.getCell(4).numFmt = "0.0";
  }
  sheet.mergeCells("A1:A1");
  await workbook.xlsx.writeFile(file);
}

describe("cutting a sheet's XML into pieces of whole rows", () => {
  it("cuts after the last closing row tag, with or without a namespace prefix", () => {
    const text = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c';
    expect(afterLastRowEnd(Buffer.from(text))).toBe(text.indexOf('<row r="2"'));
    const prefixed = '<x:row r="1"></x:row><x:row r="2">';
    expect(afterLastRowEnd(Buffer.from(prefixed))).toBe(prefixed.indexOf('<x:row r="2"'));
    // An opening `<row>` is no place to cut; neither is text that only looks like it.
    expect(afterLastRowEnd(Buffer.from("<sheetData><row><c"))).toBe(-1);
    expect(afterLastRowEnd(Buffer.from("<t>arrow&gt;</t>"))).toBe(-1);
  });

  it("gives back every byte, in order, each piece ending at a row's end", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 97 }),
        (widths, chunk) => {
          const xml =
            "<sheetData>" +
            widths
              .map((width, r) => `<row r="${r + 1}">${"<c><v>7</v></c>".repeat(width)}</row>`)
              .join("") +
            "</sheetData>";
          const bytes = Buffer.from(xml);
          const pieces = new RowPieces();
          const out: Buffer[] = [];
          for (let at = 0; at < bytes.length; at += chunk) {
            const piece = pieces.push(bytes.subarray(at, at + chunk));
            if (piece !== null) out.push(Buffer.from(piece));
          }
          const rest = pieces.end();
          for (const piece of out) expect(piece.toString().endsWith("</row>")).toBe(true);
          expect(Buffer.concat([...out, ...(rest ? [rest] : [])]).toString()).toBe(xml);
        }
      ),
      propertyParameters(300)
    );
  });
});

describe("a sheet read on two threads is the sheet read in one stream", () => {
  it("the sample workbook", async () => {
    const readings = await expectSameOnTwoThreads(
      path.join(ROOT, "samples", "school-radar-sample.xlsx")
    );
    expect(readings.length).toBeGreaterThan(0);
    expect(readings.every((reading) => reading.readAgain === null)).toBe(true);
  });

  it("a table of 12,000 schools, most of its rows read by the worker", async () => {
    // Long enough that a worker slow to start (a cold machine took longer than the whole stream of
    // 3,000 schools, and the worker read only the 3 pieces of its queue) still reads most of it.
    const file = newFile();
    await nationalLikeWorkbook(file, 12_000);
    const readings = await expectSameOnTwoThreads(file, 64 * 1024);
    expect(readings).toHaveLength(1);
    expect(readings[0]!.readAgain).toBeNull();
    expect(readings[0]!.workerPieces).toBeGreaterThan(5);
    expect(readings[0]!.mainPieces).toBeGreaterThan(0);
  }, 60_000);

  it("random tables written by ExcelJS", async () => {
    await fc.assert(
      fc.asyncProperty(tableLikeGrid, async (grid) => {
        const file = newFile();
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("Лист1");
        grid.values.forEach((row) => sheet.addRow(row));
        await workbook.xlsx.writeFile(file);
        await expectSameOnTwoThreads(file, 256);
      }),
      propertyParameters(25)
    );
  }, 120_000);

  it("rows without their numbers: read again in one stream, the same cells", async () => {
    const file = newFile();
    const rows = Array.from({ length: 400 }, (_, r) =>
      xmlRow(r + 1, ["sch" + (100000 + r), r, r / 2]).replace(/ r="\d+">/, ">")
    );
    await minimalXlsx(file, "Лист1", rows);
    const readings = await expectSameOnTwoThreads(file, 1024);
    expect(readings.map((reading) => reading.readAgain)).toEqual(["row without its number"]);
  });

  it("row numbers given twice: the later cells win, as in one stream", async () => {
    // Which thread reads which piece depends on timing; whichever it was, the sheet is the same, and
    // when the twins were on different threads the sheet was read again in one stream.
    const file = newFile();
    const rows = Array.from({ length: 400 }, (_, r) => xmlRow(r + 1, ["sch" + (100000 + r), r]));
    rows.push(...Array.from({ length: 400 }, (_, r) => xmlRow(r + 1, [null, null, "позже"])));
    await minimalXlsx(file, "Лист1", rows);
    const readings = await expectSameOnTwoThreads(file, 1024);
    expect([[null], ["row number given twice"]]).toContainEqual(
      readings.map((reading) => reading.readAgain)
    );
  });

  it("a worker that cannot start: read in one stream", async () => {
    const file = newFile();
    await nationalLikeWorkbook(file, 200);
    const readings: TwoThreadReading[] = [];
    const broken = { ...twoThreads(readings), workerScript: path.join(folder.dir, "нет.js") };
    const sheets = await readWorkbookSheetsFocused(file, broken);
    expect(plain(sheets)).toEqual(plain(await readWorkbookSheetsFocused(file, null)));
    expect(readings.map((reading) => reading.readAgain)).toEqual(["worker failed"]);
  });

  let index = 0;
  it.each(
    CASES.filter((entry) => entry.timeout === undefined).map(
      (entry) => [entry.name, entry] as const
    )
  )(
    "bad input: %s",
    async (_, entry) => {
      const input = path.join(folder.dir, `case-${index++}`, entry.fileName ?? "выгрузка.xlsx");
      mkdirSync(path.dirname(input));
      await entry.make(input);
      if (!readdirSync(path.dirname(input)).includes(path.basename(input))) return;
      await expectSameOnTwoThreads(input, 512);
    },
    60_000
  );
});
