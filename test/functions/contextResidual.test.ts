/*
 * =EDU.CONTEXT.RESIDUAL(results; isbsh) — КОНТЕКСТ.ОТКЛОНЕНИЕ: each school's distance from the engine's
 * least-squares line «results index ~ ИСБШ», in the cells of the ranges given.
 */
import { contextAdjustedResults, leastSquaresLine } from "../../src/engine";
import { contextResidual } from "../../src/functions/functions";
import { thrownBy } from "./thrown";

const RESULTS = [[88.5], [92.1], [79.0], [""], [85.2], [70.4], [90.3]];
const ISBSH = [[78.0], [84.5], [70.2], [75.0], [80.1], [72.3], [81.7]];

describe("CONTEXT.RESIDUAL", () => {
  it("gives each school its results index minus the line's prediction, in the cells given", () => {
    const residuals = contextResidual(RESULTS, ISBSH);
    expect(residuals).toHaveLength(7);
    expect(residuals[3]).toEqual([""]); // no results index: left out of the line
    const used = [0, 1, 2, 4, 5, 6];
    const line = leastSquaresLine(
      used.map((row) => ISBSH[row][0] as number),
      used.map((row) => RESULTS[row][0] as number)
    )!;
    for (const row of used) {
      const expected =
        (RESULTS[row][0] as number) - (line.intercept + line.slope * (ISBSH[row][0] as number));
      expect(residuals[row][0]).toBeCloseTo(expected, 10);
    }
    const sum = used.reduce((total, row) => total + (residuals[row][0] as number), 0);
    expect(sum).toBeCloseTo(0, 10); // least squares: residuals sum to zero
  });

  it("matches the engine's context-adjusted results", () => {
    const points = [0, 1, 2, 4, 5, 6].map((row) => ({
      login: String(row),
      name: String(row),
      resultsIndex: RESULTS[row][0] as number,
      isbsh: ISBSH[row][0] as number,
    }));
    const engine = contextAdjustedResults(points, "диапазон");
    const residuals = contextResidual(RESULTS, ISBSH);
    for (const school of engine.schools)
      expect(residuals[Number(school.login)][0]).toBe(school.residual);
  });

  it("keeps the shape of row ranges too", () => {
    const across = (column: unknown[][]) => [column.map((row) => row[0])];
    const residuals = contextResidual(across(RESULTS), across(ISBSH));
    expect(residuals).toHaveLength(1);
    expect(residuals[0]).toEqual(contextResidual(RESULTS, ISBSH).map((row) => row[0]));
  });

  it.each([
    [
      "fewer than 5 schools with both values",
      RESULTS.slice(0, 4),
      ISBSH.slice(0, 4),
      /не меньше 5 школ.*есть 3 такие школы/,
    ],
    ["one ИСБШ for every school", RESULTS, ISBSH.map(() => [75]), /разные значения ИСБШ/],
  ])("%s → #N/A with the engine's reason", (_what, results, isbsh, message) => {
    const error = thrownBy(() => contextResidual(results, isbsh));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(message);
  });

  it.each([
    [
      "ranges of different sizes",
      () => contextResidual(RESULTS, ISBSH.slice(1)),
      /одного размера; найдено 7×1 и 6×1/,
    ],
    [
      "text in the results",
      () => contextResidual([["высокий"], ...RESULTS.slice(1)], ISBSH),
      /индекс результатов, строка 1, столбец 1: ожидалось число от 0 до 100; найдено «высокий»/,
    ],
    [
      "an ИСБШ above 100",
      () => contextResidual(RESULTS, [[120], ...ISBSH.slice(1)]),
      /ИСБШ, строка 1.*«120»/,
    ],
    [
      "a results index in shares",
      () => contextResidual([[-0.5], ...RESULTS.slice(1)], ISBSH),
      /«-0,5»/,
    ],
  ])("%s → #VALUE!", (_what, call, message) => {
    const error = thrownBy(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});
