/*
 * samples/school-radar-functions.xlsx shows every EDU function in use. It must be exactly what
 * scripts/generate-functions-sample.cjs writes; every formula must be stored as Excel stores an add-in's
 * function (`_xldudf_EDU_…`) with, as its cached value, what the function returns for the file's own
 * cells; the what-if notes on the sheet must be true; and LibreOffice must open it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as worksheetFunctions from "../../src/functions/functions";
import {
  functionsSampleBytes,
  storedName,
  FUNCTIONS_SHEET,
  TABLE_SHEET,
} from "../../scripts/generate-functions-sample.cjs";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { convertWithLibreOffice } from "../fixtures/libreOffice";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "school-radar-functions.xlsx");
const GENERATOR = path.join(ROOT, "scripts", "generate-functions-sample.cjs");

type Fn = (...args: unknown[]) => unknown;
/** Function id → its TypeScript function, from the generated metadata's associations. */
let byStoredName: Map<string, { id: string; fn: Fn }>;
let workbook: ExcelJS.Workbook;
/** Cached booleans by sheet and address, read from the XML: ExcelJS reads a cached FALSE as no result. */
let cachedBooleans: Map<string, boolean>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    [path.join(ROOT, "src", "functions", "functions.ts")],
    false
  );
  byStoredName = new Map(
    generated.associate.map(({ id, functionName }) => [
      storedName(id),
      { id, fn: (worksheetFunctions as unknown as Record<string, Fn>)[functionName] },
    ])
  );
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  cachedBooleans = new Map();
  for (const [index, sheet] of workbook.worksheets.entries()) {
    const xml = await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async("string");
    for (const [, address, value] of xml.matchAll(
      /<c r="([A-Z]+\d+)"[^>]* t="b"[^>]*>(?:<f[^>]*>[^<]*<\/f>)?<v>([01])<\/v>/g
    )) {
      cachedBooleans.set(`${sheet.name}!${address}`, value === "1");
    }
  }
}, 30_000);

// ---------------------------------------------------------------------------------------------
// The values Excel would hand the functions, read from the file.

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: unknown;
  ref?: string;
}

function formulaCells(): FormulaCell[] {
  const cells: FormulaCell[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as {
          formula?: string;
          result?: unknown;
          ref?: string;
          shareType?: string;
        } | null;
        if (value && typeof value === "object" && typeof value.formula === "string") {
          cells.push({
            sheet: sheet.name,
            address: cell.address,
            formula: value.formula,
            result: cachedBooleans.get(`${sheet.name}!${cell.address}`) ?? value.result,
            ref: value.shareType === "array" ? value.ref : undefined,
          });
        }
      })
    )
  );
  return cells;
}

/** An ExcelJS cell (a plain object, not an Office.js proxy: nothing to load or sync). */
function exceljsCell(book: ExcelJS.Workbook, sheetName: string, address: string) {
  const { isMerged, master, value } = book.getWorksheet(sheetName)!.getCell(address);
  const { address: masterAddress } = master;
  return { hidden: isMerged && masterAddress !== address, value: value as unknown };
}

/** A cell as a custom function receives it: a merged cell's hidden part and an empty cell are "". */
function excelValue(sheetName: string, address: string): unknown {
  const cached = cachedBooleans.get(`${sheetName}!${address}`);
  if (cached !== undefined) return cached;
  const { hidden, value } = exceljsCell(workbook, sheetName, address);
  if (hidden) return "";
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "formula" in (value as object)) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? "" : result;
  }
  if (typeof value === "object" && "error" in (value as object))
    return { code: (value as { error: string }).error };
  return value;
}

const REFERENCE = /^(?:'([^']+)'!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;

function columnNumber(letters: string): number {
  return [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function argumentValue(text: string, sheet: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const match = REFERENCE.exec(text);
  if (!match) throw new Error(`cannot read the argument ${text}`);
  const [, sheetName = sheet, left, top, right, bottom] = match;
  if (right === undefined) return excelValue(sheetName, `${left}${top}`);
  const rows: unknown[][] = [];
  for (let row = Number(top); row <= Number(bottom); row++) {
    const cells: unknown[] = [];
    for (let column = columnNumber(left); column <= columnNumber(right); column++) {
      cells.push(excelValue(sheetName, `${columnLetters(column)}${row}`));
    }
    rows.push(cells);
  }
  return rows;
}

/** What Excel shows in the cell: the value, or the error value of a thrown CustomFunctions.Error. */
function shown(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    return { error: (error as CustomFunctions.Error).code };
  }
}

function cachedSpill(cell: FormulaCell): unknown[][] {
  const [from, to] = cell.ref!.split(":");
  const [, , left, top] = REFERENCE.exec(from)!;
  const [, , right, bottom] = REFERENCE.exec(to)!;
  const rows: unknown[][] = [];
  for (let row = Number(top); row <= Number(bottom); row++) {
    const cells: unknown[] = [];
    for (let column = columnNumber(left); column <= columnNumber(right); column++) {
      const address = `${columnLetters(column)}${row}`;
      cells.push(address === cell.address ? (cell.result ?? "") : excelValue(cell.sheet, address));
    }
    rows.push(cells);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

describe("the functions sample workbook", () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  it("is exactly what the generator writes, run from the command line (any time zone) and in-process", async () => {
    const regenerated = path.join(folder.dir, "functions.xlsx");
    execFileSync(process.execPath, [GENERATOR, regenerated], {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, TZ: "Asia/Krasnoyarsk" },
    });
    expect(readFileSync(regenerated).equals(readFileSync(SAMPLE))).toBe(true);
    expect((await functionsSampleBytes()).equals(readFileSync(SAMPLE))).toBe(true);
  }, 60_000);

  it("uses every EDU function, stored as Excel stores an add-in's function: _xldudf_EDU_<id>", () => {
    const stored = formulaCells()
      .map((cell) => /^(_xldudf_[A-Z_]+)\(/.exec(cell.formula)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(new Set(stored)).toEqual(new Set(byStoredName.keys()));
    expect(storedName("SHNOR.REASON")).toBe("_xldudf_EDU_SHNOR_REASON");
    expect(storedName("LOWRESULT")).toBe("_xldudf_EDU_LOWRESULT");
  });

  it("caches in every custom function cell what the function returns for the file's own cells", () => {
    const checked: string[] = [];
    for (const cell of formulaCells()) {
      const call = /^(_xldudf_[A-Z_]+)\((.*)\)$/.exec(cell.formula);
      if (!call) continue;
      const { id, fn } = byStoredName.get(call[1])!;
      const args = call[2].split(",").map((text) => argumentValue(text, cell.sheet));
      const value = shown(() => fn(...args));
      const where = `${cell.sheet}!${cell.address} (${id})`;
      if (cell.ref) expect([where, value]).toEqual([where, cachedSpill(cell)]);
      else expect([where, value]).toEqual([where, cell.result ?? ""]);
      checked.push(id);
    }
    expect(checked.length).toBeGreaterThanOrEqual(30);
  });

  it("caches the results index, a plain Excel formula: 100 − the mean % «2» of the year's procedures", () => {
    const cells = formulaCells().filter((cell) => cell.formula.startsWith("IFERROR(100-AVERAGE("));
    expect(cells).toHaveLength(9);
    for (const cell of cells) {
      const references = /AVERAGE\((.*)\),""\)$/.exec(cell.formula)![1].split(",");
      const numbers = references
        .map((text) => argumentValue(text, cell.sheet))
        .filter((value): value is number => typeof value === "number");
      const expected =
        numbers.length === 0
          ? ""
          : 100 - numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
      expect(cell.result ?? "").toEqual(expected);
    }
  });

  it("marks SHNOR, SHNOR.REASON and CONTEXT.RESIDUAL as dynamic arrays and keeps Excel from recalculating on open", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheets = await Promise.all(
      ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].map((file) =>
        zip.file(file)!.async("string")
      )
    );
    const anchors =
      sheets
        .join("")
        .match(/<c r="[A-Z]+\d+" cm="1"[^>]*><f t="array" ref="[^"]+">_xldudf_EDU_[A-Z_]+/g) ?? [];
    expect(anchors.map((anchor) => /_xldudf_EDU_[A-Z_]+$/.exec(anchor)![0]).sort()).toEqual([
      "_xldudf_EDU_CONTEXT_RESIDUAL",
      "_xldudf_EDU_SHNOR",
      "_xldudf_EDU_SHNOR_REASON",
    ]);
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain(
      '<xda:dynamicArrayProperties fDynamic="1"'
    );
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      'PartName="/xl/metadata.xml"'
    );
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('<calcPr calcId="191029"/>');
    expect(workbookXml).not.toContain("fullCalcOnLoad");
  });

  it("shows on «Таблица» one ШНОР status per row of the table, the header rows left empty", () => {
    const sheet = workbook.getWorksheet(TABLE_SHEET)!;
    const column = sheet.getRow(1).values as unknown[];
    const statusColumn = column.findIndex(
      (value) => typeof value === "string" && value.startsWith("ШНОР")
    );
    const statuses = Array.from({ length: 11 }, (_, index) =>
      excelValue(TABLE_SHEET, `${columnLetters(statusColumn)}${index + 2}`)
    );
    expect(statuses).toEqual([
      "",
      "",
      "ШНОР",
      "не ШНОР",
      "не ШНОР",
      "ШНОР",
      "ШНОР",
      // Луговская ООШ: К1 from classes of 9 and 8, every result counted by default
      "ШНОР",
      "недостаточно данных",
      "не ШНОР",
      "не ШНОР",
    ]);
  });

  describe("the what-if notes on «Функции» are true", () => {
    const table = () => argumentValue(`'${TABLE_SHEET}'!$A$2:$S$12`, TABLE_SHEET) as unknown[][];
    const flagged = (...options: unknown[]) =>
      worksheetFunctions
        .shnor(table(), ...(options as [number?, number?, number?]))
        .map((row, index) => [row[0], excelValue(TABLE_SHEET, `B${index + 2}`)])
        .filter(([status]) => status === "ШНОР")
        .map(([, name]) => name);

    it("threshold 25 adds СОШ № 3, threshold 20 adds СОШ № 8", () => {
      expect(flagged(2020, 30, 0)).not.toContain("МБОУ «СОШ № 3»");
      expect(flagged(2020, 25, 0)).toContain("МБОУ «СОШ № 3»");
      expect(flagged(2020, 20, 0)).toContain("МБОУ «СОШ № 8»");
    });

    it("the 2025 edition takes СОШ № 4 off the list; a minimum of 10 participants takes Луговская ООШ off it", () => {
      expect(flagged(2020, 30, 0)).toContain("МБОУ «СОШ № 4»");
      expect(flagged(2025, 30, 0)).not.toContain("МБОУ «СОШ № 4»");
      expect(flagged(2020, 30, 0)).toContain("МБОУ «Луговская ООШ»");
      // Its low results come from classes of 9 and 8: set aside at 10, its status depends on them.
      expect(flagged(2020, 30, 10)).not.toContain("МБОУ «Луговская ООШ»");
    });

    it("the quintile (0,2) makes the ШНСУ group smaller than the quartile", () => {
      const isbsh = argumentValue(
        `'${FUNCTIONS_SHEET}'!$G$20:$G$28`,
        FUNCTIONS_SHEET
      ) as number[][];
      const group = (quantile: number) =>
        isbsh.filter(([value]) => worksheetFunctions.shnsu(value, isbsh, quantile)).length;
      expect(group(0.25)).toBe(3);
      expect(group(0.2)).toBe(2);
    });
  });

  it("opens in LibreOffice headless, which keeps the cached numbers and text of the functions and the table", () => {
    const converted = convertWithLibreOffice(
      SAMPLE,
      "xlsx",
      path.join(folder.dir, "libreoffice"),
      folder.dir
    );
    return (async () => {
      const reopened = new ExcelJS.Workbook();
      await reopened.xlsx.readFile(converted);
      expect(reopened.worksheets.map((sheet) => sheet.name)).toEqual([
        FUNCTIONS_SHEET,
        TABLE_SHEET,
      ]);
      const valueIn = (sheet: string, address: string) => {
        const { value } = exceljsCell(reopened, sheet, address);
        return value && typeof value === "object" && "formula" in value
          ? (value as { result?: unknown }).result
          : value;
      };
      // Custom function cells with a number or text result, outside spills: LibreOffice keeps them.
      const kept = formulaCells().filter(
        (cell) =>
          !cell.ref &&
          (typeof cell.result === "number" ||
            (typeof cell.result === "string" && cell.result !== ""))
      );
      expect(kept.length).toBeGreaterThanOrEqual(12);
      for (const cell of kept) {
        const value = valueIn(cell.sheet, cell.address);
        if (typeof cell.result === "number") expect(value).toBeCloseTo(cell.result, 9);
        else expect(value).toBe(cell.result);
      }
      // The table itself, and the plain formulas LibreOffice can compute.
      expect(valueIn(TABLE_SHEET, "C4")).toBe("sch840501");
      expect(valueIn(TABLE_SHEET, "D4")).toBe(34.5);
    })();
  }, 180_000);
});
