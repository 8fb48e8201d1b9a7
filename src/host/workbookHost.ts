import type { SheetGrid, SheetLayout, StatusColumn } from "../engine";

/**
 * What the task pane needs from the place the workbook lives. Two hosts implement it: the open
 * workbook in Excel (src/excel, Office.js) and an .xlsx file opened in the standalone page
 * (src/standalone over src/xlsx). The components receive a host as a prop and never reach for Office
 * or file APIs themselves, so the same UI runs — and is tested — with either. The port lives apart
 * from the pane and from both hosts, so the adapters depend on it and on the engine, never on each
 * other or on the pane.
 */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** Every sheet with its values (our own output sheets without them): what the source picker shows. */
  scan(onProgress?: ProgressListener): Promise<WorkbookData>;
  /** The named sheets read again, fresh, for one action (Excel: one `context.sync()`). */
  read(sheetNames: string[], onProgress?: ProgressListener): Promise<WorkbookData>;
  /**
   * Creates or replaces the add-in's own output sheets; never touches a sheet without our mark.
   * `basis` is the read the outputs were computed from (it says which sheets are ours). A host that can
   * (Excel) also writes `statusColumn` beside the source table, only into empty cells or its own.
   */
  write(
    outputs: OutputSheet[],
    basis: WorkbookData,
    onProgress?: ProgressListener,
    statusColumn?: StatusColumn | null
  ): Promise<WriteReport>;
  /** Selects a cell such as `'Результаты ОО'!CE34` in the workbook; absent where there is no grid to show. */
  readonly selectCell?: (address: string) => Promise<void>;
}

export interface HostSheet {
  name: string;
  visible: boolean;
  /** The workbook name marking the sheet as School Radar's output (`SchoolRadar_shnor`), or null. */
  outputMark: string | null;
  /** Values from the used range; null for an empty sheet or a sheet that was not read. */
  grid: SheetGrid | null;
}

export interface WorkbookData {
  sheets: HostSheet[];
  /** The sheet the user was on (Excel), for the picker's first choice; null when unknown. */
  activeSheet: string | null;
}

export interface OutputSheet {
  layout: SheetLayout;
  /** Written as a hidden sheet (the stored settings); output lists are always visible. */
  hidden?: boolean;
}

export interface WrittenSheet {
  marker: string;
  /** The name the layout asked for (`ШНОР`). */
  requestedName: string;
  /** The name used: `ШНОР (2)` when a sheet of the user already had the requested one. */
  name: string;
}

export interface WriteReport {
  sheets: WrittenSheet[];
  /** Our sheets from an earlier run that were replaced. */
  replacedSheets: string[];
  /**
   * Sheets that became the user's data (a template, the risk thresholds) and so were not written
   * again: `name` is the sheet that holds them.
   */
  keptSheets: WrittenSheet[];
  /** Where the status column went beside the source table; absent when none was written or asked. */
  statusColumn?: StatusColumnReport;
  /**
   * Why the sheets' print setup (orientation, one page wide, margins, footer, print titles) was not
   * written; absent when it was. `api_unsupported`: this Excel lacks `Worksheet.pageLayout`
   * (ExcelApi 1.9 — Excel 2019 and older), so the lists print with Excel's defaults.
   */
  printSetupNotWritten?: "api_unsupported";
}

export interface StatusColumnReport {
  sheet: string;
  /** Column letters it was written in (`H`); null when no column on the sheet was free. */
  column: string | null;
  /** The column right of the table (`H`) when it held the user's data, so the status went elsewhere. */
  occupied: string | null;
  /**
   * Why no column was written, when not for want of a free one: the sheet is protected («Защитить
   * лист»), and Excel refuses changes to its cells (seen by the read, or protected after it); or
   * Excel refused the column for another reason once the lists were written. `column` and `occupied`
   * are then null.
   */
  notWritten?: "sheet_protected" | "excel_refused";
}

export interface Progress {
  /** `read`, `compute`, `write`. */
  phase: "read" | "compute" | "write";
  /** Steps done and expected (requests to Excel, for instance); total 0 when unknown. */
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;

/**
 * A host failure the user can act on. `code` picks the message in the pane's language; `detail` is
 * the host's own text (often English) shown under it.
 */
export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly detail: string;

  constructor(code: HostErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = "HostError";
    this.code = code;
    this.detail = detail;
  }
}

export type HostErrorCode =
  | "cell_edit_mode"
  | "workbook_changed"
  | "payload_too_large"
  | "range_too_large"
  | "sheet_missing"
  /** Excel refused a change: a protected sheet or workbook structure (`AccessDenied`). */
  | "sheet_protected"
  | "not_xlsx"
  | "host_failed"
  /** «Показать» on a hidden (or very hidden) sheet: Excel cannot select there. Detail: the sheet. */
  | "sheet_hidden"
  | "sheet_very_hidden";

export function isHostError(error: unknown): error is HostError {
  return error instanceof HostError;
}
