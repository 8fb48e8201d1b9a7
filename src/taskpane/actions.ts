import {
  identificationLayouts,
  identifyLowResultSchools,
  isEngineError,
  parseIdentificationOptions,
  readExportTable,
  STATUS_LABELS,
  type EngineError,
  type ExportTable,
  type RowTone,
  type SheetLayout,
  type Warning,
} from "../engine";
import type { WorkbookData } from "./host";
import type { PaneSettings } from "./settings";

/**
 * One button of the pane: reads what it needs from the workbook data, calls the engine, and returns
 * the sheets to write and what to show. Only actions the engine can carry out are listed — no button
 * that does nothing.
 */
export interface PaneAction {
  id: string;
  label: { ru: string; en: string };
  run(data: WorkbookData, settings: PaneSettings): ActionOutcome | EngineError;
}

export interface ActionOutcome {
  layouts: SheetLayout[];
  view: ResultView;
}

/** The results view: counts by status, the rows with their reasons, the warnings. */
export interface ResultView {
  /** Short Russian summary of the method used (printed on the sheets too). */
  method: string;
  statuses: StatusCount[];
  rows: ResultRow[];
  warnings: Warning[];
}

export interface StatusCount {
  status: string;
  label: string;
  tone: Exclude<RowTone, null>;
  count: number;
}

export interface ResultRow {
  key: string;
  title: string;
  detail: string;
  status: string;
  tone: Exclude<RowTone, null>;
  reason: string;
}

const STATUS_TONES = { shnor: "alert", not_shnor: "ok", insufficient_data: "unknown" } as const;

/** The export table on the chosen sheet, or the engine's reason why there is none. */
export function sourceTable(data: WorkbookData, settings: PaneSettings): ExportTable | EngineError {
  const sheet = data.sheets.find((candidate) => candidate.name === settings.sourceSheet);
  if (sheet === undefined || sheet.grid === null) {
    return {
      kind: "error",
      code: "no_table",
      message: `лист «${settings.sourceSheet ?? ""}» пуст или не выбран`,
    };
  }
  return readExportTable(sheet.grid);
}

export const identifyAction: PaneAction = {
  id: "identify",
  label: { ru: "Выявить ШНОР", en: "Identify ШНОР" },
  run(data, settings) {
    const options = parseIdentificationOptions({
      edition: settings.edition,
      threshold: settings.threshold,
      minParticipants: settings.minParticipants,
      year: settings.referenceYear === "" ? undefined : settings.referenceYear,
    });
    if (isEngineError(options)) return options;
    const table = sourceTable(data, settings);
    if (isEngineError(table)) return table;
    const result = identifyLowResultSchools(table, options);
    if (isEngineError(result)) return result;
    const statuses = (["shnor", "not_shnor", "insufficient_data"] as const).map((status) => ({
      status,
      label: STATUS_LABELS[status],
      tone: STATUS_TONES[status],
      count: result.schools.filter((school) => school.status === status).length,
    }));
    return {
      layouts: identificationLayouts(result, table),
      view: {
        method: result.method.description,
        statuses,
        rows: result.schools.map((school) => ({
          key: `${school.row}:${school.login}`,
          title: school.name,
          detail: [school.login, school.municipality].filter((part) => part !== "").join(" · "),
          status: school.status,
          tone: STATUS_TONES[school.status],
          reason: school.reason,
        })),
        warnings: [...table.warnings, ...result.warnings],
      },
    };
  },
};

/** The pane's actions, in button order. */
export const PANE_ACTIONS: PaneAction[] = [identifyAction];
