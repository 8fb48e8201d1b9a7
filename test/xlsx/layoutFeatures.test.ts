import { existsSync, writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import {
  ALL_RISK_PARAMETERS,
  assessRiskFactors,
  columnLetters,
  EXCEL_CELL_LINE_FEEDS,
  headerRowHeight,
  isEngineError,
  parameterHeader,
  preambleRowHeights,
  printSetup,
  readRiskQuestionnaire,
  riskListLayout,
  riskMatrixLayout,
  riskThresholdsLayout,
  templateLayout,
  type SheetLayout,
} from "../../src/engine";
import {
  readWorkbookSheets,
  writeNewWorkbook,
  writeWorkbookWithOutputs,
  WorkbookFileError,
} from "../../src/xlsx";
import { fileHash, readBack, temporaryFolder, writeResultsWorkbook } from "./workbookFiles";

/** ExcelJS reads validations into `dataValidations.model`, one entry per cell; it does not type it. */
type Validations = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (sheet: ExcelJS.Worksheet): Validations =>
  (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

/** ExcelJS keeps a read sheet's conditional formats here; not in its types either. */
const conditionalFormatsOf = (sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;

const SCHOOLS = [
  { login: "sch900001", name: "МБОУ «СОШ № 1»" },
  { login: "sch900002", name: "МБОУ «СОШ № 2»" },
];

const HEAT: SheetLayout = {
  name: "Матрица",
  marker: "school-radar:test-heat",
  preamble: ["Тест"],
  header: ["ОО", "Ф1", "Ф2", "Факторов"],
  body: [
    ["А", 1, 0, 1],
    ["Б", 0, 0, 0],
    ["В", 1, 0, 3],
  ],
  columns: [
    { width: 20 },
    { width: 6, heat: true },
    { width: 6, heat: true },
    { width: 8, heat: true },
  ],
};

describe("layouts with validations, user data and heat maps", () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  describe("a template written to a new workbook", () => {
    const file = path.join(folder.dir, "шаблон.xlsx");
    const layout = templateLayout("social-passport", SCHOOLS);
    const headerRow = layout.preamble.length + 2;

    beforeAll(async () => {
      await writeNewWorkbook([layout], file);
    });

    it("has the header, the pre-filled schools and a frozen header", async () => {
      const sheet = (await readBack(file)).getWorksheet(layout.name)!;
      expect(sheet.getRow(headerRow).values).toEqual([undefined, ...layout.header]);
      expect(sheet.getCell(headerRow + 1, 1).value).toBe("sch900001");
      expect(sheet.getCell(headerRow + 2, 2).value).toBe("МБОУ «СОШ № 2»");
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });
    });

    it("prints one page wide with its header on every page, its preamble merged and wrapped at the engine's heights", async () => {
      const sheet = (await readBack(file)).getWorksheet(layout.name)!;
      const setup = printSetup(layout);
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: setup.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: `A1:${columnLetters(layout.header.length - 1)}${headerRow + layout.body.length}`,
        printTitlesRow: `${headerRow}:${headerRow}`,
      });
      expect(sheet.headerFooter.oddFooter).toBe("&C&A — стр. &P из &N");
      const last = columnLetters(layout.header.length - 1);
      expect(sheet.model.merges).toEqual(
        expect.arrayContaining(layout.preamble.map((_, row) => `A${row + 1}:${last}${row + 1}`))
      );
      preambleRowHeights(layout).forEach((height, row) =>
        expect(sheet.getRow(row + 1).height).toBe(height ?? undefined)
      );
      const header = headerRowHeight(layout);
      expect(header).not.toBeNull();
      expect(sheet.getRow(headerRow).height).toBe(header);
    });

    it("validates every input column over the schools and the spare rows", async () => {
      const sheet = (await readBack(file)).getWorksheet(layout.name)!;
      const validations = validationsOf(sheet);
      const first = headerRow + 1;
      const last = headerRow + layout.inputRows!;
      // Students total: a whole number ≥ 0.
      for (const row of [first, last]) {
        expect(validations[`C${row}`]).toMatchObject({
          type: "whole",
          operator: "greaterThanOrEqual",
          formulae: [0],
          allowBlank: true,
          showErrorMessage: true,
          error: "Введите целое неотрицательное число",
        });
      }
      expect(validations[`C${last + 1}`]).toBeUndefined();
      // A count: not above the total of its own row (the formula is relative to the first row).
      expect(validations[`D${first}`]).toMatchObject({
        type: "custom",
        formulae: [
          `AND(ISNUMBER(D${first}),D${first}=INT(D${first}),D${first}>=0,OR(ISBLANK($C${first}),D${first}<=$C${first}))`,
        ],
        error: "Введите целое число, не больше общего числа в этой строке",
      });
      expect(validations[`D${last}`]).toEqual(validations[`D${first}`]);
      expect(validations[`A${first}`]).toBeUndefined();
      const validated = layout.columns.filter((spec) => spec.validation !== undefined).length;
      const columns = new Set(
        Object.keys(validations).map((address) => address.replace(/\d+/, ""))
      );
      expect(columns.size).toBe(validated);
    });

    it("marks the template as the user's data, which the reader takes as input", async () => {
      const names = (await readBack(file)).definedNames.model;
      expect(names).toEqual([
        { name: "SchoolRadarData_template_social_passport", ranges: ["'Социальный паспорт'!$A$1"] },
      ]);
      const [sheet] = await readWorkbookSheets(file);
      expect(sheet!.outputMark).toBeNull();
    });

    it("validates percentages between 0 and 100 and scores between 1 and 5 in the risk questionnaire", async () => {
      const questionnaire = templateLayout("risk-questionnaire");
      const questionnaireFile = path.join(folder.dir, "анкета.xlsx");
      await writeNewWorkbook([questionnaire], questionnaireFile);
      const sheet = (await readBack(questionnaireFile)).getWorksheet(questionnaire.name)!;
      const row = questionnaire.preamble.length + 3;
      const ruleOf = (index: number) => validationsOf(sheet)[`${columnLetters(index)}${row}`];
      const percent = questionnaire.columns.findIndex((spec) => spec.validation?.max === 100);
      expect(percent).toBeGreaterThan(1);
      expect(ruleOf(percent)).toMatchObject({
        type: "decimal",
        operator: "between",
        formulae: [0, 100],
        error: "Введите процент от 0 до 100",
      });
      const score = questionnaire.columns.findIndex((spec) => spec.validation?.min === 1);
      expect(score).toBeGreaterThan(1);
      expect(ruleOf(score)).toMatchObject({
        type: "decimal",
        operator: "between",
        formulae: [1, 5],
      });
      questionnaire.columns.forEach((spec, index) => {
        expect(ruleOf(index)?.type).toBe(spec.validation?.type);
      });
    });

    it("refuses to write over an existing file", async () => {
      const before = fileHash(file);
      await expect(writeNewWorkbook([layout], file)).rejects.toMatchObject({ problem: "exists" });
      expect(fileHash(file)).toBe(before);
      const error = await writeNewWorkbook([layout], file).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(WorkbookFileError);
      expect((error as Error).message).toMatch(/уже существует/);
    });
  });

  describe("user-data sheets in a copy of the user's workbook", () => {
    const input = path.join(folder.dir, "выгрузка.xlsx");
    const first = path.join(folder.dir, "первый запуск.xlsx");
    const edited = path.join(folder.dir, "пороги изменены.xlsx");
    const second = path.join(folder.dir, "второй запуск.xlsx");
    const thresholds = riskThresholdsLayout();
    const thresholdCell = `E${thresholds.preamble.length + 3}`;

    beforeAll(async () => {
      await writeResultsWorkbook(input);
      await writeWorkbookWithOutputs(input, [thresholds, HEAT], first);
      const workbook = await readBack(first);
      workbook.getWorksheet(thresholds.name)!.getCell(thresholdCell).value = 77;
      await workbook.xlsx.writeFile(edited);
    });

    it("are written on the first run and marked as the user's data", async () => {
      const written = await readBack(first);
      expect(written.worksheets.map((sheet) => sheet.name)).toEqual([
        "Выгрузка",
        thresholds.name,
        "Матрица",
      ]);
      expect(written.definedNames.model.map((name) => name.name).sort()).toEqual([
        "SchoolRadarData_risk_thresholds",
        "SchoolRadar_test_heat",
      ]);
    });

    it("are kept as the user left them on a re-run, while outputs are replaced", async () => {
      const report = await writeWorkbookWithOutputs(edited, [thresholds, HEAT], second);
      expect(report.sheets.map((sheet) => sheet.name)).toEqual(["Матрица"]);
      expect(report.replacedSheets).toEqual(["Матрица"]);
      expect(report.keptSheets).toEqual([
        { marker: thresholds.marker, requestedName: thresholds.name, name: thresholds.name },
      ]);
      const written = await readBack(second);
      expect(written.worksheets.map((sheet) => sheet.name)).toEqual([
        "Выгрузка",
        thresholds.name,
        "Матрица",
      ]);
      expect(written.getWorksheet(thresholds.name)!.getCell(thresholdCell).value).toBe(77);
      const sheets = await readWorkbookSheets(second);
      expect(sheets.map((sheet) => sheet.outputMark)).toEqual([
        null,
        null,
        "SchoolRadar_test_heat",
      ]);
    });

    it("go to «Имя (2)» when a sheet of the user has the name", async () => {
      const clash = path.join(folder.dir, "свой лист порогов.xlsx");
      await writeResultsWorkbook(clash, (workbook) => {
        workbook.addWorksheet(thresholds.name).getCell("A1").value = "Мои пороги";
      });
      const out = path.join(folder.dir, "свой лист порогов-результат.xlsx");
      const report = await writeWorkbookWithOutputs(clash, [thresholds], out);
      expect(report.sheets[0]).toMatchObject({ name: `${thresholds.name} (2)` });
      const written = await readBack(out);
      expect(written.getWorksheet(thresholds.name)!.getCell("A1").value).toBe("Мои пороги");
      // The next run finds the marked «(2)» and keeps it; the user's sheet is untouched.
      const again = path.join(folder.dir, "свой лист порогов-ещё.xlsx");
      const next = await writeWorkbookWithOutputs(out, [thresholds], again);
      expect(next.sheets).toEqual([]);
      expect(next.keptSheets[0]!.name).toBe(`${thresholds.name} (2)`);
      expect((await readBack(again)).worksheets.map((sheet) => sheet.name)).toEqual([
        "Выгрузка",
        thresholds.name,
        `${thresholds.name} (2)`,
      ]);
    });

    it("are written again when the user deleted the sheet but its name stayed behind", async () => {
      const workbook = await readBack(first);
      workbook.removeWorksheet(workbook.getWorksheet(thresholds.name)!.id);
      const deleted = path.join(folder.dir, "лист порогов удалён.xlsx");
      await workbook.xlsx.writeFile(deleted);
      const out = path.join(folder.dir, "лист порогов удалён-результат.xlsx");
      const report = await writeWorkbookWithOutputs(deleted, [thresholds], out);
      expect(report.sheets.map((sheet) => sheet.name)).toEqual([thresholds.name]);
      const names = (await readBack(out)).definedNames.model.filter(
        (name) => name.name === "SchoolRadarData_risk_thresholds"
      );
      expect(names).toEqual([
        { name: "SchoolRadarData_risk_thresholds", ranges: [`'${thresholds.name}'!$A$1`] },
      ]);
    });
  });

  describe("heat columns", () => {
    it("get a white-to-red colour scale over their numbers, from 0 to the column's highest value", async () => {
      const file = path.join(folder.dir, "тепловая карта.xlsx");
      await writeNewWorkbook([HEAT], file);
      const sheet = (await readBack(file)).getWorksheet("Матрица")!;
      const formats = conditionalFormatsOf(sheet);
      expect(formats.map((format) => format.ref)).toEqual(["B4:B6", "C4:C6", "D4:D6"]);
      const scales = formats.map((format) => format.rules[0] as ExcelJS.ColorScaleRuleType);
      expect(scales.map((rule) => rule.type)).toEqual(["colorScale", "colorScale", "colorScale"]);
      expect(scales.map((rule) => rule.cfvo!.map((point) => point.value))).toEqual([
        [0, 1],
        [0, 1],
        [0, 3],
      ]);
      expect(scales[0]!.color!.map((colour) => colour.argb)).toEqual(["FFFFFFFF", "FFF8696B"]);
    });

    it("leave a sheet without heat columns without conditional formats, and never write NaN", async () => {
      const file = path.join(folder.dir, "без карты.xlsx");
      await writeNewWorkbook(
        [{ ...HEAT, body: [["А", Number.NaN, Infinity, 2]], columns: [{ width: 20 }] }],
        file
      );
      const sheet = (await readBack(file)).getWorksheet("Матрица")!;
      expect(conditionalFormatsOf(sheet)).toEqual([]);
      expect(sheet.getCell("B4").value).toBeNull();
      expect(sheet.getCell("C4").value).toBeNull();
      expect(sheet.getCell("D4").value).toBe(2);
    });
  });

  describe("the risk sheets' notes and lists", () => {
    // 1,200 schools with 3 teacher vacancies (factor 2), names of 31 characters: the list of factor 2
    // is cut by the engine near the cell's limit; the notes hold «>», which the XML must escape.
    const teacherShortage = ALL_RISK_PARAMETERS.filter((parameter) =>
      parameter.code.startsWith("Ф2.")
    );
    const questionnaire = readRiskQuestionnaire({
      sheetName: "Анкета",
      values: [
        ["Логин ОО", "Наименование ОО", ...teacherShortage.map(parameterHeader)],
        ...Array.from({ length: 1200 }, (_, index) => [
          `sch${100000 + index}`,
          `МБОУ «Школа № ${String(index + 1).padStart(4, "0")}», с. Луговое`,
          3,
          0,
          0,
        ]),
      ],
    });
    if (isEngineError(questionnaire)) throw new Error(questionnaire.message);
    const assessment = assessRiskFactors(questionnaire, undefined, new Set(["sch100000"]));
    const layouts = [riskMatrixLayout(assessment, "Анкета"), riskListLayout(assessment)];
    /** The cell of a layout's body, as a reader of the written sheet finds it (1-based, below the header). */
    const cellOf = (layout: SheetLayout, row: number, column: number) =>
      `${columnLetters(column)}${layout.preamble.length + 3 + row}`;

    it.each([
      ["a new workbook", (file: string) => writeNewWorkbook(layouts, file)],
      [
        "a copy of the user's workbook",
        async (file: string) => {
          const input = file.replace(".xlsx", "-исходный.xlsx");
          await writeResultsWorkbook(input);
          await writeWorkbookWithOutputs(input, layouts, file);
        },
      ],
    ])("are written whole to %s", async (where, write) => {
      const file = path.join(folder.dir, `риски — ${where}.xlsx`);
      await write(file);
      const workbook = await readBack(file);
      const [matrix, list] = layouts;
      const note = matrix.header.indexOf("Обоснование");
      const written = (layout: SheetLayout, row: number, column: number) =>
        workbook.getWorksheet(layout.name)!.getCell(cellOf(layout, row, column)).value;
      expect(written(matrix, 0, note)).toBe(
        "ШНОР; фактор риска 2 «Дефицит педагогических кадров» (Ф2.1 вакансии педагогов: 3 > 0)"
      );
      const names = String(list.body[1][2]);
      // 1,200 names of 31 characters: cut by the engine at a cell's 253 line feeds, not its characters.
      expect(names.split("\n")).toHaveLength(EXCEL_CELL_LINE_FEEDS + 1);
      expect(names).toMatch(/\n… и ещё \d+ школ[аы]? — полный список на листе «Матрица рисков»/);
      // Not cut again by the writer: the text is the engine's, whole.
      expect(written(list, 1, 2)).toBe(names);
      expect(written(list, 1, 4)).toBe("МБОУ «Школа № 0001», с. Луговое");
    });
  });

  it("does not create a file when the template cannot be written", async () => {
    const folderAsFile = path.join(folder.dir, "файл");
    writeFileSync(folderAsFile, "");
    const target = path.join(folderAsFile, "шаблон.xlsx");
    await expect(writeNewWorkbook([HEAT], target)).rejects.toMatchObject({ problem: "unwritable" });
    expect(existsSync(target)).toBe(false);
  });
});
