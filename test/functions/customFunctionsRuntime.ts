/*
 * Jest setup (jest.config.js setupFiles), for tests only: the two members of Excel's CustomFunctions
 * global that the worksheet functions use, with the real API's shape — `new CustomFunctions.Error(code,
 * message?)` carrying `code` and `message`, and the ErrorCode values Excel shows in the cell
 * (@types/custom-functions-runtime). Nothing else is stubbed: `associate` exists only in the webpack
 * bundle, so a test that reached for it would fail instead of passing silently.
 */
class CustomFunctionsError {
  readonly code: string;
  readonly message?: string;

  constructor(code: string, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

Object.defineProperty(globalThis, "CustomFunctions", {
  value: { Error: CustomFunctionsError, ErrorCode },
  configurable: true,
});
export {};
