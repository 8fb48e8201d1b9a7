/*
 * Worksheet functions of School Radar, namespace EDU (manifest: Functions.Namespace).
 * The JSDoc tags below are read by custom-functions-metadata-plugin at build time: it writes
 * dist/functions.json and appends the CustomFunctions.associate(...) calls to this module, so nothing
 * here is registered by hand. The Russian names and descriptions (functions-ru.json, for Russian Excel)
 * come from russianMetadata.json, merged into the generated metadata at build time.
 *
 * Each function is argument coercion (functionArguments.ts) plus a call into the engine; problems leave
 * through functionErrors.ts as #VALUE! or #N/A with a Russian message.
 */
import {
  contextAdjustedResults,
  identifyLowResultSchools,
  isAtOrBelow,
  judgeResult,
  lowerQuantileThreshold,
  socialWellBeingIndex,
  STATUS_LABELS,
} from "../engine";
import {
  contextRangesArguments,
  exportTableArgument,
  identificationOptionsArguments,
  indexArgument,
  indexesOfRange,
  isOmitted,
  optionalPercentArgument,
  participantsArgument,
  percentArgument,
  quantileArgument,
  RANGE_SHEET_NAME,
  socialSharesArguments,
} from "./functionArguments";
import {
  engineValue,
  lineOrNotAvailable,
  notAvailable,
  thresholdOrNotAvailable,
} from "./functionErrors";
import { columnForRows, methodWithWarnings, residualsInShape } from "./functionResults";

// The metadata plugin appends `CustomFunctions.associate(…)` calls to this module, and office.js
// defines CustomFunctions (also in a task pane without custom functions: the task-pane-only manifest
// opens the same page). Where office.js did not load — Microsoft's CDN out of reach — those calls
// would throw and hide the page's own notice of what went wrong behind a script error: give them a
// stand-in that registers nothing.
if (typeof CustomFunctions === "undefined") {
  Object.assign(globalThis, { CustomFunctions: { associate: () => undefined } });
}

const DEFAULT_THRESHOLD = 30;
// Every result counts by default, as in the source documents (docs/method.md §2).
const DEFAULT_MIN_PARTICIPANTS = 0;

/**
 * Whether a result is low: the percent of participants with mark «2» (or below the ОГЭ/ЕГЭ minimum) reaches the threshold. Percent points 0–100, as in the export tables.
 * @customfunction LOWRESULT
 * @param percentFailing Percent of participants with «2» or below the minimum, in points 0–100 (30, not 0.3).
 * @param [threshold] Low-result threshold in points 0–100; default 30. A result is low when percentFailing ≥ threshold.
 * @param [participants] Number of participants; with fewer than minParticipants the result is not judged (#N/A).
 * @param [minParticipants] Minimum number of participants for a result to be judged; default 0 (every result counts).
 * @returns TRUE when the result is low.
 */
export function lowResult(
  percentFailing: number,
  threshold?: number,
  participants?: number,
  minParticipants?: number
): boolean {
  const failing = percentArgument(percentFailing, "доля «2»");
  const limit = optionalPercentArgument(threshold, DEFAULT_THRESHOLD, "порог");
  const minimum = isOmitted(minParticipants)
    ? DEFAULT_MIN_PARTICIPANTS
    : participantsArgument(minParticipants, "минимум участников");
  const count = isOmitted(participants)
    ? null
    : participantsArgument(participants, "число участников");
  const state = judgeResult(failing, count, limit, minimum);
  if (state === "small") throw notAvailable(`мало участников: ${count} < ${minimum}`);
  return state === "low";
}

/**
 * The index of social well-being of a school (ИСБШ) = 85 + 15·higher − 20·single − 65·registered, from 0 to 100. Give shares 0–1, or counts of students together with the total.
 * @customfunction ISBSH
 * @param bothHigher Students whose parents both have higher education: a share 0–1, or a count when total is given.
 * @param singleParent Students from single-parent families: a share 0–1, or a count when total is given.
 * @param registered Students on any register (in-school, juvenile commission, police): a share 0–1, or a count when total is given.
 * @param [total] Number of students of the school; when given, the first three arguments are counts.
 * @returns The index, 0–100.
 */
export function isbsh(
  bothHigher: number,
  singleParent: number,
  registered: number,
  total?: number
): number {
  return socialWellBeingIndex(socialSharesArguments(bothHigher, singleParent, registered, total));
}

/**
 * Whether a school is in unfavourable social conditions (ШНСУ): its ИСБШ is at or below the lower quartile (or quintile) of the schools' ИСБШ, computed as PERCENTILE.INC; ties are included.
 * @customfunction SHNSU
 * @param isbsh The school's ИСБШ, 0–100.
 * @param allIsbsh ИСБШ of all the municipality's schools (a range; empty cells are skipped). At least 4 schools for a quartile, 5 for a quintile.
 * @param [quantile] 0.25 for the lower quartile (default) or 0.2 for the lower quintile; 25 and 20 are read as percent.
 * @returns TRUE when the school is in the least advantaged group.
 */
export function shnsu(isbsh: number, allIsbsh: unknown[][], quantile?: number): boolean {
  const value = indexArgument(isbsh, "ИСБШ");
  const values = indexesOfRange(allIsbsh, "ИСБШ школ");
  const group = quantileArgument(quantile);
  return isAtOrBelow(
    value,
    thresholdOrNotAvailable(lowerQuantileThreshold(values, group), values.length, group)
  );
}

/**
 * The ИСБШ threshold of the least advantaged group (ШНСУ): the lower quartile or quintile of the schools' ИСБШ, as PERCENTILE.INC. Scale 0–100.
 * @customfunction SHNSU.THRESHOLD
 * @param allIsbsh ИСБШ of all the municipality's schools (a range; empty cells are skipped). At least 4 schools for a quartile, 5 for a quintile.
 * @param [quantile] 0.25 for the lower quartile (default) or 0.2 for the lower quintile; 25 and 20 are read as percent.
 * @returns The threshold: schools with ИСБШ at or below it are ШНСУ.
 */
export function shnsuThreshold(allIsbsh: unknown[][], quantile?: number): number {
  const values = indexesOfRange(allIsbsh, "ИСБШ школ");
  const group = quantileArgument(quantile);
  return thresholdOrNotAvailable(lowerQuantileThreshold(values, group), values.length, group);
}

/**
 * ШНОР status of every school of an export table (FIOKO criteria): a column that spills one status per row of the range — «ШНОР», «не ШНОР» or «недостаточно данных» on school rows, empty on header rows. Percentages in the table are points 0–100.
 * @customfunction SHNOR
 * @param table The whole export table with its header rows (or the headerless regional export).
 * @param [edition] Rule edition: 2020 (default; criterion 2 — any procedure in each of the two years) or 2025 (the same procedure).
 * @param [threshold] Low-result threshold in points 0–100; default 30.
 * @param [minParticipants] Results with fewer participants are set aside (only where the table has counts), and a status that depends on them is «insufficient data»; default 0 (every result counts).
 * @param [year] Reference school year, e.g. 2019 or "2018/2019"; default the latest year with results for at least half of the counted procedures.
 * @returns One status per row of the range.
 */
export function shnor(
  table: unknown[][],
  edition?: number | string,
  threshold?: number,
  minParticipants?: number,
  year?: number | string
): string[][] {
  const options = identificationOptionsArguments(edition, threshold, minParticipants, year);
  const result = engineValue(identifyLowResultSchools(exportTableArgument(table), options));
  return columnForRows(table.length, result.schools, (school) => STATUS_LABELS[school.status]);
}

/**
 * The reason behind each school's ШНОР status (years, procedures and percentages): a column that spills one text per row of the range, empty on header rows. Percentages are points 0–100.
 * @customfunction SHNOR.REASON
 * @param table The whole export table with its header rows (or the headerless regional export).
 * @param [edition] Rule edition: 2020 (default; criterion 2 — any procedure in each of the two years) or 2025 (the same procedure).
 * @param [threshold] Low-result threshold in points 0–100; default 30.
 * @param [minParticipants] Results with fewer participants are set aside (only where the table has counts), and a status that depends on them is «insufficient data»; default 0 (every result counts).
 * @param [year] Reference school year, e.g. 2019 or "2018/2019"; default the latest year with results for at least half of the counted procedures.
 * @returns One reason per row of the range.
 */
export function shnorReason(
  table: unknown[][],
  edition?: number | string,
  threshold?: number,
  minParticipants?: number,
  year?: number | string
): string[][] {
  const options = identificationOptionsArguments(edition, threshold, minParticipants, year);
  const result = engineValue(identifyLowResultSchools(exportTableArgument(table), options));
  return columnForRows(table.length, result.schools, (_, index) => result.reasonOf(index));
}

/**
 * The method behind SHNOR with these arguments, in words (edition, threshold, years, procedures counted), and how many cells of the table could not be read. Keep it next to the list.
 * @customfunction SHNOR.METHOD
 * @param table The whole export table with its header rows (or the headerless regional export).
 * @param [edition] Rule edition: 2020 (default) or 2025.
 * @param [threshold] Low-result threshold in points 0–100; default 30.
 * @param [minParticipants] Minimum number of participants; default 0 (every result counts).
 * @param [year] Reference school year; default the latest year with results for at least half of the counted procedures.
 * @returns The method as text.
 */
export function shnorMethod(
  table: unknown[][],
  edition?: number | string,
  threshold?: number,
  minParticipants?: number,
  year?: number | string
): string {
  const options = identificationOptionsArguments(edition, threshold, minParticipants, year);
  const exportTable = exportTableArgument(table);
  return methodWithWarnings(
    engineValue(identifyLowResultSchools(exportTable, options)),
    exportTable
  );
}

/**
 * Results against social context: for each school, its results index minus the value the least-squares line «results index ~ ИСБШ» of all the schools predicts for its ИСБШ. Negative: worse than its context predicts. Both scales 0–100.
 * @customfunction CONTEXT.RESIDUAL
 * @param results Results index of each school, 0–100: e.g. the mean of (100 − percent «2») over the counted procedures of the year. A range, one school per cell.
 * @param isbsh ИСБШ of each school, 0–100, in the same cells of a range of the same size. At least 5 schools with both values.
 * @returns One deviation per cell of the ranges, in index points; empty where a school lacks either value.
 */
export function contextResidual(results: unknown[][], isbsh: unknown[][]): unknown[][] {
  const { rows, columns, points } = contextRangesArguments(results, isbsh);
  return residualsInShape(
    rows,
    columns,
    lineOrNotAvailable(contextAdjustedResults(points, RANGE_SHEET_NAME))
  );
}
