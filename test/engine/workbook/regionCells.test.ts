/**
 * Every output of a whole workbook at a region's scale — 5,000 schools with long official names, one
 * of them a pasted name of 40,000 characters, a thousand sharing a name with an entry of the official
 * list — holds no cell Excel would refuse: at most 32,767 characters and 253 line feeds
 * («Excel specifications and limits»), and no link longer than the 255 characters of a link address.
 */
import {
  ALL_RISK_PARAMETERS,
  analyzeWorkbook,
  EXCEL_CELL_CHARACTERS,
  EXCEL_CELL_LINE_FEEDS,
  isEngineError,
  templateLayout,
  type CellValue,
  type SheetGrid,
  type SheetLayout,
  type TemplateKind,
  type WorkbookAnalysis,
} from "../../../src/engine";
import { flatExportGrid } from "../../fixtures/grids";

const SCHOOLS = 5_000;
/** Every fifth school has the same name: «СОШ № 1» of each district of a region. */
const SHARED_NAME =
  "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»";
const PASTED_NAME = "Школа ".repeat(6_667).trim();

function schoolName(index: number): string {
  // An even school: without teacher vacancies, so that factor 2's list is of ordinary names.
  if (index === 8) return PASTED_NAME;
  if (index % 5 === 0) return SHARED_NAME;
  return (
    `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${index + 1} ` +
    `с углублённым изучением отдельных предметов имени Героя Советского Союза И.\u00a0И.\u00a0Иванова» ` +
    `Заречного муниципального округа`
  );
}

const schools = Array.from({ length: SCHOOLS }, (_, index) => ({
  login: `sch${700000 + index}`,
  name: schoolName(index),
}));

/** Two years of two procedures; every third school low in both of the last year (ШНОР). */
const exportGrid = flatExportGrid(
  ["ВПР МА 5 2024", "ВПР РУ 6 2024", "ВПР МА 5 2025", "ВПР РУ 6 2025"],
  schools.map((school, index) => ({
    ...school,
    failing: {
      "ВПР МА 5 2024": index % 3 === 0 ? 35 : 10,
      "ВПР РУ 6 2024": 8,
      "ВПР МА 5 2025": index % 3 === 0 ? 40 : 10 + (index % 7),
      "ВПР РУ 6 2025": index % 3 === 0 ? 45 : 9,
    },
  }))
);

/** A template as a coordinator fills it: counts over the thresholds for half the schools. */
function filled(kind: TemplateKind): SheetGrid {
  const layout = templateLayout(kind, schools);
  const body = layout.body.map((row, i) =>
    row.map((cell, column): CellValue => {
      if (column < 2) return cell;
      if (kind === "social-passport") return column === 2 ? 100 : column === 5 ? i % 40 : 10;
      if (kind === "staffing") return column === 2 ? 40 : 5 + (i % 3);
      const header = layout.header[column]!;
      const parameter = ALL_RISK_PARAMETERS.find((candidate) => header.startsWith(candidate.code))!;
      return parameter.scale === "score" ? 1 + (i % 5) : parameter.scale === "count" ? i % 2 : 10;
    })
  );
  return {
    sheetName: layout.name,
    // As written: the preamble lines, a blank row, the header, the rows; but the template's own name
    // for the sheet, which is what the reader goes by.
    values: [...layout.preamble.map((line) => [line]), [], layout.header, ...body],
  };
}

/** The region's list: the shared name without a login (it fits a thousand schools), then some by login. */
const officialList: SheetGrid = {
  sheetName: "Список ЦОКО",
  values: [
    ["№ п/п", "Наименование ОО", "Логин ОО"],
    [1, SHARED_NAME, null],
    ...schools.slice(1, 200).map((school, index) => [index + 2, school.name, school.login]),
  ],
};

function analyse(): WorkbookAnalysis {
  const analysis = analyzeWorkbook(
    [
      exportGrid,
      filled("social-passport"),
      filled("risk-questionnaire"),
      filled("staffing"),
      officialList,
    ].map((grid) => ({ grid }))
  );
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis;
}

interface Longest {
  characters: number;
  lineFeeds: number;
}

/** The longest text of a layout's cells, and the most line feeds in one. */
function longestCell(layout: SheetLayout): Longest {
  const longest: Longest = { characters: 0, lineFeeds: 0 };
  const measure = (value: CellValue) => {
    if (typeof value !== "string") return;
    longest.characters = Math.max(longest.characters, value.length);
    longest.lineFeeds = Math.max(longest.lineFeeds, value.split("\n").length - 1);
  };
  layout.preamble.forEach(measure);
  layout.header.forEach(measure);
  for (const row of layout.body) row.forEach(measure);
  for (const block of layout.blocks ?? []) for (const row of block.values) row.forEach(measure);
  return longest;
}

describe("a region of 5,000 schools with long names", () => {
  const analysis = analyse();
  const byName = new Map(analysis.layouts.map((layout) => [layout.name, layout]));
  const measured = new Map(analysis.layouts.map((layout) => [layout.name, longestCell(layout)]));

  it("lays out every output, the reconciliation and the risk lists among them", () => {
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining([
        "ШНОР",
        "Матрица рисков",
        "Факторы → школы",
        "Профиль школ",
        "Сверка со списком",
        "Аналитическая справка",
        "Предупреждения",
      ])
    );
  });

  it.each([...measured.keys()])(
    "«%s»: no cell over 32,767 characters or 253 line feeds",
    (name) => {
      const longest = measured.get(name)!;
      expect(longest.characters).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
      expect(longest.lineFeeds).toBeLessThanOrEqual(EXCEL_CELL_LINE_FEEDS);
    }
  );

  it("links to places of the workbook by addresses shorter than Excel's 255 characters", () => {
    for (const layout of analysis.layouts)
      for (const target of layout.links?.targets ?? [])
        if (target !== null) expect(target.length).toBeLessThanOrEqual(255);
  });

  it("cuts the pasted name at the cell's limit with «…», wherever a sheet shows it", () => {
    const cut = `${PASTED_NAME.slice(0, EXCEL_CELL_CHARACTERS - 1)}…`;
    for (const name of ["ШНОР", "Матрица рисков", "Профиль школ"]) {
      const cells = byName.get(name)!.body.flat();
      expect(cells).toContain(cut);
      expect(cells).not.toContain(PASTED_NAME);
    }
    // The engine's own results keep the name whole: only what is written is cut.
    expect(analysis.table!.schools[8]!.name).toBe(PASTED_NAME);
  });

  it("stops «Факторы → школы» on a whole name at the cell's limit, with the count of the rest and where they all are", () => {
    const list = byName.get("Факторы → школы")!;
    // Factor 2 (teacher vacancies) is present at every other school; the ШГР among them are not ШНОР.
    const row = list.body.find((cells) => String(cells[0]).startsWith("2. "))!;
    const riskGroup = row[1] as number;
    expect(riskGroup).toBeGreaterThan(1_000);
    const cell = String(row[2]);
    const lines = cell.split("\n");
    const shown = lines.length - 1;
    expect(lines.at(-1)).toBe(
      `… и ещё ${riskGroup - shown} школ — полный список на листе «Матрица рисков» (фильтр по столбцу «Ф2»)`
    );
    // Names of 95 to 190 characters: the characters give out before the lines, and one more name
    // would not have fitted.
    expect(shown).toBeLessThan(EXCEL_CELL_LINE_FEEDS);
    expect(cell.length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
    expect(cell.length + 1 + 190).toBeGreaterThan(EXCEL_CELL_CHARACTERS);
  });

  it("names as many of a thousand schools of the same name as a cell holds, and counts the rest", () => {
    const reconciliation = byName.get("Сверка со списком")!;
    const ambiguous = reconciliation.body.filter((row) => row[0] === "неоднозначно");
    expect(ambiguous.map((row) => row[1])).toEqual([SHARED_NAME]);
    const finding = String(ambiguous[0]!.at(-1));
    expect(finding).toMatch(
      /^наименование подходит к нескольким школам таблицы: Муниципальное .* \(sch700000\), .* … и ещё \d+ школ(ы|а)? с таким наименованием — найдите их на листе «Лист1» по наименованию; сверьте по логину$/
    );
    const shown = finding.split(" (sch").length - 1;
    const rest = Number(/… и ещё (\d+)/.exec(finding)![1]);
    expect(shown + rest).toBe(SCHOOLS / 5);
    expect(finding.length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
    // The warning says the same, within a cell too; `--json` lists every login (analysis.reconciliation).
    const warning = analysis.warnings.find((item) =>
      item.message.includes("подходит к нескольким")
    );
    expect(warning!.message.length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
    expect(analysis.reconciliation!.onlyOfficial[0]!.ambiguous).toHaveLength(SCHOOLS / 5);
    // The справка, made to be printed, names fewer of them: about twenty lines of a page.
    const bullet = byName
      .get("Аналитическая справка")!
      .body.map((row) => String(row[0]))
      .find((text) => text.includes("подходит к нескольким"))!;
    expect(bullet).toMatch(
      / … и ещё \d+ школ(ы|а)? с таким наименованием — найдите их на листе «Лист1»/
    );
    expect(bullet.length).toBeLessThan(2_000 + 300);
  });
});
