import {
  DENOMINATOR_NAMES,
  QUANTILE_NAMES,
  formatIsbsh,
  groupNotFormed,
  plural,
  RISK_FACTORS,
  type IdentificationResult,
  type IndicatorSummary,
  type ShareIndicator,
  type WorkbookAnalysis,
} from "../engine";
import type { OutputWorkbookReport } from "../xlsx";
import { monitoringLines } from "./monitoringLines";
import { reconciliationLines } from "./reconciliationLines";

/** How many flagged schools and warnings the terminal shows; the full lists are in the result workbook. */
const SHOWN_SCHOOLS = 10;
const SHOWN_WARNINGS = 3;
/** Names listed on one line (ШНСУ, below expected) before «… и ещё N». */
const SHOWN_NAMES = 5;

export interface SummaryInput {
  inputPath: string;
  analysis: WorkbookAnalysis;
  written: OutputWorkbookReport | null;
}

/** The short Russian report printed without `--json`. */
export function humanSummary(input: SummaryInput): string {
  const { analysis } = input;
  return [
    "Школьный радар — выявление школ с низкими образовательными результатами (ШНОР)",
    `Файл: ${input.inputPath}`,
    ...identificationLines(analysis),
    ...socialLines(analysis),
    ...riskLines(analysis),
    ...contextLines(analysis),
    ...reconciliationLines(analysis),
    ...monitoringLines(analysis),
    ...summaryLines(analysis.summary),
    ...warningLines(analysis),
    ...writtenLines(input.written),
  ].join("\n");
}

function identificationLines({ table, identification }: WorkbookAnalysis): string[] {
  if (table === null || identification === null) {
    return ["Таблица результатов оценочных процедур не найдена — ШНОР не определялись."];
  }
  return [
    `Лист «${table.sheetName}»: ${plural(table.schools.length, "школа", "школы", "школ")}; годы: ${table.years.map((year) => year.label).join(", ")}`,
    methodLine(identification),
    countsLine(identification),
    ...flaggedLines(identification),
  ];
}

function methodLine({ method }: IdentificationResult): string {
  const years = `отчётный год ${method.referenceYear}, предыдущий ${method.previousYear ?? "— нет в таблице"} (${method.years})`;
  const small = !method.participantCountsUsed
    ? "числа участников в таблице нет — малые группы не отмечены"
    : method.minParticipants > 0
      ? `минимум участников ${method.minParticipants}`
      : "учитываются все результаты, малые группы отмечены";
  return `Метод: ФИОКО, редакция ${method.edition}; низкий результат — не менее ${decimal(method.threshold)}\u00a0% «2»; ${years}; ${small}`;
}

function countsLine({ statuses, counts }: IdentificationResult): string {
  const share =
    statuses.length === 0 ? "0" : decimal(Math.round((counts.shnor / statuses.length) * 1000) / 10);
  return (
    // Of the table's schools: the summary line gives the share of the municipality's when known.
    `Итог: ШНОР — ${counts.shnor} (${share}\u00a0% школ таблицы), не ШНОР — ${counts.not_shnor}, ` +
    `недостаточно данных — ${counts.insufficient_data}`
  );
}

function flaggedLines(identification: IdentificationResult): string[] {
  const { schools, statuses } = identification;
  // Places in the table, which the reason is asked for by.
  const flagged = statuses.flatMap((status, index) => (status === "shnor" ? [index] : []));
  if (flagged.length === 0) return ["Школ с низкими результатами по выбранному методу нет."];
  const shown = flagged.slice(0, SHOWN_SCHOOLS).map((index) => {
    const { name, login } = schools[index];
    return `  ${name} (${login}): ${identification.reasonOf(index)}`;
  });
  const more =
    flagged.length > SHOWN_SCHOOLS
      ? [`  … и ещё ${flagged.length - SHOWN_SCHOOLS} (полный список — на листе «ШНОР», см. --out)`]
      : [];
  return ["Школы с низкими результатами:", ...shown, ...more];
}

function socialLines({ social, sheets }: WorkbookAnalysis): string[] {
  if (social === null) return [];
  const sheet = sheets.find((candidate) => candidate.kind === "social-passport");
  const computed = social.schools.filter((school) => school.isbsh !== null);
  const group = social.schools.filter((school) => school.shnsu);
  const quantile = QUANTILE_NAMES[social.quantile];
  return [
    `ИСБШ: лист «${sheet?.sheetName ?? "?"}» — индекс рассчитан для ${computed.length} из ${plural(social.schools.length, "школы", "школ", "школ")}`,
    social.threshold === null
      ? `ШНСУ (${quantile}): группа ${groupNotFormed(social.quantile)}`
      : // The threshold with the decimals the reasons use, so that it reads against them.
        `ШНСУ (${quantile}, ИСБШ ≤ ${formatIsbsh(social.threshold, social.indexDecimals)}): ${group.length}${names(group.map((school) => school.name))}`,
    ...(social.groupSizeWarning === null ? [] : [`  Внимание: ${social.groupSizeWarning}.`]),
  ];
}

function riskLines({ risk, identification }: WorkbookAnalysis): string[] {
  if (risk === null) return [];
  const withFactors = risk.schools.filter((school) => school.factors.length > 0).length;
  const group = risk.schools.filter((school) => school.riskGroup);
  const frequent = risk.byFactor
    .filter((item) => item.schools.length > 0)
    .sort((a, b) => b.schools.length - a.schools.length || a.factor.number - b.factor.number)
    .slice(0, 3)
    .map((item) => `Ф${item.factor.number} ${item.factor.name} — ${item.schools.length}`);
  const groupRule =
    identification === null
      ? "факторы риска есть; ШНОР не определялись"
      : "факторы риска есть, не ШНОР";
  return [
    `Факторы риска: школ с факторами — ${withFactors} из ${risk.schools.length} (факторов в анкете: ${RISK_FACTORS.length})` +
      (frequent.length > 0 ? `; чаще всего: ${frequent.join("; ")}` : ""),
    `ШГР (${groupRule}): ${group.length}${names(group.map((school) => school.name))}`,
  ];
}

function contextLines({ context }: WorkbookAnalysis): string[] {
  if (context === null) return [];
  if (context.line === null) {
    return [
      "Результаты с учётом контекста: линия «результаты ~ ИСБШ» не построена (мало школ с обоими данными).",
    ];
  }
  const below = context.schools.filter((school) => school.below);
  return [
    `Результаты с учётом контекста (по ${plural(context.line.n, "школе", "школам", "школам")}): ниже ожидаемых при данном социальном контексте — ` +
      `${below.length}${names(below.map((school) => school.name))}`,
  ];
}

function summaryLines(summary: IndicatorSummary): string[] {
  const parts: string[] = [];
  if (summary.shnor?.share != null)
    parts.push(shareText("доля ШНОР", summary.shnor, `; цель ≤ ${summary.shnor.target}\u00a0%`));
  if (summary.shnsu?.share != null) parts.push(shareText("доля ШНСУ", summary.shnsu));
  else if (summary.shnsu?.undetermined) parts.push(`доля ШНСУ ${summary.shnsu.undetermined}`);
  if (summary.riskGroup?.share != null) parts.push(shareText("доля ШГР", summary.riskGroup));
  const total = summary.belowMinimumTotal;
  if (total) {
    // One share over the exams against the target, each exam's beneath it without one (docs/method.md §6).
    const exams = summary.belowMinimum
      .filter((item) => item.value !== null)
      .map((item) => `${item.procedure.label} ${percent(item.value!)}`);
    parts.push(
      `не преодолели минимальный порог на ОГЭ и ЕГЭ по русскому языку и математике ${percent(total.value)}` +
        `${total.weighted ? "" : " (невзвешенное среднее долей школ: нет числа участников)"}; цель ≤ ${total.target}\u00a0%` +
        (exams.length > 1 ? ` (в том числе ${exams.join(", ")})` : "")
    );
  }
  const category = summary.staffing.find((item) => item.target !== null && item.share !== null);
  if (category)
    parts.push(
      `${category.label.toLocaleLowerCase("ru")} ${percent(category.share!)} (цель ≥ ${category.target}\u00a0%)`
    );
  if (summary.riskZones.length > 0)
    parts.push(
      `зон риска (доля низких результатов намного выше среднего): ${summary.riskZones.length}` +
        (summary.smallGroupOutliers.length > 0
          ? `; ещё ${summary.smallGroupOutliers.length} — малые группы, не зоны риска`
          : "")
    );
  return parts.length === 0 ? [] : [`Сводка: ${parts.join("; ")}`];
}

/** `доля ШНОР 40 % (2 из 5 — от школ таблицы результатов; цель ≤ 15 %)`: every share names its schools. */
function shareText(label: string, indicator: ShareIndicator, goal = ""): string {
  const { count, of, denominator } = indicator;
  return `${label} ${percent(indicator.share!)} (${count} из ${of} — ${DENOMINATOR_NAMES[denominator]}${goal})`;
}

function warningLines({ warnings }: WorkbookAnalysis): string[] {
  if (warnings.length === 0) return ["Предупреждений нет."];
  const shown = warnings
    .slice(0, SHOWN_WARNINGS)
    .map((warning) => `  ${warning.cell}: ${warning.message}`);
  const more =
    warnings.length > SHOWN_WARNINGS
      ? ["  … полный список — на листе «Предупреждения» (--out) или в --json"]
      : [];
  // Not every warning is a value left out: some say how a table was read (its years, its blocks).
  const count = plural(warnings.length, "предупреждение", "предупреждения", "предупреждений");
  return [`${count} — что не прочитано и что принято при чтении:`, ...shown, ...more];
}

function writtenLines(written: OutputWorkbookReport | null): string[] {
  if (written === null) return ["Книга с результатом не записана (укажите --out <файл.xlsx>)."];
  const sheets = written.sheets.map((sheet) => `«${sheet.name}»`).join(", ");
  const renamed = written.sheets
    .filter((sheet) => sheet.name !== sheet.requestedName)
    .map(
      (sheet) =>
        `Лист «${sheet.requestedName}» в книге уже есть и не наш — результат записан на лист «${sheet.name}».`
    );
  const kept = written.keptSheets.map(
    (sheet) =>
      `Лист «${sheet.name}» уже есть в книге — оставлен как есть (его значения использованы).`
  );
  const sheetsWord = written.sheets.length === 1 ? "лист" : "листы";
  return [
    `Результат записан: ${written.outputPath} (${sheetsWord} ${sheets})`,
    ...renamed,
    ...kept,
  ];
}

/** `: А, Б, В … и ещё 3`, or nothing for an empty list. */
function names(list: string[]): string {
  if (list.length === 0) return "";
  const more = list.length > SHOWN_NAMES ? ` … и ещё ${list.length - SHOWN_NAMES}` : "";
  return `: ${list.slice(0, SHOWN_NAMES).join(", ")}${more}`;
}

function percent(value: number): string {
  return `${decimal(Math.round(value * 10) / 10)}\u00a0%`;
}

/** `20.5` → `20,5`: Russian decimal comma. */
function decimal(value: number): string {
  return String(value).replace(".", ",");
}
