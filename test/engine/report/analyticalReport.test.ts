import {
  analyticalReport,
  analyzeWorkbook,
  isEngineError,
  REPORT_MARKER,
  reportLayout,
  reportMarkdown,
  type AnalyticalReport,
  type SheetGrid,
  type WorkbookAnalysis,
} from "../../../src/engine";
import { flatExportGrid } from "../../fixtures/grids";

const NBSP = "\u00a0";
const YEARS = [
  "ВПР МА 5 2025",
  "ВПР РУ 5 2025",
  "ОГЭ МА 2025",
  "ВПР МА 5 2024",
  "ВПР РУ 5 2024",
  "ОГЭ МА 2024",
];
const results = (values: number[]) =>
  Object.fromEntries(YEARS.map((column, index) => [column, values[index]!]));

/** Two ШНОР (К1; К2 by different procedures), a school without a low result, one without data. */
const TABLE = flatExportGrid(YEARS, [
  { login: "sch500001", name: "МБОУ «СОШ № 5»", failing: results([40, 35, 10, 10, 10, 5]) },
  { login: "sch500002", name: "МБОУ «ООШ № 9»", failing: results([31.5, 12, 10, 10, 10, 33.3]) },
  { login: "sch500003", name: "МАОУ «Гимназия № 2»", failing: results([5, 4, 2, 6, 3, 1]) },
  { login: "sch500004", name: "МБОУ «Лесная НОШ»", failing: {} },
]);
const LIST: SheetGrid = {
  sheetName: "Список ЦОКО",
  values: [
    ["Наименование ОО", "Логин ОО"],
    ["МБОУ СОШ № 5", null],
    ["МАОУ «Гимназия № 2»", "sch500003"],
  ],
};

function analysisOf(...grids: SheetGrid[]): WorkbookAnalysis {
  const analysis = analyzeWorkbook(grids.map((grid) => ({ grid })));
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis;
}

const texts = (report: AnalyticalReport, kind: string) =>
  report.blocks.filter((block) => block.kind === kind).map((block) => block.text);

describe("«Аналитическая справка» (docs/method.md §10)", () => {
  const analysis = analysisOf(TABLE, LIST);
  const report = analyticalReport(analysis);

  it("has the sections of a municipal report, numbered, for the parts the workbook has", () => {
    expect(report.title).toBe("Аналитическая справка");
    expect(report.subject).toBe("о выявлении школ с низкими образовательными результатами (ШНОР)");
    expect(texts(report, "heading")).toEqual([
      "1. Методика",
      "2. Показатели",
      "3. Школы с низкими образовательными результатами (ШНОР)",
      "4. Сверка с официальным списком",
    ]);
  });

  it("says the method in the programmes' words, with the edition, the threshold and the years", () => {
    const method = texts(report, "paragraph")[1]!;
    expect(method).toContain(
      `Под «низкими результатами» понимаются результаты оценочной процедуры, при которых не менее 30${NBSP}% ` +
        "от общего числа участников получили отметку «2» (ВПР) или не преодолели минимальный порог (ОГЭ, ЕГЭ)."
    );
    expect(method).toContain("(редакция правил 2020 г.)");
    expect(method).toContain(
      "1) не менее чем по двум оценочным процедурам в 2025 учебном году зафиксированы низкие результаты; " +
        "2) хотя бы по одной оценочной процедуре в каждом из двух учебных годов (2024 и 2025) зафиксированы низкие результаты."
    );
    expect(method).toContain(
      "Анализ проведён по результатам ВПР по математике (5 класс) и русскому языку (5 класс), ОГЭ по математике;"
    );
  });

  it("gives the shares against their targets", () => {
    expect(texts(report, "bullet").slice(0, 2)).toEqual([
      `доля ШНОР — 50${NBSP}% (2 из 4 — от школ таблицы результатов), что выше целевого показателя (не более 15${NBSP}%);`,
      `доля участников ОГЭ и ЕГЭ по русскому языку и математике, не преодолевших минимальный порог, в 2025 — 7,3${NBSP}% ` +
        `(невзвешенное среднее долей школ: нет числа участников), что выше целевого показателя (не более 5${NBSP}%).`,
    ]);
  });

  it("lists the ШНОР with their criteria and low results, and the schools without enough data", () => {
    expect(report.blocks.filter((block) => block.kind === "item")).toEqual([
      {
        kind: "item",
        number: 1,
        text: `МБОУ «СОШ №${NBSP}5» — критерий 1: 2025 — ВПР МА 5 (40${NBSP}%), ВПР РУ 5 (35${NBSP}%);`,
      },
      {
        kind: "item",
        number: 2,
        text: `МБОУ «ООШ №${NBSP}9» — критерий 2: 2025 — ВПР МА 5 (31,5${NBSP}%); 2024 — ОГЭ МА (33,3${NBSP}%).`,
      },
    ]);
    expect(texts(report, "paragraph")).toContain(
      "По результатам оценочных процедур 2024 и 2025 учебных годов выявлены 2 общеобразовательные организации, " +
        "в которых зафиксированы низкие образовательные результаты обучающихся:"
    );
    expect(texts(report, "paragraph")).toContain(
      "Недостаточно данных для вывода — 1 школа: МБОУ «Лесная НОШ»."
    );
  });

  it("reports the reconciliation: the counts, then each difference with what our data shows", () => {
    expect(texts(report, "paragraph")).toContain(
      "Перечень ШНОР сверен с официальным списком (лист «Список ЦОКО», 2 школы): совпадает 1 школа; " +
        "только в нашем перечне — 1; только в официальном списке — 1."
    );
    expect(texts(report, "bullet").slice(2)).toEqual([
      `МБОУ «ООШ №${NBSP}9» — только в нашем перечне: критерий 2: 2025 — ВПР МА 5 (31,5${NBSP}%); 2024 — ОГЭ МА (33,3${NBSP}%);`,
      `МАОУ «Гимназия №${NBSP}2» — только в официальном списке: по нашим данным критерии не выполнены: ` +
        "2025 — низких результатов нет; 2024 — низких результатов нет.",
    ]);
  });

  it("agrees in number: one school, a few, many", () => {
    const one = analyticalReport(
      analysisOf(
        flatExportGrid(YEARS, [
          { login: "sch500001", name: "МБОУ «СОШ № 5»", failing: results([40, 35, 10, 10, 10, 5]) },
        ])
      )
    );
    expect(texts(one, "paragraph")).toContain(
      "По результатам оценочных процедур 2024 и 2025 учебных годов выявлена 1 общеобразовательная организация, " +
        "в которой зафиксированы низкие образовательные результаты обучающихся:"
    );
  });

  it("is one wide wrapped column on its sheet, headings shaded, and Markdown for --report", () => {
    const layout = analysis.layouts.find((candidate) => candidate.marker === REPORT_MARKER)!;
    expect(layout).toMatchObject({
      name: "Аналитическая справка",
      preamble: ["Аналитическая справка"],
      header: ["О выявлении школ с низкими образовательными результатами (ШНОР)"],
      columns: [{ width: 96, wrap: true }],
    });
    expect(layout).toEqual(reportLayout(report));
    expect(layout.body.every((row) => row.length === 1)).toBe(true);
    expect(layout.body[0]![0]).toMatch(
      /^Источник данных: итоги оценочных процедур \(лист «Лист1»: 4 школы/
    );
    expect(layout.body.filter((_, index) => layout.rowTone![index] === "unknown")).toEqual(
      texts(report, "heading").map((text) => [text])
    );
    expect(layout.body).toContainEqual([
      `1. МБОУ «СОШ №${NBSP}5» — критерий 1: 2025 — ВПР МА 5 (40${NBSP}%), ВПР РУ 5 (35${NBSP}%);`,
    ]);

    const markdown = reportMarkdown(report);
    expect(markdown.split("\n").slice(0, 6)).toEqual([
      "# Аналитическая справка",
      "",
      "**о выявлении школ с низкими образовательными результатами (ШНОР)**",
      "",
      "Источник данных: итоги оценочных процедур (лист «Лист1»: 4 школы, 2024–2025 учебные годы).",
      "",
    ]);
    expect(markdown).toContain("\n## 3. Школы с низкими образовательными результатами (ШНОР)\n");
    expect(markdown).toContain(
      `\n1. МБОУ «СОШ №${NBSP}5» — критерий 1: 2025 — ВПР МА 5 (40${NBSP}%), ВПР РУ 5 (35${NBSP}%);\n2. МБОУ`
    );
    expect(markdown).toContain(`\n- доля ШНОР — 50${NBSP}%`);
  });

  it("escapes Markdown's own characters: a starred small group stays a star", () => {
    const markdown = reportMarkdown({
      title: "Аналитическая справка",
      subject: "о выявлении",
      blocks: [{ kind: "paragraph", text: "ЕГЭ РУ (50 %*) и [примечание] _так_" }],
    });
    expect(markdown).toContain("ЕГЭ РУ (50 %\\*) и \\[примечание\\] \\_так\\_");
  });
});
