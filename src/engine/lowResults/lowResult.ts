import type { RuleEdition } from "./identificationOptions";

/**
 * docs/method.md §2: a result is low when at least `threshold` per cent got «2» (or did not pass the minimum).
 * `≥`, not `>`: exactly 30 % is low. The tolerance absorbs 0.3 * 100 = 30.000000000000004-style noise
 * from percent-formatted cells without moving the boundary by any amount a table could express.
 */
export function isLowResult(percentFailing: number, threshold: number): boolean {
  return percentFailing >= threshold - 1e-9;
}

/** How one procedure × year of one school counts for the ШНОР rule. */
export type ResultState = "low" | "ok" | "small" | "missing";

/** Too few participants make a percentage meaningless: 30 % of a class of 4 is one child. */
export function judgeResult(
  failing: number | null,
  participants: number | null,
  threshold: number,
  minParticipants: number
): ResultState {
  if (failing === null) return "missing";
  if (participants !== null && participants < minParticipants) return "small";
  return isLowResult(failing, threshold) ? "low" : "ok";
}

/** `judgeResult` on the table's own numbers, where NaN is "no data" (no null to make per cell). */
export function judgeValue(
  failing: number,
  participants: number,
  threshold: number,
  minParticipants: number
): ResultState {
  if (Number.isNaN(failing)) return "missing";
  if (participants < minParticipants) return "small"; // NaN, no count, is never "too few"
  return isLowResult(failing, threshold) ? "low" : "ok";
}

/**
 * The four possible lists of criteria, made once and frozen: a national table's schools share them
 * (most meet none), where a list per school was a tenth of what the four analyses left to the garbage
 * collector. Frozen, so no caller can change another school's list.
 */
const frozen = (...criteria: (1 | 2)[]): (1 | 2)[] => Object.freeze(criteria) as (1 | 2)[];
const NO_CRITERIA = frozen();
const FIRST_ONLY = frozen(1);
const SECOND_ONLY = frozen(2);
const BOTH_CRITERIA = frozen(1, 2);

/**
 * The ШНОР criteria met (docs/method.md §2): criterion 1, at least two low results in the reference year;
 * criterion 2, low results in each of the two years — any procedure in the 2020 edition, the same
 * procedure (`sameProcedureLow`) in the 2025 edition. As a number, bit 1 for criterion 1 and bit 2 for
 * criterion 2 (0–3): what a national table keeps per school in a byte, the list (`CRITERIA_BY_CODE`)
 * taken when read.
 */
export function criteriaCode(
  lowReference: number,
  lowPrevious: number,
  sameProcedureLow: boolean,
  edition: RuleEdition
): number {
  const first = lowReference >= 2;
  const second = edition === "2020" ? lowReference > 0 && lowPrevious > 0 : sameProcedureLow;
  return (first ? 1 : 0) | (second ? 2 : 0);
}

/** The lists of criteria by their code (`criteriaCode`). */
export const CRITERIA_BY_CODE: readonly (1 | 2)[][] = [
  NO_CRITERIA,
  FIRST_ONLY,
  SECOND_ONLY,
  BOTH_CRITERIA,
];
