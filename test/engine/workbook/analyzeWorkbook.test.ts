import {
  ALL_RISK_PARAMETERS,
  analyzeWorkbook,
  isEngineError,
  parseSchoolsTotal,
  recognizeSheets,
  templateLayout,
  TEMPLATE_KINDS,
  type CellValue,
  type SheetGrid,
  type SheetLayout,
  type TemplateKind,
  type WorkbookAnalysis,
  type WorkbookSheetInput,
} from "../../../src/engine";
import { flatExportGrid } from "../../fixtures/grids";
import { seed002Appendix1 } from "../../fixtures/seeds";

/** A layout as the hosts write it: preamble lines, a blank row, the header, the body. */
function asGrid(layout: SheetLayout, body: CellValue[][] = layout.body): SheetGrid {
  return {
    sheetName: layout.name,
    values: [...layout.preamble.map((line) => [line]), [], layout.header, ...body],
  };
}

const SCHOOLS = Array.from({ length: 8 }, (_, i) => ({
  login: `sch30000${i}`,
  name: `МБОУ «СОШ № ${i + 1}»`,
}));

/** Fills a template's rows with plausible numbers, the same for every school but the counts by index. */
function filled(kind: TemplateKind): SheetGrid {
  const layout = templateLayout(kind, SCHOOLS);
  const body = layout.body.map((row, i) =>
    row.map((cell, column) => {
      if (column < 2) return cell;
      const header = layout.header[column];
      if (kind === "social-passport") return column === 2 ? 100 : column === 5 ? 10 * i : 10 + i;
      if (kind === "staffing") return column === 2 ? 40 : 5 + i;
      const parameter = ALL_RISK_PARAMETERS.find((candidate) => header.startsWith(candidate.code))!;
      return parameter.scale === "score"
        ? 1 + (i % 5)
        : parameter.scale === "count"
          ? i % 2
          : 10 * i;
    })
  );
  return asGrid(layout, body);
}

describe("templates", () => {
  it.each(TEMPLATE_KINDS)(
    "%s: written, filled and read back as the same kind with every column",
    (kind) => {
      const layout = templateLayout(kind, SCHOOLS);
      const recognised = recognizeSheets([{ grid: filled(kind) }]);
      expect(recognised.sheets[0]).toMatchObject({ kind, schools: SCHOOLS.length });
      const sheet =
        kind === "social-passport"
          ? recognised.passport
          : kind === "staffing"
            ? recognised.staffing
            : recognised.questionnaire;
      expect(Object.keys(sheet!.columns)).toHaveLength(layout.header.length - 2);
      expect(sheet!.warnings).toEqual([]);
    }
  );

  it.each(TEMPLATE_KINDS)(
    "%s: every input column has a validation and the rows to fill are covered",
    (kind) => {
      const layout = templateLayout(kind, SCHOOLS);
      expect(layout.userData).toBe(true);
      expect(layout.columns.slice(2).every((column) => column.validation !== undefined)).toBe(true);
      expect(layout.inputRows).toBeGreaterThan(SCHOOLS.length);
      expect(layout.preamble.length).toBeGreaterThan(1);
    }
  );

  it("counts in the social passport may not exceed the total", () => {
    const layout = templateLayout("social-passport");
    const total = layout.header.indexOf("Всего обучающихся");
    expect(layout.columns[layout.header.indexOf("Из неполных семей")].validation).toMatchObject({
      type: "whole",
      min: 0,
      notAboveColumn: total,
    });
  });

  it("is recognised when the user renamed and reordered the social passport's columns", () => {
    const grid: SheetGrid = {
      sheetName: "Паспорт 2025",
      values: [
        [
          "Из неполных семей (чел.)",
          "Код ОО",
          "Численность обучающихся",
          "Состоят на учёте в ВШУ, КДН",
          "Оба родителя имеют высшее образование",
          "Школа",
        ],
        [30, "sch300001", 100, 5, 20, "СОШ № 1"],
      ],
    };
    const recognised = recognizeSheets([{ grid }]);
    expect(recognised.sheets[0].kind).toBe("social-passport");
    expect(recognised.passport!.rows[0]).toMatchObject({ login: "sch300001", name: "СОШ № 1" });
  });
});

describe("a whole workbook", () => {
  const exportGrid = flatExportGrid(
    ["ВПР МА 5 2024", "ВПР РУ 6 2024", "ВПР МА 5 2025", "ВПР РУ 6 2025"],
    SCHOOLS.map((school, i) => ({
      login: school.login,
      name: school.name,
      failing: {
        "ВПР МА 5 2024": 5 + 4 * i,
        "ВПР РУ 6 2024": 8,
        "ВПР МА 5 2025": 5 + 5 * i,
        "ВПР РУ 6 2025": i === 7 ? 31 : 9,
      },
    }))
  );

  function analyse(grids: SheetGrid[]): WorkbookAnalysis {
    const analysis = analyzeWorkbook(grids.map((grid) => ({ grid })));
    if (isEngineError(analysis)) throw new Error(analysis.message);
    return analysis;
  }

  it("runs every part and lays out one sheet per result", () => {
    const analysis = analyse([
      exportGrid,
      filled("social-passport"),
      filled("risk-questionnaire"),
      filled("staffing"),
    ]);
    expect(analysis.sheets.map((sheet) => sheet.kind)).toEqual([
      "export-table",
      "social-passport",
      "risk-questionnaire",
      "staffing",
    ]);
    expect(analysis.layouts.map((layout) => layout.name)).toEqual([
      "ШНОР",
      "ШНОР — метод",
      "ШНОР по годам",
      "ИСБШ",
      "Матрица рисков",
      "Факторы → школы",
      "Пороги факторов риска",
      "Сводка показателей",
      "Динамика по школам",
      "Результаты и контекст",
      "Профиль школ",
      "Аналитическая справка",
      "Предупреждения",
    ]);
    expect(analysis.context!.schools).toHaveLength(SCHOOLS.length);
    const flagged = analysis
      .identification!.schools.filter((school) => school.status === "shnor")
      .map((school) => school.login);
    expect(
      analysis
        .risk!.schools.filter((school) => flagged.includes(school.login))
        .every((school) => !school.riskGroup)
    ).toBe(true);
    expect(analysis.summary.shnsu).not.toBeNull();
  });

  it("accepts a workbook with only a social passport", () => {
    const analysis = analyse([filled("social-passport")]);
    expect(analysis.identification).toBeNull();
    expect(analysis.layouts.map((layout) => layout.name)).toEqual([
      "ИСБШ",
      "Сводка показателей",
      "Аналитическая справка",
      "Предупреждения",
    ]);
  });

  it("refuses a workbook with nothing it recognises, naming each sheet", () => {
    const result = analyzeWorkbook([
      { grid: { sheetName: "Заметки", values: [["Просто текст"]] } },
    ]);
    expect(result).toMatchObject({ kind: "error", code: "no_table" });
    expect(isEngineError(result) && result.message).toContain("«Заметки»");
  });

  it("keeps the user's edited thresholds sheet instead of writing a new one", () => {
    const withThresholds = analyse([exportGrid, filled("risk-questionnaire")]);
    const thresholdsLayout = withThresholds.layouts.find(
      (layout) => layout.name === "Пороги факторов риска"
    )!;
    const again = analyse([exportGrid, filled("risk-questionnaire"), asGrid(thresholdsLayout)]);
    expect(again.sheets.at(-1)!.kind).toBe("risk-thresholds");
    expect(again.layouts.some((layout) => layout.name === "Пороги факторов риска")).toBe(false);
  });
});

describe("the municipality's number of schools (seed 002's appendix lists only the 15 flagged)", () => {
  const appendix = (): WorkbookSheetInput[] => [{ grid: seed002Appendix1() }];
  const run = (schoolsTotal: number | null): WorkbookAnalysis => {
    const result = analyzeWorkbook(appendix(), { schoolsTotal, tableYears: "2018, 2019" });
    if (isEngineError(result)) throw new Error(result.message);
    return result;
  };
  const FLAGGED_LIST_WARNING = {
    cell: "'Приложение 1'",
    message:
      "ожидалась таблица всех школ муниципалитета, а в таблице 15 школ, и все они — ШНОР: похоже, это список только выявленных школ. " +
      "Доля ШНОР (100\u00a0%) посчитана от школ таблицы, а не от всех школ муниципалитета; чтобы сравнить её с целью, " +
      "укажите число всех школ муниципалитета: --schools-total N в командной строке или поле «Всего школ в муниципалитете» в области задач",
  };

  it("without it: 15 of 15, 100 % of the table's schools, and a warning that the table looks like the list of flagged schools", () => {
    const analysis = run(null);
    expect(analysis.summary.shnor).toEqual({
      count: 15,
      of: 15,
      share: 100,
      target: 15,
      denominator: "table",
    });
    expect(analysis.warnings).toContainEqual(FLAGGED_LIST_WARNING);
  });

  it("with 100 schools: 15 / 100 = 15 %, the target met, of the municipality's schools, no such warning", () => {
    const analysis = run(100);
    expect(analysis.summary.shnor).toEqual({
      count: 15,
      of: 100,
      share: 15,
      target: 15,
      denominator: "schools_total",
    });
    expect(analysis.warnings).not.toContainEqual(FLAGGED_LIST_WARNING);
    const summary = analysis.layouts.find((layout) => layout.name === "Сводка показателей")!;
    expect(summary.body[0]).toEqual([
      "Школы",
      "Доля ШНОР,\u00a0% (15 из 100 — от числа школ муниципалитета, указанного пользователем)",
      "",
      15,
      15,
      "да",
    ]);
  });

  it("refuses fewer schools than the table lists, saying how many it found", () => {
    expect(analyzeWorkbook(appendix(), { schoolsTotal: 14 })).toEqual({
      kind: "error",
      code: "bad_option",
      message:
        "всего школ в муниципалитете: указано 14, а в таблице листа «Приложение 1» 15 школ — школ муниципалитета не может быть меньше, " +
        "чем в его таблице. Укажите число всех школ муниципалитета (не меньше 15) или не указывайте его — тогда доля ШНОР считается от школ таблицы.",
    });
  });

  it("takes a total equal to the table's schools (a table of the whole municipality)", () => {
    expect(run(15).summary.shnor).toMatchObject({ of: 15, denominator: "schools_total" });
  });

  it.each([[0], [12.5], [-3]])("refuses %p given to the engine directly", (total) => {
    expect(analyzeWorkbook(appendix(), { schoolsTotal: total })).toEqual({
      kind: "error",
      code: "bad_option",
      message: `всего школ в муниципалитете: ожидалось целое число не меньше 1; найдено «${total}»`,
    });
  });

  it("does not warn when a table of two schools has both flagged (a small municipality is as likely)", () => {
    const grid = flatExportGrid(
      ["ВПР МА 5 2024", "ВПР РУ 5 2024"],
      ["sch500001", "sch500002"].map((login) => ({
        login,
        failing: { "ВПР МА 5 2024": 40, "ВПР РУ 5 2024": 35 },
      }))
    );
    const analysis = analyzeWorkbook([{ grid }]);
    if (isEngineError(analysis)) throw new Error(analysis.message);
    expect(analysis.summary.shnor).toMatchObject({ count: 2, of: 2, share: 100 });
    expect(analysis.warnings.map((warning) => warning.message)).not.toContainEqual(
      expect.stringContaining("список только выявленных школ")
    );
  });
});

describe("parseSchoolsTotal: the number as a person types it", () => {
  it.each([
    ["120", 120],
    [" 46 ", 46],
    ["1 200", 1200],
    ["1\u00a0200", 1200],
  ])("reads %p as %p", (text, total) => {
    expect(parseSchoolsTotal(text)).toBe(total);
  });

  it.each(["", "abc", "12,5", "0", "-5", "1e3", "120 школ", "12 34"])("refuses %p", (text) => {
    expect(parseSchoolsTotal(text)).toEqual({
      kind: "error",
      code: "bad_option",
      message: `всего школ в муниципалитете: ожидалось целое число не меньше 1; найдено «${text}»`,
    });
  });
});
