import { symlinkSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { SheetLayout } from "../../src/engine";
import { readWorkbookSheets, WorkbookFileError, writeWorkbookWithOutputs } from "../../src/xlsx";
import { fileHash, readBack, temporaryFolder, writeResultsWorkbook } from "./workbookFiles";

const LIST: SheetLayout = {
  name: "ШНОР",
  marker: "school-radar:shnor",
  preamble: [
    "Школьный радар — школы с низкими образовательными результатами",
    "Методика ФИОКО, редакция 2020",
  ],
  header: ["ОО", "Доля «2»", "Статус"],
  body: [
    ["МБОУ «СОШ № 1»", 0.4, "ШНОР"],
    ["МБОУ «СОШ № 2»", null, "не ШНОР"],
    ["МБОУ «ООШ д. Пустошь»", 0.1, "недостаточно данных"],
  ],
  columns: [{ width: 30, wrap: true }, { width: 10, numberFormat: "0%" }, { width: 20 }],
  rowTone: ["alert", "ok", "unknown"],
};

const METHOD: SheetLayout = {
  name: "ШНОР — метод",
  marker: "school-radar:method",
  preamble: [],
  header: ["Параметр", "Значение"],
  body: [["Порог низкого результата, %", 30]],
  columns: [{ width: 40 }, { width: 60 }],
};

const fillColour = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;

describe("writeWorkbookWithOutputs", () => {
  const folder = temporaryFolder();
  const input = path.join(folder.dir, "выгрузка.xlsx");
  const output = path.join(folder.dir, "результат", "выгрузка-результат.xlsx");
  let inputHash: string;

  beforeAll(async () => {
    await writeResultsWorkbook(input, (workbook) => {
      workbook.definedNames.add("'Выгрузка'!$A$1", "Заголовок_пользователя");
    });
    inputHash = fileHash(input);
  });
  afterAll(folder.remove);

  it("writes a copy with the layouts as new sheets and leaves the input byte-identical", async () => {
    const report = await writeWorkbookWithOutputs(input, [LIST, METHOD], output);
    expect(fileHash(input)).toBe(inputHash);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual(["ШНОР", "ШНОР — метод"]);
    expect(report.replacedSheets).toEqual([]);
    const written = await readBack(output);
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual([
      "Выгрузка",
      "ШНОР",
      "ШНОР — метод",
    ]);
    expect(written.getWorksheet("Выгрузка")!.getCell("C4").value).toBe("sch900001");
  });

  it("puts the preamble above the table: bold title, a blank line, then a bold filled header", async () => {
    const sheet = (await readBack(output)).getWorksheet("ШНОР")!;
    expect(sheet.getCell("A1").value).toBe(LIST.preamble[0]);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").value).toBe(LIST.preamble[1]);
    expect(sheet.getCell("A3").value).toBeNull();
    expect([1, 2, 3].map((column) => sheet.getCell(4, column).value)).toEqual(LIST.header);
    expect(sheet.getCell("B4").font?.bold).toBe(true);
    expect(sheet.getCell("B4").alignment?.wrapText).toBe(true);
    expect(fillColour(sheet.getCell("B4"))).toBeDefined();
  });

  it("freezes the pane below the header and filters the table", async () => {
    const sheet = (await readBack(output)).getWorksheet("ШНОР")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(sheet.autoFilter).toBe("A4:C7");
  });

  it("applies widths, number formats and the row tones", async () => {
    const sheet = (await readBack(output)).getWorksheet("ШНОР")!;
    expect([1, 2, 3].map((column) => sheet.getColumn(column).width)).toEqual([30, 10, 20]);
    expect(sheet.getCell("B5").value).toBe(0.4);
    expect(sheet.getCell("B5").numFmt).toBe("0%");
    expect(sheet.getCell("A5").alignment?.wrapText).toBe(true);
    expect(sheet.getCell("B6").value).toBeNull();
    expect([5, 6, 7].map((row) => fillColour(sheet.getCell(row, 3)))).toEqual([
      "FFFFC7CE",
      "FFC6EFCE",
      "FFEDEDED",
    ]);
  });

  it("starts the table in row 1 when there is no preamble", async () => {
    const sheet = (await readBack(output)).getWorksheet("ШНОР — метод")!;
    expect(sheet.getCell("A1").value).toBe("Параметр");
    expect(sheet.getCell("B2").value).toBe(30);
  });

  it("marks its sheets with defined names and keeps the user's own names", async () => {
    const names = (await readBack(output)).definedNames.model;
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "SchoolRadar_shnor", ranges: ["'ШНОР'!$A$1"] },
        { name: "SchoolRadar_method", ranges: ["'ШНОР — метод'!$A$1"] },
        { name: "Заголовок_пользователя", ranges: ["'Выгрузка'!$A$1"] },
      ])
    );
    const sheets = await readWorkbookSheets(output);
    expect(sheets.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])).toEqual([
      ["Выгрузка", null],
      ["ШНОР", "SchoolRadar_shnor"],
      ["ШНОР — метод", "SchoolRadar_method"],
    ]);
  });

  it("replaces its own sheets when run again on its own output, without duplicates", async () => {
    const again = path.join(folder.dir, "ещё раз.xlsx");
    const changed: SheetLayout = {
      ...LIST,
      body: [["МБОУ «СОШ № 9»", 0.5, "ШНОР"]],
      rowTone: ["alert"],
    };
    const outputHash = fileHash(output);
    const report = await writeWorkbookWithOutputs(output, [changed, METHOD], again);
    expect(fileHash(output)).toBe(outputHash);
    expect(report.replacedSheets.sort()).toEqual(["ШНОР", "ШНОР — метод"]);
    const written = await readBack(again);
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual([
      "Выгрузка",
      "ШНОР",
      "ШНОР — метод",
    ]);
    expect(written.getWorksheet("ШНОР")!.getCell("A5").value).toBe("МБОУ «СОШ № 9»");
    expect(written.getWorksheet("ШНОР")!.getCell("A6").value).toBeNull();
    const marks = written.definedNames.model.filter((name) => name.name.startsWith("SchoolRadar_"));
    expect(marks).toHaveLength(2);
  });

  it("drops Excel's sheet-scoped filter names, which ExcelJS would merge into one broken name", async () => {
    const savedByExcel = path.join(folder.dir, "сохранено в Excel.xlsx");
    const workbook = await readBack(output);
    workbook.definedNames.add("'ШНОР'!$A$4:$C$7", "_xlnm._FilterDatabase");
    workbook.definedNames.add("'Выгрузка'!$A$3:$R$8", "_xlnm._FilterDatabase");
    await workbook.xlsx.writeFile(savedByExcel);
    const again = path.join(folder.dir, "после Excel.xlsx");
    await writeWorkbookWithOutputs(savedByExcel, [LIST], again);
    const names = (await readBack(again)).definedNames.model.map((name) => name.name);
    expect(names).not.toContain("_xlnm._FilterDatabase");
    expect(names).toEqual(expect.arrayContaining(["SchoolRadar_shnor", "Заголовок_пользователя"]));
  });

  it("only replaces sheets with the same marker", async () => {
    const onlyList = path.join(folder.dir, "только список.xlsx");
    await writeWorkbookWithOutputs(output, [LIST], onlyList);
    const written = await readBack(onlyList);
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual([
      "Выгрузка",
      "ШНОР — метод",
      "ШНОР",
    ]);
  });

  it("never overwrites a user's sheet that has the wanted name: it writes `ШНОР (2)` and says so", async () => {
    const userInput = path.join(folder.dir, "со своим листом.xlsx");
    await writeResultsWorkbook(userInput, (workbook) => {
      workbook.addWorksheet("ШНОР").getCell("A1").value = "Мои заметки";
    });
    const first = path.join(folder.dir, "со своим листом-1.xlsx");
    const report = await writeWorkbookWithOutputs(userInput, [LIST], first);
    expect(report.sheets[0]).toMatchObject({ requestedName: "ШНОР", name: "ШНОР (2)" });
    // A second run on that output replaces our `ШНОР (2)`, still leaving the user's sheet alone.
    const second = path.join(folder.dir, "со своим листом-2.xlsx");
    await writeWorkbookWithOutputs(first, [LIST], second);
    const written = await readBack(second);
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual(["Выгрузка", "ШНОР", "ШНОР (2)"]);
    expect(written.getWorksheet("ШНОР")!.getCell("A1").value).toBe("Мои заметки");
    expect(written.getWorksheet("ШНОР (2)")!.getCell("A1").value).toBe(LIST.preamble[0]);
  });

  it("refuses to write over the input, also through a symbolic link", async () => {
    for (const target of [input, path.join(folder.dir, ".", "выгрузка.xlsx")]) {
      await expect(writeWorkbookWithOutputs(input, [LIST], target)).rejects.toMatchObject({
        problem: "same_as_input",
      });
    }
    const link = path.join(folder.dir, "ссылка.xlsx");
    symlinkSync(input, link);
    const error = await writeWorkbookWithOutputs(input, [LIST], link).catch(
      (thrown: unknown) => thrown
    );
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).message).toMatch(/совпадает с исходной книгой/);
    expect(fileHash(input)).toBe(inputHash);
  });
});
