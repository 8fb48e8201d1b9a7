/**
 * The command line adds nothing and loses nothing: for random tables written to a real .xlsx file,
 * `school-radar analyze --json` prints exactly what the engine returns for the same cells (the
 * identification of readExportTable + identifyLowResultSchools, through analyzeWorkbook).
 */
import path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import {
  analyzeWorkbook,
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  type IdentificationResult,
} from "../../src/engine";
import { jsonReport } from "../../src/cli/jsonReport";
import { runCli } from "../cli/runCli";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { gridOf, permutation, propertyParameters, tableSpec, type TableShape } from "./arbitraries";

const folder = temporaryFolder();
afterAll(folder.remove);

/** Writes the grid of a shape; a `merged` header gets real merged cells, as exports have them. */
async function writeWorkbook(
  filePath: string,
  spec: Parameters<typeof gridOf>[0],
  shape: TableShape
) {
  const grid = gridOf(spec, shape);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(grid.sheetName);
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    })
  );
  if (shape.header === "merged") {
    const width = spec.withCounts ? 2 : 1;
    for (let c = 3; width > 1 && c < grid.values[0]!.length; c += width)
      sheet.mergeCells(1, c + 1, 1, c + width);
  }
  await workbook.xlsx.writeFile(filePath);
  return grid;
}

const options = fc.record({
  edition: fc.constantFrom("2020", "2025"),
  threshold: fc.constantFrom("30", "25", "33,5", "50%"),
  minParticipants: fc.constantFrom("10", "0", "20"),
});

describe("school-radar analyze --json equals the engine's result", () => {
  it("on random tables written to .xlsx, in any column order and header shape", async () => {
    const cases = tableSpec.chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        groupOrder: permutation(spec.groups.length),
        header: fc.constantFrom("flat" as const, "merged" as const),
        options,
      })
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ spec, groupOrder, header, options: raw }) => {
        const file = path.join(folder.dir, `таблица-${run++}.xlsx`);
        const grid = await writeWorkbook(file, spec, { groupOrder, header });
        const cli = await runCli(
          "analyze",
          file,
          "--json",
          "--edition",
          raw.edition,
          "--threshold",
          raw.threshold,
          "--min-participants",
          raw.minParticipants
        );
        const table = readExportTable(grid);
        if (isEngineError(table)) throw new Error(table.message);
        const identification = {
          edition: raw.edition as "2020" | "2025",
          threshold: Number(raw.threshold.replace(",", ".").replace("%", "")),
          minParticipants: Number(raw.minParticipants),
        };
        const result = identifyLowResultSchools(table, identification);
        if (isEngineError(result)) {
          expect(cli.code).toBe(2);
          expect(cli.stderr).toBe(`school-radar: ${result.message}\n`);
          return;
        }
        expect(cli.stderr).toBe("");
        expect(cli.code).toBe(0);
        const analysis = analyzeWorkbook([{ grid }], { identification });
        if (isEngineError(analysis)) throw new Error(analysis.message);
        // The results' evidence and reasons are calls, each result its own: compare what they give.
        expect(explained(analysis.identification!)).toEqual(explained(result));
        expect(JSON.parse(cli.stdout)).toEqual(jsonReport(analysis));
      }),
      propertyParameters(25)
    );
  }, 60_000);
});

/** A result as data: its fields, and each school's evidence and reason as the calls give them. */
function explained(result: IdentificationResult) {
  const { evidenceOf, reasonOf, ...fields } = result;
  return {
    ...fields,
    evidence: result.schools.map((_, index) => evidenceOf(index)),
    reasons: result.schools.map((_, index) => reasonOf(index)),
  };
}
