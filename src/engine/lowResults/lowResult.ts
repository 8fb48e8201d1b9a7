/**
 * DOMAIN §2: a result is low when at least `threshold` per cent got «2» (or did not pass the minimum).
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
