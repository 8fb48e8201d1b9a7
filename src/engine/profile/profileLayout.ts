import type { CellValue } from "../types";
import type { ColumnSpec, RowTone, SheetLayout } from "../sheetLayout";
import type { StatusHistory } from "../lowResults/statusHistory";
import { CHANGE_LABELS } from "../lowResults/historyLayout";
import { STATUS_LABELS, WORDING_NOTE } from "../lowResults/identificationLayouts";
import {
  CATEGORY_LABELS,
  PROFILE_CATEGORIES,
  type SchoolProfile,
  type SchoolProfiles,
} from "./schoolProfile";

export const PROFILE_MARKER = "school-radar:profile";

/** The sheets the profile was made from, named in its preamble. */
export interface ProfileSources {
  table: string | null;
  passport: string | null;
  questionnaire: string | null;
}

interface ProfileColumn {
  header: string;
  spec: ColumnSpec;
  value: (profile: SchoolProfile) => CellValue;
}

const yesNo = (value: boolean | null, missing: string): CellValue =>
  value === null ? missing : value ? "да" : "нет";

/**
 * «Профиль школ»: a row per school with one concept per column (plain values, so that Excel's
 * filter works on any of them), only the columns of the sources the workbook has.
 */
export function profileLayout(
  profiles: SchoolProfiles,
  sources: ProfileSources,
  history: StatusHistory | null
): SheetLayout {
  const columns = profileColumns(profiles, history);
  const { schools } = profiles;
  return {
    name: "Профиль школ",
    marker: PROFILE_MARKER,
    preamble: [
      "Школьный радар — профиль школ: ШНОР, ШНСУ, ШГР и результаты с учётом контекста в одной строке",
      `Источники: ${sourcesText(sources)}. Школы сопоставлены по логину; если школы нет в листе, в его графах — «нет в …».`,
      "Категории по степени нужды в поддержке (столбец «Приоритет» — номер категории): " +
        PROFILE_CATEGORIES.map(({ label }, index) => `${index + 1} — ${label}`).join("; ") +
        ". Внутри категории — сначала школы с бо́льшим числом факторов риска, затем с результатами дальше ниже ожидаемых, затем в порядке исходных листов.",
      "Почему так: программы поддержки написаны для школ с низкими образовательными результатами и школ, работающих в неблагоприятных социальных условиях; " +
        "школа, у которой есть и то и другое, — первая. ШНСУ и ШГР — школы, где результаты ещё не низкие, а условия или факторы риска требуют профилактики. " +
        "«Результаты ниже ожидаемых» — школа не входит в группы, но учится хуже, чем предсказывает её ИСБШ; «недостаточно данных» — статус ШНОР не определён, нужны данные.",
      `Школ по категориям: ${PROFILE_CATEGORIES.map(({ category, label }) => `${label} — ${profiles.counts[category]}`).join("; ")}.`,
      WORDING_NOTE,
    ],
    header: columns.map((column) => column.header),
    body: schools.map((profile) => columns.map((column) => column.value(profile))),
    columns: columns.map((column) => column.spec),
    rowTone: schools.map((profile) => toneOf(profile)),
  };
}

function toneOf(profile: SchoolProfile): RowTone {
  if (profile.priority <= 5) return "alert";
  return profile.category === "none" ? null : "unknown";
}

function sourcesText(sources: ProfileSources): string {
  const parts = [
    sources.table === null ? null : `лист «${sources.table}» (ШНОР)`,
    sources.passport === null ? null : `лист «${sources.passport}» (ИСБШ и ШНСУ)`,
    sources.questionnaire === null ? null : `лист «${sources.questionnaire}» (факторы риска и ШГР)`,
  ];
  return parts.filter((part) => part !== null).join(", ");
}

function profileColumns(profiles: SchoolProfiles, history: StatusHistory | null): ProfileColumn[] {
  const { parts } = profiles;
  const pair = history?.pair ?? null;
  const columns: ProfileColumn[] = [
    { header: "Приоритет", spec: { width: 10, numberFormat: "0" }, value: (p) => p.priority },
    {
      header: "Категория",
      spec: { width: 30, wrap: true },
      value: (p) => CATEGORY_LABELS[p.category],
    },
    { header: "ОО", spec: { width: 32, wrap: true }, value: (p) => p.name },
    { header: "Логин", spec: { width: 12 }, value: (p) => p.login },
  ];
  if (parts.shnor)
    columns.push(
      {
        header: "ШНОР",
        spec: { width: 20 },
        value: (p) => (p.shnor === null ? "нет в таблице результатов" : STATUS_LABELS[p.shnor]),
      },
      {
        header: "Критерии ШНОР",
        spec: { width: 10 },
        value: (p) => p.criteria.map((criterion) => `К${criterion}`).join(", "),
      }
    );
  if (parts.history && history !== null && pair !== null)
    columns.push({
      header: `ШНОР: изменение ${history.years[pair.from].label} → ${history.years[pair.to].label}`,
      spec: { width: 20 },
      value: (p) =>
        p.change === null
          ? p.shnor === null
            ? "нет в таблице результатов"
            : "—"
          : CHANGE_LABELS[p.change],
    });
  if (parts.social)
    columns.push(
      {
        header: "ИСБШ",
        spec: { width: 9, numberFormat: "0.00" },
        value: (p) => p.isbsh,
      },
      {
        header: "ШНСУ",
        spec: { width: 14 },
        value: (p) =>
          p.shnsu !== null && p.isbsh === null ? "нет индекса" : yesNo(p.shnsu, "нет в паспорте"),
      }
    );
  if (parts.risk)
    columns.push(
      { header: "ШГР", spec: { width: 12 }, value: (p) => yesNo(p.riskGroup, "нет в анкете") },
      {
        header: "Факторов риска",
        spec: { width: 10, numberFormat: "0" },
        value: (p) => p.factors?.length ?? null,
      },
      {
        header: "Факторы риска",
        spec: { width: 20, wrap: true },
        value: (p) =>
          p.factors === null ? "нет в анкете" : p.factors.map((factor) => `Ф${factor}`).join(", "),
      }
    );
  if (parts.context)
    columns.push(
      {
        header: "Результаты и контекст",
        spec: { width: 22 },
        value: (p) =>
          p.below === null ? "нет данных" : p.below ? "ниже ожидаемых" : "в пределах ожидаемого",
      },
      {
        header: "Отклонение от ожидаемого",
        spec: { width: 12, numberFormat: "0.00" },
        value: (p) => p.residual,
      }
    );
  return columns;
}
