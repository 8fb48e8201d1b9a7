import type { SheetGrid, StatusColumn } from "../../src/engine";
import type {
  HostSheet,
  OutputSheet,
  ProgressListener,
  StatusColumnReport,
  WorkbookData,
  WorkbookHost,
  WriteReport,
} from "../../src/host/workbookHost";
import { outputMarkName } from "../../src/engine";

/**
 * A host over plain grids, for the pane's tests: what the pane asked for and wrote is recorded, and
 * any call can be held (to see the progress) or made to fail.
 */
export class MemoryHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly sheets: HostSheet[];
  readonly writes: OutputSheet[][] = [];
  readonly reads: string[][] = [];
  readonly selected: string[] = [];
  /** The status column each write was asked for. */
  readonly statusColumns: (StatusColumn | null | undefined)[] = [];
  /** What the next writes report of the status column (where Excel would have put it). */
  statusColumnReport: StatusColumnReport | null = null;
  /** Whether the writes say the print setup was not written (Excel 2019: no ExcelApi 1.9). */
  printSetupNotWritten: WriteReport["printSetupNotWritten"];
  /** When set, the next write waits for this promise (then clears it). */
  holdWrite: Promise<void> | null = null;
  failWrite: Error | null = null;

  constructor(grids: SheetGrid[], extra: HostSheet[] = []) {
    this.sheets = [
      ...grids.map((grid) => ({ name: grid.sheetName, visible: true, outputMark: null, grid })),
      ...extra,
    ];
  }

  async scan(): Promise<WorkbookData> {
    return {
      sheets: this.sheets.map((sheet) => ({ ...sheet })),
      activeSheet: this.sheets[0]!.name,
    };
  }

  async read(sheetNames: string[], onProgress?: ProgressListener): Promise<WorkbookData> {
    this.reads.push(sheetNames);
    onProgress?.({ phase: "read", done: 1, total: 1 });
    return this.scan();
  }

  async write(
    outputs: OutputSheet[],
    _basis: WorkbookData,
    onProgress?: ProgressListener,
    statusColumn?: StatusColumn | null
  ): Promise<WriteReport> {
    onProgress?.({ phase: "write", done: 0, total: 1 });
    if (this.holdWrite) {
      const hold = this.holdWrite;
      this.holdWrite = null;
      await hold;
    }
    if (this.failWrite) throw this.failWrite;
    this.writes.push(outputs);
    this.statusColumns.push(statusColumn);
    const taken = new Set(
      this.sheets.filter((sheet) => sheet.outputMark === null).map((s) => s.name)
    );
    // As the hosts do: a sheet of ours that became the user's data (a template) is not written again.
    const kept = (layout: OutputSheet["layout"]) =>
      layout.userData === true &&
      this.sheets.some((sheet) => sheet.outputMark === outputMarkName(layout.marker));
    const written = outputs.filter(({ layout }) => !kept(layout));
    return {
      sheets: written.map(({ layout }) => ({
        marker: layout.marker,
        requestedName: layout.name,
        name: taken.has(layout.name) ? `${layout.name} (2)` : layout.name,
      })),
      replacedSheets: [],
      keptSheets: outputs
        .filter(({ layout }) => kept(layout))
        .map(({ layout }) => ({
          marker: layout.marker,
          requestedName: layout.name,
          name: this.sheets.find((sheet) => sheet.outputMark === outputMarkName(layout.marker))!
            .name,
        })),
      ...(statusColumn && this.statusColumnReport ? { statusColumn: this.statusColumnReport } : {}),
      ...(this.printSetupNotWritten ? { printSetupNotWritten: this.printSetupNotWritten } : {}),
    };
  }

  /** When set, «Показать» fails with it (a hidden sheet, as Excel's host reports it). */
  failSelect: Error | null = null;

  readonly selectCell = async (address: string): Promise<void> => {
    if (this.failSelect) throw this.failSelect;
    this.selected.push(address);
  };

  /** A sheet of ours as a previous run left it. */
  static ownSheet(name: string, marker: string, grid: SheetGrid | null, visible = true): HostSheet {
    return { name, visible, outputMark: outputMarkName(marker), grid };
  }
}
