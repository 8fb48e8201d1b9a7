/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { HostError } from "../../src/host/workbookHost";
import { messagesFor } from "../../src/taskpane/messagesEn";
import {
  settingsLayout,
  DEFAULT_SETTINGS,
  SETTINGS_MARKER,
  SETTINGS_SHEET,
} from "../../src/taskpane/settings";
import { templateLayout, type CellValue, type SheetGrid } from "../../src/engine";
import { seed002Appendix1Under } from "../fixtures/seeds";
import { MemoryHost } from "./memoryHost";
import { storedSettingsSheet } from "./paneFixtures";
import { resultsGrid } from "./paneFixtures";

const RU = messagesFor("ru-RU");
const EN = messagesFor("en-US");

const notes: SheetGrid = { sheetName: "Пояснения", values: [["Выгрузка регионального центра"]] };

function renderPane(host: MemoryHost | null, messages = RU) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} messages={messages} />
    </FluentProvider>
  );
}

async function ready() {
  await screen.findByRole("combobox", { name: RU.source });
}

describe("task pane outside Excel", () => {
  it("shows the product name and asks to open the add-in in Excel", () => {
    renderPane(null);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Школьный радар");
    expect(screen.getByText(/Откройте надстройку в Excel/)).toBeTruthy();
  });

  it("speaks English when Office's display language is English", () => {
    renderPane(null, EN);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("School Radar");
    expect(screen.getByText(/Open the add-in in Excel/)).toBeTruthy();
  });
});

describe("task pane in a workbook", () => {
  it("picks the sheet with the results table and says what it recognised", async () => {
    renderPane(new MemoryHost([notes, resultsGrid()]));
    await ready();
    const picker = screen.getByRole("combobox", { name: RU.source }) as HTMLSelectElement;
    expect(picker.value).toBe("Результаты ОО");
    expect(screen.getByText("3 школы, 2 процедуры × 2 года, 1 предупреждение")).toBeTruthy();
  });

  it("lists the other sheets, and says why one is not a results table when chosen", async () => {
    renderPane(new MemoryHost([notes, resultsGrid()]));
    await ready();
    const picker = screen.getByRole("combobox", { name: RU.source }) as HTMLSelectElement;
    const options = within(picker).getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual([
      "Пояснения",
      "Результаты ОО — 3 школы",
    ]);
    // The engine's reason is a sentence naming the sheet: said once, not after «Таблица результатов
    // не найдена» again.
    const reason =
      /^На листе «Пояснения» не найдена таблица результатов: ожидались заголовки вида /;
    expect(options[0]!.getAttribute("title")).toMatch(reason);
    fireEvent.change(picker, { target: { value: "Пояснения" } });
    const hint = screen.getByText(reason).textContent!;
    expect(hint.match(/не найдена/g)).toHaveLength(1);
    expect(hint).toMatch(/\)\.$/);
    expect(
      (screen.getByRole("button", { name: "Выявить ШНОР" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("runs «Выявить ШНОР»: reads the sheet, writes the outputs and the settings, shows the result", async () => {
    const host = new MemoryHost([notes, resultsGrid()]);
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    await screen.findByText(/Записаны листы: «ШНОР», «ШНОР — метод», «Предупреждения»\./);
    // The heading says the result, not the button pressed: «ШНОР: 1 из 3 школ».
    expect(screen.getByRole("heading", { name: "ШНОР: 1 из 3 школ" })).toBeTruthy();
    // Every sheet of the user, fresh: the engine decides what each one is.
    expect(host.reads).toEqual([["Пояснения", "Результаты ОО"]]);
    const written = host.writes[0]!;
    expect(written.map((output) => [output.layout.name, output.hidden ?? false])).toEqual([
      ["ШНОР", false],
      ["ШНОР — метод", false],
      ["Предупреждения", false],
      [SETTINGS_SHEET, true],
    ]);
    expect(screen.getByRole("button", { name: "ШНОР (1)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "не ШНОР (2)" })).toBeTruthy();
    expect(screen.getByText(/К1: 2024 — ВПР МА 5 \(40 %\), ВПР РУ 5 \(35 %\)/)).toBeTruthy();
  });

  it("filters the list by status", async () => {
    renderPane(new MemoryHost([resultsGrid()]));
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    await screen.findByRole("button", { name: "ШНОР (1)" });
    const list = () =>
      within(screen.getByRole("region", { name: RU.results })).getAllByRole("listitem");
    expect(list()).toHaveLength(3);
    fireEvent.click(screen.getByRole("button", { name: "ШНОР (1)" }));
    expect(list().map((item) => item.textContent)).toEqual([
      expect.stringContaining("МБОУ «СОШ № 1»"),
    ]);
  });

  it("selects the offending cell in Excel from the warnings list", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    const show = await screen.findByRole("button", { name: "Показать 'Результаты ОО'!E4" });
    fireEvent.click(show);
    await waitFor(() => expect(host.selected).toEqual(["'Результаты ОО'!E4"]));
  });

  it("says which sheet is hidden, and how to show it, when the cell cannot be shown", async () => {
    const host = new MemoryHost([resultsGrid()]);
    // What the Excel host reports for a hidden sheet (src/excel/selectCell.ts): the sheet's name.
    host.failSelect = new HostError("sheet_hidden", "Результаты ОО");
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    fireEvent.click(await screen.findByRole("button", { name: "Показать 'Результаты ОО'!E4" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Ячейка на скрытом листе: Excel показывает только ячейки видимых листов." +
        "Лист «Результаты ОО» скрыт. Чтобы показать его, щёлкните правой кнопкой мыши по ярлыку любого листа, выберите «Показать…» и лист «Результаты ОО», затем нажмите «Показать» у предупреждения ещё раз."
    );
  });

  it("says why no status column was written on a protected sheet", async () => {
    const host = new MemoryHost([resultsGrid()]);
    host.statusColumnReport = {
      sheet: "Результаты ОО",
      column: null,
      occupied: null,
      notWritten: "sheet_protected",
    };
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    expect(
      await screen.findByText(
        "Лист «Результаты ОО» защищён, и Excel не даёт менять его ячейки — статусы ШНОР рядом с таблицей не записаны (они на листе «ШНОР»). Чтобы записать их, снимите защиту («Рецензирование» → «Снять защиту листа») и запустите действие снова."
      )
    ).toBeTruthy();
  });

  it("says the lists print with Excel's defaults where Excel takes no print settings (Excel 2019)", async () => {
    const PRINT =
      "Эта версия Excel не даёт надстройкам задавать параметры печати, поэтому списки напечатаются с настройками Excel по умолчанию; чтобы лист уместился на страницу по ширине, выберите «Разметка страницы» → «Вписать» → «Ширина: 1 страница».";
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    await screen.findByText(/^Записаны листы/);
    // An Excel that took the print setup: nothing said about printing.
    expect(screen.queryByText(PRINT)).toBeNull();
    host.printSetupNotWritten = "api_unsupported";
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    expect(await screen.findByText(PRINT)).toBeTruthy();
  });

  it("shows the settings stored in the workbook, and stores what was used", async () => {
    const stored = settingsLayout({ ...DEFAULT_SETTINGS, threshold: "25", edition: "2025" });
    const host = new MemoryHost([resultsGrid()], [storedSettingsSheet(stored)]);
    renderPane(host);
    await ready();
    expect((screen.getByRole("textbox", { name: /Порог/ }) as HTMLInputElement).value).toBe("25");
    expect((screen.getByRole("combobox", { name: RU.edition }) as HTMLSelectElement).value).toBe(
      "2025"
    );
    fireEvent.change(screen.getByRole("textbox", { name: /Порог/ }), { target: { value: "27,5" } });
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    await screen.findByText(/Записаны листы/);
    const saved = host.writes[0]!.find((output) => output.layout.marker === SETTINGS_MARKER)!;
    expect(saved.layout.body).toContainEqual(["threshold", expect.any(String), "27,5"]);
    expect(saved.layout.body).toContainEqual(["edition", expect.any(String), "2025"]);
    expect(saved.layout.body).toContainEqual(["sourceSheet", expect.any(String), "Результаты ОО"]);
  });

  it("links the «Метод» block to the help page's §2, opened beside the pane", async () => {
    renderPane(new MemoryHost([resultsGrid()]));
    await ready();
    const method = screen.getByRole("region", { name: RU.settings });
    const link = within(method).getByRole("link", { name: "Как считается (справка, §2)" });
    // Relative: help.html is built next to taskpane.html and standalone.html (from disk too).
    expect(link.getAttribute("href")).toBe("help.html#s2");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener");
  });

  it("refuses to run with a threshold the method does not accept, and says why", async () => {
    renderPane(new MemoryHost([resultsGrid()]));
    await ready();
    fireEvent.change(screen.getByRole("textbox", { name: /Порог/ }), { target: { value: "130" } });
    expect(
      screen.getByText(/порог низкого результата: ожидалось число больше 0 и не больше 100/)
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Выявить ШНОР" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("shows progress while the action runs", async () => {
    const host = new MemoryHost([resultsGrid()]);
    let release!: () => void;
    host.holdWrite = new Promise((resolve) => (release = resolve));
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(await screen.findByText(/запись листов: 0 из 1/)).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Выявить ШНОР" }) as HTMLButtonElement).disabled
    ).toBe(true);
    await act(async () => release());
    await screen.findByText(/Записаны листы/);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("says in the user's words what went wrong in Excel", async () => {
    const host = new MemoryHost([resultsGrid()]);
    host.failWrite = new HostError("cell_edit_mode", "InvalidOperationInCellEditMode");
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel в режиме редактирования ячейки");
  });

  it("passes the statuses to write beside the table, and says where they went", async () => {
    const host = new MemoryHost([notes, resultsGrid()]);
    host.statusColumnReport = { sheet: "Результаты ОО", column: "M", occupied: "G" };
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    expect(
      await screen.findByText(
        "Столбец G рядом с таблицей на листе «Результаты ОО» занят вашими данными — статусы ШНОР записаны в свободный столбец M того же листа."
      )
    ).toBeTruthy();
    const column = host.statusColumns[0]!;
    expect(column.sheetName).toBe("Результаты ОО");
    // Identity A–C and three % «2» columns: the column right of the table is G.
    expect(column.besideColumn).toBe(6);
    expect(column.values).toEqual(["ШНОР (Школьный радар)", "ШНОР (К1)", "не ШНОР", "не ШНОР"]);
  });

  it("writes no status column for actions other than «Выявить ШНОР»", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Сводка показателей" }));
    await screen.findByText(/Записаны листы:/);
    expect(host.statusColumns).toEqual([null]);
  });

  it("says where the result went when a sheet of the user has the output's name", async () => {
    const userSheet: SheetGrid = { sheetName: "ШНОР", values: [["мои заметки"]] };
    renderPane(new MemoryHost([resultsGrid(), userSheet]));
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    expect(await screen.findByText(/результат записан на лист «ШНОР \(2\)»/)).toBeTruthy();
  });

  it("speaks English around the engine's Russian output", async () => {
    renderPane(new MemoryHost([resultsGrid()]), EN);
    await screen.findByRole("combobox", { name: EN.source });
    expect(screen.getByText("3 schools, 2 procedures × 2 years, 1 warning")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Identify ШНОР" }));
    expect(await screen.findByText(/Sheets written: «ШНОР»/)).toBeTruthy();
    const help = screen.getByRole("link", { name: "How it is computed (help, §2, in Russian)" });
    expect(help.getAttribute("href")).toBe("help.html#s2");
  });

  /** A social passport of five schools, filled in on the engine's own template. */
  function passportGrid(): SheetGrid {
    const counts: [string, number, number, number, number][] = [
      ["sch100001", 500, 50, 150, 40],
      ["sch100002", 400, 200, 40, 2],
      ["sch100003", 300, 120, 60, 6],
      ["sch100004", 250, 100, 50, 5],
      ["sch100005", 200, 20, 90, 30],
    ];
    const layout = templateLayout("social-passport");
    const rows: CellValue[][] = counts.map(([login, total, higher, single, registered]) => {
      const row: CellValue[] = layout.header.map(() => null);
      row[0] = login;
      row[1] = `Школа ${login}`;
      row[2] = total;
      row[3] = higher;
      row[5] = single;
      row[7] = registered;
      return row;
    });
    return {
      sheetName: "Социальный паспорт",
      values: [...layout.preamble.map((line) => [line]), [], layout.header, ...rows],
    };
  }

  it("offers every action the engine has, each only when the workbook has its data", async () => {
    renderPane(new MemoryHost([resultsGrid()]));
    await ready();
    const buttons = within(screen.getByRole("group", { name: RU.actions })).getAllByRole("button");
    expect(
      buttons.map((button) => [button.textContent, (button as HTMLButtonElement).disabled])
    ).toEqual([
      ["Выявить ШНОР", false],
      ["Рассчитать ИСБШ", true],
      ["Матрица рисков", true],
      ["Сводка показателей", false],
      // Two years of results: ШНОР by year. One source of the three: no profile (docs/method.md §8).
      ["ШНОР по годам", false],
      ["Профиль школ", true],
      // Offered with a results table: the run says when no list is found (docs/method.md §9).
      ["Сверка со списком", false],
      ["Аналитическая справка", false],
      ["Создать шаблон…", false],
    ]);
  });

  it("computes ИСБШ from the social passport and shows the ШНСУ group", async () => {
    const host = new MemoryHost([resultsGrid(), passportGrid()]);
    renderPane(host);
    await ready();
    expect(screen.getByText("«Социальный паспорт» — социальный паспорт: 5 школ")).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: RU.quantile }), {
      target: { value: "0.2" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Рассчитать ИСБШ" }));
    await screen.findByRole("heading", { name: "ШНСУ: 1 из 5 школ" });
    expect(host.writes[0]!.map((output) => output.layout.name)).toEqual(
      expect.arrayContaining(["ИСБШ", "Предупреждения", SETTINGS_SHEET])
    );
    expect(screen.getByRole("button", { name: "ШНСУ (1)" })).toBeTruthy();
    const saved = host.writes[0]!.find((output) => output.layout.marker === SETTINGS_MARKER)!;
    expect(saved.layout.body).toContainEqual(["quantile", expect.any(String), "0.2"]);
  });

  it("creates the template the user picks, pre-filled with the table's schools", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Создать шаблон…" }));
    fireEvent.click(await screen.findByRole("button", { name: "Кадровый состав" }));
    await screen.findByRole("heading", { name: "Шаблон «Кадровый состав»" });
    // One sheet: the verb and the noun agree with it.
    expect(screen.getByText("Записан лист «Кадровый состав».")).toBeTruthy();
    const [template] = host.writes[0]!;
    expect(template!.layout).toMatchObject({ name: "Кадровый состав", userData: true });
    expect(template!.layout.body.map((row) => row[0])).toEqual([
      "sch100001",
      "sch100002",
      "sch100003",
    ]);
  });

  it("summarises the indicators the workbook allows", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Сводка показателей" }));
    await screen.findByRole("heading", { name: /^Вне цели: \d+ из \d+ показател(я|ей)$/ });
    expect(
      screen.getByText(/^33,3 % \(1 из 3 — от школ таблицы результатов\); цель — не более 15 %$/)
    ).toBeTruthy();
    expect(host.writes[0]!.map((output) => output.layout.name)).toEqual(
      expect.arrayContaining(["Сводка показателей"])
    );
  });

  it("takes the municipality's number of schools for the ШНОР share, and stores it", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    fireEvent.change(screen.getByRole("textbox", { name: RU.schoolsTotal }), {
      target: { value: "20" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Сводка показателей" }));
    await screen.findByRole("heading", { name: /^Вне цели: \d+ из \d+ показател(я|ей)$/ });
    expect(
      screen.getByText(
        "5 % (1 из 20 — от числа школ муниципалитета, указанного пользователем); цель — не более 15 %"
      )
    ).toBeTruthy();
    const saved = host.writes[0]!.find((output) => output.layout.marker === SETTINGS_MARKER)!;
    expect(saved.layout.body).toContainEqual(["schoolsTotal", RU.schoolsTotal, "20"]);
  });

  it.each([
    ["abc", "всего школ в муниципалитете: ожидалось целое число не меньше 1; найдено «abc»"],
    [
      "2",
      "всего школ в муниципалитете: указано 2, а в таблице листа «Результаты ОО» 3 школы — школ муниципалитета не может быть меньше, " +
        "чем в его таблице. Укажите число всех школ муниципалитета (не меньше 3) или не указывайте его — тогда доля ШНОР считается от школ таблицы.",
    ],
  ])(
    "refuses %p schools in the municipality at the field, and says why",
    async (typed, message) => {
      renderPane(new MemoryHost([resultsGrid()]));
      await ready();
      fireEvent.change(screen.getByRole("textbox", { name: RU.schoolsTotal }), {
        target: { value: typed },
      });
      expect(screen.getByText(message)).toBeTruthy();
      expect(
        (screen.getByRole("button", { name: "Сводка показателей" }) as HTMLButtonElement).disabled
      ).toBe(true);
    }
  );

  it("checks the table's years as typed, and stores them", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    const years = screen.getByRole("textbox", { name: RU.tableYears });
    fireEvent.change(years, { target: { value: "прошлый" } });
    expect(
      screen.getByText(
        "годы таблицы: ожидались годы через запятую, например «2018, 2019» (позднейший — отчётный); найдено «прошлый»"
      )
    ).toBeTruthy();
    const identify = screen.getByRole("button", { name: "Выявить ШНОР" }) as HTMLButtonElement;
    expect(identify.disabled).toBe(true);
    fireEvent.change(years, { target: { value: "2023, 2024" } });
    expect(identify.disabled).toBe(false);
    fireEvent.click(identify);
    await screen.findByText(/Записаны листы/);
    const saved = host.writes[0]!.find((output) => output.layout.marker === SETTINGS_MARKER)!;
    expect(saved.layout.body).toContainEqual(["tableYears", RU.tableYears, "2023, 2024"]);
  });

  it("reads seed 002's headerless appendix under its order's heading with the years the user gives", async () => {
    // The heading «… от 09.12.2020 № 1351» names no data year: without the field the years are
    // «последний год» and «предыдущий год»; with «2018, 2019» the reasons cite 2019 and 2018.
    const appendix = seed002Appendix1Under("Приложение 1 к приказу КОиН от 09.12.2020 № 1351");
    const host = new MemoryHost([appendix]);
    renderPane(host);
    await ready();
    fireEvent.change(screen.getByRole("textbox", { name: RU.tableYears }), {
      target: { value: "2018, 2019" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    await screen.findByText(/Записаны листы/);
    expect(screen.getByRole("button", { name: "ШНОР (15)" })).toBeTruthy();
    expect(
      screen.getAllByText(/^К1: 2019 — ВПР МА 5 \(40 %\), ВПР РУ 6 \(37 %\)/)
    ).not.toHaveLength(0);
    const method = host.writes[0]!.find((output) => output.layout.name === "ШНОР")!.layout.preamble;
    expect(method.join(" ")).toContain("указаны пользователем (2018, 2019)");
  });

  it("takes the summary's targets as typed, refuses what it cannot read, and stores them", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    const targets = screen.getByRole("textbox", { name: RU.targets });
    fireEvent.change(targets, { target: { value: "шнор=сто" } });
    expect(screen.getByText(/^цели: ожидалось «шнор=15; гиа=5; категория=85»/)).toBeTruthy();
    const identify = screen.getByRole("button", { name: "Выявить ШНОР" }) as HTMLButtonElement;
    expect(identify.disabled).toBe(true);
    fireEvent.change(targets, { target: { value: "шнор=45" } });
    expect(identify.disabled).toBe(false);
    fireEvent.click(identify);
    await screen.findByText(/Записаны листы/);
    const saved = host.writes[0]!.find((output) => output.layout.marker === SETTINGS_MARKER)!;
    expect(saved.layout.body).toContainEqual(["targets", "Цели сводки", "шнор=45"]);
  });

  it("shows the schools' total and the table's years stored in the workbook", async () => {
    const stored = settingsLayout({ ...DEFAULT_SETTINGS, schoolsTotal: "46", tableYears: "2024" });
    renderPane(
      new MemoryHost(
        [resultsGrid()],
        [
          MemoryHost.ownSheet(
            SETTINGS_SHEET,
            SETTINGS_MARKER,
            {
              sheetName: SETTINGS_SHEET,
              values: [...stored.preamble.map((line) => [line]), [], stored.header, ...stored.body],
            },
            false
          ),
        ]
      )
    );
    await ready();
    expect((screen.getByRole("textbox", { name: RU.schoolsTotal }) as HTMLInputElement).value).toBe(
      "46"
    );
    expect((screen.getByRole("textbox", { name: RU.tableYears }) as HTMLInputElement).value).toBe(
      "2024"
    );
  });
});
