import {
  analyticalReport,
  matchNote,
  ourFinding,
  isEngineError,
  isUncertain,
  RECONCILIATION_MARKER,
  REPORT_MARKER,
  type ReconciledEntry,
  type RowTone,
} from "../engine";
import {
  analyse,
  counted,
  missing,
  pick,
  type ActionRun,
  type Headline,
  type ResultRow,
} from "./actions";

/**
 * «Сверка со списком» and «Аналитическая справка» in the pane (docs/method.md §9, §10). Like the
 * other actions, each goes through the engine's `analyzeWorkbook` and writes its sheet as the command
 * line's `--out` does. The official list is the sheet the user chose, else one whose header has only
 * a login and/or a name column.
 */

type Tone = Exclude<RowTone, null>;

const GROUPS: [string, string, Tone][] = [
  ["matched", "совпадает", "ok"],
  ["uncertain", "проверьте", "unknown"],
  ["onlyOurs", "только у нас", "alert"],
  ["onlyOfficial", "только в списке", "alert"],
  ["ambiguous", "неоднозначно", "unknown"],
];

function groupOf(entry: ReconciledEntry): string {
  if (entry.official === null) return "onlyOurs";
  if (entry.ambiguous.length > 0) return "ambiguous";
  if (entry.status !== "shnor") return "onlyOfficial";
  return isUncertain(entry) ? "uncertain" : "matched";
}

export const reconcileAction: ActionRun = function reconcileRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const { reconciliation, table, identification } = analysis;
  if (table === null || identification === null)
    return missing("в книге нет таблицы результатов: сверять не с чем");
  if (reconciliation === null) {
    return missing(
      "в книге нет списка школ для сверки: добавьте лист, где есть только логин и/или наименование ОО, " +
        "или выберите лист в поле «Официальный список ШНОР»"
    );
  }
  const entries = [
    ...reconciliation.matched,
    ...reconciliation.onlyOurs,
    ...reconciliation.onlyOfficial,
  ];
  const rows: ResultRow[] = entries.map((entry, index) => {
    const group = groupOf(entry);
    const school = entry.school === null ? null : table.schools[entry.school]!;
    const official = entry.official === null ? null : entry.official.name || entry.official.login;
    return {
      key: `${index}:${school?.login ?? official}`,
      title: official ?? school!.name,
      detail: [
        school && official !== school.name ? school.name : null,
        school?.login,
        matchNote(entry, table),
      ]
        .filter((part) => part != null)
        .join(" · "),
      status: group,
      tone: GROUPS.find(([status]) => status === group)![2],
      reason: ourFinding(entry, table, identification),
    };
  });
  const headline: Headline = {
    kind: "schools",
    group: "Совпадают со списком",
    count: reconciliation.matched.length,
    of: reconciliation.listSchools,
  };
  return {
    layouts: pick(analysis, [RECONCILIATION_MARKER]),
    view: {
      headline,
      method:
        `Сверка нашего списка ШНОР (лист «${reconciliation.tableSheet}») с официальным (лист «${reconciliation.officialSheet}»): ` +
        "по логину, а где его нет — по наименованию с учётом обычных вариантов записи; наименование, подходящее к нескольким школам, не сопоставляется.",
      statuses: counted(rows, GROUPS),
      rows,
      warnings: analysis.warnings,
    },
  };
};

export const reportAction: ActionRun = function reportRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const report = analyticalReport(analysis);
  // A row per section: its heading, then its paragraphs and list items as one text.
  const rows: ResultRow[] = [];
  for (const block of report.blocks) {
    const text = block.kind === "item" ? `${block.number}. ${block.text}` : block.text;
    if (block.kind === "heading" || rows.length === 0) {
      rows.push({
        key: `section:${rows.length}`,
        title: block.kind === "heading" ? text : report.title,
        detail: "",
        status: "section",
        tone: "unknown",
        reason: block.kind === "heading" ? "" : text,
      });
    } else {
      const row = rows[rows.length - 1]!;
      row.reason = row.reason === "" ? text : `${row.reason} ${text}`;
    }
  }
  const { identification, social, risk } = analysis;
  const headline: Headline = identification
    ? {
        kind: "schools",
        group: "ШНОР",
        count: identification.counts.shnor,
        of: identification.statuses.length,
      }
    : social
      ? { kind: "schools", group: "ШНСУ", count: social.counts.shnsu, of: social.counts.ranked }
      : {
          kind: "schools",
          group: "ШГР",
          count: risk?.counts.riskGroup ?? 0,
          of: risk?.counts.schools ?? 0,
        };
  return {
    layouts: pick(analysis, [REPORT_MARKER]),
    view: {
      headline,
      method:
        "Аналитическая справка для муниципального отчёта: метод, показатели с целевыми значениями, перечни ШНОР, ШНСУ и ШГР, " +
        "изменения и сверка — на листе «Аналитическая справка», одной колонкой, для печати и вставки в документ.",
      statuses: [],
      rows,
      warnings: analysis.warnings,
    },
  };
};

/** The runs by action id (actionList.ts). */
export const REPORT_RUNS: Record<string, ActionRun> = {
  reconcile: reconcileAction,
  report: reportAction,
};
