/*
 * =EDU.ISBSH(...) — ИСБШ, =EDU.SHNSU(...) — ШНСУ and =EDU.SHNSU.THRESHOLD(...) — ШНСУ.ПОРОГ:
 * the seed 001 index from shares or counts, and the lower-quantile group of the engine.
 */
import { isbsh, shnsu, shnsuThreshold } from "../../src/functions/functions";
import { OMITTED, thrownBy } from "./thrown";

const text = (value: string) => value as unknown as number;

describe("ISBSH", () => {
  it.each([
    [0, 0, 0, 85],
    [1, 0, 0, 100],
    [0, 1, 1, 0],
    [0.3, 0.36, 0.04, 79.7], // Kaltan's passport (seed 003): single-parent 36 %, on registers 4 %
    [0.5, 0.5, 0.5, 50],
  ])("shares %p, %p, %p → %p", (higher, single, registered, expected) => {
    expect(isbsh(higher, single, registered)).toBeCloseTo(expected, 10);
    expect(isbsh(higher, single, registered, OMITTED)).toBeCloseTo(expected, 10);
  });

  it("takes counts of students when the total is given", () => {
    expect(isbsh(60, 72, 8, 200)).toBeCloseTo(79.7, 10);
    expect(isbsh(0, 0, 0, 1)).toBe(85);
    expect(isbsh(200, 0, 0, 200)).toBe(100);
  });

  it("what if three more students are put on a register", () => {
    expect(isbsh(60, 72, 11, 200) - isbsh(60, 72, 8, 200)).toBeCloseTo(-65 * (3 / 200), 10);
  });

  it("reads shares and counts typed as text", () => {
    expect(isbsh(text("0,3"), text("36%"), text("0.04"))).toBeCloseTo(79.7, 10);
    expect(isbsh(text("60"), text("72"), text("8"), text("200"))).toBeCloseTo(79.7, 10);
  });

  it.each([
    [
      "a share above 1",
      () => isbsh(0.3, 1.2, 0.04),
      /из неполных семей: ожидалась доля от 0 до 1; найдено «1,2»/,
    ],
    ["a percent where a share is expected", () => isbsh(30, 36, 4), /доля от 0 до 1; найдено «30»/],
    ["a negative share", () => isbsh(0.3, 0.36, -0.01), /состоят на учёте.*«-0,01»/],
    ["text that is not a number", () => isbsh(text("много"), 0.1, 0.1), /«много»/],
    [
      "a negative count",
      () => isbsh(60, -2, 8, 200),
      /«из неполных семей»: ожидалось целое неотрицательное число; найдено -2/,
    ],
    ["a fractional count", () => isbsh(60.5, 72, 8, 200), /ожидалось целое неотрицательное/],
    ["a count above the total", () => isbsh(60, 72, 250, 200), /больше числа обучающихся \(200\)/],
    ["a total of 0", () => isbsh(0, 0, 0, 0), /число обучающихся должно быть целым положительным/],
    ["a total that is text", () => isbsh(1, 1, 1, text("двести")), /число обучающихся.*«двести»/],
  ])("%s → #VALUE! with a Russian message", (_what, call, message) => {
    const error = thrownBy(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

/** Seven schools: PERCENTILE.INC at 0.25 lies between the 2nd and 3rd lowest (docs/method.md §3). */
const SEVEN = [[71.2], [80.5], [62.0], [""], [77.3], [66.4], [90.1], [69.9]];

describe("SHNSU and SHNSU.THRESHOLD", () => {
  it("uses PERCENTILE.INC: with 7 schools the quartile threshold lies between the 2nd and 3rd lowest", () => {
    // sorted: 62.0, 66.4, 69.9, 71.2, 77.3, 80.5, 90.1; position (7 − 1) × 0.25 = 1.5
    expect(shnsuThreshold(SEVEN)).toBeCloseTo(68.15, 10);
    expect(shnsuThreshold(SEVEN, 0.25)).toBeCloseTo(68.15, 10);
    // quintile: position 1.2 → 66.4 + 0.2 × 3.5
    expect(shnsuThreshold(SEVEN, 0.2)).toBeCloseTo(67.1, 10);
  });

  it.each([
    [62.0, true],
    [66.4, true],
    [68.15, true], // equal to the threshold: in the group (ties are never split)
    [69.9, false],
    [90.1, false],
  ])("ИСБШ %p with the quartile → %p", (value, expected) => {
    expect(shnsu(value, SEVEN)).toBe(expected);
  });

  it("changes the group with the quantile (what-if: quartile or quintile)", () => {
    expect(shnsu(67.5, SEVEN, 0.25)).toBe(true);
    expect(shnsu(67.5, SEVEN, 0.2)).toBe(false);
    expect(shnsu(67.5, SEVEN, 20)).toBe(false);
    expect(shnsu(67.5, SEVEN, 25)).toBe(true);
  });

  it("includes every school tied at the threshold", () => {
    const tied = [[50], [60], [60], [60], [70], [80], [90], [95], [99]];
    expect(shnsuThreshold(tied)).toBe(60);
    expect(tied.filter(([value]) => shnsu(value, tied))).toHaveLength(4);
  });

  it.each([
    [0.25, [[50], [60], [70]], /квартиль.*не меньше 4 школ.*в диапазоне 3/],
    [0.2, [[50], [60], [70], [80]], /квинтиль.*не меньше 5 школ.*в диапазоне 4/],
    [0.25, [[""], [""]], /в диапазоне 0/],
  ])("too few schools for the %p quantile → #N/A with the reason", (quantile, values, message) => {
    for (const call of [
      () => shnsu(50, values, quantile),
      () => shnsuThreshold(values, quantile),
    ]) {
      const error = thrownBy(call);
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(message);
    }
  });

  it("forms the group from exactly the minimum number of schools", () => {
    expect(shnsuThreshold([[50], [60], [70], [80]], 0.25)).toBeCloseTo(57.5, 10);
    expect(shnsuThreshold([[50], [60], [70], [80], [90]], 0.2)).toBeCloseTo(58, 10);
  });

  it.each([
    [
      "a quantile that is neither quartile nor quintile",
      () => shnsu(50, SEVEN, 0.1),
      /квантиль: ожидалось 0,25.*или 0,2.*«0,1»/,
    ],
    [
      "text in the range",
      () => shnsu(50, [[60], ["ИСБШ"], [70]]),
      /ИСБШ школ, строка 2, столбец 1: ожидалось число от 0 до 100; найдено «ИСБШ»/,
    ],
    [
      "an error value in the range",
      () => shnsuThreshold([[60], [{ code: "#DIV/0!" }]]),
      /строка 2.*«#DIV\/0!»/,
    ],
    [
      "an index above 100",
      () => shnsu(101, SEVEN),
      /ИСБШ: ожидалось число от 0 до 100; найдено «101»/,
    ],
    [
      "an index above 100 in the range",
      () => shnsuThreshold([[60], [70], [80], [120]]),
      /строка 4.*«120»/,
    ],
    ["a school index that is text", () => shnsu(text("низкий"), SEVEN), /«низкий»/],
    [
      "a single value instead of a range",
      () => shnsuThreshold(70 as unknown as unknown[][]),
      /ожидался диапазон/,
    ],
  ])("%s → #VALUE!", (_what, call, message) => {
    const error = thrownBy(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});
