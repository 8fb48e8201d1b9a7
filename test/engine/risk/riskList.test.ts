import {
  ALL_RISK_PARAMETERS,
  EXCEL_CELL_CHARACTERS,
  EXCEL_CELL_LINE_FEEDS,
  assessRiskFactors,
  isEngineError,
  joinWithinCell,
  parameterHeader,
  readRiskQuestionnaire,
  riskListLayout,
  riskMatrixLayout,
  type CellValue,
  type RiskQuestionnaire,
} from "../../../src/engine";

const VACANCIES = ALL_RISK_PARAMETERS.filter((parameter) => parameter.code.startsWith("Ф2."));

/** Schools with their teacher vacancies (Ф2.1); no shortage of other staff. */
function questionnaire(
  schools: [login: string, name: string, vacancies: number][]
): RiskQuestionnaire {
  const read = readRiskQuestionnaire({
    sheetName: "Анкета",
    values: [
      ["Логин ОО", "Наименование ОО", ...VACANCIES.map(parameterHeader)],
      ...schools.map(([login, name, vacancies]): CellValue[] => [login, name, vacancies, 0, 0]),
    ],
  });
  if (isEngineError(read)) throw new Error(read.message);
  return read;
}

const TEACHER_SHORTAGE = 1; // factor 2's row of the list

describe("«Факторы → школы»: the risk group as seed 001 lists it, the ШНОР apart", () => {
  // Сохновская and Крутоярская have vacancies (factor 2); Гляденская has none. Крутоярская is ШНОР.
  const schools = questionnaire([
    ["sch240101", "МБОУ «Сохновская СОШ»", 3],
    ["sch240103", "МБОУ «Крутоярская СОШ»", 1],
    ["sch240105", "МБОУ «Гляденская СОШ»", 0],
  ]);

  it("lists ШГР under the factor and the ШНОР with the same factor in their own column", () => {
    const assessment = assessRiskFactors(schools, undefined, new Set(["sch240103"]));
    expect(assessment.byFactor[TEACHER_SHORTAGE]).toMatchObject({
      schools: ["МБОУ «Сохновская СОШ»", "МБОУ «Крутоярская СОШ»"],
      riskGroup: ["МБОУ «Сохновская СОШ»"],
      lowResult: ["МБОУ «Крутоярская СОШ»"],
    });
    const layout = riskListLayout(assessment);
    expect(layout.header).toEqual([
      "Фактор риска",
      "Школ ШГР",
      "Школы группы риска (ШГР)",
      "Школ ШНОР",
      "ШНОР с этим фактором (не ШГР)",
    ]);
    expect(layout.body[TEACHER_SHORTAGE]).toEqual([
      "2. Дефицит педагогических кадров",
      1,
      "МБОУ «Сохновская СОШ»",
      1,
      "МБОУ «Крутоярская СОШ»",
    ]);
    expect(layout.body[0]).toEqual(["1. Низкий уровень оснащения школы", 0, "", 0, ""]);
  });

  it("says the ШНОР were not looked for, rather than «0», when there was no results table", () => {
    const layout = riskListLayout(assessRiskFactors(schools));
    expect(layout.body[TEACHER_SHORTAGE]).toEqual([
      "2. Дефицит педагогических кадров",
      2,
      "МБОУ «Сохновская СОШ»\nМБОУ «Крутоярская СОШ»",
      null,
      "ШНОР не определялись",
    ]);
    expect(layout.preamble[2]).toBe(
      "ШНОР не определялись (в книге нет таблицы результатов): в ШГР отнесены все школы с факторами риска."
    );
  });

  it("states the rule in force above both risk sheets", () => {
    const rule = (assessment: ReturnType<typeof assessRiskFactors>) => [
      riskMatrixLayout(assessment, "Анкета").preamble[2],
      riskListLayout(assessment).preamble[1],
    ];
    for (const line of rule(assessRiskFactors(schools)))
      expect(line).toMatch(
        /^Фактор присутствует, если за порогом хотя бы один его заполненный параметр \(правило «любой параметр»; пороги и правило — лист «Пороги факторов риска»\)\. /
      );
    for (const line of rule(assessRiskFactors(schools, undefined, undefined, "half")))
      expect(line).toMatch(
        /за порогом не менее половины его заполненных параметров \(правило «не менее половины»;/
      );
  });
});

describe("a list longer than a cell holds (32,767 characters)", () => {
  it("keeps whole items and counts the rest", () => {
    // «Аа», «Бб», «Вв», «Гг» joined by «, » take 14; the limit is 12. Two items and «, +2» are 10;
    // a third item would make 14 with «, +1»: too long.
    const more = (rest: number) => `+${rest}`;
    expect(joinWithinCell(["Аа", "Бб", "Вв", "Гг"], ", ", more, 12)).toBe("Аа, Бб, +2");
    expect(joinWithinCell(["Аа", "Бб", "Вв", "Гг"], ", ", more, 14)).toBe("Аа, Бб, Вв, Гг");
  });

  it("stops at the limit with «… и ещё N школ» in agreement, pointing to the matrix", () => {
    // 300 schools with factor 2, names of 200 characters, one per line: k names take 201k − 1
    // characters; the tail is a line break and «… и ещё 138 школ — полный список …» (83 characters).
    // 201k + 83 ≤ 32,767 gives k = 162 names, 32,645 characters; 300 − 162 = 138 left: «138 школ».
    // (An ordinary space after «№»: the reader tidies a no-break space to one, so names come back so.)
    const names = Array.from({ length: 300 }, (_, index) =>
      `МБОУ «Школа № ${String(index + 1).padStart(4, "0")}», с. Луговое`.padEnd(
        200,
        " Заречного муниципального округа Красноярского края,"
      )
    );
    expect(names[0]).toHaveLength(200);
    const assessment = assessRiskFactors(
      questionnaire(names.map((name, index) => [`sch${100000 + index}`, name, 1]))
    );
    const cell = String(riskListLayout(assessment).body[TEACHER_SHORTAGE][2]);
    const lines = cell.split("\n");
    expect(lines).toHaveLength(163);
    expect(lines.slice(0, 162)).toEqual(names.slice(0, 162));
    expect(lines[162]).toBe(
      "… и ещё 138 школ — полный список на листе «Матрица рисков» (фильтр по столбцу «Ф2»)"
    );
    expect(cell).toHaveLength(32_645);
    expect(cell.length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
  });

  it("stops a list of short names at Excel's 253 line feeds of a cell", () => {
    // 1,102 names of 31 characters would fit 1,021 to the characters, but a cell takes 253 line
    // feeds: 253 names, a line feed before each of the other 252 and before the tail; 849 left.
    const names = Array.from(
      { length: 1102 },
      (_, index) => `МБОУ «Школа № ${String(index + 1).padStart(4, "0")}», с. Луговое`
    );
    const assessment = assessRiskFactors(
      questionnaire(names.map((name, index) => [`sch${100000 + index}`, name, 1]))
    );
    const cell = String(riskListLayout(assessment).body[TEACHER_SHORTAGE][2]);
    const lines = cell.split("\n");
    expect(lines).toHaveLength(EXCEL_CELL_LINE_FEEDS + 1);
    expect(lines.slice(0, 253)).toEqual(names.slice(0, 253));
    expect(lines[253]).toBe(
      "… и ещё 849 школ — полный список на листе «Матрица рисков» (фильтр по столбцу «Ф2»)"
    );
  });
});
