import type { ExportTable, GroupValues, Procedure, SchoolYear } from "../table/exportTable";
import { isThresholdExam } from "./lowShareNames";
import {
  GAP_MIN_SCHOOLS,
  groupSumsOf,
  type GroupSums,
  type QuarterSpread,
  type ShareSums,
} from "./groupSums";

export { GAP_MIN_SCHOOLS };
export { selectInPlace } from "../selectInPlace";

/**
 * Indicators the programmes set that the rest of the summary does not compute (docs/method.md §8):
 *
 * - **Positive dynamics in ГИА** (Назаровский район: «рост доли школ, достигших положительной
 *   динамики в результатах ГИА (ОГЭ, ЕГЭ) по математике и русскому языку»): per subject and pair
 *   of consecutive years, the share of schools whose share of ОГЭ and ЕГЭ participants below the
 *   minimum fell by at least `STEADY_POINTS` (what the summary's arrows call ↓).
 * - **The gap between the highest- and lowest-result schools** (Новокузнецк, № 1351, задача 4:
 *   «сокращение разрыва в результатах обученности между общеобразовательными организациями с
 *   наиболее высокими и наиболее низкими образовательными результатами»): per counted procedure
 *   and year, the mean low share of the quarter of schools with the highest share minus that of
 *   the quarter with the lowest.
 * - **% высоких результатов** year by year per procedure (Горячий Ключ, МСОКО: «подготовка высокого
 *   уровня», results by year to a depth of at least three years).
 */

/**
 * A change under this many percentage points is no change (the summary's «→», its `STEADY_POINTS`).
 * This and the two helpers below repeat indicatorSummary.ts's, which imports this module: importing
 * them back would make the two modules a cycle.
 */
const STEADY_POINTS = 1;

/** The two compulsory subjects of ГИА, as the table's procedures name them. */
export const GIA_SUBJECTS = [
  { subject: "МА", name: "математика", genitive: "математике" },
  { subject: "РУ", name: "русский язык", genitive: "русскому языку" },
] as const;

export type GiaSubject = (typeof GIA_SUBJECTS)[number]["subject"];

export interface PositiveDynamics {
  subject: GiaSubject;
  previous: SchoolYear;
  year: SchoolYear;
  /** The exams of the subject with results in both years (ОГЭ МА, ЕГЭ МА база, …). */
  procedures: Procedure[];
  /** Schools with a result of the subject's exams in both years: the share is of them. */
  schools: number;
  /** Those whose share below the minimum fell by at least 1 п. п. */
  improved: number;
  /** Per cent; null without schools. */
  share: number | null;
  /** Schools at 0 % in both years: nothing to fall, not counted as improved. */
  steadyAtZero: number;
}

export interface GapValue {
  year: SchoolYear;
  /** Worst quarter's mean minus the best quarter's, percentage points; null with fewer than 4 schools. */
  value: number | null;
  /** Mean low share of the quarter of schools with the highest share. */
  worst: number | null;
  /** Mean low share of the quarter of schools with the lowest share. */
  best: number | null;
  /** Schools with a value (small groups left out); each quarter is ⌊schools / 4⌋ of them. */
  schools: number;
}

export interface ProcedureGap {
  procedure: Procedure;
  values: GapValue[];
  /** Between consecutive years with a gap: ↑ it widened, ↓ narrowed, → within 1 п. п. */
  arrows: ("↑" | "↓" | "→")[];
}

export interface HighResultsValue {
  year: SchoolYear;
  /** % высоких результатов for the municipality: participant-weighted where counts exist, else the schools' mean. */
  value: number | null;
  weighted: boolean;
  schools: number;
}

export interface HighResultsDynamics {
  procedure: Procedure;
  values: HighResultsValue[];
  /** Between consecutive years with values: ↑ the share of high results grew (better), ↓ fell, → within 1 п. п. */
  arrows: ("↑" | "↓" | "→")[];
}

export interface ProgrammeIndicators {
  positiveDynamics: PositiveDynamics[];
  gaps: ProcedureGap[];
  highResults: HighResultsDynamics[];
}

export const NO_PROGRAMME_INDICATORS: ProgrammeIndicators = {
  positiveDynamics: [],
  gaps: [],
  highResults: [],
};

/** `sums`: each group's (groupSums.ts), when the summary has them already. */
export function programmeIndicators(
  table: ExportTable,
  sums: GroupSums[] = groupSumsOf(table)
): ProgrammeIndicators {
  return {
    positiveDynamics: positiveDynamics(table),
    gaps: procedureGaps(table, sums),
    highResults: highResultsDynamics(table, sums),
  };
}

/** Without binary noise, as the summary's `pointsBetween`: 1,4 − 0,4 is a change of one point. */
function pointsBetween(earlier: number, later: number): number {
  return Math.round((later - earlier) * 1e9) / 1e9;
}

function trendOf(change: number): "↑" | "↓" | "→" {
  return Math.abs(change) < STEADY_POINTS ? "→" : change > 0 ? "↑" : "↓";
}

/** Groups of each procedure by year end; only groups with the wanted column. */
function groupsByProcedure(
  table: ExportTable,
  column: "failing" | "high",
  keep: (procedure: Procedure) => boolean
): { procedure: Procedure; byYear: Map<number, number> }[] {
  const byId = new Map<string, { procedure: Procedure; byYear: Map<number, number> }>();
  table.groups.forEach((group, index) => {
    if (group.columns[column] === undefined || !keep(group.procedure)) return;
    const entry = byId.get(group.procedure.id) ?? {
      procedure: group.procedure,
      byYear: new Map<number, number>(),
    };
    if (!entry.byYear.has(group.year.end)) entry.byYear.set(group.year.end, index);
    byId.set(group.procedure.id, entry);
  });
  return [...byId.values()];
}

/**
 * Seed 001's «положительная динамика в результатах ГИА» per subject: for each pair of consecutive
 * years, a school's share below the minimum over the subject's ОГЭ and ЕГЭ — only the exams it has
 * in both years, so that an exam it sat one year only does not move it — weighted by participants
 * when each of those values has its count, else their mean; improved when it fell by at least
 * 1 п. п.
 */
function positiveDynamics(table: ExportTable): PositiveDynamics[] {
  const exams = groupsByProcedure(
    table,
    "failing",
    (procedure) => isThresholdExam(procedure) && procedure.countedForLowResults
  );
  const result: PositiveDynamics[] = [];
  for (const { subject } of GIA_SUBJECTS) {
    const subjectExams = exams.filter((exam) => exam.procedure.subject === subject);
    if (subjectExams.length === 0) continue;
    for (const year of table.years) {
      const previous = table.years.find((candidate) => candidate.end === year.end - 1);
      if (previous === undefined) continue;
      const pairs = subjectExams.flatMap(({ procedure, byYear }) => {
        const before = byYear.get(previous.end);
        const after = byYear.get(year.end);
        return before === undefined || after === undefined ? [] : [{ procedure, before, after }];
      });
      if (pairs.length === 0) continue;
      const item = subjectDynamics(table, pairs);
      if (item.schools === 0) continue;
      result.push({ subject, previous, year, ...item });
    }
  }
  return result;
}

function subjectDynamics(
  table: ExportTable,
  pairs: { procedure: Procedure; before: number; after: number }[]
): Pick<PositiveDynamics, "procedures" | "schools" | "improved" | "share" | "steadyAtZero"> {
  const exams = pairs.map(({ before, after }) => ({
    before: table.values[before],
    after: table.values[after],
  }));
  const used = new Uint8Array(pairs.length);
  const { schools, improved, steadyAtZero } = judgeSchools(exams, table.schools.length, used);
  return {
    procedures: pairs.filter((_, index) => used[index] === 1).map((pair) => pair.procedure),
    schools,
    improved,
    share: schools === 0 ? null : (100 * improved) / schools,
    steadyAtZero,
  };
}

/** One exam of the subject: its groups' values in the earlier and in the later year. */
interface ExamYears {
  before: GroupValues;
  after: GroupValues;
}

/**
 * Each school with the subject's results in both years: improved by at least a point, or at zero.
 * School by school, its two or three exams pooled in local sums: a school's sums were eight arrays
 * of 50,000 filled exam by exam and read back, made anew for each subject and pair of years. `used`
 * gets 1 for each exam some school has in both years.
 */
function judgeSchools(
  exams: ExamYears[],
  schoolCount: number,
  used: Uint8Array
): { schools: number; improved: number; steadyAtZero: number } {
  let schools = 0;
  let improved = 0;
  let steadyAtZero = 0;
  for (let school = 0; school < schoolCount; school++) {
    // The exams' shares added in the exams' order, so each sum is what a pass per exam gave.
    let taken = 0;
    let uncounted = false;
    let plainBefore = 0;
    let plainAfter = 0;
    let weightedBefore = 0;
    let weightedAfter = 0;
    let weightBefore = 0;
    let weightAfter = 0;
    for (let exam = 0; exam < exams.length; exam++) {
      const { before, after } = exams[exam];
      const valueBefore = before.failing[school];
      const valueAfter = after.failing[school];
      if (Number.isNaN(valueBefore) || Number.isNaN(valueAfter)) continue;
      used[exam] = 1;
      taken++;
      plainBefore += valueBefore;
      plainAfter += valueAfter;
      const countBefore = before.participants[school];
      const countAfter = after.participants[school];
      if (Number.isNaN(countBefore) || Number.isNaN(countAfter)) uncounted = true;
      else {
        weightedBefore += valueBefore * countBefore;
        weightedAfter += valueAfter * countAfter;
        weightBefore += countBefore;
        weightAfter += countAfter;
      }
    }
    if (taken === 0) continue;
    const weighted = !uncounted && weightBefore > 0 && weightAfter > 0;
    const shareBefore = weighted ? weightedBefore / weightBefore : plainBefore / taken;
    const shareAfter = weighted ? weightedAfter / weightAfter : plainAfter / taken;
    schools++;
    // At least a point lower: the summary's ↓, `trendOf(pointsBetween(before, after))`, as one
    // comparison (`fellByAPoint`). Counted by adding the tests' 0 or 1, not by branching on them:
    // nearly half of the schools improve, in no order the processor can foresee, and a branch it
    // guessed wrong for every other school was a fifth of this loop's time at national scale.
    const fell = Number(fellByAPoint(shareBefore, shareAfter));
    improved += fell;
    steadyAtZero += (1 - fell) & Number(shareBefore === 0) & Number(shareAfter === 0);
  }
  return { schools, improved, steadyAtZero };
}

/**
 * `pointsBetween(before, after) <= -STEADY_POINTS` without a rounding and a division per school:
 * `Math.round(y) / 1e9 <= -1` holds exactly when `Math.round(y) <= -1e9` (a whole number this small,
 * divided, stays on its side of −1), and `Math.round` takes halves up, so that is `y < -1e9 + 0.5`.
 * The same test on the same product `y`, so the same schools improve.
 */
function fellByAPoint(before: number, after: number): boolean {
  return (after - before) * 1e9 < -STEADY_POINTS * 1e9 + 0.5;
}

/**
 * Seed 002's task 4, per counted procedure and year: the mean low share of the quarter of schools
 * with the highest share minus that of the quarter with the lowest (⌊n / 4⌋ schools each, at least
 * one). Groups known to have fewer than `SMALL_GROUP` participants are left out, as from the risk
 * zones: one pupil there is more than 10 points and would make a quarter of its own.
 */
function procedureGaps(table: ExportTable, sums: GroupSums[]): ProcedureGap[] {
  return groupsByProcedure(table, "failing", (procedure) => procedure.countedForLowResults)
    .map(({ procedure, byYear }) => {
      const values = table.years.flatMap((year) => {
        const index = byYear.get(year.end);
        // A counted group with a «% «2»» column has its spread (groupSums.ts).
        return index === undefined ? [] : [gapOf(sums[index].spread!, year)];
      });
      const known = values.filter((value) => value.value !== null);
      const arrows = known
        .slice(1)
        .map((value, i) => trendOf(pointsBetween(known[i].value!, value.value!)));
      return { procedure, values, arrows };
    })
    .filter((gap) => gap.values.some((value) => value.schools > 0));
}

function gapOf({ schools, best, worst }: QuarterSpread, year: SchoolYear): GapValue {
  if (best === null || worst === null)
    return { year, value: null, worst: null, best: null, schools };
  return { year, value: pointsBetween(best, worst), worst, best, schools };
}

/** The municipality's % высоких результатов per procedure and year, as the summary's dynamics of % «2». */
function highResultsDynamics(table: ExportTable, sums: GroupSums[]): HighResultsDynamics[] {
  return groupsByProcedure(table, "high", () => true)
    .map(({ procedure, byYear }) => {
      const values = table.years.flatMap((year) => {
        const index = byYear.get(year.end);
        // A group with a «% высоких» column has its sums (groupSums.ts).
        return index === undefined ? [] : [municipalHigh(sums[index].high!, year)];
      });
      const known = values.filter((value) => value.value !== null);
      const arrows = known
        .slice(1)
        .map((value, i) => trendOf(pointsBetween(known[i].value!, value.value!)));
      return { procedure, values, arrows };
    })
    .filter((item) => item.values.some((value) => value.value !== null));
}

/** Σ(share × participants) / Σ participants when every school with a value has its count, else the mean. */
function municipalHigh(
  { schools, plainSum, weightedSum, weight, allCounted }: ShareSums,
  year: SchoolYear
): HighResultsValue {
  const weighted = schools > 0 && allCounted && weight > 0;
  const value = schools === 0 ? null : weighted ? weightedSum / weight : plainSum / schools;
  return { year, value, weighted, schools };
}
