import type { Warning } from "../types";

/** The assessment families a regional export table can carry. */
export type ProcedureFamily = "ВПР" | "ОГЭ" | "ЕГЭ" | "КДР" | "НИКО" | "PISA" | "другое";

/**
 * One assessment procedure, independent of the year: «ВПР МА 5», «ОГЭ РУ», «ЕГЭ МА профиль»,
 * «КДР ЧГ 4». `id` is stable and used to match the same procedure across years.
 */
export interface Procedure {
  id: string;
  family: ProcedureFamily;
  /** `МА`, `РУ` for the subjects the ШНОР rule knows; otherwise the subject as found in the header. */
  subject: string;
  grade: number | null;
  /** ЕГЭ mathematics: `база` or `профиль` when the table splits it. */
  level: "база" | "профиль" | null;
  /** Short Russian label for outputs and reasons: `ВПР МА 5`, `ЕГЭ МА профиль`. */
  label: string;
  /** True when the federal ШНОР method counts this procedure (docs/method.md §2). */
  countedForLowResults: boolean;
}

/** A school year as the table names it; `end` (2019 for `2018/2019`, `2018-19` and `2019`) orders them. */
export interface SchoolYear {
  label: string;
  end: number;
}

/** Where one procedure × year sits in the table: the column of each metric it has. */
export interface ColumnGroup {
  procedure: Procedure;
  year: SchoolYear;
  /** Zero-based sheet columns; `failing` is "% «2»" (or "% not passing the minimum" for ОГЭ/ЕГЭ). */
  columns: { failing?: number; high?: number; participants?: number; average?: number };
}

/** One procedure × year result of one school; `null` is "no data", never zero. */
export interface ProcedureResult {
  /** Percentage points 0–100. */
  failing: number | null;
  high: number | null;
  participants: number | null;
  average: number | null;
  /** Address of the "% «2»" cell (or the group's first cell), for reasons and for selecting it in Excel. */
  cell: string;
}

export interface SchoolRecord {
  /** `sch420220` / `edu…`; when the table has no login column, the school's name stands in for it. */
  login: string;
  /** The login in lower case: what schools of other sheets are matched by. */
  key: string;
  name: string;
  municipality: string;
  /** Zero-based sheet row. */
  row: number;
}

/**
 * The numbers of one column group, one slot per school (parallel to `ExportTable.schools`); NaN is
 * "no data". Columnar typed arrays keep a national table (50,000 schools × 30 groups) small and fast.
 */
export interface GroupValues {
  failing: Float64Array;
  high: Float64Array;
  participants: Float64Array;
  average: Float64Array;
  /**
   * Where each school's value sits, when that is not the school's row and the group's column: a table
   * printed in blocks (docs/method.md §1) has a school's results in several rows. Zero-based sheet
   * row and column of the "% «2»" cell (or the first metric's); -1 where the school has none.
   */
  cells?: { rows: Int32Array; columns: Int32Array };
}

/**
 * Where the years of the table came from, for the method line and for what the user can change:
 * the columns' own headers; a heading above the table (the cell and its text); the user's
 * `--years` / pane field; or nowhere (the headerless layout's «последний год» / «предыдущий год»).
 */
export type YearsSource =
  | { kind: "columns" }
  | { kind: "title"; cell: string; text: string }
  | { kind: "user"; text: string }
  | { kind: "unknown" };

/** How the reader understood the sheet. */
export interface ExportTableLayout {
  /** Zero-based sheet rows holding the header (empty for the headerless seed-002 convention). */
  headerRows: number[];
  /** Zero-based sheet columns of the identity fields, where found. */
  identity: { municipality?: number; name?: number; login?: number };
  /** `header` when read from header text; `convention` for the headerless 16-pair layout of seed 002. */
  source: "header" | "convention";
  years: YearsSource;
  /** How many blocks (a header and its rows, or columns side by side) the table was printed in. */
  blocks: number;
  /** A table of one school without a name column: the heading cell that named the school. */
  schoolFromHeading?: string;
}

export interface ExportTable {
  sheetName: string;
  layout: ExportTableLayout;
  groups: ColumnGroup[];
  schools: SchoolRecord[];
  /** Parallel to `groups`: the values of each group for every school. */
  values: GroupValues[];
  /** Distinct procedures and years present, years oldest first. */
  procedures: Procedure[];
  years: SchoolYear[];
  /** True when at least one group carries a participants column. */
  hasParticipantCounts: boolean;
  warnings: Warning[];
}

/** A merged range of cells: zero-based sheet rows and columns, both ends included. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a host knows about the sheet besides its values. */
export interface ReadTableOptions {
  /**
   * The sheet's merged ranges. A merged cell shows one value over several cells; a host may give that
   * value in every cell of the range (the .xlsx adapter does) or only in the first (the Excel
   * adapter). Among the schools' results either way would invent or lose numbers, so the reader takes
   * the first cell only and warns; merged headers and identity cells (a municipality over its
   * schools) are fine.
   */
  mergedRanges?: MergedRange[];
  /**
   * The years of a table whose columns do not name them, as the user gave them (oldest first): they
   * take the place of a heading's years, which are a guess.
   */
  years?: SchoolYear[];
  /** How the user typed them, for the method line. */
  yearsText?: string;
}
