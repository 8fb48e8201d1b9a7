/*
 * The one place where a problem becomes what Excel shows in the cell. The engine returns its errors
 * as values (EngineError) and argument coercion reports bad input here; both leave as a thrown
 * CustomFunctions.Error, which Excel turns into the cell's error value with the message in the error
 * tooltip. Only #VALUE! and #N/A carry a custom message (CustomFunctionsRuntime), so those are the two
 * codes used:
 *   #VALUE! — the input is wrong: text that is not a number, a share above 1, a negative count,
 *             a range without a recognisable export table, an option out of range;
 *   #N/A    — the input is right but there is no answer: too few participants or schools, no data.
 */
import {
  isEngineError,
  minimumSchoolsFor,
  QUANTILE_NAMES,
  type ContextAdjustedResult,
  type CountsProblem,
  type SocialShares,
  type EngineError,
  type Quantile,
} from "../engine";

/** Excel's tooltip is short; a message longer than this is cut rather than lost. */
const MESSAGE_LIMIT = 250;

function shortened(message: string): string {
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message;
}

/** Wrong input → #VALUE! with a short Russian message. */
export function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, shortened(message));
}

/** No answer for this input (too few participants or schools, no data) → #N/A with the reason. */
export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, shortened(message));
}

const ENGINE_ERRORS: Record<EngineError["code"], (message: string) => CustomFunctions.Error> = {
  no_table: invalidValue,
  bad_option: invalidValue,
  no_data: notAvailable,
};

/** An engine result, or the engine's error thrown as the matching Excel error. */
export function engineValue<T>(result: T | EngineError): Exclude<T, EngineError> {
  if (isEngineError(result)) throw ENGINE_ERRORS[result.code](result.message);
  return result as Exclude<T, EngineError>;
}

/** The engine's reason why counts cannot form shares (a total of 0, a count above the total…) → #VALUE!. */
export function sharesOrInvalid(result: SocialShares | CountsProblem): SocialShares {
  if ("problem" in result) throw invalidValue(result.problem);
  return result;
}

/** A lower-quantile threshold, or #N/A when the engine found too few schools to form the group. */
export function thresholdOrNotAvailable(
  threshold: number | null,
  schools: number,
  quantile: Quantile
): number {
  if (threshold !== null) return threshold;
  throw notAvailable(
    `для группы «${QUANTILE_NAMES[quantile]}» нужно не меньше ${minimumSchoolsFor(quantile)} школ с ИСБШ; в диапазоне ${schools}`
  );
}

/** Context-adjusted results with a fitted line, or #N/A with the engine's reason (too few schools, one ИСБШ for all). */
export function lineOrNotAvailable(result: ContextAdjustedResult): ContextAdjustedResult {
  if (result.line !== null) return result;
  throw notAvailable(result.warnings[0]?.message ?? "линия «результаты ~ ИСБШ» не построена");
}
