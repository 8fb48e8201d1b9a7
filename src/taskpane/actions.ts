import {
  analyzeWorkbook,
  CONTEXT_MARKER,
  DENOMINATOR_NAMES,
  DYNAMICS_MARKER,
  formatIsbsh,
  isEngineError,
  lowShareName,
  OUTPUT_MARKERS,
  parseIdentificationOptions,
  plural,
  readExportTable,
  RISK_FACTORS,
  RISK_LIST_MARKER,
  RISK_MATRIX_MARKER,
  RISK_THRESHOLDS_MARKER,
  SOCIAL_MARKER,
  STATUS_LABELS,
  statusColumn,
  SUMMARY_MARKER,
  TEMPLATE_KINDS,
  TEMPLATE_NAMES,
  templateLayout,
  WARNINGS_MARKER,
  type EngineError,
  type RowTone,
  type SheetLayout,
  type StatusColumn,
  type TemplateKind,
  type Warning,
  type WorkbookAnalysis,
} from "../engine";
import type { WorkbookData } from "../host/workbookHost";
import { programmeViewRows } from "./programmeView";
import { schoolsTotalOf, tableYearsOf, targetsOf, type PaneSettings } from "./settings";

/**
 * What the pane's actions do (the list of buttons is actionList.ts): take the workbook's sheets as
 * read, call the engine, and return the sheets to write and what to show. Every action goes through
 * the engine's `analyzeWorkbook`, the pipeline the command line uses, so the pane and the command line
 * write the same results. The task pane loads this module (and the engine's analyses and layouts with
 * it) when the first action runs, which keeps its first load small.
 */
export type ActionRun = (
  data: WorkbookData,
  settings: PaneSettings,
  choice?: string
) => ActionOutcome | EngineError;

export interface ActionOutcome {
  layouts: SheetLayout[];
  view: ResultView;
  /** The statuses to write beside the source table («Выявить ШНОР» only). */
  statusColumn?: StatusColumn | null;
}

/** The results view: what the heading says, counts by status, the rows with their reasons, the warnings. */
export interface ResultView {
  /** The result in a line, above the list (messages.ts words it): not the button that was pressed. */
  headline: Headline;
  /** Russian description of the method used (printed on the sheets too). */
  method: string;
  statuses: StatusCount[];
  rows: ResultRow[];
  warnings: Warning[];
}

/**
 * The heading of a result: how many schools of how many are in the group (`ШНОР: 9 из 46 школ`), how
 * many indicators are off target, or the template made.
 */
export type Headline =
  | {
      kind: "schools";
      /** «В группах поддержки»: the profile's ШНОР, ШНСУ and ШГР together (monitoringActions.ts). */
      group: "ШНОР" | "ШНСУ" | "ШГР" | "В группах поддержки" | "Совпадают со списком";
      count: number;
      of: number;
    }
  | { kind: "indicators"; offTarget: number; of: number }
  | { kind: "template"; name: string };

export interface StatusCount {
  status: string;
  label: string;
  tone: Exclude<RowTone, null>;
  count: number;
}

export interface ResultRow {
  key: string;
  title: string;
  detail: string;
  status: string;
  tone: Exclude<RowTone, null>;
  reason: string;
}

type Tone = Exclude<RowTone, null>;

/** The engine's analysis of every sheet the user made, with the pane's parameters. */
export function analyse(
  data: WorkbookData,
  settings: PaneSettings
): WorkbookAnalysis | EngineError {
  const identification = parseIdentificationOptions({
    edition: settings.edition,
    threshold: settings.threshold,
    minParticipants: settings.minParticipants,
    year: settings.referenceYear === "" ? undefined : settings.referenceYear,
  });
  if (isEngineError(identification)) return identification;
  const schoolsTotal = schoolsTotalOf(settings);
  if (isEngineError(schoolsTotal)) return schoolsTotal;
  const targets = targetsOf(settings);
  if (isEngineError(targets)) return targets;
  const tableYears = tableYearsOf(settings);
  if (isEngineError(tableYears)) return tableYears;
  // The official list the user chose is read as that only (docs/method.md §9).
  const inputs = data.sheets.flatMap((sheet) =>
    sheet.grid === null
      ? []
      : [
          {
            grid: sheet.grid,
            own: sheet.outputMark !== null,
            official: sheet.outputMark === null && sheet.name === settings.officialSheet,
          },
        ]
  );
  // The chosen sheet is the results table when it is one; otherwise the engine takes the best.
  const source = data.sheets.find((sheet) => sheet.name === settings.sourceSheet);
  const sourceIsTable = source?.grid != null && !isEngineError(readExportTable(source.grid));
  return analyzeWorkbook(inputs, {
    identification,
    quantile: settings.quantile === "0.2" ? 0.2 : 0.25,
    exportSheet: sourceIsTable ? source!.name : null,
    schoolsTotal,
    targets,
    tableYears,
  });
}

/** The layouts of an analysis with these markers, and the warnings sheet. */
export function pick(analysis: WorkbookAnalysis, markers: string[]): SheetLayout[] {
  const wanted = new Set([...markers, WARNINGS_MARKER]);
  return analysis.layouts.filter((layout) => wanted.has(layout.marker));
}

export function missing(message: string): EngineError {
  return { kind: "error", code: "no_data", message };
}

export function counted(rows: ResultRow[], labels: [string, string, Tone][]): StatusCount[] {
  return labels.map(([status, label, tone]) => ({
    status,
    label,
    tone,
    count: rows.filter((row) => row.status === status).length,
  }));
}

const STATUS_TONES = { shnor: "alert", not_shnor: "ok", insufficient_data: "unknown" } as const;

export const identifyAction: ActionRun = function identifyRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const { identification, table } = analysis;
  if (identification === null || table === null) return missing("в книге нет таблицы результатов");
  const rows = identification.schools.map((school, index) => ({
    key: `${school.row}:${school.login}`,
    title: school.name,
    detail: [school.login, school.municipality].filter((part) => part !== "").join(" · "),
    status: school.status,
    tone: STATUS_TONES[school.status],
    reason: identification.reasonOf(index),
  }));
  return {
    layouts: pick(analysis, [OUTPUT_MARKERS.shnor, OUTPUT_MARKERS.method]),
    statusColumn: statusColumn(table, identification),
    view: {
      headline: {
        kind: "schools",
        group: "ШНОР",
        count: identification.counts.shnor,
        of: rows.length,
      },
      method: identification.method.description,
      statuses: counted(
        rows,
        (["shnor", "not_shnor", "insufficient_data"] as const).map((status) => [
          status,
          STATUS_LABELS[status],
          STATUS_TONES[status],
        ])
      ),
      rows,
      warnings: analysis.warnings,
    },
  };
};

export const socialAction: ActionRun = function socialRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const { social } = analysis;
  if (social === null) return missing("в книге нет социального паспорта школ");
  const { schools } = social;
  // Places, not schools: the reason is asked for by the school's place in `schools`.
  const rows = schools
    .map((_, index) => index)
    .sort((a, b) => (schools[a].isbsh ?? Infinity) - (schools[b].isbsh ?? Infinity))
    .map((index) => {
      const school = schools[index];
      return {
        key: `${school.row}:${school.login}`,
        title: school.name,
        detail: [
          school.login,
          // The decimals of the reason beside it, which compares the index with the threshold.
          school.isbsh === null ? null : `ИСБШ ${formatIsbsh(school.isbsh, social.indexDecimals)}`,
          school.rank === null ? null : `место ${school.rank}`,
        ]
          .filter((part) => part !== null)
          .join(" · "),
        status: school.isbsh === null ? "no_index" : school.shnsu ? "shnsu" : "not_shnsu",
        tone: (school.isbsh === null ? "unknown" : school.shnsu ? "alert" : "ok") as Tone,
        reason: social.reasonOf(index),
      };
    });
  return {
    // With a results table beside the passport, the context-adjusted results come along.
    layouts: pick(analysis, [SOCIAL_MARKER, CONTEXT_MARKER]),
    view: {
      headline: {
        kind: "schools",
        group: "ШНСУ",
        count: rows.filter((row) => row.status === "shnsu").length,
        of: rows.length,
      },
      method: social.description,
      statuses: counted(rows, [
        ["shnsu", "ШНСУ", "alert"],
        ["not_shnsu", "не ШНСУ", "ok"],
        ["no_index", "нет индекса", "unknown"],
      ]),
      rows,
      warnings: analysis.warnings,
    },
  };
};

export const riskAction: ActionRun = function riskRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const { risk } = analysis;
  if (risk === null) return missing("в книге нет анкеты факторов риска");
  const rows = risk.schools.map((school, index) => ({
    key: `${school.row}:${school.login}`,
    title: school.name,
    detail: [school.login, ...school.factors.map((factor) => `Ф${factor}`)].join(" · "),
    status: school.riskGroup ? "risk_group" : school.factors.length > 0 ? "factors" : "none",
    tone: (school.riskGroup ? "alert" : school.factors.length > 0 ? "unknown" : "ok") as Tone,
    reason: risk.reasonOf(index),
  }));
  return {
    layouts: pick(analysis, [RISK_MATRIX_MARKER, RISK_LIST_MARKER, RISK_THRESHOLDS_MARKER]),
    view: {
      headline: { kind: "schools", group: "ШГР", count: risk.counts.riskGroup, of: rows.length },
      method: `Факторы риска (профиль «500+»): ${plural(RISK_FACTORS.length, "фактор", "фактора", "факторов")}; пороги параметров — на листе «Пороги факторов риска». ${
        risk.lowResultsKnown
          ? "ШГР — школы с факторами риска, не входящие в ШНОР."
          : "Статусы ШНОР неизвестны (нет таблицы результатов): в ШГР все школы с факторами риска."
      }`,
      statuses: counted(rows, [
        ["risk_group", "ШГР", "alert"],
        ["factors", "факторы у ШНОР", "unknown"],
        ["none", "факторов нет", "ok"],
      ]),
      rows,
      warnings: analysis.warnings,
    },
  };
};

export const summaryAction: ActionRun = function summaryRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const { summary } = analysis;
  const rows: ResultRow[] = [];
  const add = (key: string, title: string, reason: string, tone: Tone, detail = "") =>
    rows.push({ key, title, detail, reason, tone, status: tone });
  if (summary.shnor) {
    const { share, count, of, target, denominator } = summary.shnor;
    add(
      "shnor",
      "Доля ШНОР",
      `${percent(share)} (${count} из ${of} — ${DENOMINATOR_NAMES[denominator]}); цель — не более ${target}\u00a0%`,
      share !== null && share > target ? "alert" : "ok"
    );
  }
  if (summary.shnsu) {
    const { share, count, of, denominator, undetermined } = summary.shnsu;
    add(
      "shnsu",
      "Доля ШНСУ",
      undetermined ?? `${percent(share)} (${count} из ${of} — ${DENOMINATOR_NAMES[denominator]})`,
      "unknown"
    );
  }
  if (summary.riskGroup) {
    const { share, count, of, denominator } = summary.riskGroup;
    add(
      "risk",
      "Доля ШГР",
      `${percent(share)} (${count} из ${of} — ${DENOMINATOR_NAMES[denominator]})`,
      "unknown"
    );
  }
  const total = summary.belowMinimumTotal;
  if (total)
    add(
      "below",
      `Ниже минимального порога: ОГЭ и ЕГЭ, русский язык и математика, ${total.year.label}`,
      `${percent(total.value)}${total.weighted ? "" : " (невзвешенное среднее долей школ: нет числа участников)"}; цель — не более ${total.target}\u00a0%`,
      total.value > total.target ? "alert" : "ok"
    );
  // Each exam's share has no target of its own: the target is the one share's above.
  summary.belowMinimum.forEach((item, index) =>
    add(
      `below:${index}`,
      `В том числе ${item.procedure.label} ${item.year.label}`,
      percent(item.value),
      "unknown"
    )
  );
  summary.dynamics.forEach((item, index) => {
    const last = item.arrows[item.arrows.length - 1];
    // A procedure the ШНОР method does not count has no target: its rise is noted, never «вне цели».
    const rising = item.procedure.countedForLowResults ? "alert" : "unknown";
    add(
      `dynamics:${index}`,
      `Динамика, ${lowShareName(item.procedure)}: ${item.procedure.label}`,
      item.values
        .map((value) => `${value.year.label}: ${percent(value.value)}`)
        .join(` ${item.arrows.length > 0 ? "→" : ""} `),
      last === "↑" ? rising : last === "↓" ? "ok" : "unknown",
      item.arrows.join(" ")
    );
  });
  rows.push(...programmeViewRows(summary));
  summary.riskZones.forEach((zone, index) =>
    add(
      `zone:${index}`,
      `Зона риска: ${zone.name}`,
      `${zone.procedure.label}: ${percent(zone.value)} при среднем ${percent(zone.mean)}`,
      "alert",
      zone.login
    )
  );
  summary.staffing.forEach((item, index) =>
    add(
      `staff:${index}`,
      item.label,
      item.target === null
        ? percent(item.share)
        : `${percent(item.share)}; ориентир — ${item.target}\u00a0%`,
      item.target !== null && item.share !== null && item.share < item.target ? "alert" : "unknown"
    )
  );
  return {
    layouts: pick(analysis, [SUMMARY_MARKER, DYNAMICS_MARKER, CONTEXT_MARKER]),
    view: {
      headline: {
        kind: "indicators",
        offTarget: rows.filter((row) => row.tone === "alert").length,
        of: rows.length,
      },
      method:
        "Показатели программ поддержки школ: доли ШНОР, ШНСУ, ШГР, результаты ниже минимума, динамика доли «2», зоны риска, кадровый состав — из того, что есть в книге.",
      statuses: counted(rows, [
        ["alert", "вне цели", "alert"],
        ["ok", "в норме", "ok"],
        ["unknown", "к сведению", "unknown"],
      ]),
      rows,
      warnings: analysis.warnings,
    },
  };
};

export const templateAction: ActionRun = function templateRun(data, settings, choice) {
  const kind = TEMPLATE_KINDS.find((candidate) => candidate === choice) as TemplateKind | undefined;
  if (kind === undefined) return missing("не выбран шаблон");
  // With a results table, the rows come pre-filled with its schools' logins and names.
  const analysis = analyse(data, settings);
  const schools =
    isEngineError(analysis) || analysis.table === null
      ? []
      : analysis.table.schools.map((school) => ({ login: school.login, name: school.name }));
  const layout = templateLayout(kind, schools);
  return {
    layouts: [layout],
    view: {
      headline: { kind: "template", name: TEMPLATE_NAMES[kind] },
      method: `Шаблон «${TEMPLATE_NAMES[kind]}»: заполните лист «${layout.name}» (${schools.length > 0 ? `${plural(schools.length, "школа уже внесена", "школы уже внесены", "школ уже внесены")}` : "по строке на школу"}); проверка данных подскажет недопустимые значения. Лист принадлежит вам: повторный запуск его не заменит.`,
      statuses: [],
      rows: [],
      warnings: [],
    },
  };
};

/** The runs by action id (actionList.ts). */
export const ACTION_RUNS: Record<string, ActionRun> = {
  identify: identifyAction,
  isbsh: socialAction,
  risk: riskAction,
  summary: summaryAction,
  template: templateAction,
};

function decimal(value: number): string {
  return (Math.round(value * 10) / 10).toString().replace(".", ",");
}

function percent(value: number | null): string {
  return value === null ? "нет данных" : `${decimal(value)}\u00a0%`;
}
