/**
 * A 10 MB school name (bad-input table) is read and reported whole, but a cell of the result workbook
 * holds at most 32,767 characters in Excel: the --out copy cuts it there, and LibreOffice opens it.
 */
import path from "path";
import { readWorkbookSheets } from "../../src/xlsx";
import { runCli } from "../cli/runCli";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { fixtureWith } from "./badInputFiles";
import { convertWithLibreOffice } from "../fixtures/libreOffice";

const folder = temporaryFolder();
afterAll(folder.remove);

it("cuts a 10 MB school name to 32,767 characters in the result workbook", async () => {
  const input = path.join(folder.dir, "длинное имя.xlsx");
  const name = "Школа ".repeat(1_700_000).trim();
  await fixtureWith(input, (sheet) => {
    sheet.getCell("B4").value = name;
  });
  const out = path.join(folder.dir, "результат.xlsx");
  const run = await runCli("analyze", input, "--out", out);
  expect(run.code).toBe(0);
  const sheets = await readWorkbookSheets(out);
  const list = sheets.find((sheet) => sheet.outputMark === "SchoolRadar_shnor")!;
  const cell = list.grid.values
    .flat()
    .find((value) => typeof value === "string" && value.startsWith("Школа Школа"));
  expect(cell).toBe(`${name.slice(0, 32_766)}…`);
  // The user's own sheet is copied as it was.
  expect(sheets[0]!.grid.values[3]![1]).toBe(name);
  convertWithLibreOffice(out, "csv", path.join(folder.dir, "lo"), folder.dir);
}, 180_000);
