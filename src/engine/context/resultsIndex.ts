import type { ExportTable, Procedure, SchoolYear } from "../table/exportTable";

/**
 * The results index of the context-adjusted results (docs/method.md §5): each counted procedure of the
 * reference year standardised across the table's schools, then averaged per school.
 *
 * Why standardised: procedures differ in how often they give low results — few ЕГЭ participants stay
 * below the minimum, many ВПР participants get «2» — so a plain mean of (100 − % «2») ranks a school by
 * which procedures it has: an ООШ (no ЕГЭ) falls below a СОШ with the same ВПР and ОГЭ. A standard
 * score says where a school stands among the schools that took the same procedure, so the mean of a
 * school's scores is not moved by a procedure it did not take.
 */
export interface StandardisedProcedure {
  procedure: Procedure;
  /** Schools whose value entered the mean and the deviation. */
  schools: number;
  /** % low results over those schools: the plain mean and the standard deviation. */
  mean: number;
  deviation: number;
}

export interface ResultsIndex {
  /** Per school of the table: the mean of its standard scores; NaN without any. */
  values: Float64Array;
  year: SchoolYear;
  standardised: StandardisedProcedure[];
  /** Counted procedures of the year with values but no spread (one school, or all equal): no scale. */
  leftOut: Procedure[];
  /** Results of fewer participants are not counted, as the ШНОР rule sets them aside (0: all count). */
  minParticipants: number;
  /**
   * The values the index can take: from a school whose every participant had a low result in the
   * procedure scored lowest, (mean − 100) / deviation, to one with none in the procedure scored
   * highest, mean / deviation. A mean of scores lies within its scores, so no school gets past these.
   */
  range: { low: number; high: number };
}

/** A deviation below this is rounding noise of equal values, not a spread to divide by. */
const NO_SPREAD = 1e-9;

/** Whether a school's value counts: present, and from enough participants (an unknown count is enough). */
function counts(failing: number, participants: number, minParticipants: number): boolean {
  return !Number.isNaN(failing) && !(participants < minParticipants);
}

/**
 * Mean and standard deviation of a group's counted values, in one pass. The deviation divides by n,
 * not n − 1: the table's schools are the whole municipality the scores compare with, not a sample
 * of it. Sums of distances from 50 (the middle of 0–100), not from 0, keep the squares small, so
 * the variance does not lose its digits to cancellation.
 */
function groupScale(
  failing: Float64Array,
  participants: Float64Array,
  minParticipants: number
): { schools: number; mean: number; deviation: number } {
  let schools = 0;
  let sum = 0;
  let squares = 0;
  for (let school = 0; school < failing.length; school++) {
    if (!counts(failing[school], participants[school], minParticipants)) continue;
    const distance = failing[school] - 50;
    schools++;
    sum += distance;
    squares += distance * distance;
  }
  const shift = sum / schools;
  const variance = Math.max(squares / schools - shift * shift, 0);
  return { schools, mean: 50 + shift, deviation: Math.sqrt(variance) };
}

/** Adds each school's standard score, (mean − value) / deviation so that higher is better. */
function addStandardScores(
  failing: Float64Array,
  participants: Float64Array,
  minParticipants: number,
  scale: { mean: number; deviation: number },
  sums: Float64Array,
  scoreCounts: Float64Array
): void {
  for (let school = 0; school < failing.length; school++) {
    if (!counts(failing[school], participants[school], minParticipants)) continue;
    sums[school] += (scale.mean - failing[school]) / scale.deviation;
    scoreCounts[school]++;
  }
}

/**
 * The index of every school of the table for the year ending `yearEnd`: the mean of its standard
 * scores over the counted procedures it has (docs/method.md §5). Columnar, as the table: a national
 * table is 50,000 schools.
 */
export function resultsIndex(
  table: ExportTable,
  yearEnd: number,
  minParticipants = 0
): ResultsIndex {
  const year = table.years.find((candidate) => candidate.end === yearEnd) ?? {
    label: String(yearEnd),
    end: yearEnd,
  };
  const sums = new Float64Array(table.schools.length);
  const scoreCounts = new Float64Array(table.schools.length);
  const standardised: StandardisedProcedure[] = [];
  const leftOut: Procedure[] = [];
  table.groups.forEach((group, index) => {
    if (!group.procedure.countedForLowResults || group.year.end !== yearEnd) return;
    if (group.columns.failing === undefined) return;
    const { failing, participants } = table.values[index];
    const scale = groupScale(failing, participants, minParticipants);
    if (scale.schools === 0) return;
    if (!(scale.deviation >= NO_SPREAD)) {
      leftOut.push(group.procedure);
      return;
    }
    addStandardScores(failing, participants, minParticipants, scale, sums, scoreCounts);
    standardised.push({ procedure: group.procedure, ...scale });
  });
  // The sums become the means in place: one array of 50,000 rather than two.
  for (let school = 0; school < sums.length; school++)
    sums[school] = scoreCounts[school] === 0 ? NaN : sums[school] / scoreCounts[school];
  const range = {
    low: Math.min(...standardised.map(({ mean, deviation }) => (mean - 100) / deviation)),
    high: Math.max(...standardised.map(({ mean, deviation }) => mean / deviation)),
  };
  return { values: sums, year, standardised, leftOut, minParticipants, range };
}
