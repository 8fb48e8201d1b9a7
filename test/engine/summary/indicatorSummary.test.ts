import {
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  readStaffing,
  summarizeIndicators,
  summaryLayout,
  type ExportTable,
  type IdentificationResult,
  type Staffing,
} from "../../../src/engine";
import { flatExportGrid, type SchoolSpec } from "../../fixtures/grids";

const COLUMNS = ["ОГЭ МА 2018", "ОГЭ МА 2019", "ВПР МА 5 2018", "ВПР МА 5 2019"];
const SCHOOLS: SchoolSpec[] = [
  {
    login: "sch100001",
    failing: { "ОГЭ МА 2019": 10, "ОГЭ МА 2018": 20, "ВПР МА 5 2019": 40, "ВПР МА 5 2018": 35 },
    participants: {
      "ОГЭ МА 2019": 20,
      "ОГЭ МА 2018": 10,
      "ВПР МА 5 2019": 25,
      "ВПР МА 5 2018": 25,
    },
  },
  {
    login: "sch100002",
    failing: { "ОГЭ МА 2019": 0, "ОГЭ МА 2018": 10, "ВПР МА 5 2019": 10, "ВПР МА 5 2018": 12 },
    participants: {
      "ОГЭ МА 2019": 30,
      "ОГЭ МА 2018": 30,
      "ВПР МА 5 2019": 25,
      "ВПР МА 5 2018": 25,
    },
  },
  {
    login: "sch100003",
    failing: { "ОГЭ МА 2019": 5, "ОГЭ МА 2018": 5, "ВПР МА 5 2019": 20, "ВПР МА 5 2018": 30 },
    participants: {
      "ОГЭ МА 2019": 50,
      "ОГЭ МА 2018": 40,
      "ВПР МА 5 2019": 25,
      "ВПР МА 5 2018": 25,
    },
  },
  {
    login: "sch100004",
    failing: { "ОГЭ МА 2019": "-", "ОГЭ МА 2018": "-", "ВПР МА 5 2019": 15, "ВПР МА 5 2018": 15 },
    participants: { "ВПР МА 5 2019": 25, "ВПР МА 5 2018": 25 },
  },
];

function fixture(): {
  table: ExportTable;
  identification: IdentificationResult;
  staffing: Staffing;
} {
  const table = readExportTable(flatExportGrid(COLUMNS, SCHOOLS, true));
  if (isEngineError(table)) throw new Error(table.message);
  const identification = identifyLowResultSchools(table);
  if (isEngineError(identification)) throw new Error(identification.message);
  const staffing = readStaffing({
    sheetName: "Кадры",
    values: [
      [
        "Логин",
        "ОО",
        "Педагогов всего",
        "Пенсионного возраста",
        "Моложе 30 лет",
        "Стаж 0–3 года",
        "С первой или высшей категорией",
        "Прошли повышение квалификации за 3 года",
      ],
      ["sch100001", "А", 40, 6, 2, 4, 34, 30],
      ["sch100002", "Б", 60, 9, 5, 6, 50, 48],
    ],
  });
  if (isEngineError(staffing)) throw new Error(staffing.message);
  return { table, identification, staffing };
}

describe("the indicator summary of a small municipality, computed by hand", () => {
  const summary = summarizeIndicators(fixture());

  it("ШНОР: 1 of 4 schools, 25 % against the 15 % target", () => {
    expect(summary.shnor).toEqual({
      count: 1,
      of: 4,
      share: 25,
      target: 15,
      denominator: "table",
    });
  });

  it("ШНОР of the municipality's 20 schools when their number is given: 1 / 20 = 5 %", () => {
    const ofMunicipality = summarizeIndicators({ ...fixture(), schoolsTotal: 20 });
    expect(ofMunicipality.shnor).toEqual({
      count: 1,
      of: 20,
      share: 5,
      target: 15,
      denominator: "schools_total",
    });
  });

  it("the summary sheet says which schools each share is of", () => {
    const row = (total: number | null) =>
      summaryLayout(summarizeIndicators({ ...fixture(), schoolsTotal: total }), []).body[0];
    expect(row(null)).toEqual([
      "Школы",
      "Доля ШНОР,\u00a0% (1 из 4 — от школ таблицы результатов)",
      "",
      25,
      15,
      "нет",
    ]);
    expect(row(8)).toEqual([
      "Школы",
      "Доля ШНОР,\u00a0% (1 из 8 — от числа школ муниципалитета, указанного пользователем)",
      "",
      12.5,
      15,
      "да",
    ]);
  });

  it("ОГЭ МА below the minimum in 2019: (10·20 + 0·30 + 5·50) / 100 = 4,5 %, weighted by participants", () => {
    // The only mandatory exam of the table: the one share (against the 5 % target) is its share, and
    // the exam's own row beneath it has no target.
    expect(summary.belowMinimum).toHaveLength(1);
    expect(summary.belowMinimum[0]).toMatchObject({ value: 4.5, weighted: true, schools: 3 });
    expect(summary.belowMinimum[0]).not.toHaveProperty("target");
    expect(summary.belowMinimum[0].procedure.id).toBe("ОГЭ МА");
    expect(summary.belowMinimumTotal).toMatchObject({ value: 4.5, weighted: true, target: 5 });
  });

  it("dynamics: ОГЭ МА 8,75 → 4,5 (↓), ВПР МА 5 23 → 21,25 (↓)", () => {
    const byId = Object.fromEntries(summary.dynamics.map((item) => [item.procedure.id, item]));
    expect(byId["ОГЭ МА"].values.map((value) => value.value)).toEqual([8.75, 4.5]);
    expect(byId["ОГЭ МА"].arrows).toEqual(["↓"]);
    expect(byId["ВПР МА 5"].values.map((value) => value.value)).toEqual([23, 21.25]);
    expect(byId["ВПР МА 5"].arrows).toEqual(["↓"]);
  });

  it("per school: ВПР МА 5 of school 1 went 35 → 40 (↑), school 4 stayed at 15 (→)", () => {
    const row = (login: string) =>
      summary.schoolDynamics.find(
        (item) => item.login === login && item.procedure.id === "ВПР МА 5"
      )!;
    expect(row("sch100001")).toMatchObject({ values: [35, 40], change: 5, trend: "↑" });
    expect(row("sch100004")).toMatchObject({ values: [15, 15], change: 0, trend: "→" });
    expect(
      summary.schoolDynamics.find(
        (item) => item.login === "sch100004" && item.procedure.id === "ОГЭ МА"
      )
    ).toBeUndefined();
  });

  it("a change of exactly one point is ↑, not → (0,4 → 1,4 is 0,9999999999999999 in doubles)", () => {
    const table = readExportTable(
      flatExportGrid(COLUMNS, [
        { login: "sch200001", failing: { "ВПР МА 5 2018": 0.4, "ВПР МА 5 2019": 1.4 } },
        { login: "sch200002", failing: { "ВПР МА 5 2018": 11.7, "ВПР МА 5 2019": 15.4 } },
      ])
    );
    if (isEngineError(table)) throw new Error(table.message);
    const result = summarizeIndicators({ table });
    expect(result.schoolDynamics.map((item) => [item.login, item.change, item.trend])).toEqual([
      ["sch200001", 1, "↑"],
      ["sch200002", 3.7, "↑"],
    ]);
    // The municipality: 6,05 → 8,4, a change of 2,35 points, not 2,3500000000000005.
    const municipal = result.dynamics.find((item) => item.procedure.id === "ВПР МА 5")!;
    expect(municipal.arrows).toEqual(["↑"]);
  });

  it("staffing: 15 %, 7 %, 10 %, 84 % against 85 %, 78 % (the Kaltan figures of seed 003)", () => {
    expect(
      summary.staffing.map((item) => [Math.round(item.share! * 100) / 100, item.target])
    ).toEqual([
      [15, null],
      [7, null],
      [10, null],
      [84, 85],
      [78, null],
    ]);
  });

  it("has no ШНСУ or risk-group figures when those sheets are absent", () => {
    expect(summary.shnsu).toBeNull();
    expect(summary.riskGroup).toBeNull();
  });
});

describe("risk zones: far above the municipal average % «2»", () => {
  it("finds the school more than 1.5 standard deviations above the mean", () => {
    const values = [10, 12, 14, 11, 13, 12, 10, 14, 11, 45];
    const schools = values.map((value, i) => ({
      login: `sch2000${String(i).padStart(2, "0")}`,
      failing: { "ВПР РУ 6 2024": value },
    }));
    const table = readExportTable(flatExportGrid(["ВПР РУ 6 2024"], schools));
    if (isEngineError(table)) throw new Error(table.message);
    const zones = summarizeIndicators({ table }).riskZones;
    expect(zones.map((zone) => [zone.login, zone.value])).toEqual([["sch200009", 45]]);
    expect(zones[0].mean).toBeCloseTo(15.2, 9);
  });
});

describe("staffing counts above the total", () => {
  it("are warnings with their cell and are left out", () => {
    const staffing = readStaffing({
      sheetName: "Кадры",
      values: [
        [
          "Логин",
          "ОО",
          "Педагогов всего",
          "Пенсионного возраста",
          "С первой или высшей категорией",
        ],
        ["sch100001", "А", 10, 12, 8],
      ],
    });
    if (isEngineError(staffing)) throw new Error(staffing.message);
    expect(staffing.warnings).toEqual([
      {
        cell: "'Кадры'!D2",
        message:
          "кадровый состав, «Пенсионного возраста»: 12 больше, чем педагогов всего (10); значение не учтено",
      },
    ]);
    expect(summarizeIndicators({ staffing }).staffing[0].share).toBeNull();
  });
});
