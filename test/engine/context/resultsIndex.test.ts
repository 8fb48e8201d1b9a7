/*
 * Context-adjusted results compare like with like (docs/method.md §5): each procedure is standardised
 * across the schools that took it, so a school without a procedure (an ООШ has no ЕГЭ) is neither
 * raised nor lowered for that alone.
 */
import {
  contextAdjustedResults,
  contextLayout,
  isEngineError,
  readExportTable,
  resultsIndex,
  type ContextPoint,
  type ExportTable,
} from "../../../src/engine";
import { flatExportGrid, type SchoolSpec } from "../../fixtures/grids";

const COLUMNS = ["ВПР МА 5 2025", "ОГЭ МА 2025", "ЕГЭ РУ 2025"];

/**
 * Two ООШ, each with the ВПР and ОГЭ of a СОШ at the same ИСБШ (S1/O1 at 80, S2/O2 at 60), and two
 * СОШ at 70: S3 as good as S1, S4 as weak as S2. «2» at ЕГЭ are rare (2–4 %), at ВПР and ОГЭ not.
 */
const SCHOOLS: (SchoolSpec & { isbsh: number })[] = [
  { login: "S1", isbsh: 80, failing: { "ВПР МА 5 2025": 14, "ОГЭ МА 2025": 14, "ЕГЭ РУ 2025": 2 } },
  { login: "O1", isbsh: 80, failing: { "ВПР МА 5 2025": 14, "ОГЭ МА 2025": 14 } },
  { login: "S2", isbsh: 60, failing: { "ВПР МА 5 2025": 16, "ОГЭ МА 2025": 16, "ЕГЭ РУ 2025": 4 } },
  { login: "O2", isbsh: 60, failing: { "ВПР МА 5 2025": 16, "ОГЭ МА 2025": 16 } },
  { login: "S3", isbsh: 70, failing: { "ВПР МА 5 2025": 14, "ОГЭ МА 2025": 14, "ЕГЭ РУ 2025": 2 } },
  { login: "S4", isbsh: 70, failing: { "ВПР МА 5 2025": 16, "ОГЭ МА 2025": 16, "ЕГЭ РУ 2025": 4 } },
];

function tableOf(schools: SchoolSpec[]): ExportTable {
  const table = readExportTable(flatExportGrid(COLUMNS, schools));
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

function pointsOf(indexes: ArrayLike<number>): ContextPoint[] {
  return SCHOOLS.map((school, s) => ({
    login: school.login,
    name: school.login,
    isbsh: school.isbsh,
    resultsIndex: indexes[s],
  }));
}

const belowOf = (points: ContextPoint[]) =>
  contextAdjustedResults(points, "Лист1")
    .schools.filter((school) => school.below)
    .map((school) => school.login);

describe("context-adjusted results: an ООШ and a СОШ with the same ВПР and ОГЭ", () => {
  it("the plain mean of (100 − % «2») puts both ООШ below expected for the missing ЕГЭ alone", () => {
    // S1 (86 + 86 + 98) / 3 = 90, O1 86, S2 (84 + 84 + 96) / 3 = 88, O2 84, S3 90, S4 88. Line by ИСБШ:
    // slope 40 / 400 = 0,1, through (70; 87,67): expected 88,67 at 80, 86,67 at 60, 87,67 at 70.
    // Residuals +1,33, −2,67, +1,33, −2,67, +2,33, +0,33: deviation √(23,33 / 4) = 2,42, and both ООШ
    // (−2,67) are below −2,42, though their ВПР and ОГЭ are their СОШ twins'.
    const plainMean = SCHOOLS.map((school) => {
      const values = Object.values(school.failing).map((value) => 100 - Number(value));
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    });
    expect(plainMean).toEqual([90, 86, 88, 84, 90, 88]);
    expect(belowOf(pointsOf(plainMean))).toEqual(["O1", "O2"]);
  });

  it("standardised per procedure, each ООШ has its twin's index and neither is below expected", () => {
    // ВПР МА 5 and ОГЭ МА: 14, 14, 16, 16, 14, 16 → mean 15, deviation 1 (÷ n: every value is 1 off).
    // ЕГЭ РУ (the four СОШ): 2, 4, 2, 4 → mean 3, deviation 1. Scores (mean − value) / deviation:
    // S1 +1, +1, +1 → 1; O1 +1, +1 → 1; S2 and O2 −1; S3 1; S4 −1.
    const index = resultsIndex(tableOf(SCHOOLS), 2025);
    expect([...index.values]).toEqual([1, 1, -1, -1, 1, -1]);
    expect(
      index.standardised.map((item) => [item.procedure.label, item.mean, item.deviation])
    ).toEqual([
      ["ВПР МА 5", 15, 1],
      ["ОГЭ МА", 15, 1],
      ["ЕГЭ РУ", 3, 1],
    ]);
    // Line: slope 40 / 400 = 0,1, intercept −7; expected 1 at 80, −1 at 60, 0 at 70. Residuals 0 for
    // both pairs, +1 for S3 and −1 for S4: deviation √(2 / 4) = 0,71. Only S4 — weaker than S3 in every
    // procedure at the same ИСБШ — is below expected.
    const result = contextAdjustedResults(pointsOf(index.values), "Лист1", 1, index);
    expect(result.schools.map((school) => school.expected)).toEqual(
      [1, 1, -1, -1, 0, 0].map((value) => expect.closeTo(value, 9))
    );
    expect(result.schools.filter((school) => school.below).map((school) => school.login)).toEqual([
      "S4",
    ]);
  });

  it("a school's index is not moved by a procedure it lacks", () => {
    // S1 without its ЕГЭ: its ВПР and ОГЭ scores are those procedures' own (+1, +1), so its index
    // stays 1. The plain mean would move it from 90 to 86.
    const withoutEge = SCHOOLS.map((school) =>
      school.login === "S1"
        ? { ...school, failing: { "ВПР МА 5 2025": 14, "ОГЭ МА 2025": 14 } }
        : school
    );
    expect(resultsIndex(tableOf(SCHOOLS), 2025).values[0]).toBe(1);
    expect(resultsIndex(tableOf(withoutEge), 2025).values[0]).toBe(1);
  });
});

describe("the expected index stays within the values the index can take", () => {
  it("stops a line that runs past 100 on a 0–100 index (EDU.КОНТЕКСТ.ОТКЛОНЕНИЕ's scale)", () => {
    // Indexes 100, 100, 100, 100, 90 at ИСБШ 60, 65, 70, 75, 80: slope Σ(x − 70)(y − 98) / Σ(x − 70)²
    // = −100 / 250 = −0,4 through (70; 98), so the line gives 98 + 0,4 × 10 = 102 at 60 — above what
    // the index can be. The expected value there is 100, and the school is 0 from it, not −2.
    const points = [60, 65, 70, 75, 80].map((isbsh, i) => ({
      login: `s${i}`,
      name: `Школа ${i}`,
      isbsh,
      resultsIndex: i === 4 ? 90 : 100,
    }));
    const result = contextAdjustedResults(points, "Лист1");
    expect(result.line!.intercept + result.line!.slope * 60).toBeCloseTo(102, 9);
    expect(result.schools[0]!.expected).toBe(100);
    expect(result.schools[0]!.residual).toBe(0);
    expect(result.description).toContain(
      "в пределах значений, которые индекс может принять: от 0 до 100"
    );
  });

  it("knows the engine index's range from its procedures' means and deviations", () => {
    // ВПР МА 5 and ОГЭ МА: mean 15, deviation 1 → from (15 − 100) / 1 = −85 to 15 / 1 = 15; ЕГЭ РУ:
    // mean 3, deviation 1 → from −97 to 3. The index lies between −97 and 15.
    const index = resultsIndex(tableOf(SCHOOLS), 2025);
    expect(index.range).toEqual({ low: -97, high: 15 });
    expect(contextAdjustedResults(pointsOf(index.values), "Лист1", 1, index).description).toContain(
      "в пределах значений, которые индекс может принять: от \u221297,00 (все результаты низкие) до 15,00 (ни одного низкого)"
    );
  });
});

describe("the sheet says what it computes, under its own name", () => {
  const index = resultsIndex(tableOf(SCHOOLS), 2025);
  const layout = contextLayout(contextAdjustedResults(pointsOf(index.values), "Лист1", 1, index));

  it("is «результаты с учётом социального контекста», not the regional method's name", () => {
    const text = layout.preamble.join(" ");
    expect(layout.preamble[0]).toBe("Школьный радар — результаты с учётом социального контекста");
    expect(text).not.toMatch(/красноярск/i);
    expect(text).toContain(
      "Индекс результатов школы: по каждой учитываемой процедуре 2025 года (ВПР МА 5, ОГЭ МА, ЕГЭ РУ) доля низких результатов школы"
    );
    expect(text).toContain(
      "процедура, которой у школы нет (у ООШ нет ЕГЭ), индекс не поднимает и не опускает"
    );
    expect(text).toContain("Прямая: индекс = \u22127,00 + 0,100 × ИСБШ (по 6 школам;");
  });
});
