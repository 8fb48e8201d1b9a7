import type { Warning } from "../types";
import { leastSquaresLine, type FittedLine } from "./leastSquaresLine";
import { quotedSheetName } from "../table/cellAddress";
import type { ResultsIndex } from "./resultsIndex";
import { formatPercent, plural } from "../russianText";

/**
 * Context-adjusted results (docs/method.md §5): a results index per school (`resultsIndex`) is regressed
 * on its social index (ИСБШ); schools far below the line do worse than their context predicts. Seed 001
 * describes the regional method this follows in spirit only — its indicators are built from ВПР, ОГЭ,
 * ЕГЭ and КДР over several years and from the region's social data — so the sheet never calls this by
 * that method's name and says what it computes instead.
 *
 * «Clearly below»: a residual more negative than `belowDeviations` standard deviations of the
 * residuals (default 1). The line needs at least `MINIMUM_SCHOOLS` schools.
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
 * The range of an index given without the engine's description: EDU.КОНТЕКСТ.ОТКЛОНЕНИЕ takes an
 * index on the 0–100 scale and checks it.
 */
const GIVEN_INDEX_RANGE = { low: 0, high: 100 };

/**
 * `sourceSheet` is the export table's sheet, named in a warning when the line cannot be drawn;
 * `index`, when the points' indexes are the engine's, is described on the sheet.
 */
export function contextAdjustedResults(
  points: ContextPoint[],
  sourceSheet: string,
  belowDeviations = 1,
  index?: ResultsIndex
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
      message: `для линии «результаты ~ ИСБШ» нужно не меньше ${MINIMUM_SCHOOLS} школ с ИСБШ и результатами и разные значения ИСБШ; ${
        points.length === 0
          ? "таких школ нет"
          : `есть ${plural(points.length, "такая школа", "такие школы", "таких школ")}`
      }`,
    });
  }
  const threshold = line ? -belowDeviations * line.residualDeviation : null;
  // A straight line runs on past what the index can be (above 100 on a 0–100 scale): the expected
  // value stops where the index does.
  const range = index?.range ?? GIVEN_INDEX_RANGE;
  const schools = points.map((point): SchoolContextResult => {
    if (!line)
      return {
        ...point,
        expected: NaN,
        residual: NaN,
        below: false,
        reason: "Линия не построена: мало школ",
      };
    const onLine = line.intercept + line.slope * point.isbsh;
    const expected = Math.min(range.high, Math.max(range.low, onLine));
    const residual = point.resultsIndex - expected;
    const below = residual < threshold! - 1e-9;
    const figures = `индекс ${formatScore(point.resultsIndex)} при ожидаемом ${formatScore(expected)} (отклонение ${formatScore(residual)}`;
    const reason = below
      ? `Результаты ниже ожидаемых при данном социальном контексте: ${figures}, порог ${formatScore(threshold!)})`
      : `В пределах ожидаемого: ${figures})`;
    return { ...point, expected, residual, below, reason };
  });
  return {
    line,
    belowDeviations,
    threshold,
    schools,
    warnings,
    description: describeContextMethod(line, belowDeviations, range, index),
  };
}

/** `0,25`, `−1,40`: two decimals (a standard score moves in tenths), the Russian comma and minus sign. */
function formatScore(value: number): string {
  const text = value.toFixed(2).replace(".", ",");
  return /^-0,00$/.test(text) ? "0,00" : text.replace("-", "\u2212");
}

/** `−1,23 + 0,015 × ИСБШ`: the line with its signs as a reader writes them. */
function lineFormula(line: FittedLine): string {
  const slope = line.slope.toFixed(3).replace(".", ",").replace("-", "");
  return `${formatScore(line.intercept)} ${line.slope < 0 ? "\u2212" : "+"} ${slope} × ИСБШ`;
}

/** What the engine's index is, in the sheet's words: which procedures, which year, what was left out. */
function describeIndex(index: ResultsIndex): string {
  const procedures = index.standardised.map((item) => item.procedure.label).join(", ");
  const small =
    index.minParticipants > 0
      ? ` Результаты групп меньше ${index.minParticipants} участников не учитываются.`
      : "";
  const leftOut =
    index.leftOut.length > 0
      ? ` Не вошли (у всех школ одно значение или оно только у одной школы): ${index.leftOut.map((item) => item.label).join(", ")}.`
      : "";
  return (
    `Индекс результатов школы: по каждой учитываемой процедуре ${index.year.label} года (${procedures || "нет"}) доля низких результатов школы ` +
    "(% «2»; для ОГЭ и ЕГЭ —\u00a0% не преодолевших минимальный порог) сравнивается с другими школами таблицы: " +
    "(среднее по школам − значение школы) / стандартное отклонение по школам, так что 0 — средний уровень, 1 — на одно стандартное отклонение лучше. " +
    "Индекс — среднее этих оценок по процедурам, которые у школы есть: процедура, которой у школы нет (у ООШ нет ЕГЭ), индекс не поднимает и не опускает." +
    small +
    leftOut
  );
}

export function describeContextMethod(
  line: FittedLine | null,
  belowDeviations: number,
  range: { low: number; high: number },
  index?: ResultsIndex
): string {
  const fitted = line
    ? ` Прямая: индекс = ${lineFormula(line)} (по ${plural(line.n, "школе", "школам", "школам")}; стандартное отклонение остатков ${formatScore(line.residualDeviation)}).`
    : "";
  const bounds = index
    ? `от ${formatScore(range.low)} (все результаты низкие) до ${formatScore(range.high)} (ни одного низкого)`
    : `от ${formatPercent(range.low)} до ${formatPercent(range.high)}`;
  return (
    "Результаты с учётом социального контекста — расчёт по данным книги. Это не региональная методика из программы Назаровского района: " +
    "там показатель результатов строится по ВПР, ОГЭ, ЕГЭ и КДР за несколько лет, а социальный — по данным края. " +
    (index ? `${describeIndex(index)} ` : "") +
    `Ожидаемый индекс — прямая наименьших квадратов индекса по ИСБШ в пределах значений, которые индекс может принять: ${bounds}. ` +
    "Отклонение = индекс − ожидаемый. " +
    `«Ниже ожидаемых» — отклонение меньше порога: \u2212${formatPercent(belowDeviations)} × стандартное отклонение остатков.` +
    fitted
  );
}
