import type { Warning } from "../types";
import type { ExportTable } from "../table/exportTable";
import { leastSquaresLine, type FittedLine } from "./leastSquaresLine";
import { formatIndex } from "../social/assessSocialWellBeing";
import { quotedSheetName } from "../table/cellAddress";

/**
 * Context-adjusted results (seed 001, the Krasnoyarsk method, DOMAIN §5): a results index per school is
 * regressed on its social index (ИСБШ); schools far below the line do worse than their context predicts.
 *
 * Results index: the mean over the counted procedures of the reference year of (100 − % «2»), the share
 * of participants who passed, 0–100. «Clearly below»: a residual more negative than `belowDeviations`
 * standard deviations of the residuals (default 1). The line needs at least `MINIMUM_SCHOOLS` schools.
 */
export const MINIMUM_SCHOOLS = 5;

export interface ContextPoint {
  login: string;
  name: string;
  isbsh: number;
  resultsIndex: number;
}

export interface SchoolContextResult extends ContextPoint {
  expected: number;
  residual: number;
  below: boolean;
  reason: string;
}

export interface ContextAdjustedResult {
  line: FittedLine | null;
  belowDeviations: number;
  /** Residual below which a school is «below expected»: −belowDeviations × residual deviation. */
  threshold: number | null;
  schools: SchoolContextResult[];
  warnings: Warning[];
  description: string;
}

/**
 * Mean (100 − % «2») over the counted procedures of one year, per school; NaN without any result.
 * Results of fewer than `minParticipants` participants are left out, as the ШНОР rule leaves them out.
 */
export function resultsIndex(table: ExportTable, yearEnd: number, minParticipants = 0): number[] {
  const groups = table.groups
    .map((group, index) => ({ group, index }))
    .filter(({ group }) => group.procedure.countedForLowResults && group.year.end === yearEnd);
  return table.schools.map((_, school) => {
    let sum = 0;
    let count = 0;
    for (const { index } of groups) {
      const failing = table.values[index].failing[school];
      const participants = table.values[index].participants[school];
      if (Number.isNaN(failing) || participants < minParticipants) continue;
      sum += 100 - failing;
      count++;
    }
    return count === 0 ? NaN : sum / count;
  });
}

/** `sourceSheet` is the export table's sheet, named in a warning when the line cannot be drawn. */
export function contextAdjustedResults(
  points: ContextPoint[],
  sourceSheet: string,
  belowDeviations = 1
): ContextAdjustedResult {
  const warnings: Warning[] = [];
  const line =
    points.length >= MINIMUM_SCHOOLS
      ? leastSquaresLine(
          points.map((point) => point.isbsh),
          points.map((point) => point.resultsIndex)
        )
      : null;
  if (line === null) {
    warnings.push({
      cell: quotedSheetName(sourceSheet),
      message: `для линии «результаты ~ ИСБШ» нужно не меньше ${MINIMUM_SCHOOLS} школ с ИСБШ и результатами и разные значения ИСБШ; таких школ: ${points.length}`,
    });
  }
  const threshold = line ? -belowDeviations * line.residualDeviation : null;
  const schools = points.map((point): SchoolContextResult => {
    if (!line)
      return {
        ...point,
        expected: NaN,
        residual: NaN,
        below: false,
        reason: "линия не построена: мало школ",
      };
    const expected = line.intercept + line.slope * point.isbsh;
    const residual = point.resultsIndex - expected;
    const below = residual < threshold! - 1e-9;
    const reason = below
      ? `результаты ниже ожидаемых при данном социальном контексте: индекс ${formatIndex(point.resultsIndex)} при ожидаемом ${formatIndex(expected)} (отклонение ${formatIndex(residual)}, порог ${formatIndex(threshold!)})`
      : `в пределах ожидаемого: индекс ${formatIndex(point.resultsIndex)} при ожидаемом ${formatIndex(expected)} (отклонение ${formatIndex(residual)})`;
    return { ...point, expected, residual, below, reason };
  });
  return {
    line,
    belowDeviations,
    threshold,
    schools,
    warnings,
    description: describeContextMethod(line, belowDeviations),
  };
}

export function describeContextMethod(line: FittedLine | null, belowDeviations: number): string {
  const fitted = line
    ? ` Линия: индекс = ${formatIndex(line.intercept)} + ${line.slope.toFixed(3).replace(".", ",")} × ИСБШ (школ: ${line.n}; стандартное отклонение остатков ${formatIndex(line.residualDeviation)}).`
    : "";
  return (
    "Результаты с учётом контекста (красноярская методика): индекс результатов — среднее по учитываемым процедурам отчётного года значение (100 − % «2»), без результатов с малым числом участников; " +
    "ожидаемое значение — линия наименьших квадратов индекса по ИСБШ; остаток = индекс − ожидаемое. " +
    `«Ниже ожидаемых» — остаток меньше −${formatIndex(belowDeviations)} стандартного отклонения остатков.` +
    fitted
  );
}
