/**
 * Property-based tests of the reader and the ШНОР rule: thousands of random sheets and tables. No
 * input may make them throw (a host shows a bad cell as a warning, never a crash), and the rule has
 * invariants that hold for every table: a flag has a criterion, a stricter threshold flags no new
 * school, and neither the order of the schools nor the order of the columns changes any status.
 */
import fc from "fast-check";
import {
  identificationLayouts,
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  type ExportTable,
  type IdentificationOptions,
  type IdentificationResult,
  type SheetGrid,
} from "../../src/engine";
import {
  anyGrid,
  gridOf,
  permutation,
  propertyParameters,
  tableLikeGrid,
  tableSpec,
  type TableSpec,
} from "./arbitraries";

function readTable(grid: SheetGrid): ExportTable {
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(`not read as a table: ${table.message}`);
  return table;
}

function identify(
  table: ExportTable,
  options: Partial<IdentificationOptions> = {}
): IdentificationResult | null {
  const result = identifyLowResultSchools(table, options);
  // A table whose counted procedures hold no value at all is reported as an error value; fine.
  return isEngineError(result) ? null : result;
}

const anyOptions: fc.Arbitrary<Partial<IdentificationOptions>> = fc.record(
  {
    edition: fc.constantFrom("2020" as const, "2025" as const),
    threshold: fc.oneof(fc.double({ min: -10, max: 120 }), fc.constantFrom(30, 0, 100)),
    minParticipants: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(2.5)),
    referenceYear: fc.constantFrom("2019", "2024/2025", "2023-24", "вчера"),
  },
  { requiredKeys: [] }
);

/** Reads, identifies and lays out a grid; returns nothing, throws only if the engine does. */
function runEverything(grid: SheetGrid, options: Partial<IdentificationOptions>): void {
  const table = readExportTable(grid);
  if (isEngineError(table)) {
    expect(table.message).not.toBe("");
    return;
  }
  for (const warning of table.warnings) {
    expect(warning.cell).toMatch(/^'/);
    expect(warning.message.length).toBeGreaterThan(0);
  }
  const result = identifyLowResultSchools(table, options);
  if (isEngineError(result)) {
    expect(result.message).not.toBe("");
    return;
  }
  expect(result.schools).toHaveLength(table.schools.length);
  identificationLayouts(result, table);
}

describe("no input makes the reader or the rule throw", () => {
  it("arbitrary grids of arbitrary cells, formats and origins", () => {
    fc.assert(fc.property(anyGrid, anyOptions, runEverything), propertyParameters(3000));
  });

  it("header-like rows over school-like rows of arbitrary cells", () => {
    fc.assert(fc.property(tableLikeGrid, anyOptions, runEverything), propertyParameters(2000));
  });

  it("well-formed tables with junk in their cells, under any options", () => {
    fc.assert(
      fc.property(
        tableSpec,
        anyOptions,
        fc.constantFrom("flat" as const, "merged" as const),
        (spec, options, header) => runEverything(gridOf(spec, { header }), options)
      ),
      propertyParameters(500)
    );
  });
});

/** What decides a school's place on the list, keyed by login. */
function verdicts(result: IdentificationResult): Map<string, string> {
  return new Map(
    result.schools.map((school, index) => [
      school.login,
      `${school.status} ${school.criteria.join(",")} ${result
        .evidenceOf(index)
        .lowResults.map((low) => `${low.procedure.id} ${low.year.label} ${low.failing}`)
        .sort()
        .join("; ")}`,
    ])
  );
}

describe("invariants of the ШНОР rule on well-formed tables", () => {
  const edition = fc.constantFrom("2020" as const, "2025" as const);

  it("a school is ШНОР exactly when it meets a criterion, and every status has a reason", () => {
    fc.assert(
      fc.property(tableSpec, edition, (spec, ruleEdition) => {
        const result = identify(readTable(gridOf(spec)), { edition: ruleEdition });
        if (result === null) return;
        result.schools.forEach((school, index) => {
          const reason = result.reasonOf(index);
          const { lowResults } = result.evidenceOf(index);
          expect(school.status === "shnor").toBe(school.criteria.length > 0);
          expect(school.criteria.every((criterion) => criterion === 1 || criterion === 2)).toBe(
            true
          );
          expect(reason).not.toBe("");
          if (school.criteria.includes(1)) {
            const reference = lowResults.filter(
              (low) => low.year.label === result.method.referenceYear
            );
            expect(reference.length).toBeGreaterThanOrEqual(2);
          }
          if (school.status === "shnor") expect(reason).toMatch(/^К[12]:/);
          for (const low of lowResults) {
            expect(low.failing).toBeGreaterThanOrEqual(result.method.threshold - 1e-9);
          }
        });
      }),
      propertyParameters(600)
    );
  });

  it("raising the threshold never adds a flag", () => {
    const thresholds = fc
      .tuple(
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true })
      )
      .map(([a, b]) => (a <= b ? [a, b] : [b, a]));
    fc.assert(
      fc.property(tableSpec, edition, thresholds, (spec, ruleEdition, [lower, higher]) => {
        const table = readTable(gridOf(spec));
        const loose = identify(table, { edition: ruleEdition, threshold: lower });
        const strict = identify(table, { edition: ruleEdition, threshold: higher });
        if (loose === null || strict === null) return;
        const flaggedLoose = new Set(
          loose.schools.filter((school) => school.status === "shnor").map((school) => school.login)
        );
        for (const school of strict.schools) {
          if (school.status === "shnor") expect(flaggedLoose.has(school.login)).toBe(true);
        }
      }),
      propertyParameters(600)
    );
  });

  it("permuting the school rows changes no status, criterion or reason", () => {
    const specAndOrder = tableSpec.chain((spec) =>
      fc.tuple(fc.constant(spec), permutation(spec.schools.length))
    );
    fc.assert(
      fc.property(specAndOrder, edition, ([spec, schoolOrder], ruleEdition) => {
        const original = identify(readTable(gridOf(spec)), { edition: ruleEdition });
        const shuffled = identify(readTable(gridOf(spec, { schoolOrder })), {
          edition: ruleEdition,
        });
        expect(shuffled === null).toBe(original === null);
        if (original === null || shuffled === null) return;
        expect(shuffled.method).toEqual(original.method);
        const reasons = (result: IdentificationResult) =>
          new Map(result.schools.map((school, index) => [school.login, result.reasonOf(index)]));
        expect(verdicts(shuffled)).toEqual(verdicts(original));
        expect(reasons(shuffled)).toEqual(reasons(original));
        // The table keeps the sheet's order: the list follows the rows.
        expect(shuffled.schools.map((school) => school.login)).toEqual(
          schoolOrder.map((index) => spec.schools[index]!.login)
        );
      }),
      propertyParameters(400)
    );
  });

  it("permuting the column groups, or merging the header over two rows, changes no status", () => {
    const specAndOrder = tableSpec.chain((spec: TableSpec) =>
      fc.tuple(
        fc.constant(spec),
        permutation(spec.groups.length),
        fc.constantFrom("flat" as const, "merged" as const)
      )
    );
    fc.assert(
      fc.property(specAndOrder, edition, ([spec, groupOrder, header], ruleEdition) => {
        const original = identify(readTable(gridOf(spec)), { edition: ruleEdition });
        const shuffled = identify(readTable(gridOf(spec, { groupOrder, header })), {
          edition: ruleEdition,
        });
        expect(shuffled === null).toBe(original === null);
        if (original === null || shuffled === null) return;
        expect(shuffled.method).toEqual(original.method);
        expect(verdicts(shuffled)).toEqual(verdicts(original));
      }),
      propertyParameters(400)
    );
  });

  it("printing the table in two blocks, one under the other or side by side, changes no status", () => {
    const specAndSplit = tableSpec
      .filter((spec: TableSpec) => spec.groups.length >= 2)
      .chain((spec: TableSpec) =>
        fc.tuple(
          fc.constant(spec),
          permutation(spec.groups.length),
          fc.record({
            at: fc.integer({ min: 1, max: spec.groups.length - 1 }),
            layout: fc.constantFrom("under" as const, "beside" as const),
            secondOrder: permutation(spec.schools.length),
          }),
          fc.constantFrom("flat" as const, "merged" as const)
        )
      );
    fc.assert(
      fc.property(specAndSplit, edition, ([spec, groupOrder, split, header], ruleEdition) => {
        const original = identify(readTable(gridOf(spec)), { edition: ruleEdition });
        const printed = identify(readTable(gridOf(spec, { groupOrder, header, split })), {
          edition: ruleEdition,
        });
        expect(printed === null).toBe(original === null);
        if (original === null || printed === null) return;
        expect(printed.method).toEqual(original.method);
        expect(verdicts(printed)).toEqual(verdicts(original));
      }),
      propertyParameters(400)
    );
  });
});
