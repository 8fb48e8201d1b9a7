/*
 * =EDU.LOWRESULT(...): the worksheet wrapper over the engine's low-result rule. Excel's CustomFunctions
 * global exists only inside Office, so the test installs a stand-in with the two members the code uses.
 */
class FakeCustomFunctionError extends Error {
  constructor(
    public readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

Object.assign(globalThis, {
  CustomFunctions: {
    Error: FakeCustomFunctionError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    associate: () => undefined,
  },
});

// Imported after the stand-in exists: the bundle's associate call runs at load in Excel.
const { lowResult } =
  require("../../src/functions/functions") as typeof import("../../src/functions/functions");

function thrown(call: () => unknown): FakeCustomFunctionError {
  try {
    call();
  } catch (error) {
    return error as FakeCustomFunctionError;
  }
  throw new Error("expected a CustomFunctions.Error");
}

describe("LOWRESULT", () => {
  it.each([
    [30, undefined, true],
    [29.9, undefined, false],
    [0.3 * 100, undefined, true], // floating-point 30.000000000000004
    [45, undefined, true],
    [0, undefined, false],
    [100, undefined, true],
    [20, 20, true],
    [19.99, 20, false],
  ])("%p %% failing, threshold %p → %p", (percent, threshold, expected) => {
    expect(lowResult(percent, threshold)).toBe(expected);
  });

  it("treats omitted optional arguments (null from Excel) as the defaults 30 % and 10 participants", () => {
    expect(
      lowResult(30, null as unknown as number, null as unknown as number, null as unknown as number)
    ).toBe(true);
    expect(lowResult(29, null as unknown as number, 10, null as unknown as number)).toBe(false);
  });

  it.each([
    [9, undefined],
    [4, 5],
  ])(
    "%p participants under the minimum (%p, default 10) → #N/A with a reason",
    (participants, minimum) => {
      const error = thrown(() => lowResult(50, undefined, participants, minimum));
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(/мало участников/);
    }
  );

  it("accepts exactly the minimum number of participants", () => {
    expect(lowResult(50, undefined, 10)).toBe(true);
  });

  it.each([
    ["a negative percent", () => lowResult(-1)],
    ["a percent over 100", () => lowResult(100.5)],
    ["text", () => lowResult("30" as unknown as number)],
    ["NaN", () => lowResult(Number.NaN)],
    ["a threshold over 100", () => lowResult(30, 150)],
    ["negative participants", () => lowResult(30, 30, -5)],
  ])("%s → #VALUE! with a Russian message", (_what, call) => {
    const error = thrown(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/[а-яё]/i);
  });
});
