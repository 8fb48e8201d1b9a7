import type { EngineError, SheetKind } from "../engine";
import type { ActionOutcome } from "./actions";
import type { WorkbookData } from "../host/workbookHost";
import type { PaneSettings } from "./settings";
import type { SheetSummary } from "./sources";

/**
 * One button of the pane, wired to the engine: `run` takes the workbook's sheets as read and the
 * pane's parameters and returns the sheets to write and what to show. Only actions the engine can
 * carry out are listed — no button that does nothing. The runs live in actions.ts, loaded with the
 * engine as a separate chunk (paneEngine.ts), so the pane's first load carries only these labels.
 */
export interface PaneAction {
  id: string;
  label: { ru: string; en: string };
  /**
   * The kind of sheet the action cannot do without (the button is off while the workbook has none);
   * `any`: at least one sheet the engine recognises; null: nothing (a template can go anywhere).
   */
  needs: SheetKind | "any" | null;
  /**
   * What else the action needs of the workbook as recognised, beyond `needs` (two years of results,
   * two of the three sources); true when absent. `source` is the chosen sheet's recognition.
   */
  ready?: (workbook: { kinds: Set<SheetKind>; source: SheetSummary | null }) => boolean;
  /**
   * False for an action that does not read the method's parameters (a template): it stays offered
   * while a field of the method is invalid. Absent: it reads them.
   */
  usesSettings?: false;
  /** Variants offered when the button is pressed (the template to create). */
  choices?: () => Promise<{ value: string; label: string }[]>;
  run(
    data: WorkbookData,
    settings: PaneSettings,
    choice?: string
  ): Promise<ActionOutcome | EngineError>;
}

export type PaneEngine = typeof import("./paneEngine");

/** The engine's part of the pane (recognition, the actions' runs), loaded once, after the first render. */
export function loadPaneEngine(): Promise<PaneEngine> {
  return import(/* webpackChunkName: "pane-engine" */ "./paneEngine");
}

const runOf =
  (id: string): PaneAction["run"] =>
  async (data, settings, choice) => {
    const { ACTION_RUNS } = await loadPaneEngine();
    return ACTION_RUNS[id]!(data, settings, choice);
  };

/** The pane's actions, in button order. */
export const PANE_ACTIONS: PaneAction[] = [
  {
    id: "identify",
    label: { ru: "Выявить ШНОР", en: "Identify ШНОР" },
    needs: "export-table",
    run: runOf("identify"),
  },
  {
    id: "isbsh",
    label: { ru: "Рассчитать ИСБШ", en: "Compute ИСБШ" },
    needs: "social-passport",
    run: runOf("isbsh"),
  },
  {
    id: "risk",
    label: { ru: "Матрица рисков", en: "Risk matrix" },
    needs: "risk-questionnaire",
    run: runOf("risk"),
  },
  {
    id: "summary",
    label: { ru: "Сводка показателей", en: "Indicator summary" },
    needs: "any",
    run: runOf("summary"),
  },
  {
    id: "history",
    label: { ru: "ШНОР по годам", en: "ШНОР by year" },
    needs: "export-table",
    // A status needs a year and the year before it (docs/method.md §8): two years at least.
    ready: ({ source }) => source?.kind === "export" && source.yearLabels.length >= 2,
    run: runOf("history"),
  },
  {
    id: "profile",
    label: { ru: "Профиль школ", en: "School profiles" },
    needs: "any",
    // With one of the three sources the profile would be that list again (docs/method.md §8).
    ready: ({ kinds }) =>
      (["export-table", "social-passport", "risk-questionnaire"] as const).filter((kind) =>
        kinds.has(kind)
      ).length >= 2,
    run: runOf("profile"),
  },
  {
    id: "reconcile",
    label: { ru: "Сверка со списком", en: "Check against the list" },
    // Our ШНОР are what is reconciled (docs/method.md §9). The list may be a sheet the user chose
    // whatever its header, which the pane's recognition does not know of: the run says if none is found.
    needs: "export-table",
    run: runOf("reconcile"),
  },
  {
    id: "report",
    label: { ru: "Аналитическая справка", en: "Analytical report" },
    needs: "any",
    run: runOf("report"),
  },
  {
    id: "template",
    label: { ru: "Создать шаблон…", en: "Create a template…" },
    needs: null,
    usesSettings: false,
    choices: async () => {
      const { TEMPLATE_KINDS, TEMPLATE_NAMES } = await loadPaneEngine();
      return TEMPLATE_KINDS.map((kind) => ({ value: kind, label: TEMPLATE_NAMES[kind] }));
    },
    run: runOf("template"),
  },
];
