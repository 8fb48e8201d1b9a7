import {
  CATEGORY_LABELS,
  CHANGE_LABELS,
  formatIsbsh,
  HISTORY_MARKER,
  isEngineError,
  PROFILE_CATEGORIES,
  PROFILE_MARKER,
  STATUS_LABELS,
  type ProfileCategory,
  type RowTone,
  type SchoolProfile,
  type SchoolStatus,
  type StatusChange,
} from "../engine";
import { analyse, counted, missing, pick, type ActionRun, type ResultRow } from "./actions";

/**
 * The pane's monitoring actions (docs/method.md §8): «ШНОР по годам» and «Профиль школ». Like the
 * other actions, each goes through the engine's `analyzeWorkbook` and writes its sheet as the
 * command line's `--out` does.
 */

type Tone = Exclude<RowTone, null>;

const STATUS_TONES: Record<SchoolStatus, Tone> = {
  shnor: "alert",
  not_shnor: "ok",
  insufficient_data: "unknown",
};

const CHANGE_TONES: Record<StatusChange, Tone> = {
  entered: "alert",
  stayed: "alert",
  left: "ok",
  never: "ok",
  unknown: "unknown",
};

/** The change labels as the filter buttons count schools: plural, not one school's. */
const CHANGE_COUNT_LABELS: Record<StatusChange, string> = {
  entered: "вошли в ШНОР",
  stayed: "остались в ШНОР",
  left: "вышли из ШНОР",
  never: "не входили в ШНОР",
  unknown: "не определено",
};

export const historyAction: ActionRun = function historyRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const { history, table, warnings } = analysis;
  if (table === null) return missing("в книге нет таблицы результатов");
  if (history === null) {
    const why = warnings.find((warning) => warning.message.startsWith("ШНОР по годам:"));
    return missing(why?.message ?? "ШНОР по годам: нужны результаты хотя бы двух лет подряд");
  }
  const { years, statuses, pair, changes } = history;
  const last = pair?.to ?? years.length - 1;
  const rows: ResultRow[] = table.schools.map((school, index) => {
    const change = changes?.[index] ?? null;
    const byYear = years
      .map((year, y) => `${year.label}: ${STATUS_LABELS[statuses[y][index]]}`)
      .join(" · ");
    return {
      key: `${school.row}:${school.login}`,
      title: school.name,
      detail: school.login,
      status: change ?? statuses[last][index],
      tone: change === null ? STATUS_TONES[statuses[last][index]] : CHANGE_TONES[change],
      reason: change === null ? byYear : `${CHANGE_LABELS[change]} (${byYear})`,
    };
  });
  // ШНОР in the last compared year first, as on the sheet.
  const shnorFirst = (row: ResultRow) => (row.tone === "alert" ? 0 : 1);
  rows.sort((a, b) => shnorFirst(a) - shnorFirst(b));
  const from = pair === null ? null : years[pair.from].label;
  const to = pair === null ? null : years[pair.to].label;
  return {
    layouts: pick(analysis, [HISTORY_MARKER]),
    view: {
      headline: {
        kind: "schools",
        group: "ШНОР",
        count: history.counts[last].shnor,
        of: table.schools.length,
      },
      method:
        `ШНОР по годам (${years.map((year) => year.label).join(", ")}): статус каждого года — как при выборе этого года отчётным, тем же методом и с теми же параметрами. ` +
        (pair === null
          ? "Изменение не определено: для сравнения нужны два года со статусом — результаты трёх лет подряд."
          : `Изменение — между ${from} и ${to}.`),
      statuses:
        pair === null
          ? counted(
              rows,
              (["shnor", "not_shnor", "insufficient_data"] as const).map((status) => [
                status,
                STATUS_LABELS[status],
                STATUS_TONES[status],
              ])
            )
          : counted(
              rows,
              (["entered", "stayed", "left", "never", "unknown"] as const).map((change) => [
                change,
                CHANGE_COUNT_LABELS[change],
                CHANGE_TONES[change],
              ])
            ),
      rows,
      warnings,
    },
  };
};

/** The five groups the programmes target are alerts; below expected and no data, to look into. */
function profileTone(category: ProfileCategory): Tone {
  if (PROFILE_CATEGORIES.findIndex((item) => item.category === category) < 5) return "alert";
  return category === "none" ? "ok" : "unknown";
}

/** «ШНОР (К1) · вошла в ШНОР · ИСБШ 75,66 — ШНСУ · ШГР: Ф2, Ф4 · результаты ниже ожидаемых». */
function profileReason(profile: SchoolProfile, indexDecimals: number): string {
  const parts: string[] = [];
  if (profile.shnor !== null)
    parts.push(
      `${STATUS_LABELS[profile.shnor]}${profile.criteria.length > 0 ? ` (${profile.criteria.map((criterion) => `К${criterion}`).join(", ")})` : ""}`
    );
  if (profile.change !== null) parts.push(CHANGE_LABELS[profile.change]);
  if (profile.shnsu !== null)
    parts.push(
      profile.isbsh === null
        ? "ИСБШ не рассчитан"
        : `ИСБШ ${formatIsbsh(profile.isbsh, indexDecimals)}${profile.shnsu ? " — ШНСУ" : ""}`
    );
  if (profile.factors !== null)
    parts.push(
      profile.factors.length === 0
        ? "факторов риска нет"
        : `${profile.riskGroup ? "ШГР: " : "факторы риска: "}${profile.factors.map((factor) => `Ф${factor}`).join(", ")}`
    );
  if (profile.below !== null)
    parts.push(profile.below ? "результаты ниже ожидаемых" : "результаты в пределах ожидаемого");
  return parts.join(" · ");
}

export const profileAction: ActionRun = function profileRun(data, settings) {
  const analysis = analyse(data, settings);
  if (isEngineError(analysis)) return analysis;
  const { profile, social } = analysis;
  if (profile === null)
    return missing(
      "для профиля школ нужны хотя бы два источника из трёх: таблица результатов, социальный паспорт, анкета факторов риска"
    );
  const rows: ResultRow[] = profile.schools.map((school) => ({
    key: `${school.priority}:${school.login}`,
    title: school.name,
    detail: `${school.login} · приоритет ${school.priority}`,
    status: school.category,
    tone: profileTone(school.category),
    reason: profileReason(school, social?.indexDecimals ?? 2),
  }));
  const present = PROFILE_CATEGORIES.filter(({ category }) => profile.counts[category] > 0);
  return {
    layouts: pick(analysis, [PROFILE_MARKER]),
    view: {
      headline: {
        kind: "schools",
        group: "В группах поддержки",
        count: rows.filter((row) => row.tone === "alert").length,
        of: rows.length,
      },
      method:
        "Профиль школ: ШНОР, ШНСУ, ШГР и результаты с учётом контекста в одной строке; категории по степени нужды в поддержке — " +
        PROFILE_CATEGORIES.map(({ label }, index) => `${index + 1} — ${label}`).join("; ") +
        ". Порядок и определения — в шапке листа «Профиль школ».",
      statuses: counted(
        rows,
        present.map(({ category }): [ProfileCategory, string, Tone] => [
          category,
          CATEGORY_LABELS[category],
          profileTone(category),
        ])
      ),
      rows,
      warnings: analysis.warnings,
    },
  };
};

/** The runs by action id (actionList.ts). */
export const MONITORING_RUNS: Record<string, ActionRun> = {
  history: historyAction,
  profile: profileAction,
};
