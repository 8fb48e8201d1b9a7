import type { Warning } from "../types";
import type { ColumnGroup, ExportTableLayout, GroupValues, SchoolRecord } from "./exportTable";
import type { Metric } from "./headerText";
import { cellAddress } from "./cellAddress";
import { formatPercent, quoteFound } from "../russianText";

/** One block of a table as read: its columns, its schools and their values. */
export interface TablePart {
  identity: ExportTableLayout["identity"];
  groups: ColumnGroup[];
  schools: SchoolRecord[];
  values: GroupValues[];
  /** The row after the block's last: where the next block's header starts. */
  end: number;
}

const METRICS: Metric[] = ["failing", "high", "participants", "average"];

const METRIC_NAMES: Record<Metric, string> = {
  failing: "% «2»",
  high: "% высоких результатов",
  participants: "число участников",
  average: "средний результат",
};

interface MergedGroup {
  group: ColumnGroup;
  values: GroupValues;
  /** Each school's cell of the group: the "% «2»" cell, else the first metric's. */
  rows: Int32Array;
  columns: Int32Array;
  /** Each value's own cell, `row * COLUMN_KEY + column`, for naming both cells of a conflict. */
  origins: Record<Metric, Float64Array>;
}

const COLUMN_KEY = 1 << 14;

/**
 * Blocks of one table — a ВПР block and an ОГЭ/ЕГЭ block of the same schools, one under the other or
 * side by side — merged per school (docs/method.md §1): a school is one school in every block (by
 * its key), a procedure × year is one group whatever block holds it. The same value twice is fine;
 * two different values for one school's procedure × year are a conflict: the first block's is kept
 * and both cells are named.
 */
export function mergeTableParts(
  sheetName: string,
  parts: TablePart[],
  warnings: Warning[]
): { groups: ColumnGroup[]; schools: SchoolRecord[]; values: GroupValues[] } {
  const schools: SchoolRecord[] = [];
  const schoolIndex = new Map<string, number>();
  for (const part of parts) {
    for (const school of part.schools) {
      if (schoolIndex.has(school.key)) continue;
      schoolIndex.set(school.key, schools.length);
      schools.push(school);
    }
  }
  const merged = new Map<string, MergedGroup>();
  for (const part of parts) {
    part.groups.forEach((group, g) => {
      const target = mergedGroup(merged, group, schools.length);
      part.schools.forEach((school, s) => {
        const into = schoolIndex.get(school.key)!;
        for (const metric of METRICS) {
          const column = group.columns[metric];
          if (column === undefined) continue;
          const value = part.values[g][metric][s];
          if (Number.isNaN(value)) continue;
          const cell = { row: school.row, column };
          placeValue(target, metric, into, value, cell, school, sheetName, warnings);
        }
      });
    });
  }
  const groups = [...merged.values()];
  return {
    groups: groups.map(({ group }) => group),
    schools,
    values: groups.map(({ values, rows, columns }) => ({ ...values, cells: { rows, columns } })),
  };
}

function mergedGroup(
  merged: Map<string, MergedGroup>,
  group: ColumnGroup,
  schoolCount: number
): MergedGroup {
  const key = `${group.procedure.id}|${group.year.end}`;
  let target = merged.get(key);
  if (target === undefined) {
    const empty = (): Float64Array => new Float64Array(schoolCount).fill(NaN);
    target = {
      group: { ...group, columns: { ...group.columns } },
      values: { failing: empty(), high: empty(), participants: empty(), average: empty() },
      rows: new Int32Array(schoolCount).fill(-1),
      columns: new Int32Array(schoolCount).fill(-1),
      origins: { failing: empty(), high: empty(), participants: empty(), average: empty() },
    };
    merged.set(key, target);
  } else {
    for (const metric of METRICS) target.group.columns[metric] ??= group.columns[metric];
  }
  return target;
}

/**
 * Where the school's result is kept: the "% «2»" cell, else the first metric's, as a table of one
 * block gives its group's first column.
 */
function placeValue(
  target: MergedGroup,
  metric: Metric,
  school: number,
  value: number,
  cell: { row: number; column: number },
  record: SchoolRecord,
  sheetName: string,
  warnings: Warning[]
): void {
  const values = target.values[metric];
  const earlier = values[school];
  if (Number.isNaN(earlier)) {
    values[school] = value;
    target.origins[metric][school] = cell.row * COLUMN_KEY + cell.column;
    if (metric === "failing" || target.rows[school] < 0) {
      target.rows[school] = cell.row;
      target.columns[school] = cell.column;
    }
    return;
  }
  if (earlier === value) return;
  const { procedure, year } = target.group;
  const origin = target.origins[metric][school];
  const first = cellAddress(sheetName, Math.floor(origin / COLUMN_KEY), origin % COLUMN_KEY);
  const second = cellAddress(sheetName, cell.row, cell.column);
  warnings.push({
    cell: second,
    message:
      `${procedure.label} ${year.label}, ${METRIC_NAMES[metric]}: у школы ${quoteFound(record.name)} два разных значения — ` +
      `${formatPercent(earlier)} (${first.split("!")[1]}) и ${formatPercent(value)} (${second.split("!")[1]}); учтено первое. Исправьте неверное значение`,
  });
}
