/*
 * What the summary calls a low result (docs/method.md §2): «2» for ВПР; for ОГЭ and ЕГЭ — below the
 * minimum threshold (ЕГЭ has no marks). Procedures the ШНОР method does not count have no target.
 */
import {
  isEngineError,
  readExportTable,
  summarizeIndicators,
  summaryLayout,
  type ExportTable,
} from "../../../src/engine";
import { flatExportGrid, type SchoolSpec } from "../../fixtures/grids";

const YEARS = ["2024", "2025"];
const PROCEDURES = ["ВПР МА 5", "ЕГЭ РУ", "ВПР ОМ 4", "КДР ЧГ 4"];
const COLUMNS = YEARS.flatMap((year) => PROCEDURES.map((procedure) => `${procedure} ${year}`));

/**
 * Ten schools, the same values both years: ВПР МА 5 and ЕГЭ РУ unremarkable; ВПР ОМ 4 and КДР ЧГ 4
 * with one school at 90 % (mean 18, sample deviation √((9 × 8² + 72²) / 9) = √640 ≈ 25,3: 1,5
 * deviations above the mean is ≈ 56) — a risk zone if those procedures were counted.
 */
function table(): ExportTable {
  const schools: SchoolSpec[] = Array.from({ length: 10 }, (_, s) => ({
    login: `sch3000${String(s).padStart(2, "0")}`,
    failing: Object.fromEntries(
      YEARS.flatMap((year) => [
        [`ВПР МА 5 ${year}`, 10 + s],
        [`ЕГЭ РУ ${year}`, 1 + (s % 3)],
        [`ВПР ОМ 4 ${year}`, s === 9 ? 90 : 10],
        [`КДР ЧГ 4 ${year}`, s === 9 ? 90 : 10],
      ])
    ),
  }));
  const read = readExportTable(flatExportGrid(COLUMNS, schools));
  if (isEngineError(read)) throw new Error(read.message);
  return read;
}

describe("the summary's words for a low result", () => {
  const layout = summaryLayout(summarizeIndicators({ table: table() }), table().years);
  const dynamicsLabels = layout.body
    .filter((row) => row[0] === "Динамика" && row[2] === "2025")
    .map((row) => row[1]);

  it("says «% «2»» for ВПР and «не преодолевших минимальный порог» for ЕГЭ", () => {
    expect(dynamicsLabels).toEqual([
      "ВПР МА 5: % «2» по муниципалитету (среднее по школам)",
      "ЕГЭ РУ: % не преодолевших минимальный порог по муниципалитету (среднее по школам)",
      "ВПР ОМ 4: % «2» по муниципалитету (среднее по школам)",
      "КДР ЧГ 4: % «2» по муниципалитету (среднее по школам)",
    ]);
  });

  it("names both on the chart's axis when ВПР and ЕГЭ are plotted together, and no «2» for ЕГЭ alone", () => {
    const chart = layout.charts![0]!;
    expect(chart.title).toBe("Динамика доли низких результатов по муниципалитету");
    expect(chart.yAxisTitle).toBe("% «2» (ВПР),\u00a0% ниже минимального порога (ЕГЭ)");
    const egeOnly = readExportTable(
      flatExportGrid(
        ["ЕГЭ РУ 2024", "ЕГЭ РУ 2025"],
        [{ login: "sch1", failing: { "ЕГЭ РУ 2024": 3, "ЕГЭ РУ 2025": 2 } }]
      )
    );
    if (isEngineError(egeOnly)) throw new Error(egeOnly.message);
    const egeChart = summaryLayout(summarizeIndicators({ table: egeOnly }), egeOnly.years)
      .charts![0]!;
    expect(egeChart.title).toBe(
      "Динамика доли не преодолевших минимальный порог по муниципалитету"
    );
    expect(egeChart.yAxisTitle).toBe("% ниже минимального порога");
  });

  it("gives procedures the method does not count no target: no «нет», no tone, no risk zone", () => {
    // ВПР ОМ 4 and КДР ЧГ 4: their 90 % would be a zone (90 > 18 + 1,5 × 25,3 ≈ 56) were they counted.
    const summary = summarizeIndicators({ table: table() });
    const uncounted = (label: string) => label.startsWith("ВПР ОМ 4") || label.startsWith("КДР");
    layout.body.forEach((row, index) => {
      if (!uncounted(String(row[1]))) return;
      expect(row[4]).toBeNull();
      expect(["", "→", "↑", "↓"]).toContain(row[5]);
      expect(layout.rowTone![index]).toBeNull();
    });
    const zoneProcedures = [...summary.riskZones, ...summary.smallGroupOutliers].map(
      (zone) => zone.procedure.label
    );
    expect(zoneProcedures.filter(uncounted)).toEqual([]);
    expect(summary.belowMinimum.map((item) => item.procedure.label)).toEqual(["ЕГЭ РУ"]);
  });
});
