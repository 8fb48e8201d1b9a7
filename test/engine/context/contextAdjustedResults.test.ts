import {
  contextAdjustedResults,
  isEngineError,
  leastSquaresLine,
  readExportTable,
  resultsIndex,
  type ContextPoint,
} from "../../../src/engine";
import { flatExportGrid } from "../../fixtures/grids";

describe("least squares, against a closed-form fixture", () => {
  // y = 50 + 0.5·x plus residuals (+10, 0, 0, −10, −10, 0, 0, +10), which sum to zero and are
  // orthogonal to x, so the fitted line is exactly y = 50 + 0.5·x and Σr² = 400.
  const xs = [60, 70, 80, 90, 60, 70, 80, 90];
  const residuals = [10, 0, 0, -10, -10, 0, 0, 10];
  const ys = xs.map((x, i) => 50 + 0.5 * x + residuals[i]);

  it("recovers intercept 50, slope 0.5 and the residual deviation √(400/6)", () => {
    const line = leastSquaresLine(xs, ys)!;
    expect(line.intercept).toBeCloseTo(50, 9);
    expect(line.slope).toBeCloseTo(0.5, 9);
    expect(line.residualDeviation).toBeCloseTo(Math.sqrt(400 / 6), 9);
  });

  it("flags exactly the schools more than one deviation below the line", () => {
    const points: ContextPoint[] = xs.map((x, i) => ({
      login: `sch10000${i}`,
      name: `Школа ${i}`,
      isbsh: x,
      resultsIndex: ys[i],
    }));
    const result = contextAdjustedResults(points, "Выгрузка");
    expect(result.schools.filter((school) => school.below).map((school) => school.name)).toEqual([
      "Школа 3",
      "Школа 4",
    ]);
    expect(result.schools[3]).toMatchObject({ expected: 95, residual: -10 });
    // Two decimals (the engine's index is a standard score) and the minus sign U+2212.
    expect(result.schools[3].reason).toBe(
      "Результаты ниже ожидаемых при данном социальном контексте: индекс 85,00 при ожидаемом 95,00 (отклонение \u221210,00, порог \u22128,16)"
    );
    expect(result.threshold).toBeCloseTo(-Math.sqrt(400 / 6), 9);
    expect(result.description).toContain("индекс = 50,00 + 0,500 × ИСБШ");
  });

  it("a stricter threshold (2 deviations) flags nobody here", () => {
    const points: ContextPoint[] = xs.map((x, i) => ({
      login: `s${i}`,
      name: `Школа ${i}`,
      isbsh: x,
      resultsIndex: ys[i],
    }));
    expect(
      contextAdjustedResults(points, "Выгрузка", 2).schools.some((school) => school.below)
    ).toBe(false);
  });

  it("draws no line through fewer than 5 schools or a single ИСБШ value, and says so", () => {
    expect(leastSquaresLine([70, 70, 70], [1, 2, 3])).toBeNull();
    const few = contextAdjustedResults(
      [{ login: "a", name: "A", isbsh: 70, resultsIndex: 80 }],
      "Выгрузка"
    );
    expect(few.line).toBeNull();
    expect(few.warnings).toEqual([
      { cell: "'Выгрузка'", message: expect.stringContaining("не меньше 5 школ") },
    ]);
    expect(few.schools[0].below).toBe(false);
  });
});

describe("the results index", () => {
  it("leaves out results of classes below the minimum, as the ШНОР rule does", () => {
    // ВПР МА 5: 10, 10, 30, 30 → mean 20, deviation 10, scores +1, +1, −1, −1. ВПР РУ 5 without
    // school 1's 4 participants: 10, 30 → mean 20, deviation 10, scores +1, −1 for schools 2 and 3.
    // With the minimum: school 1 has only its МА score, 1; schools 2, 3, 4: 1, −1, −1.
    const table = readExportTable(
      flatExportGrid(
        ["ВПР МА 5 2025", "ВПР РУ 5 2025"],
        [
          {
            login: "sch100001",
            failing: { "ВПР МА 5 2025": 10, "ВПР РУ 5 2025": 60 },
            participants: { "ВПР МА 5 2025": 25, "ВПР РУ 5 2025": 4 },
          },
          {
            login: "sch100002",
            failing: { "ВПР МА 5 2025": 10, "ВПР РУ 5 2025": 10 },
            participants: { "ВПР МА 5 2025": 25, "ВПР РУ 5 2025": 25 },
          },
          {
            login: "sch100003",
            failing: { "ВПР МА 5 2025": 30, "ВПР РУ 5 2025": 30 },
            participants: { "ВПР МА 5 2025": 25, "ВПР РУ 5 2025": 25 },
          },
          {
            login: "sch100004",
            failing: { "ВПР МА 5 2025": 30 },
            participants: { "ВПР МА 5 2025": 25 },
          },
        ],
        true
      )
    );
    if (isEngineError(table)) throw new Error(table.message);
    expect([...resultsIndex(table, 2025, 10).values]).toEqual([1, 1, -1, -1]);
    // Without it, school 1's 60 % in Russian (the worst of three) pulls its index below 1.
    expect(resultsIndex(table, 2025).values[0]).toBeLessThan(1);
  });
});
