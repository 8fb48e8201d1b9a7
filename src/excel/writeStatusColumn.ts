import {
  columnLetters,
  placeStatusColumn,
  STATUS_COLUMN_HEADER,
  statusColumnRange,
  type SheetGrid,
  type StatusColumn,
  type StatusColumnPlace,
} from "../engine";
import type { StatusColumnReport } from "../host/workbookHost";
import { newColumnMarkName, type ColumnMarkState, type WorkbookState } from "./outputPlan";
import { errorCode } from "./excelErrors";
import { asText } from "./valueBlocks";

/**
 * The status column beside the user's table, planned from what the read saw (the sheet's used range
 * and our marks) and queued at the very end of the write's last request. Where it goes is the
 * engine's decision (`placeStatusColumn`): only empty cells or our own column of an earlier run.
 */
export interface StatusColumnPlan {
  column: StatusColumn;
  place: StatusColumnPlace;
  /** Our column of an earlier run on this sheet: cleared, its name replaced. */
  own: ColumnMarkState | null;
  /** The workbook name the column gets (the earlier one's on this sheet, else a new one). */
  markName: string;
  /** Names of ours whose cells are gone (`#REF!`): deleted. */
  staleNames: string[];
  /** The sheet is protected: Excel would refuse the column, so none is queued. */
  sheetProtected: boolean;
  report: StatusColumnReport;
}

export function planStatusColumn(
  column: StatusColumn,
  grid: SheetGrid | null,
  state: WorkbookState
): StatusColumnPlan {
  const sheet = column.sheetName.toLocaleLowerCase("ru");
  const own =
    state.columns.find(
      (mark) => mark.range !== null && mark.sheet?.toLocaleLowerCase("ru") === sheet
    ) ?? null;
  const place = placeStatusColumn(
    column,
    grid ?? { sheetName: column.sheetName, values: [] },
    own?.range ?? null
  );
  // The read saw the sheet protected: the column's commands would fail after the outputs are
  // committed (they run last), so none is queued and the pane says why.
  const sheetProtected = state.sheets.some(
    (item) => item.protected === true && item.name.toLocaleLowerCase("ru") === sheet
  );
  return {
    column,
    place,
    own,
    markName: own?.name ?? newColumnMarkName(state),
    staleNames: state.columns.filter((mark) => mark.range === null).map((mark) => mark.name),
    sheetProtected,
    report: sheetProtected
      ? { sheet: column.sheetName, column: null, occupied: null, notWritten: "sheet_protected" }
      : {
          sheet: column.sheetName,
          column: place.kind === "none" ? null : columnLetters(place.column),
          occupied: place.kind === "beside" ? null : columnLetters(place.occupied),
        },
  };
}

/**
 * Queues the column: the stale names go, our earlier column is emptied and unnamed, the statuses are
 * written and named. Nothing is queued for the user's cells: the plan only places the column where
 * every cell is empty or ours. Without a free column, our earlier column (if any) stays as it was.
 */
export function queueStatusColumn(workbook: Excel.Workbook, plan: StatusColumnPlan): void {
  // Workbook names, not the sheet's cells: deleted even on a protected sheet.
  plan.staleNames.forEach((name) => workbook.names.getItem(name).delete());
  if (plan.place.kind === "none" || plan.sheetProtected) return;
  const worksheet = workbook.worksheets.getItem(plan.column.sheetName);
  if (plan.own !== null && plan.own.range !== null) {
    const { row, column, rows, columns } = plan.own.range;
    worksheet.getRangeByIndexes(row, column, rows, columns).clear("Contents");
    // Its header was bold; the user's formats in the column are left as they are.
    if (column !== plan.place.column || row !== plan.column.top) {
      worksheet.getRangeByIndexes(row, column, 1, 1).format.font.bold = false;
    }
    workbook.names.getItem(plan.own.name).delete();
  }
  const { row, column, rows } = statusColumnRange(plan.column, plan.place.column);
  const range = worksheet.getRangeByIndexes(row, column, rows, 1);
  // null leaves a cell as it is: the rows between schools stay empty.
  range.values = plan.column.values.map((value) => [
    typeof value === "string" ? asText(value) : value,
  ]);
  if (plan.column.values[0] === STATUS_COLUMN_HEADER) {
    worksheet.getRangeByIndexes(row, column, 1, 1).format.font.bold = true;
  }
  workbook.names.add(plan.markName, range);
}

/**
 * The report of a column Excel refused once the lists were committed (writeOutputSheets.ts): the
 * sheet protected after the read (`AccessDenied`, as the read would have seen it), or another refusal.
 */
export function statusColumnRefused(plan: StatusColumnPlan, error: unknown): StatusColumnReport {
  return {
    sheet: plan.column.sheetName,
    column: null,
    occupied: null,
    notWritten: errorCode(error) === "AccessDenied" ? "sheet_protected" : "excel_refused",
  };
}
