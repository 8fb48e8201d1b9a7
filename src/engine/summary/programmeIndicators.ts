import type { ExportTable, Procedure, SchoolYear } from "../table/exportTable";
import { SMALL_GROUP } from "../lowResults/identificationOptions";
import { isThresholdExam } from "./lowShareNames";

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

/** A quarter of the schools must be at least one school: 4 or more values. */
export const GAP_MIN_SCHOOLS = 4;

export function programmeIndicators(table: ExportTable): ProgrammeIndicators {
  return {
    positiveDynamics: positiveDynamics(table),
    gaps: procedureGaps(table),
    highResults: highResultsDynamics(table),
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
  // Column by column, as the ШНОР rule counts (identifyLowResultSchools.ts): each exam's pair of
  // columns is read in memory order into the schools' sums, then each school is judged once.
  const sums = pooledSums(table.schools.length);
  const used = pairs.map(({ before, after }) =>
    addExam(table.values[before], table.values[after], sums)
  );
  const { schools, improved, steadyAtZero } = judgeSchools(sums);
  return {
    procedures: pairs.filter((_, index) => used[index]).map((pair) => pair.procedure),
    schools,
    improved,
    share: schools === 0 ? null : (100 * improved) / schools,
    steadyAtZero,
  };
}

/** Each school's sums over the subject's exams, before and after; `uncounted` — some count missing. */
interface PooledSums {
  plainBefore: Float64Array;
  plainAfter: Float64Array;
  weightedBefore: Float64Array;
  weightedAfter: Float64Array;
  weightBefore: Float64Array;
  weightAfter: Float64Array;
  exams: Uint8Array;
  uncounted: Uint8Array;
}

function pooledSums(schools: number): PooledSums {
  return {
    plainBefore: new Float64Array(schools),
    plainAfter: new Float64Array(schools),
    weightedBefore: new Float64Array(schools),
    weightedAfter: new Float64Array(schools),
    weightBefore: new Float64Array(schools),
    weightAfter: new Float64Array(schools),
    exams: new Uint8Array(schools),
    uncounted: new Uint8Array(schools),
  };
}

/** Adds one exam with results in both years; true when some school has both. */
function addExam(
  before: { failing: Float64Array; participants: Float64Array },
  after: { failing: Float64Array; participants: Float64Array },
  sums: PooledSums
): boolean {
  let used = false;
  for (let school = 0; school < sums.exams.length; school++) {
    const valueBefore = before.failing[school];
    const valueAfter = after.failing[school];
    if (Number.isNaN(valueBefore) || Number.isNaN(valueAfter)) continue;
    used = true;
    sums.exams[school]++;
    sums.plainBefore[school] += valueBefore;
    sums.plainAfter[school] += valueAfter;
    const countBefore = before.participants[school];
    const countAfter = after.participants[school];
    if (Number.isNaN(countBefore) || Number.isNaN(countAfter)) sums.uncounted[school] = 1;
    else {
      sums.weightedBefore[school] += valueBefore * countBefore;
      sums.weightedAfter[school] += valueAfter * countAfter;
      sums.weightBefore[school] += countBefore;
      sums.weightAfter[school] += countAfter;
    }
  }
  return used;
}

/** Each school with the subject's results in both years: improved by at least a point, or at zero. */
function judgeSchools(sums: PooledSums): {
  schools: number;
  improved: number;
  steadyAtZero: number;
} {
  let schools = 0;
  let improved = 0;
  let steadyAtZero = 0;
  for (let school = 0; school < sums.exams.length; school++) {
    const exams = sums.exams[school];
    if (exams === 0) continue;
    const weighted =
      sums.uncounted[school] === 0 && sums.weightBefore[school] > 0 && sums.weightAfter[school] > 0;
    const shareBefore = weighted
      ? sums.weightedBefore[school] / sums.weightBefore[school]
      : sums.plainBefore[school] / exams;
    const shareAfter = weighted
      ? sums.weightedAfter[school] / sums.weightAfter[school]
      : sums.plainAfter[school] / exams;
    schools++;
    // At least a point lower: the summary's ↓, `trendOf(pointsBetween(before, after))`, inline.
    if (Math.round((shareAfter - shareBefore) * 1e9) / 1e9 <= -STEADY_POINTS) improved++;
    else if (shareBefore === 0 && shareAfter === 0) steadyAtZero++;
  }
  return { schools, improved, steadyAtZero };
}

/**
 * Seed 002's task 4, per counted procedure and year: the mean low share of the quarter of schools
 * with the highest share minus that of the quarter with the lowest (⌊n / 4⌋ schools each, at least
 * one). Groups known to have fewer than `SMALL_GROUP` participants are left out, as from the risk
 * zones: one pupil there is more than 10 points and would make a quarter of its own.
 */
function procedureGaps(table: ExportTable): ProcedureGap[] {
  // One set of buffers for every group: at 50,000 schools a new one per group is 400 kB each.
  const buffers: GapBuffers = {
    kept: new Float64Array(table.schools.length),
    counts: new Int32Array(GRID_STEPS + 1),
  };
  return groupsByProcedure(table, "failing", (procedure) => procedure.countedForLowResults)
    .map(({ procedure, byYear }) => {
      const values = table.years.flatMap((year) => {
        const index = byYear.get(year.end);
        return index === undefined ? [] : [gapOf(table, index, year, buffers)];
      });
      const known = values.filter((value) => value.value !== null);
      const arrows = known
        .slice(1)
        .map((value, i) => trendOf(pointsBetween(known[i].value!, value.value!)));
      return { procedure, values, arrows };
    })
    .filter((gap) => gap.values.some((value) => value.schools > 0));
}

/** Shares on a grid of hundredths of a point (0, 0,01, …, 100): the steps of a counting pass. */
const GRID_STEPS = 10_000;

interface GapBuffers {
  /** The group's values kept (small groups left out). */
  kept: Float64Array;
  /** How many kept values fall on each hundredth of a point. */
  counts: Int32Array;
}

function gapOf(table: ExportTable, index: number, year: SchoolYear, buffers: GapBuffers): GapValue {
  const { failing, participants } = table.values[index];
  const { kept, counts } = buffers;
  counts.fill(0);
  let schools = 0;
  let offGrid = 0;
  for (let school = 0; school < failing.length; school++) {
    const value = failing[school];
    // NaN participants (no count) is not «fewer than»: the group's size is unknown, not small.
    if (Number.isNaN(value) || participants[school] < SMALL_GROUP) continue;
    schools++;
    const step = Math.round(value * 100);
    if (step >= 0 && step <= GRID_STEPS && Math.abs(value * 100 - step) < 1e-6) counts[step]++;
    else offGrid++;
  }
  if (schools < GAP_MIN_SCHOOLS) return { year, value: null, worst: null, best: null, schools };
  const quarter = Math.floor(schools / 4);
  const [best, worst] =
    offGrid === 0
      ? quarterMeansCounted(counts, quarter)
      : quarterMeansSelected(keptValues(failing, participants, kept), schools, quarter);
  return { year, value: pointsBetween(best, worst), worst, best, schools };
}

/**
 * The quarters' means from the counts on the grid (exports give shares to a tenth or a hundredth):
 * one pass over the values and two over the 10,001 steps, where sorting each of 27 groups of
 * 50,000 values took a third of a second.
 */
function quarterMeansCounted(counts: Int32Array, quarter: number): [number, number] {
  let best = 0;
  let left = quarter;
  for (let step = 0; left > 0; step++) {
    const take = Math.min(counts[step], left);
    best += (take * step) / 100;
    left -= take;
  }
  let worst = 0;
  left = quarter;
  for (let step = GRID_STEPS; left > 0; step--) {
    const take = Math.min(counts[step], left);
    worst += (take * step) / 100;
    left -= take;
  }
  return [best / quarter, worst / quarter];
}

/** The group's values without the small groups' (as `gapOf` counts them), into `kept`. */
function keptValues(
  failing: Float64Array,
  participants: Float64Array,
  kept: Float64Array
): Float64Array {
  let schools = 0;
  for (let school = 0; school < failing.length; school++) {
    const value = failing[school];
    if (Number.isNaN(value) || participants[school] < SMALL_GROUP) continue;
    kept[schools++] = value;
  }
  return kept;
}

/** The same from values off the grid (fractions read ×100): the two quarters by selection. */
function quarterMeansSelected(
  kept: Float64Array,
  schools: number,
  quarter: number
): [number, number] {
  selectInPlace(kept, 0, schools, quarter - 1);
  selectInPlace(kept, quarter, schools, schools - quarter);
  let best = 0;
  let worst = 0;
  for (let i = 0; i < quarter; i++) {
    best += kept[i];
    worst += kept[schools - 1 - i];
  }
  return [best / quarter, worst / quarter];
}

/**
 * Rearranges `values[from, to)` so that position `k` holds the value a sort would put there, with
 * none larger before it and none smaller after it (quickselect). The partition is three-way, so that
 * the many equal shares of a real table (0 %, 100 %) do not make it quadratic.
 */
export function selectInPlace(values: Float64Array, from: number, to: number, k: number): void {
  let low = from;
  let high = to;
  while (high - low > 1) {
    const a = values[low];
    const b = values[(low + high) >>> 1];
    const c = values[high - 1];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let less = low;
    let i = low;
    let greater = high;
    while (i < greater) {
      const value = values[i];
      if (value < pivot) {
        values[i] = values[less];
        values[less] = value;
        less++;
        i++;
      } else if (value > pivot) {
        greater--;
        values[i] = values[greater];
        values[greater] = value;
      } else i++;
    }
    if (k < less) high = less;
    else if (k >= greater) low = greater;
    else return;
  }
}

/** The municipality's % высоких результатов per procedure and year, as the summary's dynamics of % «2». */
function highResultsDynamics(table: ExportTable): HighResultsDynamics[] {
  return groupsByProcedure(table, "high", () => true)
    .map(({ procedure, byYear }) => {
      const values = table.years.flatMap((year) => {
        const index = byYear.get(year.end);
        return index === undefined ? [] : [municipalHigh(table, index, year)];
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
function municipalHigh(table: ExportTable, index: number, year: SchoolYear): HighResultsValue {
  const { high, participants } = table.values[index];
  let schools = 0;
  let plainSum = 0;
  let weightedSum = 0;
  let weight = 0;
  let allCounted = true;
  for (let school = 0; school < high.length; school++) {
    const value = high[school];
    if (Number.isNaN(value)) continue;
    schools++;
    plainSum += value;
    const count = participants[school];
    if (Number.isNaN(count)) allCounted = false;
    else {
      weightedSum += value * count;
      weight += count;
    }
  }
  const weighted = schools > 0 && allCounted && weight > 0;
  const value = schools === 0 ? null : weighted ? weightedSum / weight : plainSum / schools;
  return { year, value, weighted, schools };
}
