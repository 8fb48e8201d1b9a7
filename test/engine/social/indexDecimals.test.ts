/*
 * Issue 14, item 10: ИСБШ and its threshold are shown with decimals enough for the shown numbers to
 * compare as the computed ones do — never «79,3 — нижний квартиль (порог 79,3)» beside «79,3 — выше
 * порога». Two decimals as a rule, more for a near-tie, the same on the sheet's cells and in the texts.
 */
import {
  assessSocialWellBeing,
  isEngineError,
  readSocialPassport,
  socialLayout,
  type SocialWellBeingResult,
} from "../../../src/engine";
import { passportWithIndices } from "../../fixtures/grids";
import { indexDecimals } from "../../../src/engine/social/indexDecimals";

/** Shares only, all 0 but single-parent families s %: ИСБШ = 85 − 0,2·s, so s = (85 − v)·5. */
function assessed(indices: number[]): SocialWellBeingResult {
  const passport = readSocialPassport(passportWithIndices(indices));
  if (isEngineError(passport)) throw new Error(passport.message);
  return assessSocialWellBeing(passport);
}

const ISBSH_COLUMN = 3;

describe("the index beside its threshold reads as it compares", () => {
  it("79,28 in the group and 79,32 above a threshold of 79,31: two decimals", () => {
    // Sorted 79,28; 79,32; 84; 85. Position 3·0,25 = 0,75 → 79,28 + 0,75·0,04 = 79,31. One decimal
    // made both «79,3» beside «порог 79,3», one in the group and one above it.
    const result = assessed([79.28, 79.32, 84, 85]);
    expect(result.threshold).toBeCloseTo(79.31, 9);
    expect(result.indexDecimals).toBe(2);
    expect([0, 1].map((school) => result.reasonOf(school))).toEqual([
      "ИСБШ 79,28 ≤ порог 79,31 — в группе «нижний квартиль»",
      "ИСБШ 79,32 > порог 79,31 — не в группе «нижний квартиль»",
    ]);
    expect(result.description).toContain("ИСБШ не выше порога 79,31;");
    expect(socialLayout(result, "Соцпаспорт").columns[ISBSH_COLUMN].numberFormat).toBe("0.00");
  });

  it("a near-tie, 79,3000 in and 79,3004 out of a threshold of 79,3003: four decimals everywhere", () => {
    // Position 0,75 → 79,3 + 0,75·0,0004 = 79,3003. At two or three decimals the threshold and 79,3004
    // both read 79,30 / 79,300, the school above the threshold shown equal to it; at four they differ.
    const result = assessed([79.3, 79.3004, 84, 85]);
    expect(result.indexDecimals).toBe(4);
    expect([0, 1].map((school) => result.reasonOf(school))).toEqual([
      "ИСБШ 79,3000 ≤ порог 79,3003 — в группе «нижний квартиль»",
      "ИСБШ 79,3004 > порог 79,3003 — не в группе «нижний квартиль»",
    ]);
    expect(result.reasonOf(2)).toBe("ИСБШ 84,0000 > порог 79,3003 — не в группе «нижний квартиль»");
    expect(socialLayout(result, "Соцпаспорт").columns[ISBSH_COLUMN].numberFormat).toBe("0.0000");
  });

  it.each<[string, number[], number, number | null, number]>([
    ["no group: two", [70, 80], 0, null, 2],
    ["apart at two decimals", [79.28, 79.32], 1, 79.31, 2],
    ["apart only at three", [79.3, 79.3008], 1, 79.3004, 3],
    // 79,299 shows 79,30 = порог 79,30: «≤» still holds for the shown numbers.
    ["the group's highest rounds up to the threshold", [79.299, 79.32], 1, 79.3, 2],
    ["every school in the group (ties at the top)", [70, 70], 2, 70, 2],
  ])("%s", (_what, sorted, inGroup, threshold, decimals) => {
    expect(indexDecimals(sorted, inGroup, threshold)).toBe(decimals);
  });
});
