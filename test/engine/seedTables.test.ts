import {
  identifyLowResultSchools,
  isEngineError,
  procedureResult,
  readExportTable,
  type ExportTable,
  type IdentificationResult,
} from "../../src/engine";
import { seed002Appendix1, seed003School30 } from "../fixtures/seeds";

function read(grid: ReturnType<typeof seed002Appendix1>): ExportTable {
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

function identify(table: ExportTable, edition: "2020" | "2025"): IdentificationResult {
  const result = identifyLowResultSchools(table, { edition });
  if (isEngineError(result)) throw new Error(result.message);
  return result;
}

const schoolNumber = (name: string): string => /№ (\d+)/.exec(name)![1];

describe("seed 002, Appendix 1: the Novokuznetsk export table without a header", () => {
  const table = read(seed002Appendix1());

  it("reads all 15 schools with their logins and the 8 procedures × 2 years of the convention", () => {
    expect(table.layout.source).toBe("convention");
    expect(table.schools).toHaveLength(15);
    expect(table.schools[0]).toMatchObject({
      login: "sch420220",
      name: "МБОУ «СОШ № 12»",
      municipality: "Новокузнецк",
    });
    expect(table.groups).toHaveLength(16);
    expect(table.procedures.map((procedure) => procedure.id)).toEqual([
      "ВПР МА 5",
      "ВПР МА 6",
      "ВПР РУ 5",
      "ВПР РУ 6",
      "ОГЭ МА",
      "ОГЭ РУ",
      "ЕГЭ МА",
      "ЕГЭ РУ",
    ]);
  });

  it("keeps «-» as missing: an ООШ has no ЕГЭ", () => {
    const school = table.schools.findIndex((candidate) => candidate.login === "sch423419");
    const egeMath = table.groups.findIndex((group) => group.procedure.id === "ЕГЭ МА");
    expect(procedureResult(table, school, egeMath)).toBeNull();
  });

  it("flags all 15 schools as ШНОР under the 2020 edition, as the document says", () => {
    const result = identify(table, "2020");
    expect(result.schools.map((school) => school.status)).toEqual(Array(15).fill("shnor"));
  });

  it("leaves schools 49, 71, 102 and 28 out under the 2025 edition (different procedures in the two years)", () => {
    const result = identify(table, "2025");
    const notFlagged = result.schools
      .filter((school) => school.status !== "shnor")
      .map((school) => schoolNumber(school.name));
    expect(notFlagged.sort()).toEqual(["102", "28", "49", "71"]);
    const sch423391 = result.schools.findIndex((school) => school.login === "sch423391");
    expect(result.reasonOf(sch423391)).toContain("одну и ту же процедуру");
  });

  it("explains СОШ № 12 as the worked example: criterion 1 from ВПР МА 5 and ВПР РУ 6, criterion 2 with ВПР МА 6 a year earlier", () => {
    const result = identify(table, "2020");
    expect(result.schools[0].criteria).toEqual([1, 2]);
    expect(result.reasonOf(0)).toContain(
      "К1: последний год — ВПР МА 5 (40\u00a0%), ВПР РУ 6 (37\u00a0%)"
    );
    expect(result.reasonOf(0)).toContain("предыдущий год — ВПР МА 6 (48\u00a0%)");
  });
});

describe("seed 003: МБОУ «СОШ № 30», a two-row header with merged titles", () => {
  const table = read(seed003School30());

  it("reads the 16 procedure × year groups, both metrics of each", () => {
    expect(table.layout.headerRows).toEqual([1, 2]);
    expect(table.groups).toHaveLength(16);
    expect(
      table.groups.every(
        (group) => group.columns.failing !== undefined && group.columns.high !== undefined
      )
    ).toBe(true);
    expect(table.years.map((year) => year.label)).toEqual(["2018", "2019"]);
    const ogeRussian2019 = table.groups.findIndex(
      (group) => group.procedure.id === "ОГЭ РУ" && group.year.end === 2019
    );
    expect(procedureResult(table, 0, ogeRussian2019)).toMatchObject({ failing: 0, high: 42 });
  });

  it("is ШНОР by criterion 1 only: ВПР МА 5 (33\u00a0%) and ВПР РУ 6 (31\u00a0%) in 2019", () => {
    const result = identify(table, "2020");
    expect(result.schools[0].status).toBe("shnor");
    expect(result.schools[0].criteria).toEqual([1]);
    expect(result.reasonOf(0)).toBe("К1: 2019 — ВПР МА 5 (33\u00a0%), ВПР РУ 6 (31\u00a0%)");
  });
});

describe("seed 002's relative years", () => {
  it("can be chosen by the labels the table gives them", () => {
    const table = read(seed002Appendix1());
    const result = identifyLowResultSchools(table, { referenceYear: "предыдущий год" });
    if (isEngineError(result)) throw new Error(result.message);
    expect(result.method).toMatchObject({ referenceYear: "предыдущий год", previousYear: null });
  });
});
