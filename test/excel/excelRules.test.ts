/*
 * What real Excel requires of the adapter, and the stand-in (fakeExcel.ts) enforces as Excel does:
 * `getActiveWorksheet()` failing on a chart sheet or in another workbook, at least one visible sheet
 * at every point of a batch, no panes, activation or selection on hidden sheets, no deleting a very
 * hidden sheet, protected sheets refusing writes, and requests failing in cell edit mode unless the
 * run asked to wait.
 */
import {
  identificationLayouts,
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  statusColumn,
} from "../../src/engine";
import { createExcelHost, UNLIMITED } from "../../src/excel";
import { HostError, isHostError } from "../../src/host/workbookHost";
import { hostErrorDetail } from "../../src/taskpane/messages";
import { messagesFor } from "../../src/taskpane/messagesEn";
import {
  DEFAULT_SETTINGS,
  SETTINGS_MARK,
  SETTINGS_SHEET,
  settingsLayout,
} from "../../src/taskpane/settings";
import { flatExportGrid } from "../fixtures/grids";
import { fakeExcel, FakeWorkbook, type FakeOptions } from "./fakeExcel";

const SOURCE = "Результаты ОО";
const OUTPUTS = ["ШНОР", "ШНОР — метод", "Предупреждения"];
const RU = messagesFor("ru-RU");

/** Three schools over two years: one ШНОР by criterion 1, one fine, one with an unreadable value. */
function exportGrid() {
  return flatExportGrid(
    ["ВПР МА 5 2024", "ВПР РУ 5 2024", "ВПР МА 5 2023"],
    [
      {
        login: "sch100001",
        failing: { "ВПР МА 5 2024": 40, "ВПР РУ 5 2024": 35, "ВПР МА 5 2023": 10 },
      },
      {
        login: "sch100002",
        failing: { "ВПР МА 5 2024": 10, "ВПР РУ 5 2024": 12, "ВПР МА 5 2023": 5 },
      },
      {
        login: "sch100003",
        failing: { "ВПР МА 5 2024": 28, "ВПР РУ 5 2024": "abc", "ВПР МА 5 2023": 31 },
      },
    ]
  );
}

function workbook(sheets: string[] = [SOURCE, "Пояснения"]): FakeWorkbook {
  const model = new FakeWorkbook(sheets);
  exportGrid().values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) model.sheet(SOURCE).setCell(r, c, { value });
    })
  );
  model.sheetByName("Пояснения")?.setCell(0, 0, { value: "Выгрузка регионального центра" });
  return model;
}

/**
 * «Выявить ШНОР» as the pane runs it: the user's sheets read, the engine, one write of the lists,
 * the hidden settings sheet and (if asked) the status column beside the source table. `meanwhile`
 * changes the workbook between the read and the write, as the user may while the engine runs.
 */
async function identify(
  model: FakeWorkbook,
  withColumn = false,
  meanwhile?: () => void,
  options: FakeOptions = {}
) {
  const excel = fakeExcel(model, options);
  const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
  const data = await host.read(model.sheets.map((sheet) => sheet.name));
  const grid = data.sheets.find((sheet) => sheet.name === SOURCE)!.grid!;
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table);
  if (isEngineError(result)) throw new Error(result.message);
  const outputs = [
    ...identificationLayouts(result, table).map((layout) => ({ layout })),
    { layout: settingsLayout(DEFAULT_SETTINGS), hidden: true },
  ];
  const column = withColumn ? statusColumn(table, result) : null;
  meanwhile?.();
  const report = await host.write(outputs, data, undefined, column);
  return { report, stats: excel.stats, outputs };
}

describe("the active sheet", () => {
  it("scans a workbook whose active sheet is a chart sheet, the first visible sheet standing in", async () => {
    const model = workbook(["Служебный", SOURCE, "Пояснения"]);
    model.setVisibility(model.sheet("Служебный"), "Hidden");
    model.activeElsewhere = "chartSheet";
    const data = await createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run }).scan();
    expect(data.activeSheet).toBe(SOURCE);
    expect(data.sheets.find((sheet) => sheet.name === SOURCE)!.grid!.values).toHaveLength(4);
  });

  it("reads and writes while the user is in another workbook", async () => {
    const model = workbook();
    model.activeElsewhere = "otherWorkbook";
    const { report } = await identify(model);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual([...OUTPUTS, SETTINGS_SHEET]);
    const data = await createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run }).scan();
    expect(data.activeSheet).toBe(SOURCE);
  });

  it("gives the sheet the user is on when it is a worksheet", async () => {
    const model = workbook();
    model.activeSheetId = model.sheet("Пояснения").id;
    const data = await createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run }).scan();
    expect(data.activeSheet).toBe("Пояснения");
  });
});

describe("hidden sheets", () => {
  it("freezes the header of each list once it is shown, and never touches the settings sheet's panes", async () => {
    const model = workbook();
    const { outputs } = await identify(model);
    OUTPUTS.forEach((name, index) => {
      const layout = outputs[index]!.layout;
      expect(model.sheet(name).visibility).toBe("Visible");
      // The header row follows the preamble and an empty line.
      expect(model.sheet(name).frozenRows).toBe(layout.preamble.length + 2);
    });
    expect(model.sheet(SETTINGS_SHEET).visibility).toBe("Hidden");
    expect(model.sheet(SETTINGS_SHEET).frozenRows).toBe(0);
  });

  it("says which sheet is hidden instead of showing a cell there, and changes nothing", async () => {
    const model = workbook();
    model.setVisibility(model.sheet("Пояснения"), "Hidden");
    const active = model.activeSheetId;
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run });
    const failure = await host.selectCell!("'Пояснения'!B7").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HostError);
    expect(failure).toMatchObject({ code: "sheet_hidden", detail: "Пояснения" });
    expect(model.selection).toBeNull();
    expect(model.activeSheetId).toBe(active);
    expect(RU.hostErrors.sheet_hidden).toBe(
      "Ячейка на скрытом листе: Excel показывает только ячейки видимых листов."
    );
    expect(hostErrorDetail(RU, failure as HostError)).toBe(
      "Лист «Пояснения» скрыт. Чтобы показать его, щёлкните правой кнопкой мыши по ярлыку любого листа, выберите «Показать…» и лист «Пояснения», затем нажмите «Показать» у предупреждения ещё раз."
    );
  });

  it("says a very hidden sheet cannot be shown from Excel's tabs", async () => {
    const model = workbook();
    model.setVisibility(model.sheet("Пояснения"), "VeryHidden");
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run });
    const failure = await host.selectCell!("'Пояснения'!A1").catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "sheet_very_hidden", detail: "Пояснения" });
    expect(hostErrorDetail(RU, failure as HostError)).toMatch(
      /^Лист «Пояснения» скрыт так, что его нет в списке «Показать…» Excel \(очень скрытый лист\)\. Показать его можно только в редакторе Visual Basic/
    );
    expect(model.selection).toBeNull();
  });

  it("still shows a cell on a visible sheet", async () => {
    const model = workbook();
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run });
    await host.selectCell!("'Пояснения'!B7");
    expect(model.selection).toEqual({ sheet: "Пояснения", address: "B7" });
  });
});

describe("the last commands of a write", () => {
  it("replaces outputs that are the only visible sheets: the new ones are shown first", async () => {
    const model = workbook();
    await identify(model);
    // The user hid their own sheets: our lists are all that is visible.
    model.setVisibility(model.sheet(SOURCE), "Hidden");
    model.setVisibility(model.sheet("Пояснения"), "Hidden");
    const again = await identify(model);
    expect(again.report.replacedSheets).toEqual([...OUTPUTS, SETTINGS_SHEET]);
    expect(model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      [SOURCE, "Hidden"],
      ["Пояснения", "Hidden"],
      ...OUTPUTS.map((name) => [name, "Visible"]),
      [SETTINGS_SHEET, "Hidden"],
    ]);
    expect(model.activeSheetId).toBe(model.sheet("ШНОР").id);
  });

  it("replaces a very hidden sheet of its own (made hidden, then deleted)", async () => {
    const model = workbook();
    await identify(model);
    // Someone made the settings sheet very hidden (VBA: xlSheetVeryHidden).
    model.sheet(SETTINGS_SHEET).visibility = "VeryHidden";
    const again = await identify(model);
    expect(again.report.replacedSheets).toContain(SETTINGS_SHEET);
    expect(model.sheets.filter((sheet) => sheet.name.startsWith(SETTINGS_SHEET))).toHaveLength(1);
    expect(model.sheet(SETTINGS_SHEET).visibility).toBe("Hidden");
    expect(model.names.filter((name) => name.name === SETTINGS_MARK)).toHaveLength(1);
  });
});

describe("a protected source sheet", () => {
  it("gets no status column, the outputs are written, and the pane says why", async () => {
    const model = workbook();
    model.sheet(SOURCE).protected = true;
    const before = model.valuesOf(SOURCE);
    const { report } = await identify(model, true);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual([...OUTPUTS, SETTINGS_SHEET]);
    expect(model.sheet("ШНОР").visibility).toBe("Visible");
    expect(model.valuesOf(SOURCE)).toEqual(before);
    expect(model.names.some((name) => name.name.startsWith("SchoolRadarColumn"))).toBe(false);
    expect(report.statusColumn).toEqual({
      sheet: SOURCE,
      column: null,
      occupied: null,
      notWritten: "sheet_protected",
    });
    expect(RU.statusColumn(report.statusColumn!)).toBe(
      `Лист «${SOURCE}» защищён, и Excel не даёт менять его ячейки — статусы ШНОР рядом с таблицей не записаны (они на листе «ШНОР»). Чтобы записать их, снимите защиту («Рецензирование» → «Снять защиту листа») и запустите действие снова.`
    );
  });

  it("protected between the read and the write: the lists stay written, the pane says the column is not", async () => {
    const model = workbook();
    const before = model.valuesOf(SOURCE);
    const { report } = await identify(model, true, () => {
      model.sheet(SOURCE).protected = true;
    });
    // Committed, not rolled back or retried: the lists are shown under their names, nothing pending.
    expect(model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      [SOURCE, "Visible"],
      ["Пояснения", "Visible"],
      ...OUTPUTS.map((name) => [name, "Visible"]),
      [SETTINGS_SHEET, "Hidden"],
    ]);
    expect(model.names.map((name) => name.name).sort()).toEqual(
      ["SchoolRadar_shnor", "SchoolRadar_method", "SchoolRadar_warnings", SETTINGS_MARK].sort()
    );
    expect(model.valuesOf(SOURCE)).toEqual(before);
    expect(report.statusColumn).toEqual({
      sheet: SOURCE,
      column: null,
      occupied: null,
      notWritten: "sheet_protected",
    });
    expect(RU.statusColumn(report.statusColumn!)).toMatch(
      new RegExp(`^Лист «${SOURCE}» защищён, .* статусы ШНОР рядом с таблицей не записаны`)
    );
  });

  it("renamed between the read and the write: the lists stay written, the column is reported refused", async () => {
    const model = workbook();
    const { report } = await identify(model, true, () => {
      model.sheet(SOURCE).name = "Результаты ОО (март)";
    });
    expect(OUTPUTS.map((name) => model.sheet(name).visibility)).toEqual(
      OUTPUTS.map(() => "Visible")
    );
    expect(model.names.some((name) => name.name.startsWith("SchoolRadarColumn"))).toBe(false);
    expect(report.statusColumn).toEqual({
      sheet: SOURCE,
      column: null,
      occupied: null,
      notWritten: "excel_refused",
    });
    expect(RU.statusColumn(report.statusColumn!)).toBe(
      `Списки записаны, но статусы ШНОР рядом с таблицей на листе «${SOURCE}» Excel записать не дал (они на листе «ШНОР»). Чтобы записать их, нажмите «Обновить» и запустите действие снова.`
    );
  });

  it("a failure in the last request before the lists are committed still fails the write", async () => {
    const model = workbook();
    // The first rename of `finish`, before the column's commands: the lists are not in place.
    const failure = await identify(model, true, undefined, {
      failWhen: (label) => label === "worksheet.name",
    }).catch((error: unknown) => error);
    expect(isHostError(failure)).toBe(true);
    expect((failure as HostError).code).toBe("host_failed");
    expect(model.sheetByName("ШНОР")).toBeUndefined();
  });

  it("a refusal before the lists are committed fails the write, said as protection, nothing left", async () => {
    const model = workbook();
    const before = model.sheets.map((sheet) => [sheet.name, sheet.visibility]);
    // Excel refusing the new sheets' tables with AccessDenied (a protected workbook structure would).
    const excel = fakeExcel(model, {
      failWhen: (label) => label === "tables.add",
      failCode: "AccessDenied",
    });
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    const data = await host.read([SOURCE]);
    const failure = await host
      .write([{ layout: settingsLayout(DEFAULT_SETTINGS) }], data)
      .then(() => null)
      .catch((error: unknown) => error);
    expect(isHostError(failure)).toBe(true);
    expect((failure as HostError).code).toBe("sheet_protected");
    // The pending sheets were removed: the workbook is as it was, as the message says.
    expect(model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual(before);
    expect(model.names).toEqual([]);
    expect(RU.hostErrors.sheet_protected).toBe(
      "Лист или книга защищены, и Excel не дал их изменить: в книге ничего не изменено."
    );
    // Under it, how to remove the protection, not Excel's English.
    expect(hostErrorDetail(RU, failure as HostError)).toBe(
      "Снимите защиту («Рецензирование» → «Снять защиту листа»; если защищена структура книги — «Рецензирование» → «Защитить книгу») и запустите действие снова."
    );
  });

  it("gets its column once the protection is removed", async () => {
    const model = workbook();
    model.sheet(SOURCE).protected = true;
    await identify(model, true);
    model.sheet(SOURCE).protected = false;
    const { report } = await identify(model, true);
    // Identity A–C and three % «2» columns: the column beside the table is G.
    expect(report.statusColumn).toEqual({ sheet: SOURCE, column: "G", occupied: null });
  });
});

describe("cell edit mode", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  function officeWith(sets: string[]): void {
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: (name: string) => sets.includes(name) } },
    };
  }

  it("waits while the user types in a cell, where Excel can, and reads once they are done", async () => {
    officeWith(["DelayForCellEdit"]);
    const model = workbook();
    const excel = fakeExcel(model);
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    model.startCellEdit();
    let done = false;
    const scan = host.scan().then((data) => {
      done = true;
      return data;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    expect(excel.stats.cellEditWaits).toBe(1);
    model.endCellEdit();
    const data = await scan;
    expect(data.sheets.find((sheet) => sheet.name === SOURCE)!.grid!.values).toHaveLength(4);
  });

  it("says to press Enter or Esc where Excel cannot wait", async () => {
    officeWith([]);
    const model = workbook();
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run });
    model.startCellEdit();
    const failure = await host.scan().catch((error: unknown) => error);
    expect(isHostError(failure) && failure.code).toBe("cell_edit_mode");
    expect(RU.hostErrors.cell_edit_mode).toBe(
      "Excel в режиме редактирования ячейки: нажмите Enter или Esc и повторите."
    );
  });
});
