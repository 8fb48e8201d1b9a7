import type { Warning } from "../types";
import type { KeyedRow } from "../sheets/keyedSheet";
import type { SocialPassport } from "./socialPassport";
import { cellAddress, quotedSheetName } from "../table/cellAddress";
import { formatPercent, plural } from "../russianText";
import {
  DEFAULT_SOCIAL_WEIGHTS,
  indexOfShares,
  sharesFromCounts,
  socialWellBeingIndex,
  type SocialShares,
  type SocialWeights,
} from "./socialWellBeingIndex";
import {
  QUANTILE_NAMES,
  chosenShareHolds,
  groupNotFormed,
  isAtOrBelow,
  lowerQuantileThresholdSelecting,
  minimumSchoolsFor,
  type Quantile,
} from "./lowerQuantile";
import { MIN_INDEX_DECIMALS, decimalsBetween, formatIsbsh } from "./indexDecimals";
import { contextShares, type ContextShares } from "./contextFactors";
import { firstAtLeast } from "../firstAtLeast";

export interface SocialOptions {
  quantile: Quantile;
  weights: SocialWeights;
}

export const DEFAULT_SOCIAL_OPTIONS: SocialOptions = {
  quantile: 0.25,
  weights: DEFAULT_SOCIAL_WEIGHTS,
};

export interface SchoolSocialWellBeing {
  login: string;
  name: string;
  row: number;
  /** Null when the row could not give an index (missing or inconsistent data; see the warnings). */
  isbsh: number | null;
  /** In the least advantaged group (ШНСУ). */
  shnsu: boolean;
  /** 1 = the least advantaged; tied indices share a place. */
  rank: number | null;
}

export interface SocialWellBeingResult {
  quantile: Quantile;
  weights: SocialWeights;
  /** The index at or below which a school is ШНСУ; null when too few schools were ranked. */
  threshold: number | null;
  /** Schools with an index, and those of them in the ШНСУ group: what the summary counts. */
  counts: { ranked: number; shnsu: number };
  /** Decimals every ИСБШ and the threshold are shown with, so that shown values compare right (≥ 2). */
  indexDecimals: number;
  /**
   * Said (also among the warnings) when ties at the threshold made the group far larger than the
   * chosen share: «в группе ШНСУ 3 школы из 5 (60 %) при выбранной доле 25 % …»; null otherwise.
   */
  groupSizeWarning: string | null;
  /** The passport's other social factors, for context beside the index; parallel to `schools`. */
  context: ContextShares;
  /** Made when first read, then kept (see `assessSocialWellBeing`): plain data, one per passport row. */
  schools: SchoolSocialWellBeing[];
  /**
   * The shares the index of the school at this place of `schools` was computed from; null without
   * an index. Made anew from the passport's row at each call.
   */
  sharesOf(school: number): SocialShares | null;
  /** The Russian text comparing that school's index with the threshold («ИСБШ 59,00 ≤ порог 61,25 — …»). */
  reasonOf(school: number): string;
  warnings: Warning[];
  description: string;
}

const INDEX_FIELDS = ["bothParentsHigherEducation", "singleParentFamilies", "onRegisters"] as const;
const FIELD_LABELS: Record<(typeof INDEX_FIELDS)[number] | "studentsTotal", string> = {
  studentsTotal: "Всего обучающихся",
  bothParentsHigherEducation: "Оба родителя с высшим образованием",
  singleParentFamilies: "Из неполных семей",
  onRegisters: "Состоят на учёте",
};

export const formatIndex = (value: number): string => value.toFixed(1).replace(".", ",");

/** The passport's ИСБШ fields given as shares (per cent) and as counts: the same for every row. */
interface ShareColumns {
  asShares: (typeof INDEX_FIELDS)[number][];
  asCounts: (typeof INDEX_FIELDS)[number][];
  /** Per field, whether it is given as a share: read by name in `soundIndices`. */
  isShare: Record<(typeof INDEX_FIELDS)[number], boolean>;
}

function shareColumns(passport: SocialPassport): ShareColumns {
  const isShare = (field: string): boolean => passport.shares.includes(field);
  return {
    asShares: INDEX_FIELDS.filter(isShare),
    asCounts: INDEX_FIELDS.filter((field) => !isShare(field)),
    isShare: {
      bothParentsHigherEducation: isShare("bothParentsHigherEducation"),
      singleParentFamilies: isShare("singleParentFamilies"),
      onRegisters: isShare("onRegisters"),
    },
  };
}

/**
 * The first ИСБШ field the row lacks. Read by name: every row has one shape, so named reads stay
 * fast where a loop over the field names made each read a generic lookup (most of the ИСБШ time at
 * 50,000 schools).
 */
function firstMissing(values: KeyedRow["values"]): (typeof INDEX_FIELDS)[number] | null {
  if (Number.isNaN(values.bothParentsHigherEducation)) return "bothParentsHigherEducation";
  if (Number.isNaN(values.singleParentFamilies)) return "singleParentFamilies";
  if (Number.isNaN(values.onRegisters)) return "onRegisters";
  return null;
}

/**
 * Shares of one passport row: a column given as a share is used as it is; counts are divided by the
 * total. Returns the problem text (with the column at fault) when the row cannot give shares.
 */
function rowShares(
  columns: ShareColumns,
  row: KeyedRow
): SocialShares | { problem: string; field: string } {
  const missing = firstMissing(row.values);
  if (missing) return { problem: `нет значения «${FIELD_LABELS[missing]}»`, field: missing };
  const { asShares, asCounts } = columns;
  const shares: Record<string, number> = {};
  for (const field of asShares) shares[field] = row.values[field] / 100;
  if (asCounts.length > 0) {
    const counts = {
      studentsTotal: row.values.studentsTotal,
      bothParentsHigherEducation: row.values.bothParentsHigherEducation,
      singleParentFamilies: row.values.singleParentFamilies,
      onRegisters: row.values.onRegisters,
    };
    if (Number.isNaN(counts.studentsTotal)) {
      return {
        problem: `нет значения «${FIELD_LABELS.studentsTotal}», а доли считаются от него`,
        field: "studentsTotal",
      };
    }
    for (const field of asShares) counts[field] = 0;
    const fromCounts = sharesFromCounts(counts);
    if ("problem" in fromCounts || asShares.length === 0) return fromCounts;
    for (const field of asCounts) shares[field] = fromCounts[field];
  }
  return shares as unknown as SocialShares;
}

/**
 * ИСБШ of every row whose data are sound, straight from the passport's columns; NaN for the others
 * (the caller then asks `rowShares` what is wrong). The same shares and sum as
 * `socialWellBeingIndex(rowShares(…))` without the three objects a row made there, and without reading
 * 50,000 rows' records field by field (most of the ИСБШ time at national scale).
 */
function soundIndices(
  columns: ShareColumns,
  values: SocialPassport["fieldValues"],
  weights: SocialWeights
): Float64Array {
  const { isShare } = columns;
  const { studentsTotal, bothParentsHigherEducation, singleParentFamilies, onRegisters } = values;
  const countsUsed = columns.asCounts.length > 0;
  const indices = new Float64Array(studentsTotal.length);
  for (let row = 0; row < indices.length; row++) {
    const total = studentsTotal[row];
    // Counts are divided by the total, which must then be a whole positive number (`sharesFromCounts`).
    indices[row] =
      countsUsed && !(Number.isInteger(total) && total > 0)
        ? NaN
        : indexOfShares(
            shareOf(bothParentsHigherEducation[row], isShare.bothParentsHigherEducation, total),
            shareOf(singleParentFamilies[row], isShare.singleParentFamilies, total),
            shareOf(onRegisters[row], isShare.onRegisters, total),
            weights
          );
  }
  return indices;
}

/** A field's share: per cent over 100, or a sound count over the total; NaN for a missing or bad value. */
function shareOf(value: number, isShare: boolean, total: number): number {
  if (isShare) return value / 100;
  return Number.isInteger(value) && value >= 0 && value <= total ? value / total : NaN;
}

/** ИСБШ of every school of the passport, the ranking and the ШНСУ group (docs/method.md §3). */
export function assessSocialWellBeing(
  passport: SocialPassport,
  options: Partial<SocialOptions> = {}
): SocialWellBeingResult {
  const { quantile, weights } = { ...DEFAULT_SOCIAL_OPTIONS, ...options };
  const warnings: Warning[] = [...passport.warnings];
  const columns = shareColumns(passport);
  const indices = soundIndices(columns, passport.fieldValues, weights);
  passport.rows.forEach((row, index) => {
    // A row with a problem, or weights that give NaN: judged as before, object by object.
    if (Number.isNaN(indices[index]))
      indices[index] = judgedRowIndex(passport, columns, row, weights, warnings);
  });
  // The computed indices in the passport's order. The threshold and the group's edges are found
  // without sorting them (a selection and one pass); the ranks, wanted only with `schools`, sort
  // them then: sorting 50,000 indices was a third of the ИСБШ time.
  const ranked = computedIndices(indices);
  const threshold = lowerQuantileThresholdSelecting(ranked, quantile);
  const group = threshold === null ? NO_GROUP : groupEdges(ranked, threshold);
  const inGroup = group.inGroup;
  const decimals =
    threshold === null
      ? MIN_INDEX_DECIMALS
      : decimalsBetween(group.highestIn, group.lowestOut, threshold);
  const groupSizeWarning =
    threshold === null ? null : oversizedGroup(ranked.length, group, threshold, quantile, decimals);
  if (threshold === null) {
    warnings.push({
      cell: quotedSheetName(passport.sheetName),
      message: `школ с рассчитанным ИСБШ: ${ranked.length}; для группы «${QUANTILE_NAMES[quantile]}» нужно не меньше ${minimumSchoolsFor(quantile)} — ШНСУ не выделяются`,
    });
  }
  if (groupSizeWarning !== null)
    warnings.push({ cell: quotedSheetName(passport.sheetName), message: groupSizeWarning });
  const context = contextShares(passport, warnings);
  // Every index, the threshold and so the group are decided above; a school's result, plain data
  // made from them, is made when a caller first reads `schools` (at 50,000 schools those objects,
  // alive together, are what the garbage collector copies). The shares and the reason, which cost more
  // than the index and the ranking, are made only when asked for, a page at a time.
  let schools: SchoolSocialWellBeing[] | undefined;
  let sorted: Float64Array | undefined;
  const isbshOf = (school: number): number | null =>
    Number.isNaN(indices[school]) ? null : indices[school];
  return {
    quantile,
    weights,
    threshold,
    counts: { ranked: ranked.length, shnsu: inGroup },
    indexDecimals: decimals,
    groupSizeWarning,
    context,
    get schools() {
      sorted ??= ranked.sort();
      return (schools ??= passport.rows.map((row, index) =>
        schoolWellBeing(row, isbshOf(index), threshold, sorted!)
      ));
    },
    // The index was computed, so the row gives shares.
    sharesOf: (school) =>
      isbshOf(school) === null ? null : (rowShares(columns, passport.rows[school]) as SocialShares),
    reasonOf: (school) => {
      const isbsh = isbshOf(school);
      return socialReason(isbsh, inShnsu(isbsh, threshold), threshold, quantile, decimals);
    },
    warnings,
    description: describeSocialMethod(quantile, weights, threshold, decimals),
  };
}

/**
 * A group «far» above the chosen share: more schools than ⌈q·n⌉ (which only ties at the threshold
 * give, see `chosenShareHolds`) and at least this many percentage points above q. The points keep a
 * national ranking, where one tied school more moves the share by 0,002 points, from a warning that
 * says nothing; with a few schools any tied school more is above them.
 */
const FAR_ABOVE_POINTS = 5;

/** The warning for a group that ties made far larger than the chosen share, or null. */
function oversizedGroup(
  ranked: number,
  { inGroup, tied }: GroupEdges,
  threshold: number,
  quantile: Quantile,
  decimals: number
): string | null {
  const share = (100 * inGroup) / ranked;
  if (inGroup <= chosenShareHolds(ranked, quantile)) return null;
  if (share - 100 * quantile < FAR_ABOVE_POINTS) return null;
  return (
    `в группе ШНСУ ${plural(inGroup, "школа", "школы", "школ")} из ${ranked} (${formatPercent(share)}\u00a0%) ` +
    `при выбранной доле ${formatPercent(100 * quantile)}\u00a0% (${QUANTILE_NAMES[quantile]}): ` +
    `у ${plural(tied, "школы", "школ", "школ")} одинаковый ИСБШ ${formatIsbsh(threshold, decimals)}, равный порогу, ` +
    "а школы с равным ИСБШ не разделяются — в группу входят все они"
  );
}

/** ИСБШ of a row `soundIndices` could not take; NaN, with the warning saying why, when there is none. */
function judgedRowIndex(
  passport: SocialPassport,
  columns: ShareColumns,
  row: KeyedRow,
  weights: SocialWeights,
  warnings: Warning[]
): number {
  const shares = rowShares(columns, row);
  if (!("problem" in shares)) return socialWellBeingIndex(shares, weights);
  const column = passport.columns[shares.field];
  warnings.push({
    cell:
      column === undefined
        ? quotedSheetName(passport.sheetName)
        : cellAddress(passport.sheetName, row.row, column),
    message: `${row.name}: ИСБШ не рассчитан — ${shares.problem}; школа не участвует в ранжировании`,
  });
  return NaN;
}

/**
 * The ШНСУ group as the ranking gives it: how many indices are at or below the threshold, how many
 * of those are tied with it (beyond ⌈q·n⌉ the group's highest schools are all tied at the threshold,
 * lowerQuantile.ts), the group's highest index and the lowest above it (-Infinity, Infinity: none).
 */
interface GroupEdges {
  inGroup: number;
  tied: number;
  highestIn: number;
  lowestOut: number;
}

const NO_GROUP: GroupEdges = { inGroup: 0, tied: 0, highestIn: -Infinity, lowestOut: Infinity };

/** One pass over the indices in any order: what the sorted ones gave at the group's edge. */
function groupEdges(indices: Float64Array, threshold: number): GroupEdges {
  let inGroup = 0;
  let tied = 0;
  let highestIn = -Infinity;
  let lowestOut = Infinity;
  for (let school = 0; school < indices.length; school++) {
    const index = indices[school];
    if (isAtOrBelow(index, threshold)) {
      inGroup++;
      if (index > highestIn) highestIn = index;
      if (index >= threshold - 1e-9) tied++;
    } else if (index < lowestOut) lowestOut = index;
  }
  return { inGroup, tied, highestIn, lowestOut };
}

/** A school's ИСБШ as plain data, its fields in the order the interface lists them. */
function schoolWellBeing(
  row: KeyedRow,
  isbsh: number | null,
  threshold: number | null,
  sorted: Float64Array
): SchoolSocialWellBeing {
  return {
    login: row.login,
    name: row.name,
    row: row.row,
    isbsh,
    shnsu: inShnsu(isbsh, threshold),
    // Tied indices share the place of the first of them.
    rank: isbsh === null ? null : firstAtLeast(sorted, isbsh - 1e-9) + 1,
  };
}

/** In the ШНСУ group: an index at or below a threshold that was set. */
function inShnsu(isbsh: number | null, threshold: number | null): boolean {
  return isbsh !== null && threshold !== null && isAtOrBelow(isbsh, threshold);
}

/** The indices computed (not NaN), in the passport's order. */
function computedIndices(indices: Float64Array): Float64Array {
  let count = 0;
  for (let school = 0; school < indices.length; school++)
    if (!Number.isNaN(indices[school])) count++;
  const computed = new Float64Array(count);
  for (let school = 0, next = 0; school < indices.length; school++)
    if (!Number.isNaN(indices[school])) computed[next++] = indices[school];
  return computed;
}

/** The index and the threshold with the sign between them, as shown: «ИСБШ 79,28 ≤ порог 79,31 — …». */
function socialReason(
  isbsh: number | null,
  shnsu: boolean,
  threshold: number | null,
  quantile: Quantile,
  decimals: number
): string {
  if (isbsh === null) return "ИСБШ не рассчитан: нет или противоречивы данные социального паспорта";
  const index = formatIsbsh(isbsh, decimals);
  const group = `«${QUANTILE_NAMES[quantile]}»`;
  if (threshold === null) return `ИСБШ ${index} — группа ${group} ${groupNotFormed(quantile)}`;
  const limit = formatIsbsh(threshold, decimals);
  return shnsu
    ? `ИСБШ ${index} ≤ порог ${limit} — в группе ${group}`
    : `ИСБШ ${index} > порог ${limit} — не в группе ${group}`;
}

export function describeSocialMethod(
  quantile: Quantile,
  weights: SocialWeights,
  threshold: number | null,
  decimals?: number
): string {
  const weight = (value: number): string => formatPercent(value);
  return (
    `ИСБШ = ${weight(weights.base)} + ${weight(weights.higherEducation)} × доля обучающихся, у которых оба родителя с высшим образованием − ` +
    `${weight(weights.singleParent)} × доля из неполных семей − ${weight(weights.registered)} × доля состоящих на учёте (доли от 0 до 1; шкала 0–100). ` +
    `ШНСУ — ${QUANTILE_NAMES[quantile]} (${formatPercent(quantile * 100)}\u00a0%) распределения школ по ИСБШ: ИСБШ не выше порога` +
    (threshold === null ? "" : ` ${formatIsbsh(threshold, decimals)}`) +
    `; порог — процентиль как ПРОЦЕНТИЛЬ.ВКЛ в Excel, школы с одинаковым ИСБШ на пороге входят в группу вместе; ` +
    `при числе школ меньше ${minimumSchoolsFor(quantile)} группа не выделяется. Строки с противоречивыми данными (учтённых больше, чем обучающихся; 0 обучающихся) в ранжировании не участвуют.`
  );
}
