/*
 * =EDU.LOWRESULT(percentFailing; [threshold]; [participants]; [minParticipants]) — НИЗКИЙРЕЗУЛЬТАТ:
 * the engine's low-result rule (≥, points 0–100) with Excel's arguments.
 */
import { lowResult } from "../../src/functions/functions";
import { OMITTED, thrownBy } from "./thrown";

describe("LOWRESULT", () => {
  it.each([
    [30, undefined, true],
    [29.9, undefined, false],
    [0.3 * 100, undefined, true], // floating-point 30.000000000000004
    [29.999999, undefined, false],
    [45, undefined, true],
    [0, undefined, false],
    [100, undefined, true],
    [20, 20, true],
    [19.99, 20, false],
    [25, 25.5, false],
    [0, 0, true],
  ])("%p %% failing, threshold %p → %p", (percent, threshold, expected) => {
    expect(lowResult(percent, threshold)).toBe(expected);
  });

  it("treats omitted optional arguments (null from Excel) as the defaults 30 % and 10 participants", () => {
    expect(lowResult(30, OMITTED, OMITTED, OMITTED)).toBe(true);
    expect(lowResult(29, OMITTED, 10, OMITTED)).toBe(false);
  });

  it("reads numbers typed as text the Russian way", () => {
    expect(lowResult("30,5" as unknown as number)).toBe(true);
    expect(lowResult("29,5" as unknown as number)).toBe(false);
    expect(lowResult("30%" as unknown as number, "31" as unknown as number)).toBe(false);
  });

  it.each([
    [9, 10],
    [4, 5],
    [0, 1],
  ])("%p participants under a minimum of %p → #N/A with a reason", (participants, minimum) => {
    const error = thrownBy(() => lowResult(50, undefined, participants, minimum));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/мало участников/);
  });

  it("judges every result by default (no minimum, as the documents), and exactly the minimum", () => {
    expect(lowResult(50, undefined, 9)).toBe(true);
    expect(lowResult(50, undefined, 10, 10)).toBe(true);
    expect(lowResult(50, undefined, 0, 0)).toBe(true);
  });

  it.each([
    ["a negative percent", () => lowResult(-1), /доля «2».*от 0 до 100.*«-1»/],
    ["a percent over 100", () => lowResult(100.5), /«100,5»/],
    ["130 (points run to 100)", () => lowResult(130), /«130»/],
    ["text that is not a number", () => lowResult("тридцать" as unknown as number), /«тридцать»/],
    ["a boolean", () => lowResult(true as unknown as number), /«ИСТИНА»/],
    ["NaN", () => lowResult(Number.NaN), /доля «2»/],
    ["a threshold over 100", () => lowResult(30, 150), /порог/],
    ["negative participants", () => lowResult(30, 30, -5), /число участников.*«-5»/],
    ["fractional participants", () => lowResult(30, 30, 12.5), /число участников.*«12,5»/],
    ["a negative minimum", () => lowResult(30, 30, 12, -1), /минимум участников/],
  ])("%s → #VALUE! with a Russian message", (_what, call, message) => {
    const error = thrownBy(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});
