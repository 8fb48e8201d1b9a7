/**
 * ШНОР by year on generated tables (up to three of four school years, any subset: some in a row,
 * some not): the history is exactly the per-year runs of the whole analysis with that year as the
 * reference year (`analyze --year <year>`), its years are those with counted results whose year
 * before has them too, and its change is the two compared years' statuses, classified.
 */
import fc from "fast-check";
import {
  analyzeWorkbook,
  isEngineError,
  statusChange,
  type ExportTable,
  type IdentificationOptions,
  type SchoolYear,
} from "../../src/engine";
import { gridOf, propertyParameters, tableSpec } from "./arbitraries";

/** The years a counted procedure has a value in: computed here from the table's values. */
function yearsWithResults(table: ExportTable): SchoolYear[] {
  return table.years.filter((year) =>
    table.groups.some(
      (group, index) =>
        group.year.end === year.end &&
        group.procedure.countedForLowResults &&
        [...table.values[index]!.failing].some((value) => !Number.isNaN(value))
    )
  );
}

const options = fc.record({
  edition: fc.constantFrom("2020" as const, "2025" as const),
  threshold: fc.constantFrom(20, 30, 50),
  minParticipants: fc.constantFrom(0, 10),
});

describe("ШНОР by year on generated tables", () => {
  it("equals the per-year runs, over the years that have a year before them", () => {
    // How many tables had no history, a history without a change, and one with it: all three occur.
    const seen = { none: 0, oneYear: 0, change: 0 };
    fc.assert(
      fc.property(tableSpec, options, (spec, identification: IdentificationOptions) => {
        const grid = gridOf(spec);
        const analysis = analyzeWorkbook([{ grid }], { identification, layouts: false });
        // A table whose counted procedures hold no value at all is an error value; fine.
        if (isEngineError(analysis)) return;
        const table = analysis.table!;
        const withResults = yearsWithResults(table);
        const expected = withResults.filter((year) =>
          withResults.some((before) => before.end === year.end - 1)
        );
        const history = analysis.history;
        if (expected.length === 0) {
          seen.none++;
          expect(history).toBeNull();
          expect(
            analysis.warnings.some((warning) =>
              warning.message.startsWith(
                "ШНОР по годам: нужны результаты хотя бы двух лет подряд; в таблице — "
              )
            )
          ).toBe(true);
          return;
        }
        expect(history!.years).toEqual(expected);
        history!.years.forEach((year, index) => {
          const run = analyzeWorkbook([{ grid }], {
            identification: { ...identification, referenceYear: year.label },
            layouts: false,
          });
          if (isEngineError(run)) throw new Error(run.message);
          expect(history!.statuses[index]).toEqual(run.identification!.statuses);
        });
        if (history!.pair === null) {
          seen.oneYear++;
          expect(history!.changes).toBeNull();
          return;
        }
        seen.change++;
        const { from, to } = history!.pair;
        expect(to).toBe(from + 1);
        expect(history!.changes).toEqual(
          history!.statuses[to]!.map((after, school) =>
            statusChange(history!.statuses[from]![school]!, after)
          )
        );
      }),
      propertyParameters(300)
    );
    expect(Math.min(seen.none, seen.oneYear, seen.change)).toBeGreaterThan(10);
  });
});
