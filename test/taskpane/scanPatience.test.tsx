/**
 * @jest-environment jsdom
 */
/*
 * The pane's first read when Excel does not answer (office-js #6678, #6150): the read is started again
 * after a silence, the pane says Excel is slow and, after the last attempt, what to do; «Обновить»
 * works during a read; the pane reads the workbook again when it is shown again.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { ProgressListener, WorkbookData } from "../../src/host/workbookHost";
import { messagesFor } from "../../src/taskpane/messagesEn";
import { watchPaneShown, type PaneShownWatcher } from "../../src/taskpane/paneShown";
import { isScanNotAnswered, patientScan, type ScanPatience } from "../../src/taskpane/patientScan";
import { DEFAULT_SETTINGS, settingsLayout } from "../../src/taskpane/settings";
import type { SheetGrid } from "../../src/engine";
import { flatExportGrid } from "../fixtures/grids";
import { MemoryHost } from "./memoryHost";
import { storedSettingsSheet } from "./paneFixtures";
import "./paneFixtures";

const RU = messagesFor("ru-RU");
const PATIENCE: ScanPatience = { silenceMs: 60, attempts: 3 };

const never = () => new Promise<never>(() => {});
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EMPTY: WorkbookData = { sheets: [], activeSheet: null };

describe("patientScan", () => {
  it("returns the first answer without trying again", async () => {
    const onRetry = jest.fn();
    let calls = 0;
    const data = await patientScan(
      async () => {
        calls += 1;
        return EMPTY;
      },
      { patience: PATIENCE, onRetry }
    );
    expect(data).toBe(EMPTY);
    expect([calls, onRetry.mock.calls]).toEqual([1, []]);
  });

  it("starts the read again after each silence, and gives up after the last attempt", async () => {
    const onRetry = jest.fn();
    let calls = 0;
    const started = Date.now();
    const failure = await patientScan(
      () => {
        calls += 1;
        return never();
      },
      { patience: PATIENCE, onRetry }
    ).catch((error: unknown) => error);
    expect(isScanNotAnswered(failure)).toBe(true);
    expect(calls).toBe(3);
    expect(onRetry.mock.calls).toEqual([[2], [3]]);
    // Three silences in all, not one per attempt started.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * PATIENCE.silenceMs - 5);
  });

  it("takes a late answer of an earlier attempt while the next one waits", async () => {
    const late: WorkbookData = { sheets: [], activeSheet: "late" };
    let calls = 0;
    const data = await patientScan(
      () => {
        calls += 1;
        return calls === 1 ? delay(PATIENCE.silenceMs * 1.5).then(() => late) : never();
      },
      { patience: PATIENCE }
    );
    expect(data).toBe(late);
    expect(calls).toBe(2);
  });

  it("counts a block read as Excel's word: a long read that reports progress is not retried", async () => {
    const onRetry = jest.fn();
    const data = await patientScan(
      async (onProgress: ProgressListener) => {
        // Four silences' worth of reading, a block every half silence.
        for (let block = 1; block <= 8; block += 1) {
          await delay(PATIENCE.silenceMs / 2);
          onProgress({ phase: "read", done: block, total: 8 });
        }
        return EMPTY;
      },
      { patience: PATIENCE, onRetry }
    );
    expect(data).toBe(EMPTY);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it("reports the failure of the attempt under way, not one already given up on", async () => {
    let calls = 0;
    const failure = await patientScan(
      () => {
        calls += 1;
        if (calls === 1)
          return delay(PATIENCE.silenceMs * 1.2).then(() => Promise.reject(new Error("first")));
        return delay(PATIENCE.silenceMs * 0.5).then(() => Promise.reject(new Error("second")));
      },
      { patience: PATIENCE }
    ).catch((error: unknown) => error);
    expect((failure as Error).message).toBe("second");
  });

  it("stops waiting and trying when abandoned", async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = patientScan(
      () => {
        calls += 1;
        return never();
      },
      { patience: PATIENCE, signal: controller.signal }
    ).catch((error: unknown) => error);
    controller.abort(new Error("refreshed"));
    expect(((await pending) as Error).message).toBe("refreshed");
    await delay(PATIENCE.silenceMs * 2);
    expect(calls).toBe(1);
  });
});

function resultsGrid(): SheetGrid {
  const grid = flatExportGrid(
    ["ВПР МА 5 2024", "ВПР МА 5 2023"],
    [
      { login: "sch100001", failing: { "ВПР МА 5 2024": 40, "ВПР МА 5 2023": 35 } },
      { login: "sch100002", failing: { "ВПР МА 5 2024": 10, "ВПР МА 5 2023": 5 } },
    ]
  );
  return { ...grid, sheetName: "Результаты ОО" };
}

/** A MemoryHost whose scans can be made to hang: each scan takes the next answer of `answers`. */
class SlowHost extends MemoryHost {
  scans = 0;
  /** true: answer; false: never answer; a number: answer after so many ms. Past the end: answer. */
  answers: (boolean | number)[] = [];

  override async scan(): Promise<WorkbookData> {
    const answer = this.answers[this.scans] ?? true;
    this.scans += 1;
    if (answer === false) return never();
    if (typeof answer === "number") await delay(answer);
    return super.scan();
  }

  /** An action's read is not a scan (MemoryHost's read answers with its own scan). */
  override async read(sheetNames: string[], onProgress?: ProgressListener): Promise<WorkbookData> {
    this.reads.push(sheetNames);
    onProgress?.({ phase: "read", done: 1, total: 1 });
    return MemoryHost.prototype.scan.call(this);
  }
}

function renderPane(host: MemoryHost, watchShown?: PaneShownWatcher) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} messages={RU} scanPatience={PATIENCE} watchShown={watchShown} />
    </FluentProvider>
  );
}

const picker = () => screen.findByRole("combobox", { name: RU.source });
const refreshButtons = () => screen.queryAllByRole("button", { name: RU.refresh });
/** The sheets the source picker offers. */
const offered = () =>
  within(screen.getByRole("combobox", { name: RU.source }))
    .getAllByRole("option")
    .map((option) => option.getAttribute("value"));

describe("the pane while Excel does not answer", () => {
  it("says Excel is slow and it is reading again, then shows the workbook the retry read", async () => {
    const host = new SlowHost([resultsGrid()]);
    host.answers = [false, PATIENCE.silenceMs / 2];
    renderPane(host);
    const retrying = await screen.findByText(RU.scanRetrying(2, 3));
    expect(retrying.textContent).toMatch(/^Excel долго не отвечает/);
    // «Обновить» is at hand before the source picker exists.
    expect(refreshButtons()).toHaveLength(1);
    await picker();
    expect(screen.queryByText(RU.scanRetrying(2, 3))).toBeNull();
    expect(host.scans).toBe(2);
  });

  it("after the last attempt says what to do, and «Обновить» reads again with the stored settings", async () => {
    const stored = settingsLayout({ ...DEFAULT_SETTINGS, threshold: "25" });
    const host = new SlowHost([resultsGrid()], [storedSettingsSheet(stored)]);
    host.answers = [false, false, false];
    renderPane(host);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(RU.scanNotAnsweredTitle);
    expect(alert.textContent).toContain(RU.scanNotAnswered);
    expect(host.scans).toBe(3);
    expect(screen.queryByRole("combobox", { name: RU.source })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: RU.refresh }));
    await picker();
    expect(screen.queryByRole("alert")).toBeNull();
    // The first read that succeeded is the one that brings the settings stored in the workbook.
    expect((screen.getByRole("textbox", { name: /Порог/ }) as HTMLInputElement).value).toBe("25");
  });

  it("keeps «Обновить» usable while a read waits, and a press starts the read anew", async () => {
    const host = new SlowHost([resultsGrid()]);
    renderPane(host);
    await picker();
    host.answers = [true, false];
    const refresh = screen.getByRole("button", { name: RU.refresh }) as HTMLButtonElement;
    fireEvent.click(refresh);
    await screen.findByLabelText(RU.reading);
    expect(refresh.disabled).toBe(false);
    // The other controls wait for the read.
    expect((screen.getByRole("combobox", { name: RU.source }) as HTMLSelectElement).disabled).toBe(
      true
    );
    host.sheets.push({ name: "Новый лист", visible: true, outputMark: null, grid: null });
    fireEvent.click(refresh);
    await waitFor(() => expect(screen.queryByLabelText(RU.reading)).toBeNull());
    expect(host.scans).toBe(3);
    expect(offered()).toContain("Новый лист");
    // The abandoned read never gets to say Excel is slow.
    await act(() => delay(PATIENCE.silenceMs * 1.5));
    expect(screen.queryByText(/Excel долго не отвечает/)).toBeNull();
  });

  it("keeps «Обновить» off while an action runs", async () => {
    const host = new SlowHost([resultsGrid()]);
    let release = () => {};
    host.holdWrite = new Promise((resolve) => (release = resolve));
    renderPane(host);
    await picker();
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    await waitFor(() =>
      expect((screen.getByRole("button", { name: RU.refresh }) as HTMLButtonElement).disabled).toBe(
        true
      )
    );
    release();
    await screen.findByText(/Записаны листы/);
  });
});

describe("reading again when the pane is shown again", () => {
  it("reads the workbook anew each time the pane is shown, not while an action runs", async () => {
    let shown = () => {};
    const watch: PaneShownWatcher = (onShown) => {
      shown = onShown;
      return () => (shown = () => {});
    };
    const host = new SlowHost([resultsGrid()]);
    renderPane(host, watch);
    await picker();
    expect(host.scans).toBe(1);
    host.sheets.push({ name: "Соцпаспорт", visible: true, outputMark: null, grid: null });
    act(() => shown());
    await waitFor(() => expect(offered()).toContain("Соцпаспорт"));
    expect(host.scans).toBe(2);

    let release = () => {};
    host.holdWrite = new Promise((resolve) => (release = resolve));
    fireEvent.click(screen.getByRole("button", { name: "Выявить ШНОР" }));
    await screen.findByText(RU.running("Выявить ШНОР"));
    act(() => shown());
    release();
    await screen.findByText(/Записаны листы/);
    expect(host.scans).toBe(2);
  });

  it("retries a read Excel never answered once the pane is shown again", async () => {
    let shown = () => {};
    const host = new SlowHost([resultsGrid()]);
    host.answers = [false, false, false];
    renderPane(host, (onShown) => {
      shown = onShown;
      return () => {};
    });
    await screen.findByText(RU.scanNotAnsweredTitle);
    act(() => shown());
    await picker();
    expect(host.scans).toBe(4);
  });
});

describe("watchPaneShown (outside Office: the page's visibility)", () => {
  let visibility: DocumentVisibilityState = "visible";
  beforeAll(() => {
    Object.defineProperty(document, "visibilityState", { get: () => visibility });
  });
  const turn = (state: DocumentVisibilityState) => {
    visibility = state;
    document.dispatchEvent(new Event("visibilitychange"));
  };

  it("calls back when the page becomes visible, not when it is hidden, until stopped", async () => {
    const onShown = jest.fn();
    const stop = watchPaneShown(onShown);
    turn("hidden");
    expect(onShown).not.toHaveBeenCalled();
    turn("visible");
    expect(onShown).toHaveBeenCalledTimes(1);
    // A second signal for the same showing (Office's event and the page's) is one re-read.
    turn("visible");
    expect(onShown).toHaveBeenCalledTimes(1);
    await delay(1_050);
    turn("hidden");
    turn("visible");
    expect(onShown).toHaveBeenCalledTimes(2);
    stop();
    await delay(1_050);
    turn("hidden");
    turn("visible");
    expect(onShown).toHaveBeenCalledTimes(2);
  });
});
