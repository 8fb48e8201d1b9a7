/*
 * Worksheet functions of School Radar, namespace EDU (manifest: Functions.Namespace).
 * The JSDoc tags below are read by custom-functions-metadata-plugin at build time: it writes
 * dist/functions.json and appends the CustomFunctions.associate(...) calls to this module, so
 * nothing here is registered by hand. Each function is a thin wrapper: the rule lives in src/engine.
 */
import { isLowResult } from "../engine";

const DEFAULT_THRESHOLD = 30;
const DEFAULT_MIN_PARTICIPANTS = 10;

/** Excel passes an omitted optional argument as null (or undefined): both mean "use the default". */
function optional(value: number | null | undefined, fallback: number): number {
  return value === null || value === undefined ? fallback : value;
}

function invalid(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function requirePercent(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalid(`${what}: нужно число от 0 до 100`);
  }
  if (value < 0 || value > 100) {
    throw invalid(`${what}: ${value} вне диапазона 0–100`);
  }
  return value;
}

function requireCount(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw invalid(`${what}: нужно неотрицательное число`);
  }
  return value;
}

/**
 * Низкий результат: доля «2» не меньше порога. Low result: the share of failing marks reaches the threshold.
 * @customfunction LOWRESULT
 * @param percentFailing Доля участников с «2», % (0–100). Percent of participants who failed.
 * @param [threshold] Порог низкого результата, % (по умолчанию 30). Low-result threshold, default 30.
 * @param [participants] Число участников; если меньше минимума — #Н/Д. Number of participants.
 * @param [minParticipants] Минимум участников (по умолчанию 10). Minimum participants, default 10.
 * @returns ИСТИНА, если результат низкий. TRUE when the result is low.
 */
export function lowResult(
  percentFailing: number,
  threshold?: number,
  participants?: number,
  minParticipants?: number
): boolean {
  const failing = requirePercent(percentFailing, "доля «2»");
  const limit = requirePercent(optional(threshold, DEFAULT_THRESHOLD), "порог");
  const minimum = requireCount(
    optional(minParticipants, DEFAULT_MIN_PARTICIPANTS),
    "минимум участников"
  );
  if (participants !== null && participants !== undefined) {
    const count = requireCount(participants, "число участников");
    if (count < minimum) {
      throw new CustomFunctions.Error(
        CustomFunctions.ErrorCode.notAvailable,
        `мало участников: ${count} < ${minimum}`
      );
    }
  }
  return isLowResult(failing, limit);
}
