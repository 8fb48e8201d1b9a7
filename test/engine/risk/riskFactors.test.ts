import {
  ALL_RISK_PARAMETERS,
  assessRiskFactors,
  defaultRiskThresholds,
  isEngineError,
  parameterHeader,
  readRiskQuestionnaire,
  readRiskThresholds,
  riskThresholdsLayout,
  type CellValue,
  type RiskParameter,
  type RiskQuestionnaire,
} from "../../../src/engine";

/** A value on the risky side of the default threshold, and one on the safe side. */
function risky(parameter: RiskParameter): number {
  if (parameter.direction === "above") return parameter.threshold + 1;
  return Math.max(parameter.threshold - 1, 0);
}
function safe(parameter: RiskParameter): number {
  if (parameter.direction === "below")
    return Math.min(parameter.threshold + 1, parameter.scale === "score" ? 5 : 100);
  return Math.max(parameter.threshold - 1, 0);
}

const factorOf = (parameter: RiskParameter): number => Number(/^Ф(\d+)/.exec(parameter.code)![1]);

function questionnaireRow(login: string, name: string, factors: number[]): CellValue[] {
  return [
    login,
    name,
    ...ALL_RISK_PARAMETERS.map((parameter) =>
      factors.includes(factorOf(parameter)) ? risky(parameter) : safe(parameter)
    ),
  ];
}

function read(values: CellValue[][]): RiskQuestionnaire {
  const questionnaire = readRiskQuestionnaire({ sheetName: "Анкета", values });
  if (isEngineError(questionnaire)) throw new Error(questionnaire.message);
  return questionnaire;
}

const HEADER: CellValue[] = [
  "Логин ОО",
  "Наименование ОО",
  ...ALL_RISK_PARAMETERS.map(parameterHeader),
];

describe("seed 001: the Nazarovo district's lists «фактор риска → ОО»", () => {
  // The factors each school has in the seed's lists (2021 identification).
  const NAZAROVO: [string, string, number[]][] = [
    ["sch240101", "МБОУ «Сохновская СОШ»", [2, 3, 9, 10]],
    ["sch240102", "МБОУ «Преображенская СОШ»", [2, 6, 10]],
    ["sch240103", "МБОУ «Крутоярская СОШ»", [2, 10]],
    ["sch240104", "МБОУ «Дороховская СОШ»", [2, 3, 5, 6, 9, 10]],
    ["sch240105", "МБОУ «Гляденская СОШ»", [2, 3, 5, 6, 9, 10]],
    ["sch240106", "МБОУ «Подсосенская СОШ»", [3, 5, 6, 9, 10]],
  ];
  const assessment = assessRiskFactors(
    read([
      HEADER,
      ...NAZAROVO.map(([login, name, factors]) => questionnaireRow(login, name, factors)),
    ])
  );
  const list = (factor: number): string[] => [...assessment.byFactor[factor - 1].schools].sort();

  it.each<[number, string[]]>([
    [2, ["Сохновская", "Преображенская", "Крутоярская", "Дороховская", "Гляденская"]],
    [3, ["Подсосенская", "Гляденская", "Дороховская", "Сохновская"]],
    [9, ["Гляденская", "Дороховская", "Сохновская", "Подсосенская"]],
    [5, ["Гляденская", "Дороховская", "Подсосенская"]],
    [6, ["Гляденская", "Дороховская", "Преображенская", "Подсосенская"]],
    [
      10,
      ["Гляденская", "Дороховская", "Сохновская", "Преображенская", "Крутоярская", "Подсосенская"],
    ],
  ])("factor %p lists the seed's schools", (factor, names) => {
    expect(list(factor)).toEqual(names.map((name) => `МБОУ «${name} СОШ»`).sort());
  });

  it("lists no school under the factors the seed does not name", () => {
    expect([1, 4, 7, 8].map((factor) => assessment.byFactor[factor - 1].schools)).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it("puts every school into the risk group when ШНОР is unknown, and excludes the ШНОР when known", () => {
    expect(assessment.schools.every((school) => school.riskGroup)).toBe(true);
    const withLowResults = assessRiskFactors(
      read([
        HEADER,
        ...NAZAROVO.map(([login, name, factors]) => questionnaireRow(login, name, factors)),
      ]),
      defaultRiskThresholds(),
      new Set(["sch240104"])
    );
    expect(
      withLowResults.schools.filter((school) => !school.riskGroup).map((school) => school.login)
    ).toEqual(["sch240104"]);
  });
});

describe("the factor rule", () => {
  const equipment = ALL_RISK_PARAMETERS.filter((parameter) => factorOf(parameter) === 1);
  const rowWith = (values: (number | string)[]): CellValue[][] => [
    ["Логин", "ОО", ...equipment.map(parameterHeader)],
    ["sch100001", "СОШ № 1", ...values],
  ];

  it.each<[(number | string)[], boolean]>([
    [[2, 70, 60, 2], true], // 4 of 4
    [[2, 70, 80, 4], true], // 2 of 4
    [[2, 90, 80, 4], true], // 1 of 4: any parameter at risk is enough (docs/method.md §4)
    [[2, "", "", ""], true], // 1 of 1 with data
    [[3, 80, 70, 3], false], // every value exactly on its threshold: not a risk
    [["", "", "", ""], false], // no data, no factor
  ])("equipment parameters %p → factor 1 present: %p", (values, present) => {
    const school = assessRiskFactors(read(rowWith(values))).schools[0];
    expect(school.factors.includes(1)).toBe(present);
  });

  it("names the parameters and values behind a factor", () => {
    expect(assessRiskFactors(read(rowWith([2, 70, 80, 4]))).reasonOf(0)).toBe(
      "ШГР — фактор риска 1 «Низкий уровень оснащения школы» (" +
        "Ф1.1 состояние классов и кабинетов: 2 < 3; " +
        "Ф1.2 обеспеченность учебными материалами: 70\u00a0% < 80\u00a0%)"
    );
  });

  it("reads a questionnaire whose columns are reordered and renamed but keep their codes", () => {
    const values = rowWith([2, 70, 80, 4]);
    const header = ["Ф1.4 интернет", "Ф1.3", "ОО", "Ф1.2 учебники", "Логин", "Ф1.1 кабинеты"];
    const row = [4, 80, "СОШ № 1", 70, "sch100001", 2];
    expect(assessRiskFactors(read([header, row])).judgementsOf(0)[0]).toEqual(
      assessRiskFactors(read(values)).judgementsOf(0)[0]
    );
  });

  it("a score of 0 is outside the 1–5 scale the template allows", () => {
    const questionnaire = read(rowWith([0, 90, 80, 4]));
    expect(questionnaire.warnings[0]).toMatchObject({
      cell: "'Анкета'!C2",
      message: expect.stringContaining("ожидалось: число от 1 до 5; найдено «0»"),
    });
  });

  it("a score above 5 is a warning with its cell, and is not judged", () => {
    const questionnaire = read(rowWith([7, 90, 80, 4]));
    expect(questionnaire.warnings).toEqual([
      {
        cell: "'Анкета'!C2",
        message:
          "анкета факторов риска, «Ф1.1 Состояние классов и кабинетов, балл 1–5»: ожидалось: число от 1 до 5; найдено «7»; значение не учтено",
      },
    ]);
  });
});

describe("thresholds on the settings sheet", () => {
  const layout = riskThresholdsLayout();
  const asGrid = (body: CellValue[][]) => ({
    sheetName: "Пороги",
    values: [...layout.preamble.map((line) => [line]), [], layout.header, ...body],
  });

  it("reads back the defaults it writes", () => {
    const read = readRiskThresholds(asGrid(layout.body));
    if (isEngineError(read)) throw new Error(read.message);
    expect(read.thresholds).toEqual(defaultRiskThresholds());
    expect(read.warnings).toEqual([]);
  });

  it("uses a threshold the user changed, and keeps the default where the cell is unreadable", () => {
    // The rule's row comes first: the parameters' rows are found by their codes.
    const body = layout.body.map((row) => [...row]);
    body.find((row) => row[0] === "Ф1.1")![4] = 2; // Ф1.1: risk only below 2
    body.find((row) => row[0] === "Ф1.2")![4] = "много";
    const read = readRiskThresholds(asGrid(body));
    if (isEngineError(read)) throw new Error(read.message);
    expect(read.thresholds.get("Ф1.1")).toEqual({ direction: "below", threshold: 2 });
    expect(read.thresholds.get("Ф1.2")).toEqual({ direction: "below", threshold: 80 });
    expect(read.warnings).toEqual([
      {
        // Preamble 4 lines, a blank line, the header (row 6), the rule (7), Ф1.1 (8), Ф1.2 (9).
        cell: "'Пороги'!E9",
        message: "порог Ф1.2: ожидалось число; найдено «много»; оставлен порог по умолчанию 80",
      },
    ]);
  });
});
