/**
 * fast-check generators for the robustness tests: arbitrary cells and grids (anything a sheet can
 * hold), and well-formed export tables whose shape (column order, header style, row order) can be
 * varied without changing their meaning.
 */
import fc from "fast-check";
import type { CellValue, SheetGrid } from "../../src/engine";
import { COUNTED_PROCEDURES } from "../fixtures/grids";

/**
 * One seed for every property, printed by fast-check on failure; `FC_SEED=… npx jest test/robustness`
 * replays a failure, `FC_SEED=random` explores new cases.
 */
export const FC_SEED =
  process.env.FC_SEED === "random" ? Date.now() : Number(process.env.FC_SEED ?? 20261123);

export function propertyParameters(numRuns: number): fc.Parameters<unknown> {
  return { seed: FC_SEED, numRuns, endOnFailure: false };
}

/** Texts the reader reacts to: headers, logins, missing-value marks, errors, totals, years. */
const MEANINGFUL_TEXTS = [
  "ВПР МА 5 2019 % «2»",
  "ВПр РУ 6 2018/2019",
  "ОГЭ мат. 2018-19 % не преодолевших",
  "ЕГЭ МА профиль 2024/2025",
  "% «2»",
  "% ВЫСОКИХ РЕЗУЛЬТАТОВ",
  "Число участников",
  "Средний балл",
  "Логин ОО",
  "Наименование ОО",
  "Муниципалитет",
  "АТЕ",
  "sch420220",
  "SCH100001",
  "edu12345678",
  "sch12",
  "-",
  "–",
  "н/д",
  "нет данных",
  "#DIV/0!",
  "#Н/Д",
  "#REF!",
  "33%",
  "33,5",
  " 33,5 % ",
  "1e3",
  "NaN",
  "Infinity",
  "Итого по муниципалитету",
  "Итоги ВПР 2024 года",
  "2019",
  "2018/2019",
  "2024-25",
  "'",
  "«»",
  "",
  " ",
  "\u00a0",
];

export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...MEANINGFUL_TEXTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 3, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -10, max: 150 }) },
  { weight: 1, arbitrary: fc.boolean() }
);

const anyFormat: fc.Arbitrary<string | null | undefined> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom("0%", "0.0%", "General", "0.0", "@", "dd.mm.yyyy"),
  fc.string({ maxLength: 8 })
);

/** Any rectangle of cells, ragged rows, with or without formats and an origin. */
export const anyGrid: fc.Arbitrary<SheetGrid> = fc.record(
  {
    sheetName: fc.oneof(fc.constant("Лист1"), fc.string({ maxLength: 31 })),
    values: fc.array(fc.array(anyCell, { maxLength: 14 }), { maxLength: 14 }),
    numberFormats: fc.array(fc.array(anyFormat, { maxLength: 14 }), { maxLength: 14 }),
    origin: fc.record({ row: fc.nat(1_048_575), column: fc.nat(16_383) }),
  },
  { requiredKeys: ["sheetName", "values"] }
);

/** A header row followed by rows that look like schools: the reader gets past its first checks. */
export const tableLikeGrid: fc.Arbitrary<SheetGrid> = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...MEANINGFUL_TEXTS.slice(0, 11)), anyCell), {
      minLength: 1,
      maxLength: 10,
    }),
    fc.array(
      fc.tuple(
        fc.constantFrom("sch100001", "sch100002", "edu100003", "", "Итого"),
        fc.array(anyCell, { maxLength: 10 })
      ),
      { maxLength: 12 }
    )
  )
  .map(([header, rows]) => ({
    sheetName: "Выгрузка",
    values: [["Логин ОО", ...header], ...rows.map(([login, cells]) => [login, ...cells])],
  }));

/** The procedures a well-formed table may carry; the last two are read but not counted by the rule. */
export const PROCEDURES = [...COUNTED_PROCEDURES, "ВПР ОМ 4", "КДР ЧГ 4"];
export const YEARS = ["2021/2022", "2022/2023", "2023/2024", "2024/2025"];

/** A % «2» cell: mostly readable percentages, some no-data marks, some junk the reader warns about. */
const failingCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>("-", null, "н/д") },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((value) => `${value},5`) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("abc", 130, -5, "#DIV/0!", true) }
);
const countCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 120 }) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>("-", null) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(-3, 2.5, "много") }
);

export interface TableSpec {
  /** "procedure year" column groups, in their canonical order. */
  groups: string[];
  withCounts: boolean;
  schools: { login: string; name: string; municipality: string; cells: CellValue[][] }[];
}

/** A well-formed export table: 1–40 schools with distinct logins, 1–12 procedure × year groups. */
export const tableSpec: fc.Arbitrary<TableSpec> = fc
  .record({
    procedures: fc.subarray(PROCEDURES, { minLength: 1, maxLength: 6 }),
    years: fc.subarray(YEARS, { minLength: 1, maxLength: 3 }),
    withCounts: fc.boolean(),
    logins: fc.uniqueArray(fc.integer({ min: 100000, max: 999999 }), {
      minLength: 1,
      maxLength: 40,
    }),
  })
  .chain(({ procedures, years, withCounts, logins }) => {
    const groups = procedures.flatMap((procedure) => years.map((year) => `${procedure} ${year}`));
    const groupCells: fc.Arbitrary<CellValue[]> = withCounts
      ? fc.tuple(failingCell, countCell)
      : fc.tuple(failingCell);
    const school = (login: number, index: number) =>
      fc.array(groupCells, { minLength: groups.length, maxLength: groups.length }).map((cells) => ({
        login: `sch${login}`,
        name: `МБОУ «СОШ № ${index + 1}»`,
        municipality: `МО ${1 + (index % 3)}`,
        cells: cells as CellValue[][],
      }));
    return fc.tuple(...logins.map(school)).map((schools) => ({ groups, withCounts, schools }));
  });

export interface TableShape {
  /** Permutation of the column groups (indices into `TableSpec.groups`). */
  groupOrder?: number[];
  /** Permutation of the schools. */
  schoolOrder?: number[];
  /** `flat`: one header row `ВПР МА 5 2019 % «2»`; `merged`: title row over metric row, as ExcelJS reads a merge. */
  header?: "flat" | "merged";
  /**
   * The table printed in two blocks: the groups before `at` in the first, the rest in the second,
   * one under the other (with a blank row between) or side by side; the second block lists the
   * schools in `secondOrder`.
   */
  split?: { at: number; layout: "under" | "beside"; secondOrder: number[] };
}

/** The grid of a table spec in a given shape. */
export function gridOf(spec: TableSpec, shape: TableShape = {}): SheetGrid {
  const groupOrder = shape.groupOrder ?? spec.groups.map((_, index) => index);
  const schoolOrder = shape.schoolOrder ?? spec.schools.map((_, index) => index);
  if (shape.split !== undefined) return splitGridOf(spec, { ...shape, groupOrder, schoolOrder });
  return { sheetName: "Выгрузка", values: blockRows(spec, shape, groupOrder, schoolOrder) };
}

function splitGridOf(
  spec: TableSpec,
  shape: TableShape & { groupOrder: number[]; schoolOrder: number[] }
): SheetGrid {
  const { at, layout, secondOrder } = shape.split!;
  const first = blockRows(spec, shape, shape.groupOrder.slice(0, at), shape.schoolOrder);
  const second = blockRows(spec, shape, shape.groupOrder.slice(at), secondOrder);
  if (layout === "under") return { sheetName: "Выгрузка", values: [...first, [], ...second] };
  return {
    sheetName: "Выгрузка",
    values: first.map((row, index) => [...row, null, ...second[index]!]),
  };
}

/** One block: its header rows and a row per school, in the given orders. */
function blockRows(
  spec: TableSpec,
  shape: TableShape,
  groupOrder: number[],
  schoolOrder: number[]
): CellValue[][] {
  const metrics = spec.withCounts ? ["% «2»", "число участников"] : ["% «2»"];
  const identity = ["Муниципалитет", "Наименование ОО", "Логин ОО"];
  const header: CellValue[][] =
    shape.header === "merged"
      ? [
          [...identity, ...groupOrder.flatMap((g) => metrics.map(() => spec.groups[g]!))],
          [...identity, ...groupOrder.flatMap(() => metrics)],
        ]
      : [
          [
            ...identity,
            ...groupOrder.flatMap((g) => metrics.map((metric) => `${spec.groups[g]} ${metric}`)),
          ],
        ];
  const rows = schoolOrder.map((s) => {
    const school = spec.schools[s]!;
    return [
      school.municipality,
      school.name,
      school.login,
      ...groupOrder.flatMap((g) => school.cells[g]!),
    ];
  });
  return [...header, ...rows];
}

/** A permutation of 0..length-1. */
export function permutation(length: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: length, maxLength: length })
    .map((keys) =>
      keys
        .map((key, index) => ({ key, index }))
        .sort((a, b) => a.key - b.key || a.index - b.index)
        .map(({ index }) => index)
    );
}
