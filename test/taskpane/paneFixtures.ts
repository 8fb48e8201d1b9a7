/*
 * What the pane's component tests share: jsdom made to host Fluent's message bars, and the small
 * results table most of them open. Imported for its effect as well as its table.
 */
import type { SheetGrid, SheetLayout } from "../../src/engine";
import { SETTINGS_MARKER, SETTINGS_SHEET } from "../../src/taskpane/settings";
import { MemoryHost } from "./memoryHost";
import { flatExportGrid } from "../fixtures/grids";

// jsdom has no layout and no ResizeObserver; Fluent's MessageBar observes its own width for reflow.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });

/** Three schools over two years: ШНОР by criterion 1, fine, and one with an unreadable value (one warning). */
export function resultsGrid(): SheetGrid {
  const grid = flatExportGrid(
    ["ВПР МА 5 2024", "ВПР РУ 5 2024", "ВПР МА 5 2023"],
    [
      {
        login: "sch100001",
        name: "МБОУ «СОШ № 1»",
        failing: { "ВПР МА 5 2024": 40, "ВПР РУ 5 2024": 35, "ВПР МА 5 2023": 10 },
      },
      {
        login: "sch100002",
        name: "МБОУ «СОШ № 2»",
        failing: { "ВПР МА 5 2024": 10, "ВПР РУ 5 2024": 12, "ВПР МА 5 2023": 5 },
      },
      {
        login: "sch100003",
        name: "МБОУ «ООШ № 3»",
        failing: { "ВПР МА 5 2024": 28, "ВПР РУ 5 2024": "abc", "ВПР МА 5 2023": 31 },
      },
    ]
  );
  return { ...grid, sheetName: "Результаты ОО" };
}

/** The hidden settings sheet a run stored, as the workbook holds it (`stored`: its layout). */
export function storedSettingsSheet(stored: SheetLayout) {
  return MemoryHost.ownSheet(
    SETTINGS_SHEET,
    SETTINGS_MARKER,
    {
      sheetName: SETTINGS_SHEET,
      values: [...stored.preamble.map((line) => [line]), [], stored.header, ...stored.body],
    },
    false
  );
}
