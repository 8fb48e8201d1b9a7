/**
 * The programmes' indicators the summary did not compute (docs/method.md §8), each against a hand
 * computation: positive ГИА dynamics (Назаровский район), the gap between the highest- and
 * lowest-result schools (Новокузнецк, № 1351, задача 4) and % высоких результатов by year.
 */
import fc from "fast-check";
import {
  analyzeWorkbook,
  isEngineError,
  programmeIndicators,
  readExportTable,
  summarizeIndicators,
  summaryLayout,
  type CellValue,
  type ExportTable,
  type SheetGrid,
} from "../../../src/engine";
import { selectInPlace } from "../../../src/engine/summary/programmeIndicators";
import { jsonReport } from "../../../src/cli/jsonReport";
import { flatExportGrid, type SchoolSpec } from "../../fixtures/grids";

function read(grid: SheetGrid): ExportTable {
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

/** `{ "ОГЭ МА 2018": [20, 10] }`: % not passing the minimum and participants. */
function withCounts(login: string, values: Record<string, [number, number]>): SchoolSpec {
  const failing: SchoolSpec["failing"] = {};
  const participants: SchoolSpec["participants"] = {};
  for (const [column, [share, count]] of Object.entries(values)) {
    failing[column] = share;
    participants[column] = count;
  }
  return { login, failing, participants };
}

describe("positive dynamics in ГИА, per subject", () => {
  /*
   * Mathematics, 2018 → 2019 (only the exams a school has in both years; weighted by participants):
   * - s1: ОГЭ МА 20 → 10: fell 10 → improved.
   * - s2: ОГЭ МА 10 (20) and ЕГЭ МА база 0 (10): 200/30 = 6,67 → (200 + 90)/30 = 9,67: rose.
   * - s3: ОГЭ МА 0 → 0: not improved, at zero both years.
   * - s4: ОГЭ МА 30 → 29,5: fell 0,5, under 1 п. п. → not improved.
   * - s5: ОГЭ МА only in 2019: not counted.
   * - s6: ОГЭ МА only in 2018, ЕГЭ МА база 50 → 25 in both: improved on ЕГЭ alone.
   * - s7: ОГЭ МА 20 (90) → 10 (90), ЕГЭ МА база 0 (10) → 30 (10): 1800/100 = 18 → 1200/100 = 12,
   *   improved (unweighted it would be 10 → 20, worse: the weighting decides).
   * Of 6 schools, 3 improved: 50 %; 1 at zero.
   * Russian, ОГЭ РУ: s1 10 → 5 improved; s2 5 → 5 not; s3 0 → 0 at zero: 1 of 3.
   */
  const columns = ["ОГЭ МА", "ЕГЭ МА база", "ОГЭ РУ"].flatMap((exam) => [
    `${exam} 2018`,
    `${exam} 2019`,
  ]);
  const grid = flatExportGrid(
    columns,
    [
      withCounts("s1", {
        "ОГЭ МА 2018": [20, 10],
        "ОГЭ МА 2019": [10, 10],
        "ОГЭ РУ 2018": [10, 10],
        "ОГЭ РУ 2019": [5, 10],
      }),
      withCounts("s2", {
        "ОГЭ МА 2018": [10, 20],
        "ОГЭ МА 2019": [10, 20],
        "ЕГЭ МА база 2018": [0, 10],
        "ЕГЭ МА база 2019": [9, 10],
        "ОГЭ РУ 2018": [5, 20],
        "ОГЭ РУ 2019": [5, 20],
      }),
      withCounts("s3", {
        "ОГЭ МА 2018": [0, 15],
        "ОГЭ МА 2019": [0, 15],
        "ОГЭ РУ 2018": [0, 15],
        "ОГЭ РУ 2019": [0, 15],
      }),
      withCounts("s4", { "ОГЭ МА 2018": [30, 10], "ОГЭ МА 2019": [29.5, 10] }),
      withCounts("s5", { "ОГЭ МА 2019": [5, 10] }),
      withCounts("s6", {
        "ОГЭ МА 2018": [10, 10],
        "ЕГЭ МА база 2018": [50, 4],
        "ЕГЭ МА база 2019": [25, 4],
      }),
      withCounts("s7", {
        "ОГЭ МА 2018": [20, 90],
        "ОГЭ МА 2019": [10, 90],
        "ЕГЭ МА база 2018": [0, 10],
        "ЕГЭ МА база 2019": [30, 10],
      }),
    ],
    true
  );
  const table = read(grid);

  it("counts the schools whose share below the minimum fell by at least a point", () => {
    const { positiveDynamics } = programmeIndicators(table);
    expect(
      positiveDynamics.map((item) => ({
        subject: item.subject,
        years: `${item.previous.label} → ${item.year.label}`,
        procedures: item.procedures.map((procedure) => procedure.label),
        improved: item.improved,
        schools: item.schools,
        share: item.share,
        steadyAtZero: item.steadyAtZero,
      }))
    ).toEqual([
      {
        subject: "МА",
        years: "2018 → 2019",
        procedures: ["ОГЭ МА", "ЕГЭ МА база"],
        improved: 3,
        schools: 6,
        share: 50,
        steadyAtZero: 1,
      },
      {
        subject: "РУ",
        years: "2018 → 2019",
        procedures: ["ОГЭ РУ"],
        improved: 1,
        schools: 3,
        share: (100 * 1) / 3,
        steadyAtZero: 1,
      },
    ]);
  });

  it("is in --json under summary.positiveDynamics", () => {
    const analysis = analyzeWorkbook([{ grid }], { layouts: false });
    if (isEngineError(analysis)) throw new Error(analysis.message);
    const report = jsonReport(analysis);
    expect(report.summary.positiveDynamics[0]).toEqual({
      subject: "математика",
      previousYear: "2018",
      year: "2019",
      procedures: ["ОГЭ МА", "ЕГЭ МА база"],
      count: 3,
      of: 6,
      share: 50,
      steadyAtZero: 1,
    });
  });

  it("says on the sheet whether the share grew since the pair of years before («рост»)", () => {
    /*
     * ОГЭ МА without counts, 2017 → 2018 → 2019: s1 20, 10, 5 (improved both times); s2 10, 10,
     * 5 (the second time); s3 10, 12, 12; s4 5, 5, 8. 2018: 1 of 4 = 25 %; 2019: 2 of 4 = 50 %:
     * grew, «да».
     */
    const years = ["2017", "2018", "2019"].map((year) => `ОГЭ МА ${year}`);
    const values = { s1: [20, 10, 5], s2: [10, 10, 5], s3: [10, 12, 12], s4: [5, 5, 8] };
    const grid = flatExportGrid(
      years,
      Object.entries(values).map(([login, shares]) => ({
        login,
        failing: Object.fromEntries(years.map((column, index) => [column, shares[index]!])),
      }))
    );
    const three = read(grid);
    const layout = summaryLayout(summarizeIndicators({ table: three }), three.years);
    const rows = layout.body.filter((row: CellValue[]) =>
      String(row[1]).startsWith("Доля школ с положительной динамикой")
    );
    expect(rows.map((row) => [row[2], row[3], row[4], row[5]])).toEqual([
      ["2018", 25, "рост", ""],
      ["2019", 50, "рост", "да"],
    ]);
    expect(rows[1]![1]).toBe(
      "Доля школ с положительной динамикой результатов ГИА по математике,\u00a0% (2018 → 2019: доля не преодолевших минимальный порог снизилась у 2 из 4 школ с результатами ОГЭ МА в оба года)"
    );
    expect(layout.preamble.join("\n")).toContain(
      "«рост доли школ, достигших положительной динамики в результатах ГИА (ОГЭ, ЕГЭ) по математике и русскому языку»"
    );
  });
});

describe("the gap between the highest- and lowest-result schools", () => {
  /*
   * ВПР МА 5, eight schools, no counts. 2018: 0, 5, 10, 15, 20, 25, 30, 40 — a quarter is 2 schools:
   * best (0 + 5)/2 = 2,5, worst (30 + 40)/2 = 35, gap 32,5. 2019: 0, 5, 10, 15, 20, 25, 25, 30 —
   * best 2,5, worst 27,5, gap 25: narrowed by 7,5 → ↓, «да».
   */
  const values = [
    [0, 0],
    [5, 5],
    [10, 10],
    [15, 15],
    [20, 20],
    [25, 25],
    [30, 25],
    [40, 30],
  ];
  const table = read(
    flatExportGrid(
      ["ВПР МА 5 2018", "ВПР МА 5 2019"],
      values.map(([first, second], index) => ({
        login: `s${index + 1}`,
        failing: { "ВПР МА 5 2018": first!, "ВПР МА 5 2019": second! },
      }))
    )
  );

  it("is the worst quarter's mean minus the best quarter's, per procedure and year", () => {
    const [gap] = programmeIndicators(table).gaps;
    expect(gap!.procedure.label).toBe("ВПР МА 5");
    expect(
      gap!.values.map(({ year, value, worst, best, schools }) => [
        year.label,
        value,
        worst,
        best,
        schools,
      ])
    ).toEqual([
      ["2018", 32.5, 35, 2.5, 8],
      ["2019", 25, 27.5, 2.5, 8],
    ]);
    expect(gap!.arrows).toEqual(["↓"]);
  });

  it("is on the sheet with the target «сокращение», met when it narrowed by a point", () => {
    const layout = summaryLayout(summarizeIndicators({ table }), table.years);
    const rows = layout.body.filter((row: CellValue[]) => row[0] === "Разрыв");
    expect(rows.map((row) => [row[2], row[3], row[4], row[5]])).toEqual([
      ["2018", 32.5, null, ""],
      ["2019", 25, "сокращение", "да"],
    ]);
    expect(rows[0]![1]).toBe(
      "ВПР МА 5: разрыв между школами с наиболее высокими и наиболее низкими результатами, п.\u00a0п. " +
        "(% «2»: среднее по 2 школам с наибольшей долей — 35\u00a0%, по 2 школам с наименьшей — 2,5\u00a0%; из 8 школ со значением)"
    );
  });

  it("leaves out groups under 10 participants and needs 4 schools", () => {
    // Four schools of 20 at 10, 20, 30, 40 and one of 5 at 100: the small one is left out, a quarter
    // is one school: 40 − 10 = 30. With three schools of 20 left, no gap.
    const spec = (shares: [number, number][]) =>
      read(
        flatExportGrid(
          ["ВПР МА 5 2019"],
          shares.map(([share, count], index) =>
            withCounts(`s${index + 1}`, { "ВПР МА 5 2019": [share, count] })
          ),
          true
        )
      );
    const five = programmeIndicators(
      spec([
        [10, 20],
        [20, 20],
        [30, 20],
        [40, 20],
        [100, 5],
      ])
    );
    expect(five.gaps[0]!.values[0]).toMatchObject({ value: 30, schools: 4 });
    const three = programmeIndicators(
      spec([
        [10, 20],
        [20, 20],
        [30, 20],
      ])
    );
    expect(three.gaps[0]!.values[0]).toMatchObject({ value: null, schools: 3 });
  });
});

describe("the gap's quarters off the hundredths grid", () => {
  it("selects them when a share is not in hundredths (a fraction read ×100)", () => {
    // i × 100 / 7 for i = 0…7: a quarter is 2 schools; best (0 + 100/7)/2 = 50/7, worst
    // (600/7 + 100)/2 = 650/7, gap 600/7 = 85,714285714.
    const table = read(
      flatExportGrid(
        ["ВПР МА 5 2019"],
        Array.from({ length: 8 }, (_, i) => ({
          login: `s${i + 1}`,
          failing: { "ВПР МА 5 2019": (i * 100) / 7 },
        }))
      )
    );
    const value = programmeIndicators(table).gaps[0]!.values[0]!;
    expect(value.best).toBeCloseTo(50 / 7, 9);
    expect(value.worst).toBeCloseTo(650 / 7, 9);
    expect(value.value).toBeCloseTo(600 / 7, 8);
  });

  it("selectInPlace puts the k-th value in place, none larger before it, none smaller after", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (numbers, at) => {
          const values = Float64Array.from(numbers);
          const k = at % values.length;
          const sorted = Float64Array.from(numbers).sort();
          selectInPlace(values, 0, values.length, k);
          expect(values[k]).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(values[i]).toBeLessThanOrEqual(values[k]!);
          for (let i = k + 1; i < values.length; i++)
            expect(values[i]).toBeGreaterThanOrEqual(values[k]!);
        }
      ),
      { seed: 20261123, numRuns: 300 }
    );
  });
});

describe("% высоких результатов by year", () => {
  function grid(rows: [string, number, number, number | null][][]): SheetGrid {
    // Per school and year: % «2», % high, participants.
    const header: CellValue[] = ["Логин ОО", "Наименование ОО"];
    for (const year of ["2018", "2019"])
      header.push(
        `ВПР МА 5 ${year} % «2»`,
        `ВПР МА 5 ${year} % высоких результатов`,
        `ВПР МА 5 ${year} число участников`
      );
    return {
      sheetName: "Лист1",
      values: [
        header,
        ...rows.map((years, index) => [
          `s${index + 1}`,
          `Школа ${index + 1}`,
          ...years.flatMap(([, failing, high, count]) => [failing, high, count]),
        ]),
      ],
    };
  }

  it("weights by participants where every school has its count, else the schools' mean", () => {
    /*
     * 2018: 20 % of 10 and 40 % of 30 → (200 + 1200)/40 = 35. 2019: 30 % of 10 and 40 % of 30 →
     * 1500/40 = 37,5 — up 2,5: ↑. Without the second school's 2019 count: (30 + 40)/2 = 35, unweighted.
     */
    const counted = read(
      grid([
        [
          ["2018", 5, 20, 10],
          ["2019", 5, 30, 10],
        ],
        [
          ["2018", 5, 40, 30],
          ["2019", 5, 40, 30],
        ],
      ])
    );
    const [item] = programmeIndicators(counted).highResults;
    expect(item!.values.map(({ year, value, weighted }) => [year.label, value, weighted])).toEqual([
      ["2018", 35, true],
      ["2019", 37.5, true],
    ]);
    expect(item!.arrows).toEqual(["↑"]);
    const partly = read(
      grid([
        [
          ["2018", 5, 20, 10],
          ["2019", 5, 30, 10],
        ],
        [
          ["2018", 5, 40, 30],
          ["2019", 5, 40, null],
        ],
      ])
    );
    expect(programmeIndicators(partly).highResults[0]!.values[1]).toMatchObject({
      value: 35,
      weighted: false,
    });
    const layout = summaryLayout(summarizeIndicators({ table: counted }), counted.years);
    expect(
      layout.body
        .filter((row: CellValue[]) => row[0] === "Высокие результаты")
        .map((row) => [row[1], row[2], row[3], row[5]])
    ).toEqual([
      ["ВПР МА 5:\u00a0% высоких результатов по муниципалитету", "2018", 35, ""],
      ["ВПР МА 5:\u00a0% высоких результатов по муниципалитету", "2019", 37.5, "↑"],
    ]);
    // Two years: fewer than the three the source asks for, and said so.
    expect(layout.preamble.join("\n")).toContain(
      "В таблице 2 года — меньше трёх, которых просит источник."
    );
  });
});
