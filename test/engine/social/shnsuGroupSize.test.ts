/*
 * Issue 14, item 8: the ШНСУ group's size. The tie rule stays (tied schools at the threshold are in
 * the group together), but a group ties made far larger than the chosen share is said with its
 * numbers, and a group too few schools cannot form is «не определена», never «0 %».
 */
import {
  assessSocialWellBeing,
  isEngineError,
  readSocialPassport,
  socialLayout,
  summarizeIndicators,
  summaryLayout,
  type SocialWellBeingResult,
} from "../../../src/engine";
import { passportWithIndices } from "../../fixtures/grids";

/**
 * A passport given in shares with every share 0 but single-parent families, s %: ИСБШ = 85 − 0,2·s,
 * so a school of index v (65 to 85) has s = (85 − v)·5 (79,3 → 28,5; 70 → 75).
 */
function assessed(indices: number[], quantile: 0.25 | 0.2 = 0.25): SocialWellBeingResult {
  const passport = readSocialPassport(passportWithIndices(indices));
  if (isEngineError(passport)) throw new Error(passport.message);
  return assessSocialWellBeing(passport, { quantile });
}

const groupOf = (result: SocialWellBeingResult) =>
  result.schools.filter((school) => school.shnsu).length;

describe("a group far larger than the chosen share is said with its numbers", () => {
  // Sorted 70; 79,3; 79,3; 84; 85. Position (5 − 1)·0,25 = 1 → threshold = 2nd value = 79,3; at or
  // below it: 70 and both 79,3 → 3 of 5 = 60 %. A quarter of 5 holds ⌈1,25⌉ = 2; 60 − 25 = 35 points ≥ 5.
  const result = assessed([70, 79.3, 79.3, 84, 85]);
  const message =
    "в группе ШНСУ 3 школы из 5 (60\u00a0%) при выбранной доле 25\u00a0% (нижний квартиль): " +
    "у 2 школ одинаковый ИСБШ 79,30, равный порогу, а школы с равным ИСБШ не разделяются — в группу входят все они";

  it("keeps the tie rule: both tied schools are in the group", () => {
    expect(result.threshold).toBeCloseTo(79.3, 9);
    expect(groupOf(result)).toBe(3);
  });

  it("warns with the count, the share, the chosen share and the tied index", () => {
    expect(result.groupSizeWarning).toBe(message);
    expect(result.warnings).toContainEqual({ cell: "'Соцпаспорт'", message });
  });

  it("says it on the ИСБШ sheet too, as a sentence", () => {
    expect(socialLayout(result, "Соцпаспорт").preamble).toContain(`В${message.slice(1)}.`);
  });

  it.each<[string, number[], number]>([
    // 7 schools, no ties: position 1,5 → threshold 67,5 → 2 of 7, what ⌈1,75⌉ = 2 allows.
    ["7 schools without ties", [66, 67, 68, 70, 75, 80, 84], 2],
    // 5 schools, no ties: position 1 → threshold is the 2nd value → 2 of 5 (40 %) = ⌈1,25⌉.
    ["5 schools without ties", [66, 70, 75, 80, 84], 2],
    // 40 schools, the 10th and 11th tied at 70: position 9,75 → 11 of 40 = 27,5 %, above ⌈10⌉ = 10
    // but only 2,5 points above 25 %.
    [
      "40 schools, one tied school above a quarter",
      [
        ...Array.from({ length: 9 }, (_, i) => 65 + i * 0.5),
        70,
        70,
        ...Array.from({ length: 29 }, (_, i) => 71 + i * 0.5),
      ],
      11,
    ],
  ])("no warning for %s", (_what, indices, size) => {
    const result = assessed(indices);
    expect(groupOf(result)).toBe(size);
    expect(result.groupSizeWarning).toBeNull();
  });

  it("the quintile: 7 schools with the 2nd and 3rd tied give 3 of 7 (42,9 %) at 20 %", () => {
    // Position 6·0,2 = 1,2 → 68 + 0,2·(68 − 68) = 68 → 66, 68, 68; ⌈7·0,2⌉ = 2 < 3; 42,9 − 20 ≥ 5.
    const result = assessed([66, 68, 68, 70, 75, 80, 84], 0.2);
    expect(result.groupSizeWarning).toBe(
      "в группе ШНСУ 3 школы из 7 (42,9\u00a0%) при выбранной доле 20\u00a0% (нижний квинтиль): " +
        "у 2 школ одинаковый ИСБШ 68,00, равный порогу, а школы с равным ИСБШ не разделяются — в группу входят все они"
    );
  });
});

describe("a group too few schools cannot form is «не определена», not «0 %»", () => {
  // 3 schools with an index; a quartile needs ⌈1 / 0,25⌉ = 4.
  const result = assessed([70, 79.3, 84]);
  const summary = summarizeIndicators({ social: result });

  it("on the ИСБШ sheet: the source line and every reason", () => {
    const layout = socialLayout(result, "Соцпаспорт");
    expect(layout.preamble[1]).toBe(
      "Источник: лист «Соцпаспорт»; 3 школы, группа ШНСУ не определена (школ меньше 4)"
    );
    expect(result.reasonOf(1)).toBe(
      "ИСБШ 79,30 — группа «нижний квартиль» не определена (школ меньше 4)"
    );
  });

  it("in the summary: no share, the reason instead, on the sheet as the value", () => {
    expect(summary.shnsu).toEqual({
      count: 0,
      of: 3,
      share: null,
      denominator: "social_passport",
      undetermined: "не определена (школ меньше 4)",
    });
    const row = summaryLayout(summary, []).body.find((cells) =>
      String(cells[1]).startsWith("Доля ШНСУ")
    );
    expect(row).toEqual([
      "Школы",
      "Доля ШНСУ,\u00a0% (от школ социального паспорта с рассчитанным ИСБШ; таких школ 3)",
      "",
      "не определена (школ меньше 4)",
      null,
      "",
    ]);
  });

  it("a group that can be formed keeps its share and its «N из M» label", () => {
    // Position 3·0,25 = 0,75 → 70 + 0,75·9,3 = 76,975 → 1 of 4 = 25 %.
    const formed = summarizeIndicators({ social: assessed([70, 79.3, 84, 85]) });
    expect(formed.shnsu).toEqual({ count: 1, of: 4, share: 25, denominator: "social_passport" });
  });
});
