/*
 * A small in-memory Excel behind office-addin-mock proxies, for the adapter's tests (node environment).
 *
 * office-addin-mock gives each proxy Office.js's load/sync semantics: a property read before `load`
 * and `context.sync()` is an error string, not the value. This file adds what the mock leaves out:
 * a workbook model, a command queue that runs in order on `sync()` (so a failure midway leaves the
 * commands before it applied, as Office.js does), Excel on the web's 5 MB request and response limits
 * when asked, and a count of syncs. Every method the adapter calls is defined here; a method it does
 * not define is `undefined`, and calling it fails the test.
 */
import { OfficeMockObject } from "office-addin-mock";
import { isSetSupported, memberSet, type ClientProfile } from "./clientProfiles";
import { CellStore, GENERAL } from "./fakeCells";
import { gridChars, jsonChars } from "./jsonSize";

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue | "";
  /** Set when the adapter wrote text starting with "=" without protecting it. */
  formula?: string;
  numberFormat: string;
}

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface FakeTable {
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
  showBandedRows: boolean;
}

export interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  formula: string | null;
  fill: string | null;
  /** Colour scales: the criteria as set. */
  criteria?: unknown;
}

export interface FakeValidation {
  rect: Rect;
  rule: unknown;
  ignoreBlanks?: boolean;
  errorAlert?: unknown;
}

export interface FakeFormat {
  rect: Rect;
  key: string;
  value: unknown;
}

export interface FakeChart {
  type: string;
  /** The source range given to `charts.add`. */
  source: Rect;
  seriesBy: string | undefined;
  title?: string;
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  legendVisible?: boolean;
  legendPosition?: string;
  /** Trendlines added, by series index, with the name set for the legend. */
  trendlines: { series: number; type: string | undefined; name?: string }[];
  /** What was set on the axes (a scatter's X axis is the category axis). */
  axes: { category: FakeAxis; value: FakeAxis };
  /** Series added after the data's (`series.add`). */
  addedSeries: FakeSeries[];
  /** Cells given to `setPosition`. */
  position?: { start: Rect; end: Rect | null };
  /** Points from the sheet's top left, and size in points (`chart.top`, `left`, `width`, `height`). */
  top?: number;
  left?: number;
  width?: number;
  height?: number;
  plotVisibleOnly?: boolean;
}

/** What was set through `worksheet.pageLayout` (ExcelApi 1.9). */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  printGridlines?: boolean;
  zoom?: unknown;
  margins: Record<string, number>;
  centerFooter?: string;
  printArea?: string;
  printTitleRows?: string;
}

export interface FakeAxis {
  minimum?: number;
  maximum?: number;
  tickLabelPosition?: string;
  numberFormat?: string;
}

export interface FakeSeries {
  name: string | undefined;
  xValues?: Rect;
  values?: Rect;
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  /** Data labels by point index: the text and position set. */
  labels: { point: number; text?: string; position?: string }[];
}

export class FakeSheet {
  readonly id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly tables: FakeTable[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly formats: FakeFormat[] = [];
  readonly validations: FakeValidation[] = [];
  readonly charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights set (`format.rowHeight`), by row. */
  readonly rowHeights = new Map<number, number>();
  /** Merged areas (`range.merge`). */
  readonly merges: Rect[] = [];
  /** Hyperlinks set, by "row,column". */
  readonly hyperlinks = new Map<string, { documentReference?: string; textToDisplay?: string }>();
  pageLayout: FakePageLayout | null = null;
  frozenRows = 0;
  /** «Защитить лист»: Excel refuses every change to the sheet's cells, formats and panes. */
  protected = false;

  constructor(id: number, name: string) {
    this.id = id;
    this.name = name;
  }

  /**
   * Cells made on demand rather than stored (a sheet of millions of cells in a test of modest memory):
   * read-only; a cell set explicitly wins.
   */
  generated: { rect: Rect; at: (row: number, column: number) => FakeValue } | null = null;

  /** The cells set (fakeCells.ts: a plain array per row, no object per cell). */
  private readonly store = new CellStore();

  cell(row: number, column: number): FakeCell | undefined {
    const stored = this.store.get(row, column);
    if (stored !== undefined || this.generated === null) return stored;
    const { rect, at } = this.generated;
    return inside(rect, row, column)
      ? { value: at(row, column), numberFormat: GENERAL }
      : undefined;
  }

  setCell(row: number, column: number, update: Partial<FakeCell>): void {
    this.store.set(row, column, update);
  }

  /** A grid's rows from (row, column), as a test lays out a sheet: null leaves a cell empty. */
  fill(values: readonly (readonly (FakeValue | null)[])[], row = 0, column = 0): void {
    values.forEach((line, index) => this.store.fillRow(row + index, column, line));
  }

  /** Every cell set, as rows of cells (holes where none was): for tests that look at all of them. */
  get rows(): (FakeCell | undefined)[][] {
    const rows: (FakeCell | undefined)[][] = [];
    for (const { row, column, cell } of this.store.cells()) (rows[row] ??= [])[column] = cell;
    return rows;
  }

  /** The used range: the cells set and the generated ones, from the first to the last non-empty. */
  usedRect(): Rect | null {
    const stored = this.store.usedRect();
    const made = this.generated?.rect ?? null;
    if (stored === null) return made === null ? null : { ...made };
    if (made === null) return stored;
    const row = Math.min(stored.row, made.row);
    const column = Math.min(stored.column, made.column);
    return {
      row,
      column,
      rows: Math.max(stored.row + stored.rows, made.row + made.rows) - row,
      columns: Math.max(stored.column + stored.columns, made.column + made.columns) - column,
    };
  }

  /** Values as Excel's `values` gives them ("" for empty). */
  values(rect: Rect): FakeValue[][] {
    const rows: FakeValue[][] = new Array<FakeValue[]>(rect.rows);
    for (let r = 0; r < rect.rows; r += 1) {
      const line = this.store.valueRow(rect.row + r);
      const row: FakeValue[] = new Array<FakeValue>(rect.columns);
      for (let c = 0; c < rect.columns; c += 1) {
        const value = line?.[rect.column + c];
        row[c] = value !== undefined ? value : this.madeAt(rect.row + r, rect.column + c);
      }
      rows[r] = row;
    }
    return rows;
  }

  numberFormats(rect: Rect): string[][] {
    const rows: string[][] = new Array<string[]>(rect.rows);
    for (let r = 0; r < rect.rows; r += 1) {
      const line = this.store.formatRow(rect.row + r);
      const row = new Array<string>(rect.columns).fill(GENERAL);
      if (line !== undefined)
        for (let c = 0; c < rect.columns; c += 1) row[c] = line[rect.column + c] ?? GENERAL;
      rows[r] = row;
    }
    return rows;
  }

  /**
   * Characters of `JSON.stringify(this.values(rect))`, without making either (jsonSize.ts): from the
   * JSON size of each row's values, kept until the row changes.
   */
  valuesJsonChars(rect: Rect): number {
    let cells = 0;
    const end = rect.column + rect.columns;
    for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
      // A cell never set is `""` (2 characters) — or, on a generated sheet, the value made there.
      const chars = this.store.charRow(r);
      if (this.generated !== null) {
        for (let c = rect.column; c < end; c += 1)
          cells += this.store.value(r, c) !== undefined ? chars![c]! : jsonChars(this.madeAt(r, c));
        continue;
      }
      const stored = chars === undefined ? rect.column : Math.min(chars.length, end);
      for (let c = rect.column; c < stored; c += 1) cells += chars![c]!;
      cells += 2 * (end - Math.max(stored, rect.column));
    }
    return gridChars(rect.rows, rect.columns, cells);
  }

  /** Characters of `JSON.stringify(this.numberFormats(rect))`. */
  formatsJsonChars(rect: Rect): number {
    const general = jsonChars(GENERAL);
    let cells = 0;
    for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
      const line = this.store.formatRow(r);
      if (line === undefined) {
        cells += general * rect.columns;
        continue;
      }
      for (let c = rect.column; c < rect.column + rect.columns; c += 1)
        cells += jsonChars(line[c] ?? GENERAL);
    }
    return gridChars(rect.rows, rect.columns, cells);
  }

  /** A cell not set: the generated value where there is one, else empty. */
  private madeAt(row: number, column: number): FakeValue {
    const made = this.generated;
    return made !== null && inside(made.rect, row, column) ? made.at(row, column) : "";
  }

  /** The last value set for a format key on a cell (`font.bold`, `fill.color`, `wrapText`…). */
  formatAt(row: number, column: number, key: string): unknown {
    let found: unknown = undefined;
    for (const format of this.formats) {
      if (format.key === key && inside(format.rect, row, column)) found = format.value;
    }
    return found;
  }
}

function inside(rect: Rect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.rows &&
    column >= rect.column &&
    column < rect.column + rect.columns
  );
}

export interface FakeName {
  name: string;
  /** The sheet the name points at, by id so that renames follow; null: `#REF!`. */
  sheetId: number | null;
  /** The cells it refers to (A1 for the sheet marks). */
  rect: Rect;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  activeSheetId: number;
  /**
   * Where the user is when it is not a worksheet of this workbook: a chart sheet (office-js#2444) or
   * another open workbook (office-js#6365). `getActiveWorksheet()` then fails, as Excel's does.
   */
  activeElsewhere: "chartSheet" | "otherWorkbook" | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;
  private tableCount = 0;
  /** Set while the user types in a cell (`startCellEdit`); resolved by `endCellEdit`. */
  private cellEdit: { ended: Promise<void>; end: () => void } | null = null;

  constructor(sheetNames: string[] = ["Лист1"]) {
    sheetNames.forEach((name) => this.addSheet(name));
    this.activeSheetId = this.sheets[0]!.id;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheetByName(name)) throw officeError("ItemAlreadyExists", `sheet ${name} exists`);
    checkSheetName(name);
    const sheet = new FakeSheet(this.nextId++, name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheetByName(name);
    if (!sheet) throw officeError("ItemNotFound", `no sheet ${name}`);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    const others = this.sheets.filter((other) => other !== sheet);
    if (!others.some((other) => other.visibility === "Visible")) {
      throw officeError("InvalidOperation", "a workbook must keep one visible sheet");
    }
    // Excel refuses to delete a very hidden sheet "by design": make it hidden first (office-js#365).
    if (sheet.visibility === "VeryHidden") {
      throw officeError("GeneralException", `sheet ${sheet.name} is very hidden`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.names.forEach((name) => {
      if (name.sheetId === sheet.id) name.sheetId = null;
    });
    if (this.activeSheetId === sheet.id)
      this.activeSheetId = others.find((other) => other.visibility === "Visible")!.id;
  }

  /** A workbook keeps at least one visible sheet at every point: Excel refuses to hide the last. */
  setVisibility(sheet: FakeSheet, visibility: FakeSheet["visibility"]): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility))
      throw officeError("InvalidArgument", `visibility ${visibility}`);
    const othersVisible = this.sheets.some(
      (other) => other !== sheet && other.visibility === "Visible"
    );
    if (visibility !== "Visible" && !othersVisible) {
      throw officeError("InvalidOperation", "a workbook must keep one visible sheet");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id)
      this.activeSheetId = this.sheets.find((other) => other.visibility === "Visible")!.id;
  }

  /** The user starts typing in a cell: batches fail, or wait if they asked to (`delayForCellEdit`). */
  startCellEdit(): void {
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { ended, end };
  }

  /** The user presses Enter: the waiting batches run. */
  endCellEdit(): void {
    const edit = this.cellEdit;
    this.cellEdit = null;
    edit?.end();
  }

  get cellEditEnded(): Promise<void> | null {
    return this.cellEdit?.ended ?? null;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw officeError("ItemAlreadyExists", `sheet ${name} exists`);
    checkSheetName(name);
    sheet.name = name;
  }

  nameFormula(name: FakeName): string {
    const sheet = this.sheets.find((candidate) => candidate.id === name.sheetId);
    const { row, column, rows, columns } = name.rect;
    const first = `$${letters(column)}$${row + 1}`;
    const cells =
      rows === 1 && columns === 1
        ? first
        : `${first}:$${letters(column + columns - 1)}$${row + rows}`;
    return sheet ? `='${sheet.name.replace(/'/g, "''")}'!${cells}` : `=#REF!${cells}`;
  }

  addName(
    name: string,
    sheetId: number,
    rect: Rect = { row: 0, column: 0, rows: 1, columns: 1 }
  ): void {
    if (this.names.some((other) => other.name.toLowerCase() === name.toLowerCase())) {
      throw officeError("ItemAlreadyExists", `name ${name} exists`);
    }
    this.names.push({ name, sheetId, rect });
  }

  deleteName(name: string): void {
    const index = this.names.findIndex((other) => other.name.toLowerCase() === name.toLowerCase());
    if (index < 0) throw officeError("ItemNotFound", `no name ${name}`);
    this.names.splice(index, 1);
  }

  newTableName(): string {
    this.tableCount += 1;
    return `Table${this.tableCount}`;
  }

  /** A sheet's values as rows, the way tests read them back. */
  valuesOf(name: string): FakeValue[][] {
    const sheet = this.sheet(name);
    const rect = sheet.usedRect();
    if (rect === null) return [];
    return sheet.values({
      row: 0,
      column: 0,
      rows: rect.row + rect.rows,
      columns: rect.column + rect.columns,
    });
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
    throw officeError("InvalidArgument", `bad sheet name ${name}`);
  }
}

export class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

export function officeError(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

export interface FakeOptions {
  /** Excel on the web: refuse requests and responses over this many bytes (estimated as JSON × 2). */
  payloadLimit?: number;
  /** Fail the command for which this returns true (its label, its index in the whole run). */
  failWhen?: (label: string, index: number) => boolean;
  /** The code that failure has: `GeneralException` unless a test needs Excel's answer to a case. */
  failCode?: string;
  /**
   * Cells a range may have for a load of its values or number formats: over it, the request fails
   * with `RangeExceedsLimit`. Excel's documented five million on every platform unless a test injects
   * less («On all platforms, a range is limited to five million cells for get operations»,
   * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
   */
  readCellLimit?: number;
  /**
   * Excel on Mac: a range over this many cells loads its values and number formats as null, with no
   * error (OfficeDev/office-js#4783, #6781). Checked before `readCellLimit`.
   */
  valuesNullAbove?: number;
  /**
   * The client played (clientProfiles.ts): a member above its ExcelApi sets fails the request with
   * `ApiNotFound`, and `worksheet.pageLayout` is there only with 1.9.
   */
  profile?: ClientProfile;
}

/** Excel's limit on the cells of one range read, on every platform. */
export const FAKE_READ_CELL_LIMIT = 5_000_000;

interface Command {
  label: string;
  bytes: number;
  /** Cells of values it writes (`range.values`). */
  cells: number;
  run: () => void;
}

/**
 * A loadable property's value as the response gives it; a range's cells also say how many JSON
 * characters they come to without being made (`responseChars`).
 */
type SizedGetter = (() => unknown) & { responseChars?: () => number };

interface Refresh {
  target: OfficeMockObject;
  props: Map<string, SizedGetter>;
  after?: () => void;
}

/** Per-command bytes besides its values, a rough stand-in for Office.js's JSON of one action. */
/**
 * Per-command bytes besides its arguments: about 160 characters of JSON for one Office.js action and
 * the object path it acts on (`{"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":…}`
 * and `{"Id":…,"ObjectPathType":…,"Name":"GetRangeByIndexes","ParentObjectPathId":…,…}`), at 2 bytes
 * a character like the arguments. A fill, a format, a rule or a validation costs this much whatever
 * its value: none of them rides free.
 */
const COMMAND_BYTES = 2 * 160;

/** One `Excel.run`: a context whose commands run on `sync()`. */
export class FakeContext {
  readonly workbook: OfficeMockObject;
  syncs = 0;
  private commands: Command[] = [];
  private refreshes: Refresh[] = [];
  private commandIndex = 0;

  constructor(
    readonly model: FakeWorkbook,
    readonly options: FakeOptions,
    readonly stats: FakeStats
  ) {
    const workbook = new OfficeMockObject({});
    workbook.worksheets = worksheetCollection(this);
    workbook.names = namedItemCollection(this);
    this.workbook = workbook;
  }

  queue(label: string, run: () => void, bytes = 0, cells = 0): void {
    this.commands.push({ label, run, bytes: bytes + COMMAND_BYTES, cells });
  }

  /** A member the client lacks (options.profile) fails the request it goes in, as Excel answers it. */
  requireSet(kind: string, member: string): void {
    const profile = this.options.profile;
    const version = memberSet(kind, member);
    if (profile === undefined || version === null) return;
    if (isSetSupported(profile, "ExcelApi", version)) return;
    this.queue(`${kind}.${member}`, () => {
      throw officeError("ApiNotFound", `${kind}.${member} needs ExcelApi ${version}`);
    });
  }

  refreshOnSync(refresh: Refresh): void {
    this.refreshes.push(refresh);
  }

  async sync(): Promise<void> {
    this.syncs += 1;
    this.stats.syncs += 1;
    const commands = this.commands;
    const refreshes = this.refreshes;
    this.commands = [];
    this.refreshes = [];
    const requestBytes = commands.reduce((sum, command) => sum + command.bytes, 0);
    this.stats.largestRequest = Math.max(this.stats.largestRequest, requestBytes);
    this.stats.requestBytes.push(requestBytes);
    this.stats.requestCells.push(commands.reduce((sum, command) => sum + command.cells, 0));
    const limit = this.options.payloadLimit ?? Infinity;
    if (requestBytes > limit) {
      throw officeError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    }
    for (const command of commands) {
      const index = this.commandIndex++;
      if (this.options.failWhen?.(command.label, index)) {
        const code = this.options.failCode ?? "GeneralException";
        throw officeError(code, `injected failure at ${command.label}`);
      }
      command.run();
      this.stats.commands.push(command.label);
    }
    // Only where a limit applies: the response's JSON size, before anything of it is made (a range's
    // cells are sized from their stored JSON lengths, jsonSize.ts; other properties as JSON).
    const answers = refreshes.flatMap((refresh) =>
      [...refresh.props].map(([prop, getter]) => ({
        refresh,
        prop,
        getter,
        given: false as boolean,
        value: undefined as unknown,
      }))
    );
    if (limit !== Infinity) {
      let responseBytes = 0;
      for (const answer of answers) {
        const sized = answer.getter.responseChars;
        if (sized !== undefined) {
          responseBytes += sized() * 2;
          continue;
        }
        answer.value = answer.getter();
        answer.given = true;
        responseBytes += jsonChars(answer.value ?? null) * 2;
      }
      this.stats.responseBytes.push(responseBytes);
      if (responseBytes > limit) {
        throw officeError("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
      }
    }
    for (const answer of answers) {
      const property = (answer.refresh.target as unknown as MockInternals)._properties.get(
        answer.prop
      );
      const value = answer.given ? answer.value : answer.getter();
      if (property) property._valueBeforeLoaded = value;
    }
    for (const refresh of refreshes) {
      await OfficeMockObject.prototype.sync.call(refresh.target);
      refresh.after?.();
    }
    // The mock finishes property updates in microtasks queued by its own sync.
    await Promise.resolve();
  }
}

interface MockInternals {
  _properties: Map<string, { _valueBeforeLoaded: unknown }>;
}

export interface FakeStats {
  syncs: number;
  runs: number;
  largestRequest: number;
  /** Estimated bytes of each request sent, in order (the benchmark reports them). */
  requestBytes: number[];
  commands: string[];
  /** Requests that waited for the user to leave cell edit mode (`delayForCellEdit`). */
  cellEditWaits: number;
  /** Cells of values written by each request sent, in order. */
  requestCells: number[];
  /** Cells of each range whose values were loaded (and given), in order. */
  cellsRead: number[];
  /** Estimated bytes of each response, given or refused, where a limit applies (JSON × 2). */
  responseBytes: number[];
}

/** A stand-in for `Excel.run` over the model: a new context per run, like Office.js. */
export function fakeExcel(model: FakeWorkbook, options: FakeOptions = {}) {
  const stats: FakeStats = {
    syncs: 0,
    runs: 0,
    largestRequest: 0,
    requestBytes: [],
    commands: [],
    cellEditWaits: 0,
    requestCells: [],
    cellsRead: [],
    responseBytes: [],
  };
  const run = async <T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    runOptions?: { delayForCellEdit?: boolean }
  ): Promise<T> => {
    stats.runs += 1;
    const context = new FakeContext(model, options, stats);
    const mockContext = new OfficeMockObject({
      sync: async () => {
        await cellEditGate(model, runOptions, stats);
        return context.sync();
      },
    });
    mockContext.workbook = context.workbook;
    return batch(mockContext as unknown as Excel.RequestContext);
  };
  return { run, stats, model };
}

/**
 * While the user types in a cell, Excel fails a request (`InvalidOperationInCellEditMode`) unless its
 * `Excel.run` asked to wait (`RunOptions.delayForCellEdit`): then the request runs once the user
 * leaves the cell (https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions). Office.js
 * sends the option only where `Office.context.requirements.isSetSupported("DelayForCellEdit")`
 * (`onBeforeExcelRun` in @microsoft/office-js's dist/excel-*.debug.js); elsewhere it is dropped.
 */
async function cellEditGate(
  model: FakeWorkbook,
  runOptions: { delayForCellEdit?: boolean } | undefined,
  stats: FakeStats
): Promise<void> {
  const ended = model.cellEditEnded;
  if (ended === null) return;
  const office = (globalThis as { Office?: typeof Office }).Office;
  const delays = office?.context.requirements.isSetSupported("DelayForCellEdit") === true;
  if (runOptions?.delayForCellEdit !== true || !delays) {
    throw officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
  }
  stats.cellEditWaits += 1;
  await ended;
}

type Loadable = Record<string, SizedGetter>;
type Settable = Record<string, (value: unknown) => void>;

/**
 * A proxy object: the mock supplies load/sync semantics for `loadable` properties; assignments to
 * `settable` properties become queued commands; anything else assigned is a test failure.
 */
function proxy(
  context: FakeContext,
  kind: string,
  loadable: Loadable,
  settable: Settable,
  methods: Record<string, (...args: never[]) => unknown>,
  children: Record<string, unknown> = {},
  afterLoad?: (props: string[]) => (() => void) | undefined
): OfficeMockObject {
  const data: Record<string, unknown> = {};
  for (const prop of Object.keys(loadable)) data[prop] = "(placeholder)";
  const target = new OfficeMockObject(data as never);
  Object.assign(
    target,
    Object.fromEntries(
      Object.entries(methods).map(([name, method]) => [
        name,
        (...args: never[]) => {
          context.requireSet(kind, name);
          return method(...args);
        },
      ])
    )
  );
  for (const [name, child] of Object.entries(children)) {
    if (child instanceof Lazy) {
      let made: unknown;
      Object.defineProperty(target, name, {
        get: () => (made ??= child.make()),
        enumerable: true,
      });
    } else (target as unknown as Record<string, unknown>)[name] = child;
  }
  target.load = (argument: string) => {
    const props = String(argument)
      .split(",")
      .map((prop) => prop.trim().replace(/^items\/.*$/, "items"))
      .filter((prop) => prop !== "");
    const wanted = new Map<string, SizedGetter>();
    for (const prop of props) {
      const getter = loadable[prop];
      if (!getter) throw new Error(`fake Excel: ${kind}.load("${prop}") is not supported`);
      wanted.set(prop, getter);
    }
    OfficeMockObject.prototype.load.call(target, [...wanted.keys()]);
    context.refreshOnSync({ target, props: wanted, after: afterLoad?.([...wanted.keys()]) });
    return target;
  };
  const wrapped = new Proxy(target, {
    set(object, prop, value) {
      if (typeof prop === "string" && settable[prop]) {
        context.requireSet(kind, prop);
        const set = settable[prop]!;
        context.queue(
          `${kind}.${prop}`,
          () => set(value),
          JSON.stringify(value ?? null).length * 2,
          prop === "values" && Array.isArray(value) ? value.length * (value[0]?.length ?? 0) : 0
        );
      } else if (
        typeof prop === "string" &&
        !(prop in loadable) &&
        !prop.startsWith("_") &&
        prop !== "isNullObject" // kept up to date by the fake after each sync
      ) {
        throw new Error(`fake Excel: ${kind}.${prop} cannot be set`);
      }
      (object as unknown as Record<string | symbol, unknown>)[prop] = value;
      return true;
    },
  });
  TARGETS.set(wrapped, target);
  return wrapped;
}

const TARGETS = new WeakMap<object, OfficeMockObject>();

/**
 * A child object made when first reached (`range.format`, `range.dataValidation`…): a write of
 * 50,000 rows reaches a range per link, and most reach none of their children.
 */
class Lazy {
  constructor(readonly make: () => unknown) {}
}

function lazy(make: () => unknown): Lazy {
  return new Lazy(make);
}

/** A collection item as Office.js returns it: its properties already loaded with these values. */
function loadedItem(item: OfficeMockObject, values: Record<string, unknown>): OfficeMockObject {
  const target = TARGETS.get(item)!;
  const properties = (target as unknown as MockInternals)._properties;
  OfficeMockObject.prototype.load.call(target, Object.keys(values));
  for (const [prop, value] of Object.entries(values)) {
    properties.get(prop)!._valueBeforeLoaded = value;
  }
  void OfficeMockObject.prototype.sync.call(target);
  return item;
}

function worksheetCollection(context: FakeContext): OfficeMockObject {
  const model = context.model;
  const collection: OfficeMockObject = proxy(
    context,
    "worksheets",
    { items: () => model.sheets.map((sheet) => itemSheet(sheet)) },
    {},
    {
      getItem: (name: string) => worksheet(context, () => model.sheet(name)),
      getActiveWorksheet: () => worksheet(context, () => activeWorksheet(model)),
      add: (name: string) => {
        let created: FakeSheet | null = null;
        context.queue("worksheets.add", () => {
          created = model.addSheet(name);
        });
        return worksheet(context, () => {
          if (created === null) throw officeError("ItemNotFound", "sheet not added yet");
          return created;
        });
      },
    }
  );
  // Items come back loaded with the properties asked for ("items/name, items/visibility"), their
  // protection only when asked for ("items/protection/protected"): unloaded, it reads as an error.
  const target = TARGETS.get(collection)!;
  const load = target.load.bind(target);
  let withProtection = false;
  target.load = (argument: string) => {
    withProtection ||= String(argument).includes("items/protection/protected");
    return load(argument);
  };
  const itemSheet = (sheet: FakeSheet) => {
    const item = loadedItem(
      worksheet(context, () => sheet),
      { name: sheet.name, visibility: sheet.visibility }
    );
    if (withProtection) {
      loadedItem((item as unknown as { protection: OfficeMockObject }).protection, {
        protected: sheet.protected,
      });
    }
    return item;
  };
  return collection;
}

/**
 * The active worksheet, or the error Excel gives when the user is on something else: a chart sheet
 * (office-js#2444) or another workbook (office-js#6365, `InvalidSelection`).
 */
function activeWorksheet(model: FakeWorkbook): FakeSheet {
  if (model.activeElsewhere === "chartSheet")
    throw officeError("GeneralException", "the active sheet is a chart sheet");
  if (model.activeElsewhere === "otherWorkbook")
    throw officeError("InvalidSelection", "the user is in another workbook");
  return model.sheets.find((sheet) => sheet.id === model.activeSheetId)!;
}

/** Excel shows, selects and freezes panes only on a visible sheet (office-js#1463). */
function shown(sheet: FakeSheet, what: string): FakeSheet {
  if (sheet.visibility !== "Visible")
    throw officeError("InvalidOperation", `${what} on the ${sheet.visibility} sheet ${sheet.name}`);
  return sheet;
}

/**
 * A protected sheet («Защитить лист») refuses every change to its cells, formats, tables, charts and
 * panes with `AccessDenied` ("You cannot perform the requested operation",
 * microsoftgraph/microsoft-graph-docs#4546; Excel.ErrorCodes.accessDenied).
 */
function unprotected(sheet: FakeSheet, what: string): FakeSheet {
  if (sheet.protected) throw officeError("AccessDenied", `${what} on the protected ${sheet.name}`);
  return sheet;
}

/**
 * The requirement sets this fake Excel runs: its client profile's; without one, what the test's
 * `Office.context.requirements` says (as the adapter asks it), and without an `Office` global only up
 * to the manifests' 1.8.
 */
function supportsSet(version: string, context: FakeContext): boolean {
  const profile = context.options.profile;
  if (profile !== undefined) return isSetSupported(profile, "ExcelApi", version);
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined) return Number(version.split(".")[1]) <= 8;
  return office.context.requirements.isSetSupported("ExcelApi", version);
}

/** `worksheet.pageLayout` (ExcelApi 1.9): an older Excel has no such property. */
function pageLayoutProxy(context: FakeContext, resolve: () => FakeSheet): OfficeMockObject {
  const model = (): FakePageLayout => (resolve().pageLayout ??= { margins: {} });
  const margin = (key: string) => (value: unknown) => {
    model().margins[key] = Number(value);
  };
  return proxy(
    context,
    "pageLayout",
    {},
    {
      orientation: (value) => {
        model().orientation = String(value);
      },
      paperSize: (value) => {
        model().paperSize = String(value);
      },
      printGridlines: (value) => {
        model().printGridlines = Boolean(value);
      },
      zoom: (value) => {
        model().zoom = value;
      },
      leftMargin: margin("left"),
      rightMargin: margin("right"),
      topMargin: margin("top"),
      bottomMargin: margin("bottom"),
      headerMargin: margin("header"),
      footerMargin: margin("footer"),
    },
    {
      setPrintArea: (area: string) =>
        context.queue("pageLayout.setPrintArea", () => {
          if (typeof area !== "string") throw new Error("fake Excel: print areas as text only");
          area.split(",").forEach(parseAddress);
          model().printArea = area;
        }),
      setPrintTitleRows: (rows: string) =>
        context.queue("pageLayout.setPrintTitleRows", () => {
          if (!/^\$\d+:\$\d+$/.test(rows)) throw officeError("InvalidArgument", `rows ${rows}`);
          model().printTitleRows = rows;
        }),
    },
    {
      headersFooters: {
        defaultForAllPages: proxy(
          context,
          "headerFooter",
          {},
          {
            centerFooter: (value) => {
              model().centerFooter = String(value);
            },
          },
          {}
        ),
      },
    }
  );
}

function worksheet(context: FakeContext, resolve: () => FakeSheet): OfficeMockObject {
  const model = context.model;
  const sheet = proxy(
    context,
    "worksheet",
    { name: () => resolve().name, visibility: () => resolve().visibility },
    {
      name: (value) => model.renameSheet(resolve(), String(value)),
      visibility: (value) => model.setVisibility(resolve(), value as FakeSheet["visibility"]),
    },
    {
      getRange: (address: string) => range(context, resolve, () => parseAddress(address)),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
        if (rows < 1 || columns < 1) throw officeError("InvalidArgument", "empty range");
        return range(context, resolve, () => ({ row, column, rows, columns }));
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        if (valuesOnly !== true) throw new Error("fake Excel: only valuesOnly used ranges");
        return range(context, resolve, () => resolve().usedRect(), true);
      },
      delete: () => context.queue("worksheet.delete", () => model.deleteSheet(resolve())),
      activate: () =>
        context.queue("worksheet.activate", () => {
          model.activeSheetId = shown(resolve(), "activate").id;
        }),
    },
    {
      tables: {
        add: (target: OfficeMockObject, hasHeaders: boolean) => {
          const table: Partial<FakeTable> = {
            hasHeaders,
            style: "TableStyleMedium2",
            showBandedRows: true,
          };
          context.queue("tables.add", () => {
            const sheet = unprotected(resolve(), "tables.add");
            const rect = rectOf(target);
            if (sheet.tables.some((other) => overlaps(other.rect, rect))) {
              throw officeError("InvalidOperation", "tables overlap");
            }
            Object.assign(table, { rect, name: model.newTableName() });
            sheet.tables.push(table as FakeTable);
          });
          return proxy(
            context,
            "table",
            {},
            {
              style: (value) => {
                table.style = String(value);
              },
              showBandedRows: (value) => {
                table.showBandedRows = Boolean(value);
              },
            },
            {}
          );
        },
      },
      charts: {
        add: (type: string, source: OfficeMockObject, seriesBy?: string) =>
          chartProxy(context, resolve, type, source, seriesBy),
      },
      freezePanes: {
        freezeRows: (count: number) =>
          context.queue("freezePanes.freezeRows", () => {
            unprotected(shown(resolve(), "freezeRows"), "freezeRows").frozenRows = count;
          }),
      },
      protection: lazy(() =>
        proxy(context, "protection", { protected: () => resolve().protected }, {}, {})
      ),
    }
  );
  // ExcelApi 1.9: where the set is missing, the property is not there (reading it gives undefined,
  // and using it fails the test).
  Object.defineProperty(TARGETS.get(sheet)!, "pageLayout", {
    get: () => (supportsSet("1.9", context) ? pageLayoutProxy(context, resolve) : undefined),
  });
  return sheet;
}

const CHART_TYPES = new Set(["XYScatter", "ColumnClustered", "LineMarkers", "Line"]);

/** A chart proxy: `charts.add` queues the chart; its titles, legend, trendline and position follow. */
function chartProxy(
  context: FakeContext,
  sheetOf: () => FakeSheet,
  type: string,
  source: OfficeMockObject,
  seriesBy: string | undefined
): OfficeMockObject {
  const chart: FakeChart = {
    type,
    source: { row: 0, column: 0, rows: 0, columns: 0 },
    seriesBy,
    trendlines: [],
    axes: { category: {}, value: {} },
    addedSeries: [],
  };
  context.queue("charts.add", () => {
    unprotected(sheetOf(), "charts.add");
    if (!CHART_TYPES.has(type)) throw officeError("InvalidArgument", `chart type ${type}`);
    if (SHEETS.get(source)?.() !== sheetOf()) {
      throw officeError("InvalidArgument", "chart data on another sheet");
    }
    chart.source = rectOf(source);
    sheetOf().charts.push(chart);
  });
  const text = (kind: string, set: (value: string) => void) =>
    proxy(context, kind, {}, { text: (value) => set(String(value)) }, {});
  // Only what the adapter sets: an axis's bounds, label position and format (ExcelApi 1.1–1.8).
  const axis = (kind: string, set: (value: string) => void, model: () => FakeAxis) =>
    proxy(
      context,
      kind,
      {},
      {
        minimum: (value) => {
          model().minimum = Number(value);
        },
        maximum: (value) => {
          model().maximum = Number(value);
        },
        tickLabelPosition: (value) => {
          model().tickLabelPosition = String(value);
        },
        numberFormat: (value) => {
          model().numberFormat = String(value);
        },
      },
      {},
      { title: text(kind, set) }
    );
  const number = (key: "top" | "left" | "width" | "height") => (value: unknown) => {
    if (typeof value !== "number" || !(value >= 0)) throw officeError("InvalidArgument", key);
    chart[key] = value;
  };
  return proxy(
    context,
    "chart",
    {},
    {
      top: number("top"),
      left: number("left"),
      width: number("width"),
      height: number("height"),
      plotVisibleOnly: (value) => {
        chart.plotVisibleOnly = Boolean(value);
      },
    },
    {
      setPosition: (start: OfficeMockObject, end?: OfficeMockObject) =>
        context.queue("chart.setPosition", () => {
          chart.position = { start: rectOf(start), end: end === undefined ? null : rectOf(end) };
        }),
    },
    {
      title: text("chartTitle", (value) => {
        chart.title = value;
      }),
      axes: {
        categoryAxis: axis(
          "categoryAxis",
          (value) => {
            chart.categoryAxisTitle = value;
          },
          () => chart.axes.category
        ),
        valueAxis: axis(
          "valueAxis",
          (value) => {
            chart.valueAxisTitle = value;
          },
          () => chart.axes.value
        ),
      },
      legend: proxy(
        context,
        "legend",
        {},
        {
          visible: (value) => {
            chart.legendVisible = Boolean(value);
          },
          position: (value) => {
            chart.legendPosition = String(value);
          },
        },
        {}
      ),
      series: {
        getItemAt: (index: number) => ({
          trendlines: {
            add: (trendType?: string) => {
              const trendline: FakeChart["trendlines"][number] = { series: index, type: trendType };
              context.queue("trendlines.add", () => {
                const series = chart.seriesBy === "Columns" ? chart.source.columns - 1 : NaN;
                if (!(index < series)) throw officeError("InvalidArgument", `no series ${index}`);
                chart.trendlines.push(trendline);
              });
              return proxy(
                context,
                "trendline",
                {},
                {
                  name: (value) => {
                    trendline.name = String(value);
                  },
                },
                {}
              );
            },
          },
        }),
        add: (name?: string) => seriesProxy(context, sheetOf, chart, name),
      },
    }
  );
}

/**
 * A series added to a chart (ExcelApi 1.7): its X and Y ranges, marker, and a data label per point
 * (`points.getItemAt(i).dataLabel`, whose `text` is ExcelApi 1.8).
 */
function seriesProxy(
  context: FakeContext,
  sheetOf: () => FakeSheet,
  chart: FakeChart,
  name: string | undefined
): OfficeMockObject {
  const series: FakeSeries = { name, labels: [] };
  context.queue("series.add", () => {
    chart.addedSeries.push(series);
  });
  const sameSheet = (range: OfficeMockObject): Rect => {
    if (SHEETS.get(range)?.() !== sheetOf())
      throw officeError("InvalidArgument", "series data on another sheet");
    return rectOf(range);
  };
  const label = (point: number) => {
    let found = series.labels.find((candidate) => candidate.point === point);
    if (!found) series.labels.push((found = { point }));
    return found;
  };
  return proxy(
    context,
    "series",
    {},
    {
      markerStyle: (value) => {
        series.markerStyle = String(value);
      },
      markerSize: (value) => {
        series.markerSize = Number(value);
      },
      markerBackgroundColor: (value) => {
        series.markerBackgroundColor = String(value);
      },
      markerForegroundColor: (value) => {
        series.markerForegroundColor = String(value);
      },
    },
    {
      setXAxisValues: (range: OfficeMockObject) =>
        context.queue("series.setXAxisValues", () => {
          series.xValues = sameSheet(range);
        }),
      setValues: (range: OfficeMockObject) =>
        context.queue("series.setValues", () => {
          series.values = sameSheet(range);
        }),
    },
    {
      points: {
        getItemAt: (point: number) =>
          proxy(
            context,
            "point",
            {},
            {
              hasDataLabel: () => {
                label(point);
              },
            },
            {},
            {
              dataLabel: proxy(
                context,
                "dataLabel",
                {},
                {
                  text: (value) => {
                    label(point).text = String(value);
                  },
                  position: (value) => {
                    label(point).position = String(value);
                  },
                },
                {}
              ),
            }
          ),
      },
    }
  );
}

const RECTS = new WeakMap<object, () => Rect | null>();

function rectOf(target: OfficeMockObject): Rect {
  const rect = RECTS.get(target)?.();
  if (!rect) throw officeError("InvalidArgument", "not a range");
  return rect;
}

function range(
  context: FakeContext,
  sheetOf: () => FakeSheet,
  rectOfRange: () => Rect | null,
  orNull = false
): OfficeMockObject {
  const model = context.model;
  const rect = () => {
    const found = rectOfRange();
    if (found === null) throw officeError("ItemNotFound", "null range");
    return found;
  };
  // A null object's properties come back empty; only isNullObject says why.
  const read = (getter: () => unknown) => () =>
    orNull && rectOfRange() === null ? null : getter();
  const formatOf = (key: string) => (value: unknown) => {
    unprotected(sheetOf(), key).formats.push({ rect: rect(), key, value });
    if (key === "columnWidth") {
      const { column, columns } = rect();
      for (let c = column; c < column + columns; c += 1)
        sheetOf().columnWidths.set(c, Number(value));
    }
    if (key === "rowHeight") {
      if (typeof value !== "number" || !(value > 0 && value <= 409))
        throw officeError("InvalidArgument", "row height");
      const { row, rows } = rect();
      for (let r = row; r < row + rows; r += 1) sheetOf().rowHeights.set(r, value);
    }
  };
  const formatProxy = () =>
    proxy(
      context,
      "format",
      {},
      {
        wrapText: formatOf("wrapText"),
        verticalAlignment: formatOf("verticalAlignment"),
        columnWidth: formatOf("columnWidth"),
        rowHeight: formatOf("rowHeight"),
      },
      {},
      {
        font: lazy(() =>
          proxy(
            context,
            "font",
            {},
            { bold: formatOf("font.bold"), size: formatOf("font.size") },
            {}
          )
        ),
        fill: lazy(() => proxy(context, "fill", {}, { color: formatOf("fill.color") }, {})),
      }
    );
  const result: OfficeMockObject = proxy(
    context,
    "range",
    {
      values: cellsRead(
        context,
        () => (orNull && rectOfRange() === null ? null : rect()),
        (cells) => sheetOf().values(cells),
        (cells) => sheetOf().valuesJsonChars(cells),
        true
      ),
      numberFormat: cellsRead(
        context,
        () => (orNull && rectOfRange() === null ? null : rect()),
        (cells) => sheetOf().numberFormats(cells),
        (cells) => sheetOf().formatsJsonChars(cells),
        false
      ),
      rowIndex: read(() => rect().row),
      columnIndex: read(() => rect().column),
      rowCount: read(() => rect().rows),
      columnCount: read(() => rect().columns),
    },
    {
      values: (value) => writeValues(unprotected(sheetOf(), "values"), rect(), value),
      numberFormat: (value) => writeFormats(unprotected(sheetOf(), "numberFormat"), rect(), value),
      // ExcelApi 1.7: one cell's internal link, as the adapter sets it.
      hyperlink: (value) => {
        unprotected(sheetOf(), "hyperlink");
        const { row, column, rows, columns } = rect();
        if (rows !== 1 || columns !== 1) throw new Error("fake Excel: links on single cells only");
        const link = value as { documentReference?: string; textToDisplay?: string };
        sheetOf().hyperlinks.set(`${row},${column}`, link);
        if (link.textToDisplay !== undefined)
          sheetOf().setCell(row, column, { value: link.textToDisplay });
      },
    },
    {
      merge: (across?: boolean) =>
        context.queue("range.merge", () => {
          unprotected(sheetOf(), "merge");
          const merged = rect();
          if (sheetOf().merges.some((other) => overlaps(other, merged)))
            throw officeError("InvalidOperation", "merged areas overlap");
          if (across === true) throw new Error("fake Excel: only whole merges");
          sheetOf().merges.push(merged);
        }),
      clear: (applyTo?: string) =>
        context.queue("range.clear", () => {
          if (applyTo !== "Contents")
            throw new Error(`fake Excel: clear("${applyTo}") not supported`);
          unprotected(sheetOf(), "clear");
          const { row, column, rows, columns } = rect();
          for (let r = row; r < row + rows; r += 1)
            for (let c = column; c < column + columns; c += 1)
              if (sheetOf().cell(r, c)) sheetOf().setCell(r, c, { value: "", formula: undefined });
        }),
      select: () =>
        context.queue("range.select", () => {
          shown(sheetOf(), "select");
          const { row, column } = rect();
          model.selection = { sheet: sheetOf().name, address: `${letters(column)}${row + 1}` };
        }),
    },
    {
      format: lazy(formatProxy),
      dataValidation: lazy(() => {
        const validation: FakeValidation = {
          rect: { row: 0, column: 0, rows: 0, columns: 0 },
          rule: null,
        };
        const sync = (key: keyof FakeValidation) => (value: unknown) => {
          const sheet = unprotected(sheetOf(), "dataValidation");
          if (!sheet.validations.includes(validation)) {
            validation.rect = rect();
            sheet.validations.push(validation);
          }
          (validation as unknown as Record<string, unknown>)[key] = value;
        };
        return proxy(
          context,
          "dataValidation",
          {},
          {
            rule: sync("rule"),
            ignoreBlanks: sync("ignoreBlanks"),
            errorAlert: sync("errorAlert"),
          },
          {}
        );
      }),
      conditionalFormats: {
        add: (type: string) => {
          const added: FakeConditionalFormat = {
            rect: { row: 0, column: 0, rows: 0, columns: 0 },
            type,
            formula: null,
            fill: null,
          };
          context.queue("conditionalFormats.add", () => {
            unprotected(sheetOf(), "conditionalFormats.add");
            added.rect = rect();
            sheetOf().conditionalFormats.push(added);
          });
          return {
            colorScale: proxy(
              context,
              "colorScale",
              {},
              {
                criteria: (value) => {
                  if (added.type !== "ColorScale")
                    throw officeError("InvalidArgument", "not a scale");
                  added.criteria = value;
                },
              },
              {}
            ),
            custom: {
              rule: proxy(
                context,
                "rule",
                {},
                {
                  formula: (value) => {
                    added.formula = String(value);
                  },
                },
                {}
              ),
              format: {
                fill: proxy(
                  context,
                  "cfFill",
                  {},
                  {
                    color: (value) => {
                      added.fill = String(value);
                    },
                  },
                  {}
                ),
              },
            },
          };
        },
      },
    },
    orNull
      ? () => () => {
          (result as unknown as { isNullObject: boolean }).isNullObject = rectOfRange() === null;
        }
      : undefined
  );
  if (orNull) {
    (result as unknown as { isNullObject: boolean | string }).isNullObject =
      "Error, context.sync() was not called";
  }
  RECTS.set(result, rect);
  SHEETS.set(result, sheetOf);
  return result;
}

/**
 * A load of a range's values or number formats: null over `valuesNullAbove` (Mac), the error over
 * the read limit (every platform), else the cells. Sized (`responseChars`) from the cells' stored
 * JSON lengths, so that a response over the web's 5 MB is refused before its arrays are made.
 */
function cellsRead<T>(
  context: FakeContext,
  rectOf: () => Rect | null,
  cells: (rect: Rect) => T,
  chars: (rect: Rect) => number,
  counted: boolean
): SizedGetter {
  const given = (): Rect | null => {
    const rect = rectOf();
    if (rect === null) return null;
    const count = rect.rows * rect.columns;
    if (count > (context.options.valuesNullAbove ?? Infinity)) return null;
    if (count > (context.options.readCellLimit ?? FAKE_READ_CELL_LIMIT)) {
      throw officeError("RangeExceedsLimit", `a read of ${count} cells`);
    }
    return rect;
  };
  const getter: SizedGetter = () => {
    const rect = given();
    if (rect === null) return null;
    if (counted) context.stats.cellsRead.push(rect.rows * rect.columns);
    return cells(rect);
  };
  getter.responseChars = () => {
    const rect = given();
    return rect === null ? jsonChars(null) : chars(rect);
  };
  return getter;
}

function writeValues(sheet: FakeSheet, rect: Rect, value: unknown): void {
  const rows = value as unknown[][];
  if (
    !Array.isArray(rows) ||
    rows.length !== rect.rows ||
    rows.some((row) => !Array.isArray(row) || row.length !== rect.columns)
  ) {
    throw officeError("InvalidArgument", "values do not match the range's dimensions");
  }
  // Checked before any cell is written: Excel fails the whole request.
  for (const row of rows) {
    const overLong = row.find(longerThanExcelTakes);
    if (overLong !== undefined)
      throw officeError("InvalidArgument", `a value of ${String(overLong).length} characters`);
  }
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c += 1) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue; // Office.js leaves the cell unchanged
      sheet.setCell(rect.row + r, rect.column + c, typedAsExcelWould(cell as FakeValue));
    }
  });
}

/**
 * A value Excel does not take: text over 32,767 characters, a formula (`=…`) over 8,192 («Excel
 * specifications and limits»: total number of characters that a cell can contain; length of formula
 * contents, https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * Excel fails the request with it, and nothing of the request is written. Which error code Office.js
 * gives is not documented (OfficeDev/office-js#3256 saw a long value fail as an internal error), so
 * the fake says InvalidArgument. Whether a leading apostrophe counts is not documented either: the
 * fake counts it, so an adapter that passes here passes in Excel.
 */
function longerThanExcelTakes(value: unknown): boolean {
  if (typeof value !== "string") return false;
  return value.length > (value.startsWith("=") ? 8_192 : 32_767);
}

/** What Excel makes of a value assigned to `values`, for the cases the adapter must prevent. */
function typedAsExcelWould(value: FakeValue): Partial<FakeCell> {
  if (typeof value !== "string") return { value, formula: undefined };
  if (value.startsWith("'")) return { value: value.slice(1), formula: undefined };
  if (value.startsWith("=")) return { value: "", formula: value };
  if (/^-?\d+(?:[.,]\d+)?$/.test(value)) return { value: Number(value.replace(",", ".")) };
  return { value, formula: undefined };
}

function writeFormats(sheet: FakeSheet, rect: Rect, value: unknown): void {
  if (typeof value === "string") {
    // A single value applies to every cell of the range.
    for (let r = 0; r < rect.rows; r += 1) {
      for (let c = 0; c < rect.columns; c += 1)
        sheet.setCell(rect.row + r, rect.column + c, { numberFormat: value });
    }
    return;
  }
  const rows = value as unknown[][];
  if (!Array.isArray(rows) || rows.length !== rect.rows) {
    throw officeError("InvalidArgument", "numberFormat does not match the range's dimensions");
  }
  rows.forEach((row, r) =>
    row.forEach((format, c) =>
      sheet.setCell(rect.row + r, rect.column + c, { numberFormat: String(format) })
    )
  );
}

function namedItemCollection(context: FakeContext): OfficeMockObject {
  const model = context.model;
  return proxy(
    context,
    "names",
    {
      items: () =>
        model.names.map((name) =>
          loadedItem(
            proxy(context, "namedItem", { name: () => name.name, formula: () => "" }, {}, {}),
            { name: name.name, formula: model.nameFormula(name) }
          )
        ),
    },
    {},
    {
      add: (name: string, reference: OfficeMockObject) => {
        context.queue("names.add", () => {
          const rect = rectOf(reference);
          const sheetOf = SHEETS.get(reference);
          if (!sheetOf) throw officeError("InvalidArgument", "reference is not a range");
          model.addName(name, sheetOf().id, rect);
        });
        return proxy(context, "namedItem", {}, {}, {});
      },
      getItem: (name: string) =>
        proxy(
          context,
          "namedItem",
          {},
          {},
          {
            delete: () => context.queue("namedItem.delete", () => model.deleteName(name)),
          }
        ),
    }
  );
}

/** Which sheet a range proxy is on (names.add takes a range). */
const SHEETS = new WeakMap<object, () => FakeSheet>();

function parseAddress(address: string): Rect {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address.replace(/\$/g, ""));
  if (!match) throw officeError("InvalidArgument", `bad address ${address}`);
  const column = columnIndex(match[1]!);
  const row = Number(match[2]) - 1;
  const lastColumn = match[3] ? columnIndex(match[3]) : column;
  const lastRow = match[4] ? Number(match[4]) - 1 : row;
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

function columnIndex(letters: string): number {
  return (
    [...letters.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1
  );
}

export function letters(column: number): string {
  let text = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  }
  return text;
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}
