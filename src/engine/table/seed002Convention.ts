import type { Procedure, SchoolYear } from "./exportTable";
import type { Metric } from "./headerText";
import { procedureFromParts } from "./headerText";

/**
 * The headerless layout of the regional export (seed 002, Appendix 1): after municipality, name and
 * login come 16 pairs (% «2», % high results) in this fixed order. Years are relative: the first of
 * each pair of pairs is the later year, so the convention needs the two years' labels from the caller.
 */
const PAIRS: [Procedure["family"], string][] = [
  ["ВПР", "МА 5"],
  ["ВПР", "МА 6"],
  ["ВПР", "РУ 5"],
  ["ВПР", "РУ 6"],
  ["ОГЭ", "МА"],
  ["ОГЭ", "РУ"],
  ["ЕГЭ", "МА"],
  ["ЕГЭ", "РУ"],
];

export const CONVENTION_VALUE_COLUMNS = PAIRS.length * 2 * 2;

export interface ConventionColumn {
  procedure: Procedure;
  year: SchoolYear;
  metric: Metric;
  /** Offset from the first value column. */
  offset: number;
}

/** Columns of the convention for a table whose later year is `later` (2019 in seed 002). */
export function conventionColumns(later: SchoolYear, earlier: SchoolYear): ConventionColumn[] {
  const columns: ConventionColumn[] = [];
  PAIRS.forEach(([family, subject], index) => {
    const procedure = procedureFromParts(family, subject);
    [later, earlier].forEach((year, yearIndex) => {
      const offset = index * 4 + yearIndex * 2;
      columns.push(
        { procedure, year, metric: "failing", offset },
        { procedure, year, metric: "high", offset: offset + 1 }
      );
    });
  });
  return columns;
}
