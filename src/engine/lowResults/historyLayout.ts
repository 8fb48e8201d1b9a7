import type { CellValue } from "../types";
import type { ExportTable } from "../table/exportTable";
import type { RowTone, SheetLayout } from "../sheetLayout";
import { blockBesideTable, blockRange, chartAnchor } from "../charts";
import { listOnDemand } from "../listOnDemand";
import { formatPercent, plural } from "../russianText";
import type { SchoolStatus } from "./identifyLowResultSchools";
import { STATUS_LABELS, WORDING_NOTE } from "./identificationLayouts";
import { listYears, type StatusChange, type StatusHistory } from "./statusHistory";

export const HISTORY_MARKER = "school-radar:shnor-history";

/** The change in the sheet's words: a school («школа»), so feminine. */
export const CHANGE_LABELS: Record<StatusChange, string> = {
  entered: "вошла в ШНОР",
  left: "вышла из ШНОР",
  stayed: "осталась в ШНОР",
  never: "не входила в ШНОР",
  unknown: "не определено",
};

const STATUS_TONES: Record<SchoolStatus, RowTone> = {
  shnor: "alert",
  not_shnor: "ok",
  insufficient_data: "unknown",
};

/**
 * The order of the sheet's rows (docs/method.md §8): ШНОР in the last compared year first (the last
 * year when there is no pair), then more years as ШНОР first, then the table's order. Indices into
 * the table's schools; one sort of numbers, no object per school.
 */
export function historyOrder(history: StatusHistory): number[] {
  const last = history.pair?.to ?? history.years.length - 1;
  const schools = history.statuses[last].length;
  const years = new Uint8Array(schools);
  for (const statuses of history.statuses)
    for (let school = 0; school < schools; school++)
      if (statuses[school] === "shnor") years[school]++;
  const lastStatus = history.statuses[last];
  const order = Array.from({ length: schools }, (_, school) => school);
  return order.sort(
    (a, b) =>
      Number(lastStatus[b] === "shnor") - Number(lastStatus[a] === "shnor") ||
      years[b] - years[a] ||
      a - b
  );
}

/** «ШНОР по годам»: school × year with the statuses, the years as ШНОР and the change; a line chart of the count. */
export function historyLayout(history: StatusHistory, table: ExportTable): SheetLayout {
  const order = historyOrder(history);
  const { years, statuses, pair, changes } = history;
  const yearsAsShnor = (school: number) =>
    statuses.reduce((sum, year) => sum + (year[school] === "shnor" ? 1 : 0), 0);
  const last = pair?.to ?? years.length - 1;
  const layout: SheetLayout = {
    name: "ШНОР по годам",
    marker: HISTORY_MARKER,
    preamble: [
      "Школьный радар — ШНОР по годам",
      `Источник: лист «${table.sheetName}», ${plural(table.schools.length, "школа", "школы", "школ")}; годы со статусом: ${listYears(years)}`,
      methodLine(history),
      countsLine(history),
      ...changeLines(history),
      `Порядок строк: сначала школы со статусом ШНОР в ${years[last].label}, затем — по числу лет в ШНОР (больше — выше), затем в порядке исходной таблицы.`,
      WORDING_NOTE,
    ],
    header: [
      "Муниципалитет",
      "ОО",
      "Логин",
      ...years.map((year) => year.label),
      "Лет в ШНОР",
      pair === null ? "Изменение" : `Изменение ${years[pair.from].label} → ${years[pair.to].label}`,
    ],
    body: listOnDemand(order.length, (row): CellValue[] => {
      const school = order[row];
      const record = table.schools[school];
      return [
        record.municipality,
        record.name,
        record.login,
        ...statuses.map((year) => STATUS_LABELS[year[school]]),
        yearsAsShnor(school),
        changes === null ? "—" : CHANGE_LABELS[changes[school]],
      ];
    }),
    columns: [
      { width: 18 },
      { width: 32, wrap: true },
      { width: 12 },
      ...years.map(() => ({ width: 14 })),
      { width: 9, numberFormat: "0" },
      { width: 22 },
    ],
    tones: ["alert", "ok", "unknown"],
    rowTone: listOnDemand(order.length, (row) => STATUS_TONES[statuses[last][order[row]]]),
  };
  if (years.length >= 2) {
    const block = blockBesideTable(
      layout,
      [
        ["Учебный год", "Школ ШНОР"],
        ...years.map((year, index): CellValue[] => [year.label, history.counts[index].shnor]),
      ],
      [{ width: 12 }, { width: 11, numberFormat: "0" }]
    );
    layout.blocks = [block];
    layout.charts = [
      {
        kind: "line",
        title: "Число ШНОР по годам",
        xAxisTitle: "Учебный год (отчётный)",
        yAxisTitle: "Число школ",
        data: blockRange(block),
        legend: false,
        anchor: chartAnchor(layout, [block]),
      },
    ];
  }
  return layout;
}

/** The method in one line: the one of the «ШНОР» sheet, each year taken as the reference year in turn. */
function methodLine({ options }: StatusHistory): string {
  const small =
    options.minParticipants > 0
      ? `; результаты групп меньше ${plural(options.minParticipants, "участника", "участников", "участников")} отложены`
      : "";
  return (
    `Метод — тот же, что на листе «ШНОР»: методика ФИОКО, редакция ${options.edition} г., низкий результат — ` +
    `не менее ${formatPercent(options.threshold)}\u00a0% «2» (ОГЭ и ЕГЭ — не преодолели минимальный порог)${small}. ` +
    "Статус за год — как если бы этот год был выбран отчётным (--year; в области задач — «Отчётный год»): " +
    "К1 — по результатам этого года, К2 — по результатам этого года и года перед ним. " +
    "Поэтому статус есть только у года, перед которым в таблице есть предыдущий."
  );
}

/** «ШНОР: 2023/2024 — 10, 2024/2025 — 12 (из 46 школ).» */
function countsLine({ years, counts, statuses }: StatusHistory): string {
  const byYear = years.map((year, index) => `${year.label} — ${counts[index].shnor}`).join(", ");
  return `Число ШНОР: ${byYear} (из ${plural(statuses[0].length, "школы", "школ", "школ")} таблицы).`;
}

/** What the change column says, and how many schools each change has; or why there is none. */
function changeLines(history: StatusHistory): string[] {
  const { years, pair, changeCounts, notCompared } = history;
  const skipped =
    notCompared.length === 0
      ? []
      : [
          notCompared.length === 1
            ? `${listYears(notCompared)} в сравнение не взят: в нём результаты меньше чем половины учитываемых процедур, ` +
              "и отчётным он не выбран (справка «Методика», §2); статусы за него приведены для сведения."
            : `${listYears(notCompared)} в сравнение не взяты: в них результаты меньше чем половины учитываемых процедур, ` +
              "и отчётными они не выбраны (справка «Методика», §2); статусы за них приведены для сведения.",
        ];
  if (pair === null || changeCounts === null) {
    const compared = years.filter((year) => !notCompared.includes(year));
    return [
      `Изменение не определено: статус до отчётного года есть только за ${listYears(compared)}, ` +
        "а для сравнения нужны два таких года — результаты трёх лет подряд.",
      ...skipped,
    ];
  }
  const from = years[pair.from].label;
  const to = years[pair.to].label;
  const schools = (count: number) => plural(count, "школа", "школы", "школ");
  return [
    `Изменение — между ${from} и ${to}: «вошла в ШНОР» — в ${from} не ШНОР, в ${to} ШНОР; «вышла из ШНОР» — наоборот; ` +
      `«осталась в ШНОР» — ШНОР в оба года; «не входила в ШНОР» — ни в одном из них; «не определено» — в одном из лет «недостаточно данных».`,
    `Вошли в ШНОР — ${schools(changeCounts.entered)}, вышли — ${schools(changeCounts.left)}, ` +
      `остались — ${schools(changeCounts.stayed)}, не входили — ${schools(changeCounts.never)}, ` +
      `не определено — ${schools(changeCounts.unknown)}.`,
    ...skipped,
  ];
}
