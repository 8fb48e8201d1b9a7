/**
 * `--json` writes the long lists' entries from templates (src/cli/entryTemplate.ts), not through
 * JSON.stringify: the text must still be JSON.stringify(jsonReport(analysis), null, 2), character
 * for character, whatever the names hold (quotes, backslashes, line breaks, surrogates, the
 * templates' own stand-ins).
 */
import path from "path";
import fc from "fast-check";
import {
  analyzeWorkbook,
  isEngineError,
  DEFAULT_IDENTIFICATION_OPTIONS,
  type AnalysisOptions,
  type WorkbookAnalysis,
  type WorkbookSheetInput,
} from "../../src/engine";
import { readWorkbookSheets } from "../../src/xlsx";
import { jsonReport, jsonReportToStream } from "../../src/cli/jsonReport";
import { writeJsonInPieces } from "../../src/cli/streamJson";
import { entryTemplate, jsonText, TEXT_SLOT, VALUE_SLOT } from "../../src/cli/entryTemplate";
import { flatExportGrid, type SchoolSpec } from "../fixtures/grids";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

async function streamed(analysis: WorkbookAnalysis, pieceLength?: number): Promise<string> {
  const pieces: string[] = [];
  await writeJsonInPieces(
    jsonReportToStream(analysis),
    (piece) => void pieces.push(piece),
    pieceLength
  );
  return pieces.join("");
}

function analysed(inputs: WorkbookSheetInput[], options: Partial<AnalysisOptions> = {}) {
  const analysis = analyzeWorkbook(inputs, options);
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis;
}

const COLUMNS = ["2022", "2023", "2024"].flatMap((year) => [
  `ВПР МА 5 ${year}`,
  `ВПР РУ 5 ${year}`,
  `ОГЭ МА ${year}`,
]);

/** Schools whose results make every status, change and risk zone, with the names given. */
function schools(names: string[], logins: string[]): SchoolSpec[] {
  return names.map((name, index) => {
    const failing: SchoolSpec["failing"] = {};
    COLUMNS.forEach((column, c) => {
      // Mostly low results below the threshold, a few far above (the risk zones), some missing.
      const value = (index * 7 + c * 13) % 11 === 0 ? null : ((index * 37 + c * 11) % 23) * 2.1;
      failing[column] = index % 9 === 4 && c < 3 ? 80 + c : value;
    });
    const participants = Object.fromEntries(
      COLUMNS.map((column, c) => [column, 3 + ((index + c) % 20)])
    );
    return { login: logins[index] ?? `sch${index}`, name, failing, participants };
  });
}

describe("the --json report's templated lists", () => {
  it.each<[string, Partial<AnalysisOptions>]>([
    ["the defaults", {}],
    [
      "a minimum of participants",
      { identification: { ...DEFAULT_IDENTIFICATION_OPTIONS, minParticipants: 10 } },
    ],
    [
      "the 2025 edition",
      {
        identification: { ...DEFAULT_IDENTIFICATION_OPTIONS, edition: "2025", minParticipants: 5 },
      },
    ],
  ])("are JSON.stringify's text for the sample workbook with %s", async (_, options) => {
    const sheets = await readWorkbookSheets(SAMPLE);
    const analysis = analysed(
      sheets.map((sheet) => ({ grid: sheet.grid, mergedRanges: sheet.mergedRanges })),
      options
    );
    expect(analysis.summary.riskZones.length).toBeGreaterThan(0);
    expect(analysis.history).not.toBeNull();
    expect(await streamed(analysis)).toBe(JSON.stringify(jsonReport(analysis), null, 2));
  });

  it("are JSON.stringify's text whatever the names and logins hold", async () => {
    const awkward = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        'МБОУ "СОШ № 1"',
        "a\\b",
        "строка\nвторая",
        "\u0000text\u0000",
        "\ud800",
        "😀"
      )
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(awkward, { minLength: 12, maxLength: 30 }),
        fc.array(awkward, { maxLength: 30 }),
        async (names, logins) => {
          // Logins must differ from one another (the table warns of the rest and leaves them out).
          const unique = logins.filter(
            (login, index) => login.trim() !== "" && logins.indexOf(login) === index
          );
          const grid = flatExportGrid(COLUMNS, schools(names, unique), true);
          const analysis = analysed([{ grid }]);
          // Every templated list has entries, and the schools more than one status.
          expect(analysis.summary.riskZones.length).toBeGreaterThan(0);
          expect(analysis.history?.statuses.length).toBe(2);
          expect(new Set(analysis.identification!.statuses).size).toBeGreaterThan(1);
          expect(await streamed(analysis, 700)).toBe(JSON.stringify(jsonReport(analysis), null, 2));
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("entryTemplate", () => {
  it("cuts a probe's text at its stand-ins, leaving a text's quotes in the template", () => {
    const probe = { login: TEXT_SLOT, value: VALUE_SLOT, status: "shnor" };
    expect(entryTemplate(probe, 2, "  ")).toEqual([
      '{\n    "login": "',
      '",\n    "value": ',
      ',\n    "status": "shnor"\n  }',
    ]);
  });

  it("gives no template when a constant of the probe holds a stand-in", () => {
    expect(entryTemplate({ login: TEXT_SLOT, label: `x${TEXT_SLOT}` }, 1, "")).toBeNull();
  });

  it("writes a text as JSON.stringify does, without its quotes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(`"${jsonText(text)}"`).toBe(JSON.stringify(text));
      }),
      { numRuns: 500 }
    );
  });
});
