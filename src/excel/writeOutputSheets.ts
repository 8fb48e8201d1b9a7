import {
  notAboveTotalFormula,
  type ColumnValidation,
  type SheetGrid,
  type SheetLayout,
  type StatusColumn,
} from "../engine";
import type { OutputSheet, ProgressListener, WriteReport } from "../host/workbookHost";
import {
  isPendingMark,
  marksFromNames,
  planOutputWrite,
  type OutputPlan,
  type PlannedSheet,
  type WorkbookState,
} from "./outputPlan";
import { packRequests, type WritePiece } from "./requestBatch";
import type { RequestBudget } from "./requestBudget";
import { HEAT_COLOURS, TONE_COLOURS, tonePlan, toneRuleFormula, type ToneRun } from "./rowTones";
import { characterWidthInPoints, headerRowOf, valueBlocks, type ValueBlock } from "./valueBlocks";
import { writeBlocksAndCharts } from "./writeCharts";
import {
  heightRuns,
  supports,
  writeGeometry,
  writeLinks,
  writePageSetup,
  writeRowHeights,
} from "./writeGeometry";
import {
  planStatusColumn,
  queueStatusColumn,
  statusColumnRefused,
  type StatusColumnPlan,
} from "./writeStatusColumn";

export { characterWidthInPoints };

export interface ExcelWriteReport extends WriteReport {
  /** `context.sync()` calls made: 1 unless the write passed a request's budget (requestBudget.ts). */
  requests: number;
}

/**
 * Writes the layouts as School Radar's own sheets, replacing earlier ones with the same marks, in ONE
 * `context.sync()` for a region's schools (more only where a request would pass Excel on the web's
 * 5 MB or the cell budget of every platform: requestBudget.ts, every command counted).
 *
 * Nothing half-written is ever visible. Office.js runs a request's commands in order and does not roll
 * back the ones before a failing command (OfficeExtension.Error.traceMessages lists "all trace
 * messages that were executed before the error occurred"). So the new sheets are created hidden under
 * temporary names and marked pending; only the last commands of the last request delete the replaced
 * sheets, rename the new ones and show them. If anything fails before, the old outputs are untouched
 * and the hidden pending sheets are removed by `removePendingOutputs` (or by the next write). The
 * status column beside the user's table comes after them in the same request: Excel refusing it (the
 * sheet protected or renamed since the read) leaves the committed lists as they are and is reported
 * in `statusColumn`, not thrown — one more sync on that failure only (`outputsCommitted`).
 */
export async function writeOutputSheets(
  context: Excel.RequestContext,
  outputs: OutputSheet[],
  state: WorkbookState,
  budget: RequestBudget,
  onProgress?: ProgressListener,
  statusColumn?: { column: StatusColumn; grid: SheetGrid | null } | null
): Promise<ExcelWriteReport> {
  const plan = planOutputWrite(outputs, state);
  const columnPlan =
    statusColumn == null ? null : planStatusColumn(statusColumn.column, statusColumn.grid, state);
  const requests = packRequests(
    writePieces(plan, state, columnPlan, budget),
    budget,
    plan.sheets.length
  );
  const workbook = context.workbook;
  // Filled by the first piece (`workbook.worksheets.add`), used by the others.
  const worksheets: Excel.Worksheet[] = [];
  let columnReport = columnPlan?.report;
  for (const [index, pieces] of requests.entries()) {
    pieces.forEach((piece) => piece.queue(workbook, worksheets));
    try {
      // One request per group of pieces (requestBatch.ts), never a round trip per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // The status column's commands come last in the last request (`writePieces`), after the
      // outputs are committed; Excel refusing them (the sheet protected since the read) must not
      // turn a written result into a failure that would also have the lists written again.
      const last = index === requests.length - 1;
      if (columnPlan === null || !last || !(await outputsCommitted(context, plan))) throw error;
      columnReport = statusColumnRefused(columnPlan, error);
    }
    onProgress?.({ phase: "write", done: index + 1, total: requests.length });
  }
  const unpaged = !supports("1.9") && plan.sheets.some((planned) => !planned.output.hidden);
  return {
    sheets: plan.sheets.map((planned) => ({
      marker: planned.output.layout.marker,
      requestedName: planned.output.layout.name,
      name: planned.finalName,
    })),
    replacedSheets: plan.replacedSheets,
    keptSheets: plan.kept.map(({ output, sheet }) => ({
      marker: output.layout.marker,
      requestedName: output.layout.name,
      name: sheet,
    })),
    ...(columnReport === undefined ? {} : { statusColumn: columnReport }),
    // Excel 2019 and older: writePageSetup skipped every sheet, and the pane says so.
    ...(unpaged ? { printSetupNotWritten: "api_unsupported" as const } : {}),
    requests: requests.length,
  };
}

/**
 * Whether the last request's `finish` ran to its end before a later command failed (Office.js keeps
 * the commands before a failing one: the note above `writeOutputSheets`). It did when no pending mark
 * is left and every sheet's final mark is there: `finish` deletes the replaced sheets' marks before it
 * adds the new ones, so a final mark then is the new sheet's. One more sync, on failure only; when
 * even that fails, the write is taken as failed and its pending sheets are removed as usual.
 */
async function outputsCommitted(context: Excel.RequestContext, plan: OutputPlan): Promise<boolean> {
  const names = context.workbook.names;
  names.load("items/name");
  try {
    await context.sync();
  } catch {
    return false;
  }
  // Excel's names are case-insensitive.
  const present = new Set(names.items.map((item) => item.name.toLowerCase()));
  return plan.sheets.every(
    (planned) =>
      !present.has(planned.pendingMark.toLowerCase()) && present.has(planned.mark.toLowerCase())
  );
}

/**
 * The write as pieces, in order: the hidden pending sheets; the values block by block, each row's
 * link with it; each sheet's formats, then its filled runs and row heights (one piece per run: a
 * region's sheet has tens of thousands); last, together, the renames and the user's status column.
 * requestBatch.ts groups them into requests within the budget.
 */
function writePieces(
  plan: OutputPlan,
  state: WorkbookState,
  columnPlan: StatusColumnPlan | null,
  budget: RequestBudget
): WritePiece[] {
  const layouts = plan.sheets.map((planned) => planned.output.layout);
  const setup: WritePiece = {
    cells: 0,
    queue: (workbook, worksheets) => {
      // Leftover pending names of a failed write must go before the same names are added again.
      plan.deleteNames
        .filter(isPendingMark)
        .forEach((name) => workbook.names.getItem(name).delete());
      plan.sheets.forEach((planned, index) => {
        const worksheet = workbook.worksheets.add(planned.temporaryName);
        workbook.names.add(planned.pendingMark, worksheet.getRange("A1"));
        worksheet.visibility = "Hidden";
        worksheets[index] = worksheet;
      });
    },
  };
  const blocks = valueBlocks(layouts, budget).map((block): WritePiece => ({
    cells: block.rows.length * block.columns,
    bytes: block.bytes,
    queue: (_, worksheets) => {
      writeBlock(worksheets[block.sheet]!, block);
      writeLinks(worksheets[block.sheet]!, layouts[block.sheet]!, block.row, block.rows.length);
    },
  }));
  const formats = layouts.flatMap((layout, sheet): WritePiece[] => {
    const tones = tonePlan(layout);
    return [
      { cells: 0, queue: (_, worksheets) => formatSheet(worksheets[sheet]!, layout) },
      ...(tones.kind === "fills" && layout.body.length > 0 ? tones.runs : []).map(
        (run): WritePiece => ({
          cells: 0,
          queue: (_, worksheets) => fillRun(worksheets[sheet]!, layout, run),
        })
      ),
      ...heightRuns(layout).map((run): WritePiece => ({
        cells: 0,
        queue: (_, worksheets) => writeRowHeights(worksheets[sheet]!, run),
      })),
    ];
  });
  const final: WritePiece[] = [
    {
      cells: 0,
      final: true,
      queue: (workbook, worksheets) => finish(workbook, plan, worksheets, state),
    },
  ];
  // Last: the user's sheet is touched only once every output is in place.
  if (columnPlan !== null) {
    final.push({
      cells: columnPlan.column.values.length,
      final: true,
      queue: (workbook) => queueStatusColumn(workbook, columnPlan),
    });
  }
  return [setup, ...blocks, ...formats, ...final];
}

function writeBlock(worksheet: Excel.Worksheet, block: ValueBlock): void {
  worksheet.getRangeByIndexes(block.row, 0, block.rows.length, block.columns).values = block.rows;
}

/** The table and formats of one output sheet (its header is frozen once it is shown: `finish`). */
function formatSheet(worksheet: Excel.Worksheet, layout: SheetLayout): void {
  const headerRow = headerRowOf(layout);
  const columns = Math.max(layout.header.length, 1);
  // Templates: the table, formats and validations reach the rows still to be filled in.
  const bodyRows = Math.max(layout.body.length, layout.inputRows ?? 0, 1);
  if (layout.preamble.length > 0) {
    const title = worksheet.getRange("A1").format.font;
    title.bold = true;
    title.size = 13;
  }
  const table = worksheet.tables.add(
    worksheet.getRangeByIndexes(headerRow, 0, 1 + bodyRows, columns),
    true
  );
  table.style = "TableStyleLight1";
  table.showBandedRows = false; // bands would fight the status colours
  const header = worksheet.getRangeByIndexes(headerRow, 0, 1, columns).format;
  header.wrapText = true;
  header.verticalAlignment = "Top";
  layout.columns.forEach((spec, column) => {
    worksheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = characterWidthInPoints(
      spec.width
    );
    const body = worksheet.getRangeByIndexes(headerRow + 1, column, bodyRows, 1);
    if (spec.numberFormat !== undefined) {
      // A single value applies to every cell of the range (Excel.Range.numberFormat).
      body.numberFormat = spec.numberFormat as unknown as string[][];
    }
    if (spec.wrap) {
      body.format.wrapText = true;
      body.format.verticalAlignment = "Top";
    }
  });
  colourRows(worksheet, layout, headerRow, columns);
  addHeatScales(worksheet, layout, headerRow);
  addValidations(worksheet, layout, headerRow);
  writeGeometry(worksheet, layout);
  writeBlocksAndCharts(worksheet, layout);
  writePageSetup(worksheet, layout);
}

/**
 * A white → red colour scale over each `heat` column (risk matrix), from 0 (or the lowest value, if
 * negative) to the highest — as src/xlsx writes it, so a 0/1 factor column shows present factors red.
 */
function addHeatScales(worksheet: Excel.Worksheet, layout: SheetLayout, headerRow: number): void {
  if (layout.body.length === 0) return;
  layout.columns.forEach((spec, column) => {
    if (spec.heat !== true) return;
    const numbers = layout.body
      .map((row) => row[column])
      .filter((value): value is number => typeof value === "number" && Number.isFinite(value));
    if (numbers.length === 0) return;
    const low = Math.min(0, ...numbers);
    const high = Math.max(low + 1, ...numbers);
    const range = worksheet.getRangeByIndexes(headerRow + 1, column, layout.body.length, 1);
    const scale = range.conditionalFormats.add("ColorScale");
    scale.colorScale.criteria = {
      minimum: { type: "Number", formula: String(low), color: HEAT_COLOURS[0] },
      maximum: { type: "Number", formula: String(high), color: HEAT_COLOURS[1] },
    };
  });
}

/**
 * Data validation on the cells a person fills in (templates): the same rules as src/xlsx — bounds,
 * and «not above the row's total» as a custom formula relative to the first row. Blanks allowed.
 */
function addValidations(worksheet: Excel.Worksheet, layout: SheetLayout, headerRow: number): void {
  const rows = Math.max(layout.body.length, layout.inputRows ?? 0);
  if (rows === 0) return;
  layout.columns.forEach((spec, column) => {
    const validation = spec.validation;
    if (validation === undefined) return;
    const range = worksheet.getRangeByIndexes(headerRow + 1, column, rows, 1);
    range.dataValidation.rule = validationRule(validation, column, headerRow + 1);
    range.dataValidation.ignoreBlanks = true;
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: "Школьный радар",
      message: validation.message,
    };
  });
}

function validationRule(
  validation: ColumnValidation,
  column: number,
  firstRow: number
): Excel.DataValidationRule {
  if (validation.notAboveColumn === undefined) {
    const basic: Excel.BasicDataValidation =
      validation.max === undefined
        ? { operator: "GreaterThanOrEqualTo", formula1: validation.min }
        : { operator: "Between", formula1: validation.min, formula2: validation.max };
    return validation.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
  }
  const formula = notAboveTotalFormula(validation, validation.notAboveColumn, column, firstRow + 1);
  return { custom: { formula: `=${formula}` } };
}

function colourRows(
  worksheet: Excel.Worksheet,
  layout: SheetLayout,
  headerRow: number,
  columns: number
): void {
  const plan = tonePlan(layout);
  if (layout.body.length === 0) return;
  if (plan.kind === "rules") {
    const body = worksheet.getRangeByIndexes(headerRow + 1, 0, layout.body.length, columns);
    plan.rules.forEach((rule) => {
      const format = body.conditionalFormats.add("Custom");
      format.custom.rule.formula = toneRuleFormula(rule, plan.column, headerRow + 1);
      format.custom.format.fill.color = TONE_COLOURS[rule.tone];
    });
  }
  // Fills ("fills" plans) are pieces of their own, run by run (`fillRun`).
}

/** One run of rows of one tone, filled (the tones no column decides). */
function fillRun(worksheet: Excel.Worksheet, layout: SheetLayout, run: ToneRun): void {
  const columns = Math.max(layout.header.length, 1);
  worksheet.getRangeByIndexes(
    headerRowOf(layout) + 1 + run.start,
    0,
    run.end - run.start,
    columns
  ).format.fill.color = TONE_COLOURS[run.tone];
}

/**
 * The last commands of the write. Until here every new sheet was hidden and pending. First the new
 * sheets are shown: a workbook keeps at least one visible sheet, and when ours are the only visible
 * ones, deleting them before would fail midway. Then the replaced sheets and their marks go (a very
 * hidden one made hidden first: Excel deletes a very hidden sheet only then, office-js#365), and the
 * new sheets take their final names and marks. Their headers are frozen last, on shown sheets only:
 * Excel refuses pane changes on a hidden sheet (office-js#1463), so never on the settings sheet.
 */
function finish(
  workbook: Excel.Workbook,
  plan: OutputPlan,
  worksheets: Excel.Worksheet[],
  state: WorkbookState
): void {
  plan.sheets.forEach((planned: PlannedSheet, index) => {
    if (!planned.output.hidden) worksheets[index]!.visibility = "Visible";
  });
  plan.deleteNames
    .filter((name) => !isPendingMark(name))
    .forEach((name) => workbook.names.getItem(name).delete());
  // The plan names the sheets to delete as the read listed them.
  const veryHidden = new Set(
    state.sheets.filter((sheet) => sheet.veryHidden === true).map((sheet) => sheet.name)
  );
  plan.deleteSheets.forEach((name) => {
    const sheet = workbook.worksheets.getItem(name);
    if (veryHidden.has(name)) sheet.visibility = "Hidden";
    sheet.delete();
  });
  plan.sheets.forEach((planned: PlannedSheet, index) => {
    const worksheet = worksheets[index]!;
    workbook.names.getItem(planned.pendingMark).delete();
    worksheet.name = planned.finalName;
    workbook.names.add(planned.mark, worksheet.getRange("A1"));
    if (!planned.output.hidden)
      worksheet.freezePanes.freezeRows(headerRowOf(planned.output.layout) + 1);
  });
  // Once every new sheet is visible: the one the layouts say opens (`opensHere`), else the first.
  const opens = plan.sheets.findIndex(
    (planned) => planned.output.layout.opensHere === true && !planned.output.hidden
  );
  const first = opens >= 0 ? opens : plan.sheets.findIndex((planned) => !planned.output.hidden);
  if (first >= 0) worksheets[first]!.activate();
}

/**
 * After a failed write: deletes the hidden pending sheets it left and their names (two syncs: what is
 * there, then the deletions). Never touches a sheet without our pending mark.
 */
export async function removePendingOutputs(context: Excel.RequestContext): Promise<number> {
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  await context.sync();
  const pending = marksFromNames(
    names.items.map((item) => ({ name: item.name, formula: item.formula }))
  ).filter((mark) => isPendingMark(mark.name));
  if (pending.length === 0) return 0;
  pending.forEach((mark) => {
    context.workbook.names.getItem(mark.name).delete();
    if (mark.sheet !== null) context.workbook.worksheets.getItem(mark.sheet).delete();
  });
  await context.sync();
  return pending.length;
}
