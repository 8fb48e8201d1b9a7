/*
 * The 5 % target of seed 001 (Nazarovo): «доля обучающихся, получивших по итогам ОГЭ и ЕГЭ по
 * обязательным предметам количество баллов ниже минимума» — one share of participants over ОГЭ and ЕГЭ
 * in Russian and mathematics, weighted by participants, with each exam's share beneath it.
 */
import {
  isEngineError,
  readExportTable,
  summarizeIndicators,
  summaryLayout,
  type ExportTable,
} from "../../../src/engine";
import { flatExportGrid, type SchoolSpec } from "../../fixtures/grids";

const COLUMNS = [
  "ОГЭ МА 2025",
  "ОГЭ РУ 2025",
  "ЕГЭ МА профиль 2025",
  "ЕГЭ РУ 2025",
  "ВПР ОМ 4 2025",
];

/** Two СОШ and an ООШ; ВПР ОМ 4 (not a state exam, not counted) has a high share that must not count. */
const SCHOOLS: SchoolSpec[] = [
  {
    login: "sch100001",
    failing: {
      "ОГЭ МА 2025": 10,
      "ОГЭ РУ 2025": 4,
      "ЕГЭ МА профиль 2025": 20,
      "ЕГЭ РУ 2025": 5,
      "ВПР ОМ 4 2025": 50,
    },
    participants: {
      "ОГЭ МА 2025": 50,
      "ОГЭ РУ 2025": 50,
      "ЕГЭ МА профиль 2025": 20,
      "ЕГЭ РУ 2025": 40,
      "ВПР ОМ 4 2025": 30,
    },
  },
  {
    login: "sch100002",
    failing: { "ОГЭ МА 2025": 2, "ОГЭ РУ 2025": 1, "ЕГЭ МА профиль 2025": 10, "ЕГЭ РУ 2025": 5 },
    participants: {
      "ОГЭ МА 2025": 100,
      "ОГЭ РУ 2025": 100,
      "ЕГЭ МА профиль 2025": 30,
      "ЕГЭ РУ 2025": 60,
    },
  },
  {
    login: "sch100003",
    failing: { "ОГЭ МА 2025": 20, "ОГЭ РУ 2025": 12 },
    participants: { "ОГЭ МА 2025": 25, "ОГЭ РУ 2025": 25 },
  },
];

function tableOf(schools: SchoolSpec[]): ExportTable {
  const table = readExportTable(flatExportGrid(COLUMNS, schools, true));
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

describe("the share of ОГЭ and ЕГЭ participants below the minimum, Russian and mathematics", () => {
  it("is one share over all those exams, weighted by participants: 30 of 500 = 6 %", () => {
    // Below the minimum, participants: school 1 — 5 of 50, 2 of 50, 4 of 20, 2 of 40 (13 of 160);
    // school 2 — 2 of 100, 1 of 100, 3 of 30, 3 of 60 (9 of 290); school 3 — 5 of 25, 3 of 25 (8 of 50).
    // (13 + 9 + 8) / (160 + 290 + 50) = 30 / 500 = 6 % > 5 %. Not the mean of the exams' shares
    // (12/175, 6/175, 7/50, 5/100 → 7,3 %), and ВПР ОМ 4 is no state exam.
    const summary = summarizeIndicators({ table: tableOf(SCHOOLS) });
    expect(summary.belowMinimumTotal).toMatchObject({
      value: 6,
      weighted: true,
      participants: 500,
      results: 10,
      target: 5,
    });
    expect(summary.belowMinimumTotal!.procedures.map((procedure) => procedure.label)).toEqual([
      "ОГЭ МА",
      "ОГЭ РУ",
      "ЕГЭ МА профиль",
      "ЕГЭ РУ",
    ]);
    // Beneath it, each exam: ОГЭ МА 12/175, ОГЭ РУ 6/175, ЕГЭ МА профиль 7/50, ЕГЭ РУ 5/100.
    expect(summary.belowMinimum.map((item) => [item.procedure.label, item.value])).toEqual([
      ["ОГЭ МА", expect.closeTo((100 * 12) / 175, 9)],
      ["ОГЭ РУ", expect.closeTo((100 * 6) / 175, 9)],
      ["ЕГЭ МА профиль", expect.closeTo(14, 9)],
      ["ЕГЭ РУ", expect.closeTo(5, 9)],
    ]);
  });

  it("puts the one share against the target on the sheet, each exam beneath it without one", () => {
    const rows = summaryLayout(summarizeIndicators({ table: tableOf(SCHOOLS) }), []).body.filter(
      (row) => row[0] === "ГИА"
    );
    expect(rows[0]).toEqual([
      "ГИА",
      "ОГЭ и ЕГЭ, русский язык и математика: доля участников, не преодолевших минимальный порог,\u00a0% " +
        "(все экзамены вместе, с учётом числа участников: 500 участников; выпускник, сдававший два из этих экзаменов, учтён в каждом)",
      "2025",
      6,
      5,
      "нет",
    ]);
    expect(rows.slice(1).map((row) => [row[1], row[4], row[5]])).toEqual([
      ["В том числе ОГЭ МА: доля участников, не преодолевших минимальный порог,\u00a0%", null, ""],
      ["В том числе ОГЭ РУ: доля участников, не преодолевших минимальный порог,\u00a0%", null, ""],
      [
        "В том числе ЕГЭ МА профиль: доля участников, не преодолевших минимальный порог,\u00a0%",
        null,
        "",
      ],
      ["В том числе ЕГЭ РУ: доля участников, не преодолевших минимальный порог,\u00a0%", null, ""],
    ]);
  });

  it("without every participant count, is the unweighted mean of the schools' shares, and says so", () => {
    // School 3's ОГЭ РУ has no count. The ten values: 10, 4, 20, 5, 2, 1, 10, 5, 20, 12 → 89 / 10 = 8,9 %.
    const withoutCount = SCHOOLS.map((school) =>
      school.login === "sch100003" ? { ...school, participants: { "ОГЭ МА 2025": 25 } } : school
    );
    const summary = summarizeIndicators({ table: tableOf(withoutCount) });
    expect(summary.belowMinimumTotal).toMatchObject({
      value: 8.9,
      weighted: false,
      participants: null,
      results: 10,
    });
    const row = summaryLayout(summary, []).body.find((cells) => cells[0] === "ГИА")!;
    expect(row[1]).toBe(
      "ОГЭ и ЕГЭ, русский язык и математика: доля участников, не преодолевших минимальный порог,\u00a0% " +
        "(невзвешенное среднее долей школ по этим экзаменам (10 значений): числа участников в таблице нет или оно есть не у всех школ, " +
        "поэтому каждая школа весит одинаково, сколько бы у неё ни было выпускников)"
    );
  });

  it("is absent without an ОГЭ or ЕГЭ value in Russian or mathematics", () => {
    const table = readExportTable(
      flatExportGrid(["ВПР МА 5 2025"], [{ login: "sch1", failing: { "ВПР МА 5 2025": 20 } }])
    );
    if (isEngineError(table)) throw new Error(table.message);
    expect(summarizeIndicators({ table }).belowMinimumTotal).toBeNull();
  });
});
