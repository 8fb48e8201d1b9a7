/**
 * @jest-environment jsdom
 */
/*
 * What the pane says and where: a bad field's message under that field (and the actions that do not
 * read it still offered), a result marked out of date when the settings change, a template that is
 * already in the workbook, the result brought into view, and the language switch with English plurals.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { templateLayout, type CellValue, type SheetGrid } from "../../src/engine";
import { App } from "../../src/taskpane/App";
import { startingLanguage } from "../../src/taskpane/language";
import { messagesFor } from "../../src/taskpane/messagesEn";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { SETTINGS_MARKER } from "../../src/taskpane/settings";
import { MemoryHost } from "./memoryHost";
import { resultsGrid } from "./paneFixtures";

const RU = messagesFor("ru-RU");
const EN = messagesFor("en-US");

/** A social passport of one school, on the engine's own template. */
function passportGrid(): SheetGrid {
  const layout = templateLayout("social-passport");
  const row: CellValue[] = layout.header.map(() => null);
  row[0] = "sch100001";
  row[1] = "Школа 1";
  row[2] = 500;
  row[3] = 50;
  row[5] = 150;
  row[7] = 40;
  return {
    sheetName: "Социальный паспорт",
    values: [...layout.preamble.map((line) => [line]), [], layout.header, row],
  };
}

function renderPane(host: MemoryHost, messages = RU) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} messages={messages} />
    </FluentProvider>
  );
}

const ready = () => screen.findByRole("combobox", { name: RU.source });
const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

/** The Field (label, control, hint, message) that holds the control. */
function fieldOf(control: HTMLElement): HTMLElement {
  return control.closest(".fui-Field") as HTMLElement;
}

describe("a bad field of the method", () => {
  it("is said under that field, and leaves «Создать шаблон…» available", async () => {
    const host = new MemoryHost([resultsGrid()]);
    renderPane(host);
    await ready();
    const participants = screen.getByRole("textbox", { name: RU.minParticipants });
    fireEvent.change(participants, { target: { value: "-3" } });
    const message = screen.getByText(
      "минимум участников: ожидалось целое неотрицательное число; найдено «-3»"
    );
    // Under its own field, tied to the control for a screen reader; not under the reference year.
    expect(fieldOf(participants).contains(message)).toBe(true);
    expect(participants.getAttribute("aria-invalid")).toBe("true");
    expect(participants.getAttribute("aria-describedby")).toContain(message.id);
    const year = screen.getByRole("combobox", { name: RU.referenceYear });
    expect(fieldOf(year).contains(message)).toBe(false);
    expect(fieldOf(screen.getByRole("textbox", { name: /Порог/ })).contains(message)).toBe(false);

    expect(button("Выявить ШНОР").disabled).toBe(true);
    expect(button("Сводка показателей").disabled).toBe(true);
    expect(button("Создать шаблон…").disabled).toBe(false);
    expect(screen.getByText(RU.invalidSettings)).toBeTruthy();

    fireEvent.click(button("Создать шаблон…"));
    fireEvent.click(await screen.findByRole("button", { name: "Кадровый состав" }));
    await screen.findByRole("heading", { name: "Шаблон «Кадровый состав»" });
    // The template is written; the method that does not hold is not stored for the next user.
    expect(host.writes[0]!.map((output) => output.layout.name)).toEqual(["Кадровый состав"]);
  });

  it("puts the threshold's message under the threshold, not under the reference year", async () => {
    renderPane(new MemoryHost([resultsGrid()]));
    await ready();
    const threshold = screen.getByRole("textbox", { name: /Порог/ });
    fireEvent.change(threshold, { target: { value: "130" } });
    const message = screen.getByText(/^порог низкого результата: ожидалось число больше 0/);
    expect(fieldOf(threshold).contains(message)).toBe(true);
    expect(
      fieldOf(screen.getByRole("combobox", { name: RU.referenceYear })).textContent
    ).not.toContain("порог");
    fireEvent.change(threshold, { target: { value: "30" } });
    expect(screen.queryByText(/^порог низкого результата/)).toBeNull();
    expect(screen.queryByText(RU.invalidSettings)).toBeNull();
    expect(button("Выявить ШНОР").disabled).toBe(false);
  });
});

describe("a result on screen", () => {
  it("is marked out of date when the method changes, and no longer when it is back", async () => {
    renderPane(new MemoryHost([resultsGrid()]));
    await ready();
    fireEvent.click(button("Выявить ШНОР"));
    await screen.findByRole("heading", { name: "ШНОР: 1 из 3 школ" });
    const results = () => screen.getByRole("region", { name: RU.results });
    expect(within(results()).queryByText(RU.outOfDateTitle)).toBeNull();

    fireEvent.change(screen.getByRole("combobox", { name: RU.edition }), {
      target: { value: "2025" },
    });
    expect(within(results()).getByText(RU.outOfDateTitle)).toBeTruthy();
    expect(
      within(results()).getByText(
        "Параметры изменены после расчёта, а ниже — результат с прежними; чтобы пересчитать, нажмите «Выявить ШНОР» снова."
      )
    ).toBeTruthy();
    expect(results().querySelector("[data-out-of-date]")).not.toBeNull();

    fireEvent.change(screen.getByRole("combobox", { name: RU.edition }), {
      target: { value: "2020" },
    });
    expect(within(results()).queryByText(RU.outOfDateTitle)).toBeNull();
    expect(results().querySelector("[data-out-of-date]")).toBeNull();

    // Run again with the new value: the new result is the current one.
    fireEvent.change(screen.getByRole("textbox", { name: /Порог/ }), { target: { value: "25" } });
    expect(within(results()).getByText(RU.outOfDateTitle)).toBeTruthy();
    fireEvent.click(button("Выявить ШНОР"));
    await waitFor(() => expect(within(results()).queryByText(RU.outOfDateTitle)).toBeNull());
  });

  it("is brought into view when it lands below the visible part of the pane", async () => {
    const scrolled: Element[] = [];
    const scrollIntoView = jest.fn(function (this: Element) {
      scrolled.push(this);
    });
    Object.assign(Element.prototype, { scrollIntoView });
    // The pane as in a narrow window: everything below the buttons starts under the fold.
    const rect = jest
      .spyOn(HTMLElement.prototype, "getBoundingClientRect")
      .mockReturnValue({ top: window.innerHeight + 200 } as DOMRect);
    try {
      renderPane(new MemoryHost([resultsGrid()]));
      await ready();
      fireEvent.click(button("Выявить ШНОР"));
      await screen.findByRole("heading", { name: "ШНОР: 1 из 3 школ" });
      await waitFor(() => expect(scrolled).toHaveLength(1));
      expect(scrolled[0]).toBe(screen.getByRole("region", { name: RU.results }));

      // In view already: left where the user has it.
      rect.mockReturnValue({ top: 40 } as DOMRect);
      fireEvent.click(button("Сводка показателей"));
      await screen.findByRole("heading", { name: /^Вне цели:/ });
      expect(scrolled).toHaveLength(1);
    } finally {
      rect.mockRestore();
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });
});

describe("a template already in the workbook", () => {
  it("is said in one sentence, with no list and no warnings left from the last result", async () => {
    const staffing = templateLayout("staffing");
    const host = new MemoryHost(
      [resultsGrid()],
      [MemoryHost.ownSheet(staffing.name, staffing.marker, null)]
    );
    renderPane(host);
    await ready();
    fireEvent.click(button("Выявить ШНОР"));
    await screen.findByRole("heading", { name: "Предупреждения: 1" });

    fireEvent.click(button("Создать шаблон…"));
    fireEvent.click(await screen.findByRole("button", { name: "Кадровый состав" }));
    await screen.findByRole("heading", { name: "Шаблон «Кадровый состав»" });
    const results = screen.getByRole("region", { name: RU.results });
    expect(
      within(results).getByText(
        "Лист «Кадровый состав» с этим шаблоном уже есть в книге и оставлен как есть: его заполняете вы."
      )
    ).toBeTruthy();
    // The heading and that sentence, nothing else: no «Записаны листы: .», no empty list or filters.
    expect(results.textContent).toBe(
      "Шаблон «Кадровый состав»Лист «Кадровый состав» с этим шаблоном уже есть в книге и оставлен как есть: его заполняете вы."
    );
    expect(screen.queryByRole("heading", { name: /^Предупреждения/ })).toBeNull();
    expect(screen.queryByText(RU.noWarnings)).toBeNull();
    // Nothing of the template was written; the settings were (they hold).
    expect(host.writes[1]!.map((output) => output.layout.marker)).toEqual([
      staffing.marker,
      SETTINGS_MARKER,
    ]);
  });
});

describe("the language", () => {
  beforeEach(() => window.localStorage.clear());

  it("follows Office's or the browser's, unless asked or chosen with the switch", () => {
    expect(startingLanguage(null, ["en-GB"])).toBe("en");
    expect(startingLanguage(null, ["ru-RU", "en-US"])).toBe("ru");
    // The product's own language for every language it does not speak.
    expect(startingLanguage(null, ["de-DE"])).toBe("ru");
    expect(startingLanguage(null, [null, "en-US"])).toBe("en");
    window.localStorage.setItem("school-radar:language", "en");
    expect(startingLanguage(null, ["ru-RU"])).toBe("en");
    expect(startingLanguage("ru", ["ru-RU"])).toBe("ru");
  });

  it("switches the whole pane, sheet descriptions and counts included, and remembers it", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <PaneRoot start="ru" host={new MemoryHost([resultsGrid(), passportGrid()])} />
      </FluentProvider>
    );
    await ready();
    expect(screen.getByText("«Социальный паспорт» — социальный паспорт: 1 школа")).toBeTruthy();
    const english = screen.getByRole("button", { name: "English" });
    expect(english.getAttribute("lang")).toBe("en");
    fireEvent.click(english);

    // English comes in its own chunk: the pane switches when it has arrived.
    await screen.findByRole("heading", { level: 1, name: "School Radar" });
    expect(document.documentElement.lang).toBe("en");
    expect(window.localStorage.getItem("school-radar:language")).toBe("en");
    expect(screen.getByText("3 schools, 2 procedures × 2 years, 1 warning")).toBeTruthy();
    expect(screen.getByText("«Социальный паспорт» — social passport: 1 school")).toBeTruthy();
    const picker = screen.getByRole("combobox", { name: EN.source });
    expect(
      within(picker)
        .getAllByRole("option")
        .map((option) => option.textContent)
    ).toEqual(["Результаты ОО — 3 schools", "Социальный паспорт — social passport"]);

    fireEvent.click(screen.getByRole("button", { name: "Identify ШНОР" }));
    await screen.findByRole("heading", { name: "ШНОР: 1 of 3 schools" });
    // The statuses and reasons stay Russian, and the English pane says why.
    expect(screen.getByText(EN.domainNote!)).toBeTruthy();
    expect(screen.getByRole("button", { name: "ШНОР (1)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "All (3)" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Русский" }));
    await screen.findByRole("heading", { level: 1, name: "Школьный радар" });
    expect(window.localStorage.getItem("school-radar:language")).toBe("ru");
    expect(screen.queryByText(EN.domainNote!)).toBeNull();
    // The same workbook, result and settings: switching reads nothing again and drops nothing.
    expect(screen.getByRole("heading", { name: "ШНОР: 1 из 3 школ" })).toBeTruthy();
  });

  it("agrees English counts with their number", () => {
    expect(EN.recognised(1, 1, 1, 1)).toBe("1 school, 1 procedure × 1 year, 1 warning");
    expect(EN.recognised(21, 2, 3, 0)).toBe("21 schools, 2 procedures × 3 years, 0 warnings");
    expect(EN.schools(1)).toBe("1 school");
    expect(EN.headline({ kind: "schools", group: "ШНОР", count: 0, of: 1 })).toBe(
      "ШНОР: 0 of 1 school"
    );
  });
});
