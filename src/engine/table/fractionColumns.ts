import type { CellValue, Warning } from "../types";
import type { ColumnGroup } from "./exportTable";
import type { Metric } from "./headerText";
import { columnLetters, quotedSheetName } from "./cellAddress";
import { formatPercent } from "../russianText";

/**
 * Shares typed as fractions (0.4 for 40 %) without a percent format read as 0.4 % — a silent zero
 * ШНОР. A percent column whose numbers all lie in 0–1 with some strictly between is read as
 * fractions ×100; one of only 0 and 1 cannot be told apart: in a table with columns of points it is
 * points, in one of fractions it is fractions, and alone it is points — with a warning but in the first case
 * (docs/method.md §1). A cell in a percent format, or text with
 * «%», says what it means and is left as read, and so is its column.
 */
export interface PercentStats {
  group: ColumnGroup;
  metric: Metric;
  values: Float64Array;
  /** Zero-based sheet column. */
  column: number;
  fractional: number;
  ones: number;
  large: number;
  /** A cell of the column carried a percent format or a «%» of its own. */
  formatted: boolean;
  /** Zero-based sheet rows of the column's first and last school, for the warning's range. */
  rows?: [number, number];
}

export function newPercentStats(
  group: ColumnGroup,
  metric: Metric,
  values: Float64Array,
  column: number
): PercentStats {
  return { group, metric, values, column, fractional: 0, ones: 0, large: 0, formatted: false };
}

/** A plain positive number read into a percent column. */
export function countPercent(stats: PercentStats, value: number): void {
  if (value > 1) stats.large++;
  else if (value === 1) stats.ones++;
  else stats.fractional++;
}

/**
 * `countPercent` for every plain positive percentage (above 0, up to 100) of a column as first filled
 * with the cells' plain numbers: one loop over the column, not a call per cell from the reader.
 */
export function countPercents(stats: PercentStats, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value > 0 && value <= 100) countPercent(stats, value);
  }
}

/** A value that went through the full reader: a percent format or a «%» decides the column. */
export function notePercent(
  stats: PercentStats,
  value: CellValue,
  format: string | null | undefined,
  reading: number
): void {
  if (
    (format != null && format.includes("%")) ||
    (typeof value === "string" && value.includes("%"))
  )
    stats.formatted = true;
  else if (reading > 0) countPercent(stats, reading);
}

const METRIC_LABELS: Partial<Record<Metric, string>> = {
  failing: "% «2»",
  high: "% высоких результатов",
};

/** Scales the columns read as fractions and says so, one warning per column. */
export function fractionColumnWarnings(sheetName: string, all: PercentStats[]): Warning[] {
  const columns = all.filter((stats) => stats.rows !== undefined);
  const plain = columns.filter((stats) => !stats.formatted && stats.large === 0);
  const fractions = plain.filter((stats) => stats.fractional > 0);
  // A column of only 0 and 1 beside columns of points (40, 12) is points, as they are: no question.
  const hasPoints = columns.some((stats) => stats.large > 0);
  const ambiguous = hasPoints
    ? []
    : plain.filter((stats) => stats.fractional === 0 && stats.ones > 0);
  const blockIsFractions = fractions.length > 0;
  const warnings: Warning[] = [];
  const range = (stats: PercentStats): string => {
    const letters = columnLetters(stats.column);
    const [first, last] = stats.rows!;
    return `${quotedSheetName(sheetName)}!${letters}${first + 1}:${letters}${last + 1}`;
  };
  const label = (stats: PercentStats): string =>
    `${stats.group.procedure.label} ${stats.group.year.label}, ${METRIC_LABELS[stats.metric] ?? stats.metric}`;
  for (const stats of fractions) {
    const example = firstBetween(stats.values);
    scale(stats.values);
    warnings.push({
      cell: range(stats),
      message:
        `${label(stats)}: все значения столбца от 0 до 1 (например, ${formatFraction(example)}) — прочитаны как доли: ` +
        `${formatFraction(example)} = ${formatPercent(example * 100)}\u00a0%. Если это проценты меньше 1\u00a0%, впишите их со знаком «%» (${formatFraction(example)}%)`,
    });
  }
  for (const stats of ambiguous) {
    if (blockIsFractions) scale(stats.values);
    warnings.push({
      cell: range(stats),
      message:
        `${label(stats)}: в столбце только 0 и 1 — это могут быть доли (1 = 100\u00a0%) или проценты (1\u00a0%); ` +
        (blockIsFractions
          ? `прочитаны как доли, как другие столбцы этой таблицы. Если это проценты, впишите их со знаком «%» (1%)`
          : `прочитаны как проценты (1 = 1\u00a0%). Если это доли, задайте ячейкам процентный формат (1 = 100\u00a0%)`),
    });
  }
  return warnings;
}

function scale(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) values[i] = Math.round(values[i] * 100 * 1e6) / 1e6;
}

function firstBetween(values: Float64Array): number {
  for (const value of values) if (value > 0 && value < 1) return value;
  return NaN;
}

function formatFraction(value: number): string {
  return String(value).replace(".", ",");
}
