/**
 * The --out workbook printed (issue 16): LibreOffice converts the output sheets to PDF with the page
 * setup the writer gave them — A4, every column on one page across, the charts on pages of their own.
 * The sample's ШНОР list prints on at most three pages. Sheets are counted in copies of the result
 * that hold only them (scripts/printed-pages.cjs): LibreOffice prints hidden sheets too.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { keepSheets, pdfPageCount, pdfPageSizes } from "../../scripts/printed-pages.cjs";
import { readWorkbookSheets } from "../../src/xlsx";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { runCli } from "./runCli";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
/** A4 in points, either way round. */
const A4 = [841.89, 595.3];

describe("the --out workbook printed by LibreOffice", () => {
  const folder = temporaryFolder();
  const result = path.join(folder.dir, "результат.xlsx");
  let outputs: string[];

  /** The PDF of a copy of the result with only `sheets`. */
  function printed(sheets: string[], name: string): Uint8Array {
    const copy = path.join(folder.dir, `${name}.xlsx`);
    writeFileSync(copy, keepSheets(readFileSync(result), sheets));
    return readFileSync(
      convertWithLibreOffice(copy, "pdf", path.join(folder.dir, name), folder.dir)
    );
  }

  beforeAll(async () => {
    const run = await runCli("analyze", SAMPLE, "--out", result);
    expect(run.code).toBe(0);
    outputs = (await readWorkbookSheets(result))
      .filter((sheet) => sheet.outputMark !== null)
      .map((sheet) => sheet.grid.sheetName);
  }, 60_000);
  afterAll(folder.remove);

  it("prints the ШНОР list on at most three A4 pages, its chart on a page of its own", () => {
    const pdf = printed(["ШНОР"], "shnor");
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
    for (const size of pdfPageSizes(pdf))
      expect([size.width, size.height]).toEqual([
        expect.closeTo(A4[0]!, 0),
        expect.closeTo(A4[1]!, 0),
      ]);
  }, 180_000);

  it("prints every output sheet on A4, one page across", () => {
    expect(outputs).toContain("ШНОР");
    const pdf = printed(outputs, "outputs");
    const sizes = pdfPageSizes(pdf);
    expect(sizes).toHaveLength(pdfPageCount(pdf));
    for (const size of sizes)
      expect([size.width, size.height].sort((a, b) => a - b)).toEqual([
        expect.closeTo(A4[1]!, 0),
        expect.closeTo(A4[0]!, 0),
      ]);
    // Before the page setup (columns cut onto pages of their own, no scaling): 162 pages for the
    // whole workbook, 48 for the ШНОР list alone. A few pages' slack for texts that grow.
    expect(sizes.length).toBeLessThanOrEqual(60);
  }, 180_000);
});
