/**
 * Each school's result is plain data: what spread, `Object.keys`, `JSON.stringify` and `toStrictEqual`
 * see is all it has. What costs more than the rule — evidence, shares, judgements, reasons — is asked
 * of the run's result by the school's place, and made anew at each call.
 */
import {
  ALL_RISK_PARAMETERS,
  assessRiskFactors,
  assessSocialWellBeing,
  identifyLowResultSchools,
  isEngineError,
  parameterHeader,
  readExportTable,
  readRiskQuestionnaire,
  readSocialPassport,
  type IdentificationResult,
  type RiskAssessment,
  type SocialWellBeingResult,
} from "../../src/engine";
import { PASSPORT_HEADER, flatExportGrid } from "../fixtures/grids";

function identified(): IdentificationResult {
  const table = readExportTable(
    flatExportGrid(
      ["ВПР МА 5 2019", "ВПР РУ 6 2019", "ВПР МА 5 2018"],
      [
        // Two lows in 2019 → К1; 2018 judged, not low.
        {
          login: "sch100001",
          failing: { "ВПР МА 5 2019": 40, "ВПР РУ 6 2019": 35, "ВПР МА 5 2018": 10 },
        },
        {
          login: "sch100002",
          failing: { "ВПР МА 5 2019": 5, "ВПР РУ 6 2019": 8, "ВПР МА 5 2018": 3 },
        },
      ]
    )
  );
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table);
  if (isEngineError(result)) throw new Error(result.message);
  return result;
}

function socialResult(): SocialWellBeingResult {
  const passport = readSocialPassport({
    sheetName: "Соцпаспорт",
    values: [
      PASSPORT_HEADER,
      ["sch100001", "СОШ № 1", 100, 20, 30, 5],
      ["sch100002", "СОШ № 2", 200, 10, 80, 20],
      ["sch100003", "ООШ № 3", 50, 0, 25, 10],
      ["sch100004", "СОШ № 4", 80, 40, 8, 0],
      // No «Состоят на учёте»: no index, no shares.
      ["sch100005", "СОШ № 5", 80, 40, 8, null],
    ],
  });
  if (isEngineError(passport)) throw new Error(passport.message);
  return assessSocialWellBeing(passport);
}

function riskResult(): RiskAssessment {
  const codes = ["Ф2.1", "Ф2.2", "Ф2.3"];
  const parameters = codes.map((code) => ALL_RISK_PARAMETERS.find((p) => p.code === code)!);
  const questionnaire = readRiskQuestionnaire({
    sheetName: "Анкета",
    values: [
      ["Логин ОО", "Наименование ОО", ...parameters.map(parameterHeader)],
      // Three teacher vacancies (Ф2.1 > 0): factor 2.
      ["sch240101", "МБОУ «Сохновская СОШ»", 3, 0, 0],
    ],
  });
  if (isEngineError(questionnaire)) throw new Error(questionnaire.message);
  return assessRiskFactors(questionnaire);
}

/** Spread, keys and JSON all see the same fields, and the object is a plain one. */
function expectPlain(school: object): void {
  expect(Object.getPrototypeOf(school)).toBe(Object.prototype);
  expect(JSON.parse(JSON.stringify(school))).toStrictEqual({ ...school });
  expect(Object.keys({ ...school })).toEqual(Object.keys(school));
}

describe("ШНОР: a school's result is its status, criteria and identity, nothing hidden", () => {
  const result = identified();

  it("is plain data, equal to the literal with the same fields", () => {
    expect(result.schools[0]).toStrictEqual({
      login: "sch100001",
      name: "Школа sch100001",
      municipality: "Заречный МО",
      row: 1,
      status: "shnor",
      criteria: [1],
    });
    result.schools.forEach(expectPlain);
  });

  it("gives the evidence and the reason when asked, for the school at that place", () => {
    const { lowResults, judged } = result.evidenceOf(0);
    expect(lowResults.map((low) => [low.procedure.label, low.year.label, low.failing])).toEqual([
      ["ВПР МА 5", "2019", 40],
      ["ВПР РУ 6", "2019", 35],
    ]);
    expect(judged).toEqual({ reference: 2, previous: 1 });
    expect(result.reasonOf(0)).toBe("К1: 2019 — ВПР МА 5 (40\u00a0%), ВПР РУ 6 (35\u00a0%)");
    expect(result.evidenceOf(1).lowResults).toEqual([]);
    expect(result.reasonOf(1)).toMatch(/^Критерии не выполнены/);
  });

  it("makes the evidence anew at each call: changing what one caller got changes nothing else", () => {
    const first = result.evidenceOf(0);
    first.lowResults.pop();
    first.judged.reference = 99;
    expect(result.evidenceOf(0).lowResults).toHaveLength(2);
    expect(result.evidenceOf(0).judged.reference).toBe(2);
  });
});

describe("ИСБШ: a school's result is its index, group and place, nothing hidden", () => {
  const result = socialResult();

  it("is plain data, equal to the literal with the same fields", () => {
    // ИСБШ 85 + 15·0,2 − 20·0,3 − 65·0,05 = 78,75; third of the four ranked.
    expect(result.schools[0]).toStrictEqual({
      login: "sch100001",
      name: "СОШ № 1",
      row: 1,
      isbsh: 78.75,
      shnsu: false,
      rank: 3,
    });
    expect(result.schools[4]).toStrictEqual({
      login: "sch100005",
      name: "СОШ № 5",
      row: 5,
      isbsh: null,
      shnsu: false,
      rank: null,
    });
    result.schools.forEach(expectPlain);
  });

  it("gives the shares and the reason when asked; no shares without an index", () => {
    const shares = result.sharesOf(0)!;
    expect(shares.bothParentsHigherEducation).toBeCloseTo(0.2, 12);
    expect(shares.singleParentFamilies).toBeCloseTo(0.3, 12);
    expect(shares.onRegisters).toBeCloseTo(0.05, 12);
    expect(result.sharesOf(4)).toBeNull();
    // Threshold: sorted 62; 71,25; 78,75; 90,5, position 0,75 → 62 + 0,75·9,25 = 68,9375.
    expect(result.reasonOf(2)).toBe("ИСБШ 62,00 ≤ порог 68,94 — в группе «нижний квартиль»");
    expect(result.reasonOf(4)).toMatch(/^ИСБШ не рассчитан/);
  });
});

describe("risk: a school's profile is its factors and group, nothing hidden", () => {
  const result = riskResult();

  it("is plain data, equal to the literal with the same fields", () => {
    // Only factor 2's parameters are in the sheet: the other nine have no data.
    expect(result.schools[0]).toStrictEqual({
      login: "sch240101",
      name: "МБОУ «Сохновская СОШ»",
      row: 1,
      factors: [2],
      withoutData: [1, 3, 4, 5, 6, 7, 8, 9, 10],
      riskGroup: true,
    });
    expectPlain(result.schools[0]);
  });

  it("gives the factors' judgements and the reason when asked", () => {
    const judgements = result.judgementsOf(0);
    expect(judgements.filter((judgement) => judgement.present)).toEqual([
      {
        factor: 2,
        present: true,
        atRisk: [{ code: "Ф2.1", value: 3, direction: "above", threshold: 0 }],
        withData: 3,
      },
    ]);
    expect(result.reasonOf(0)).toBe(
      "ШГР — фактор риска 2 «Дефицит педагогических кадров» (Ф2.1 вакансии педагогов: 3 > 0)"
    );
  });
});
