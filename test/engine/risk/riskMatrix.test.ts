import {
  ALL_RISK_PARAMETERS,
  assessRiskFactors,
  FACTOR_NOT_JUDGED,
  isEngineError,
  parameterHeader,
  readRiskQuestionnaire,
  riskMatrixLayout,
  type CellValue,
} from "../../../src/engine";

/**
 * Four schools of a questionnaire. Every parameter is at its threshold (a threshold value is no risk)
 * unless a school says otherwise; `null` leaves the cell blank.
 */
function matrix(schools: [login: string, name: string, values: Record<string, number | null>][]) {
  const read = readRiskQuestionnaire({
    sheetName: "Анкета",
    values: [
      ["Логин ОО", "Наименование ОО", ...ALL_RISK_PARAMETERS.map(parameterHeader)],
      ...schools.map(([login, name, values]): CellValue[] => [
        login,
        name,
        ...ALL_RISK_PARAMETERS.map((parameter) =>
          parameter.code in values ? values[parameter.code]! : parameter.threshold
        ),
      ]),
    ],
  });
  if (isEngineError(read)) throw new Error(read.message);
  const assessment = assessRiskFactors(read, undefined, new Set(["sch240103"]));
  return { assessment, layout: riskMatrixLayout(assessment, "Анкета") };
}

/** Every parameter of factors 3–10 blank: those factors cannot be judged. */
const ONLY_FACTORS_1_AND_2 = Object.fromEntries(
  ALL_RISK_PARAMETERS.filter((parameter) => !/^Ф[12]\./.test(parameter.code)).map((parameter) => [
    parameter.code,
    null,
  ])
);

describe("«Матрица рисков» reads at a glance", () => {
  // Сохновская: teacher vacancies (factor 2) → ШГР. Крутоярская: too few materials (factor 1), but
  // ШНОР. Гляденская: nothing at risk, every factor judged. Ивановская: nothing at risk in factors
  // 1–2, no data for the rest.
  const { assessment, layout } = matrix([
    ["sch240101", "МБОУ «Сохновская СОШ»", { "Ф2.1": 3 }],
    ["sch240103", "МБОУ «Крутоярская СОШ»", { "Ф1.2": 70 }],
    ["sch240105", "МБОУ «Гляденская СОШ»", {}],
    ["sch240107", "МБОУ «Ивановская ООШ»", ONLY_FACTORS_1_AND_2],
  ]);
  const factorColumns = layout.header.flatMap((name, column) =>
    /^Ф\d+\. /.test(name) ? [column] : []
  );
  const factorCells = (row: number) => factorColumns.map((column) => layout.body[row]![column]);

  it("has 1 where a factor is present, an empty cell where it is absent, no wall of zeros", () => {
    expect(factorColumns).toHaveLength(10);
    expect(factorCells(0)).toEqual([null, 1, null, null, null, null, null, null, null, null]);
    expect(factorCells(1)).toEqual([1, null, null, null, null, null, null, null, null, null]);
    expect(factorCells(2)).toEqual(Array(10).fill(null));
    expect(layout.body.flatMap((_, row) => factorCells(row))).not.toContain(0);
  });

  it("tells a factor without data («—») from an absent one", () => {
    expect(FACTOR_NOT_JUDGED).toBe("—");
    expect(factorCells(3)).toEqual([null, null, ...Array(8).fill("—")]);
    expect(assessment.schools[3]!.withoutData).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(assessment.schools[2]!.withoutData).toEqual([]);
  });

  it("counts as COUNT would: the 1s of a column are the schools with the factor", () => {
    const count = (column: number) =>
      layout.body.filter((row) => typeof row[column] === "number").length;
    expect(factorColumns.map(count)).toEqual(
      assessment.byFactor.map((factor) => factor.schools.length)
    );
    const total = layout.header.indexOf("Всего факторов");
    expect(layout.body.map((row) => row[total])).toEqual([1, 1, 0, 0]);
    expect(layout.columns[factorColumns[0]!]).toMatchObject({ wrap: true, heat: true });
  });

  it("colours the rows as every sheet does: grey is not enough data", () => {
    expect(layout.rowTone).toEqual(["alert", null, "ok", "unknown"]);
  });

  it("says above the table what each colour and each cell means", () => {
    expect(layout.preamble.slice(4)).toEqual([
      "Цвет строки: красный — школа группы риска (ШГР); без заливки — ШНОР с факторами риска (их поддержка — программа ШНОР); " +
        "зелёный — факторы риска не выявлены; серый — факторы риска не выявлены, но по части факторов нет данных.",
      "В столбцах факторов: 1 (красная ячейка) — фактор есть; пусто — фактора нет; «—» — по фактору нет данных (не заполнен ни один его параметр). " +
        "«Всего факторов» — чем больше, тем краснее.",
    ]);
    expect(layout.preamble[1]).toBe(
      "Источник: лист «Анкета»; 4 школы, из них в группе риска (ШГР) — 1"
    );
  });

  it("names only the colours the sheet uses", () => {
    const { layout: clean } = matrix([["sch240105", "МБОУ «Гляденская СОШ»", {}]]);
    expect(clean.preamble[4]).toBe("Цвет строки: зелёный — факторы риска не выявлены.");
  });
});
