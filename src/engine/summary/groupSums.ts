import type { ExportTable } from "../table/exportTable";
import { SMALL_GROUP } from "../lowResults/identificationOptions";
import { GRID_STEPS, quarterMeans, type GapCounts } from "./quarterMeans";

/**
 * Everything the summary and the programme indicators take from a group's columns, in one pass over
 * them (docs/method.md §6, §8): the municipal % «2» and % высоких (their sums), and the gap between the
 * best and the worst quarter of schools. At 50,000 schools × 30 groups each pass over a group's
 * columns costs about as much as the work done in it, so the three figures, which read the same
 * participants, are gathered together instead of in a pass each.
 */

/** A quarter of the schools must be at least one school: 4 or more values. */
export const GAP_MIN_SCHOOLS = 4;

/** What one pass over a share's column (and its participants) gives: a municipal value's makings. */
export interface ShareSums {
  /** Schools with a value. */
  schools: number;
  plainSum: number;
  weightedSum: number;
  weight: number;
  /** Every school with a value has a participant count. */
  allCounted: boolean;
}

/** The best and the worst quarter's mean % «2», small groups left out (`programmeIndicators`' gap). */
export interface QuarterSpread {
  /** Schools with a value, small groups left out: each quarter is ⌊schools / 4⌋ of them. */
  schools: number;
  /** Null with fewer than `GAP_MIN_SCHOOLS` schools. */
  best: number | null;
  worst: number | null;
}

export interface GroupSums {
  /** Undefined for a group without a «% «2»» column. */
  failing: ShareSums | undefined;
  /** Undefined for a group without a «% высоких» column. */
  high: ShareSums | undefined;
  /** Counted procedures' groups with a «% «2»» column only (the gap is of those). */
  spread: QuarterSpread | undefined;
}

/** Each group's sums, parallel to `table.groups`. */
export function groupSumsOf(table: ExportTable): GroupSums[] {
  // One set of counting buffers for every group: at 50,000 schools a new one per group is 400 kB.
  // The kept values' buffer is wanted only for values off the grid, so it is made the first time.
  const counts = new Int32Array(GRID_STEPS + 1);
  let keptBuffer: Float64Array | undefined;
  const kept = (): Float64Array => (keptBuffer ??= new Float64Array(table.schools.length));
  return table.groups.map((group, index) => {
    const { failing, high, participants } = table.values[index];
    const withFailing = group.columns.failing !== undefined;
    const wantsSpread = withFailing && group.procedure.countedForLowResults;
    if (wantsSpread) counts.fill(0);
    const raw = passOverGroup(failing, high, participants, wantsSpread ? counts : null);
    return {
      failing: withFailing ? failingSums(raw) : undefined,
      high: group.columns.high === undefined ? undefined : highSums(raw),
      spread: wantsSpread ? quarterSpread(raw, { counts, kept, failing, participants }) : undefined,
    };
  });
}

/** The pass's sums, as plain numbers: what the loop returns, picked apart after it. */
interface RawSums {
  failingSchools: number;
  failingPlain: number;
  failingWeighted: number;
  failingWeight: number;
  failingUncounted: number;
  highSchools: number;
  highPlain: number;
  highWeighted: number;
  highWeight: number;
  highUncounted: number;
  /** Schools with a % «2» and not a known small group: those the gap's quarters are of. */
  spreadSchools: number;
  /** Of those, the values off the hundredths' grid (not counted in `counts`). */
  offGrid: number;
}

/**
 * The loop alone, with nothing to decide after it: V8 compiles such a loop once and keeps it, where
 * a loop followed by comparisons on its sums was left again on every call (boxing each sum). Each
 * school's three numbers are read once; the sums add in school order, as a pass per figure did, so
 * every figure is the same to the last bit. `counts` (null: no gap wanted) gets each kept % «2» on
 * its hundredth of a point.
 */
function passOverGroup(
  failing: Float64Array,
  high: Float64Array,
  participants: Float64Array,
  counts: Int32Array | null
): RawSums {
  let failingSchools = 0;
  let failingPlain = 0;
  let failingWeighted = 0;
  let failingWeight = 0;
  let failingUncounted = 0;
  let highSchools = 0;
  let highPlain = 0;
  let highWeighted = 0;
  let highWeight = 0;
  let highUncounted = 0;
  let spreadSchools = 0;
  let offGrid = 0;
  for (let school = 0; school < failing.length; school++) {
    const count = participants[school];
    // `x === x` is «not NaN»: NaN is no value (no count), and the only number unequal to itself.
    const value = failing[school];
    if (value === value) {
      failingSchools++;
      failingPlain += value;
      if (count === count) {
        failingWeighted += value * count;
        failingWeight += count;
      } else failingUncounted++;
      // NaN participants (no count) is not «fewer than»: the group's size is unknown, not small.
      // Whether the school is kept is added as 0 or 1, not branched on: small groups come in no
      // order the processor can foresee, and its wrong guesses cost more than counting them all.
      if (counts !== null) {
        const kept = Number(!(count < SMALL_GROUP));
        spreadSchools += kept;
        offGrid += kept & countOnGrid(value * 100, counts, kept);
      }
    }
    const share = high[school];
    if (share === share) {
      highSchools++;
      highPlain += share;
      if (count === count) {
        highWeighted += share * count;
        highWeight += count;
      } else highUncounted++;
    }
  }
  return {
    failingSchools,
    failingPlain,
    failingWeighted,
    failingWeight,
    failingUncounted,
    highSchools,
    highPlain,
    highWeighted,
    highWeight,
    highUncounted,
    spreadSchools,
    offGrid,
  };
}

/**
 * Adds `kept` (0 or 1) to the count of a share in hundredths of a point on its step when it is on
 * the grid (within 1e-6 of a step from 0 to `GRID_STEPS`); 1 when it is off, else 0. The step is
 * `(x + 0.5) | 0`, not `Math.round(x)`: the same step for every x it can count (an x within 1e-6 of
 * a step has that step as its nearest whole number either way) at a fifth of the pass's time less.
 */
function countOnGrid(hundredths: number, counts: Int32Array, kept: number): number {
  if (!(hundredths > -0.5 && hundredths < GRID_STEPS + 0.5)) return 1;
  const step = (hundredths + 0.5) | 0;
  if (!(Math.abs(hundredths - step) < 1e-6)) return 1;
  counts[step] += kept;
  return 0;
}

function failingSums(raw: RawSums): ShareSums {
  return {
    schools: raw.failingSchools,
    plainSum: raw.failingPlain,
    weightedSum: raw.failingWeighted,
    weight: raw.failingWeight,
    allCounted: raw.failingUncounted === 0,
  };
}

function highSums(raw: RawSums): ShareSums {
  return {
    schools: raw.highSchools,
    plainSum: raw.highPlain,
    weightedSum: raw.highWeighted,
    weight: raw.highWeight,
    allCounted: raw.highUncounted === 0,
  };
}

function quarterSpread(raw: RawSums, gap: GapCounts): QuarterSpread {
  const schools = raw.spreadSchools;
  if (schools < GAP_MIN_SCHOOLS) return { schools, best: null, worst: null };
  const [best, worst] = quarterMeans(gap, schools, raw.offGrid);
  return { schools, best, worst };
}
