/** The CustomFunctions.Error a worksheet function threw; fails the test when it returned instead. */
export function thrownBy(call: () => unknown): CustomFunctions.Error {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    return error as CustomFunctions.Error;
  }
  throw new Error(`expected a CustomFunctions.Error, got ${JSON.stringify(result)}`);
}

/** Excel passes an omitted optional argument as null. */
export const OMITTED = null as unknown as undefined;
