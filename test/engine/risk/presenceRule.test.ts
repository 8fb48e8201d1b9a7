import {
  ALL_RISK_PARAMETERS,
  analyzeWorkbook,
  assessRiskFactors,
  isEngineError,
  parameterHeader,
  readRiskQuestionnaire,
  readRiskThresholds,
  riskThresholdsLayout,
  type CellValue,
  type RiskQuestionnaire,
  type RiskThresholdsSheet,
  type SheetGrid,
  type SheetLayout,
} from "../../../src/engine";

/** A questionnaire sheet of the given parameters, one row per school. */
function questionnaireGrid(codes: string[], rows: [string, string, ...CellValue[]][]): SheetGrid {
  const parameters = codes.map((code) => ALL_RISK_PARAMETERS.find((p) => p.code === code)!);
  return {
    sheetName: "Анкета",
    values: [["Логин ОО", "Наименование ОО", ...parameters.map(parameterHeader)], ...rows],
  };
}

function read(grid: SheetGrid): RiskQuestionnaire {
  const questionnaire = readRiskQuestionnaire(grid);
  if (isEngineError(questionnaire)) throw new Error(questionnaire.message);
  return questionnaire;
}

/** The thresholds sheet as the user sees it: preamble, a blank line, the header, the body. */
function sheetGrid(layout: SheetLayout): SheetGrid {
  return {
    sheetName: "Пороги факторов риска",
    values: [...layout.preamble.map((line) => [line]), [], layout.header, ...layout.body],
  };
}

/** The layout with the «Порог» cell of the row coded `code` set to `value`. */
function withCell(layout: SheetLayout, code: string, value: CellValue): SheetLayout {
  const body = layout.body.map((row) => (row[0] === code ? [...row.slice(0, 4), value] : row));
  return { ...layout, body };
}

function readSheet(layout: SheetLayout): RiskThresholdsSheet {
  const sheet = readRiskThresholds(sheetGrid(layout));
  if (isEngineError(sheet)) throw new Error(sheet.message);
  return sheet;
}

// Seed 001 names МБОУ «Сохновская СОШ» under «Дефицит педагогических кадров». A school like it: three
// teacher vacancies (Ф2.1), no shortage of specialists (Ф2.2) or support staff (Ф2.3).
const SOKHNOVSKAYA = questionnaireGrid(
  ["Ф2.1", "Ф2.2", "Ф2.3"],
  [["sch240101", "МБОУ «Сохновская СОШ»", 3, 0, 0]]
);

describe("when a factor is present", () => {
  it("by default, when any one parameter crosses its threshold: 3 vacancies > 0 → factor 2", () => {
    // Ф2.1: 3 > 0 at risk; Ф2.2 and Ф2.3: 0 is on the threshold, not a risk. 1 of 3 at risk ≥ 1.
    const school = assessRiskFactors(read(SOKHNOVSKAYA)).schools[0];
    expect(school.factors).toEqual([2]);
    expect(school.riskGroup).toBe(true);
  });

  it.each<[string, (number | string)[], boolean, boolean]>([
    // Ф1.1 score < 3, Ф1.2 % < 80, Ф1.3 % < 70, Ф1.4 score < 3.   any   half (⌈filled/2⌉)
    ["1 of 4 at risk", [2, 90, 80, 4], true, false], // 1 ≥ 1; 1 < 2
    ["2 of 4 at risk", [2, 70, 80, 4], true, true], // 2 ≥ 2
    ["1 of 3 filled at risk", [2, 90, 80, ""], true, false], // 1 < ⌈3/2⌉ = 2
    ["1 of 2 filled at risk", [2, 90, "", ""], true, true], // 1 ≥ ⌈2/2⌉ = 1
    ["none at risk", [3, 80, 70, 3], false, false], // each value on its threshold
  ])("%s %p: present by default %p, under «не менее половины» %p", (_, values, any, half) => {
    const grid = questionnaireGrid(["Ф1.1", "Ф1.2", "Ф1.3", "Ф1.4"], [["sch1", "СОШ", ...values]]);
    const present = (rule: "any" | "half") =>
      assessRiskFactors(read(grid), undefined, undefined, rule).schools[0].factors.includes(1);
    expect([present("any"), present("half")]).toEqual([any, half]);
  });
});

describe("the rule on the thresholds sheet", () => {
  const layout = riskThresholdsLayout();

  it("is a row of its own, «любой параметр» by default, and the sheet states both choices", () => {
    expect(layout.body[0]).toEqual([
      "Правило",
      "Все факторы",
      "Фактор присутствует, если за порогом: «любой параметр» — хотя бы один его заполненный параметр; «не менее половины» — не менее половины его заполненных параметров",
      "",
      "любой параметр",
    ]);
    expect(layout.preamble).toContain(
      "Правило для всех факторов — в строке «Правило», столбец «Порог»: «любой параметр» (по умолчанию) — фактор присутствует, если за порогом хотя бы один его заполненный параметр; «не менее половины» — строже: за порогом не менее половины его заполненных параметров."
    );
    expect(readSheet(layout)).toMatchObject({ rule: "any", warnings: [] });
    expect(readSheet(riskThresholdsLayout(undefined, "half"))).toMatchObject({ rule: "half" });
  });

  it("«не менее половины» typed by the user takes factor 2 from the Сохновская-like school", () => {
    // 1 of 3 parameters at risk < ⌈3/2⌉ = 2: not present under the stricter rule.
    const stricter = withCell(layout, "Правило", "Не менее половины");
    const sheet = readSheet(stricter);
    expect(sheet.rule).toBe("half");
    const school = assessRiskFactors(read(SOKHNOVSKAYA), sheet.thresholds, undefined, sheet.rule)
      .schools[0];
    expect(school.factors).toEqual([]);
    // The same through the whole analysis: the workbook's thresholds sheet is read and applied.
    const analysis = (grids: SheetGrid[]) => {
      const result = analyzeWorkbook(grids.map((grid) => ({ grid })));
      if (isEngineError(result)) throw new Error(result.message);
      return result.risk!;
    };
    expect(analysis([SOKHNOVSKAYA, sheetGrid(layout)]).schools[0].factors).toEqual([2]);
    expect(analysis([SOKHNOVSKAYA, sheetGrid(stricter)])).toMatchObject({
      rule: "half",
      schools: [expect.objectContaining({ factors: [] })],
    });
  });

  it("keeps the default, with a warning at the cell, when the rule cannot be read", () => {
    // Preamble 4 lines, a blank line, the header on row 6: the rule row is row 7, «Порог» column E.
    expect(readSheet(withCell(layout, "Правило", "строгое"))).toMatchObject({
      rule: "any",
      warnings: [
        {
          cell: "'Пороги факторов риска'!E7",
          message:
            "правило факторов: ожидалось «любой параметр» или «не менее половины»; найдено «строгое»; применено правило по умолчанию «любой параметр»",
        },
      ],
    });
  });

  it("says so when a sheet from before the rule has no rule row", () => {
    const older = { ...layout, body: layout.body.slice(1) };
    expect(readSheet(older)).toMatchObject({
      rule: "any",
      warnings: [
        {
          cell: "'Пороги факторов риска'",
          message:
            "нет строки «Правило»: применено правило по умолчанию — фактор присутствует, если за порогом хотя бы один его заполненный параметр; для другого правила добавьте строку с кодом «Правило» и в столбце «Порог» впишите «не менее половины»",
        },
      ],
    });
  });
});

describe("the matrix's note («Обоснование»)", () => {
  it("names each parameter that crossed, with its value and threshold", () => {
    expect(assessRiskFactors(read(SOKHNOVSKAYA)).reasonOf(0)).toBe(
      "ШГР — фактор риска 2 «Дефицит педагогических кадров» (Ф2.1 вакансии педагогов: 3 > 0)"
    );
  });

  it("shows per cent with a no-break space, and values close to the threshold with the digits they need", () => {
    // Ф1.1 2,96 < 3 (one decimal would read «3 < 3»); Ф1.2 70 % < 80 %; Ф1.3 75 ≥ 70 and Ф1.4 4 ≥ 3: no risk.
    const grid = questionnaireGrid(
      ["Ф1.1", "Ф1.2", "Ф1.3", "Ф1.4"],
      [["sch1", "СОШ №\u00a01", 2.96, 70, 75, 4]]
    );
    expect(assessRiskFactors(read(grid), undefined, new Set(["sch1"])).reasonOf(0)).toBe(
      "ШНОР; фактор риска 1 «Низкий уровень оснащения школы» (" +
        "Ф1.1 состояние классов и кабинетов: 2,96 < 3; " +
        "Ф1.2 обеспеченность учебными материалами: 70\u00a0% < 80\u00a0%)"
    );
  });

  it("under the stricter rule, also says how many of the filled parameters crossed", () => {
    // Ф6.1 25 % > 20 %, Ф6.2 10 % ≤ 15 %: 1 of 2 filled ≥ ⌈2/2⌉ = 1, so present; «из 2» wants the genitive.
    const grid = questionnaireGrid(["Ф6.1", "Ф6.2", "Ф1.1"], [["sch1", "СОШ №\u00a01", 25, 10, 4]]);
    expect(assessRiskFactors(read(grid), undefined, undefined, "half").reasonOf(0)).toBe(
      "ШГР — фактор риска 6 «Высокая доля обучающихся с рисками учебной неуспешности» (" +
        "Ф6.1 доля классов, где более 30\u00a0% обучающихся из малообеспеченных семей: 25\u00a0% > 20\u00a0%; " +
        "за порогом 1 из 2 заполненных параметров)"
    );
  });
});
