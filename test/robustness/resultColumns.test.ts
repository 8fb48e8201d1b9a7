/**
 * The analyses decide every school into columns and counts, and make the per-school objects only
 * when `schools` is first read (docs/benchmarks.md). Whatever the data, the columns and counts must
 * say what those objects say, since the summary and the risk group read the columns alone.
 */
import fc from "fast-check";
import {
  ALL_RISK_PARAMETERS,
  assessRiskFactors,
  assessSocialWellBeing,
  identifyLowResultSchools,
  isEngineError,
  lowResultLogins,
  parameterHeader,
  readExportTable,
  readRiskQuestionnaire,
  readSocialPassport,
  type CellValue,
} from "../../src/engine";
import { gridOf, propertyParameters, tableSpec } from "./arbitraries";
import { PASSPORT_HEADER } from "../fixtures/grids";

const loginOf = (index: number): string => `SCH${String(100000 + index)}`;

/** A passport row's four counts: mostly consistent, sometimes with a blank, a dash, text or a wrong count. */
const passportCounts: fc.Arbitrary<CellValue[]> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .integer({ min: 1, max: 60 })
      .chain((total) =>
        fc.tuple(
          fc.constant(total),
          fc.integer({ min: 0, max: total }),
          fc.integer({ min: 0, max: total }),
          fc.integer({ min: 0, max: total })
        )
      ),
  },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constantFrom<CellValue>(null, "", "-", "нет")),
      { minLength: 4, maxLength: 4 }
    ),
  }
);

/** A questionnaire value: mostly on the 0–100 scale and the 1–5 scores, sometimes missing. */
const parameterCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant<CellValue>(null) }
);

describe("the results' columns and counts agree with their schools", () => {
  it("ШНОР: `statuses` is every school's status, `counts` count them, `lowResultLogins` the flagged logins", () => {
    fc.assert(
      fc.property(tableSpec, fc.constantFrom("2020" as const, "2025" as const), (spec, edition) => {
        const table = readExportTable(gridOf(spec));
        if (isEngineError(table)) return;
        const result = identifyLowResultSchools(table, { edition });
        if (isEngineError(result)) return;
        expect(result.statuses).toEqual(result.schools.map((school) => school.status));
        const countOf = (status: string) =>
          result.schools.filter((school) => school.status === status).length;
        expect(result.counts).toEqual({
          shnor: countOf("shnor"),
          not_shnor: countOf("not_shnor"),
          insufficient_data: countOf("insufficient_data"),
        });
        const flagged = result.schools
          .filter((school) => school.status === "shnor")
          .map((school) => school.login.toLowerCase());
        expect([...lowResultLogins(table, result)].sort()).toEqual([...new Set(flagged)].sort());
      }),
      propertyParameters(300)
    );
  });

  it("ИСБШ: `counts` are the schools with an index and those of them in the ШНСУ group", () => {
    const rows = fc.array(passportCounts, { maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.constantFrom(0.2 as const, 0.25 as const), (cells, quantile) => {
        const passport = readSocialPassport({
          sheetName: "Соцпаспорт",
          values: [
            PASSPORT_HEADER,
            ...cells.map((row, index) => [loginOf(index), `ОО ${index}`, ...row]),
          ],
        });
        if (isEngineError(passport)) return;
        const result = assessSocialWellBeing(passport, { quantile });
        const { schools } = result;
        expect(result.schools).toBe(schools); // made once, then kept
        expect(result.counts).toEqual({
          ranked: schools.filter((school) => school.isbsh !== null).length,
          shnsu: schools.filter((school) => school.shnsu).length,
        });
      }),
      propertyParameters(300)
    );
  });

  it("risk: `counts` and «фактор → школы» are what the profiles say, with and without ШНОР known", () => {
    const rows = fc.array(
      fc.array(parameterCell, {
        minLength: ALL_RISK_PARAMETERS.length,
        maxLength: ALL_RISK_PARAMETERS.length,
      }),
      { maxLength: 30 }
    );
    const flaggedIndices = fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 10 });
    fc.assert(
      fc.property(rows, flaggedIndices, fc.boolean(), (cells, flagged, known) => {
        const questionnaire = readRiskQuestionnaire({
          sheetName: "Анкета",
          values: [
            ["Логин ОО", "Наименование ОО", ...ALL_RISK_PARAMETERS.map(parameterHeader)],
            ...cells.map((row, index) => [loginOf(index), `ОО ${index}`, ...row]),
          ],
        });
        if (isEngineError(questionnaire)) return;
        const lowResults = known
          ? new Set(flagged.map((index) => loginOf(index).toLowerCase()))
          : undefined;
        const result = assessRiskFactors(questionnaire, undefined, lowResults);
        const { schools } = result;
        expect(result.schools).toBe(schools);
        // ШГР by its definition (docs/method.md §4), logins matched whatever their case.
        for (const school of schools) {
          expect(school.riskGroup).toBe(
            school.factors.length > 0 && !(lowResults?.has(school.login.toLowerCase()) ?? false)
          );
        }
        expect(result.counts).toEqual({
          schools: schools.length,
          riskGroup: schools.filter((school) => school.riskGroup).length,
        });
        for (const { factor, schools: names, riskGroup, lowResult } of result.byFactor) {
          const withFactor = schools.filter((school) => school.factors.includes(factor.number));
          expect(names).toEqual(withFactor.map((school) => school.name));
          // «Факторы → школы»: the ШГР under the factor, the ШНОР with it apart, none in both.
          expect(riskGroup).toEqual(
            withFactor.filter((school) => school.riskGroup).map((school) => school.name)
          );
          expect(lowResult).toEqual(
            withFactor.filter((school) => !school.riskGroup).map((school) => school.name)
          );
        }
      }),
      propertyParameters(300)
    );
  });
});
