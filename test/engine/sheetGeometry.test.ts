/*
 * What every host sets on an output sheet besides its values (issue 16): row heights that fit the
 * wrapped text, the print setup, charts placed absolutely beside the table with their data below the
 * rows a filter hides, and links to the evidence — computed in the engine, so the hosts agree.
 */
import {
  blockBesideTable,
  bodyRowHeight,
  CHART_HEIGHT,
  CHART_WIDTH,
  chartAnchor,
  headerRowHeight,
  LINE_HEIGHT,
  linkTarget,
  MAX_ROW_LINES,
  preambleRowHeights,
  printSetup,
  rowHeights,
  tableHeaderRow,
  textLines,
  wrappedColumns,
  type SheetLayout,
} from "../../src/engine";

const REASON =
  "К1: 2024/2025 — ВПР МА 6 (31,6 %), ОГЭ РУ (48,5 %). К2: 2024/2025 — ВПР МА 6 (31,6 %), ОГЭ РУ (48,5 %); 2023/2024 — ОГЭ РУ (35,7 %)";

function layout(rows: string[][], overrides: Partial<SheetLayout> = {}): SheetLayout {
  return {
    name: "Лист",
    marker: "school-radar:test",
    preamble: ["Школьный радар — проверка", "Источник: лист «Результаты ОО»"],
    header: ["ОО", "Логин", "Обоснование"],
    body: rows,
    columns: [{ width: 32, wrap: true }, { width: 12 }, { width: 50, wrap: true }],
    ...overrides,
  };
}

describe("lines of wrapped text", () => {
  it.each([
    ["короткий текст", 20, 1],
    ["", 20, 1],
    // Ten words of five letters: a line of 20 digits holds three of them with their spaces.
    [Array(10).fill("слово").join(" "), 20, 4],
    ["первая строка\nвторая\nтретья", 50, 3],
    // A word longer than a line is broken inside it.
    ["а".repeat(45), 10, 5],
  ])("%p in %p digits: %p lines", (text, capacity, lines) => {
    expect(textLines(text, capacity)).toBe(lines);
  });

  it("fits the reason of a school without low results on one line of the ШНОР list's column", () => {
    const reason =
      "Критерии не выполнены: 2024/2025 — низких результатов нет; 2023/2024 — низких результатов нет";
    expect(textLines(reason, 99)).toBe(1);
    expect(textLines(reason, 80)).toBe(2);
  });

  it("counts capitals wider than lower case, and a no-break space as part of its word", () => {
    expect(textLines("ШШШШШ ШШШШШ", 12)).toBe(2);
    expect(textLines("ааааа ааааа", 12)).toBe(1);
    expect(textLines("15\u00a0% 20\u00a0%", 4)).toBe(2);
  });
});

describe("row heights", () => {
  const sheet = layout([
    ["МБОУ «СОШ № 1»", "sch1", "Критерии не выполнены"],
    ["МБОУ «СОШ № 17»", "sch17", REASON],
    ["МБОУ «СОШ № 2»", "sch2", "слово ".repeat(400)],
  ]);
  const wrapped = wrappedColumns(sheet);

  it("gives a row of one line none (the default), and a wrapped row 15 pt a line", () => {
    expect(wrapped).toEqual({ columns: [0, 2], capacities: [31, 49] });
    expect(bodyRowHeight(sheet.body[0]!, wrapped)).toBeNull();
    const lines = textLines(REASON, 49);
    expect(lines).toBeGreaterThan(2);
    expect(bodyRowHeight(sheet.body[1]!, wrapped)).toBe(lines * LINE_HEIGHT);
  });

  it("stops a row at 15 lines, and counts only text in wrapped columns", () => {
    expect(bodyRowHeight(sheet.body[2]!, wrapped)).toBe(MAX_ROW_LINES * LINE_HEIGHT);
    expect(bodyRowHeight(["а", "б ".repeat(300), 12], wrapped)).toBeNull();
  });

  it("wraps the header in bold and the preamble across the table's width", () => {
    const wide = layout([], {
      header: ["Низких результатов 2024/2025", "Логин", "Обоснование"],
      columns: [{ width: 14 }, { width: 12 }, { width: 50, wrap: true }],
      preamble: ["Школьный радар", "Методика: " + "описание метода ".repeat(20)],
    });
    expect(headerRowHeight(wide)).toBe(3 * LINE_HEIGHT);
    const [title, method] = preambleRowHeights(wide);
    expect(title).toBeNull();
    // 320 characters over 14 + 12 + 50 digits.
    expect(method).toBe(textLines(wide.preamble[1]!, 75) * LINE_HEIGHT);
    expect(method).toBeGreaterThanOrEqual(5 * LINE_HEIGHT);
  });

  it("lists every row that needs a height by its zero-based sheet row", () => {
    const heights = rowHeights(sheet);
    const first = tableHeaderRow(sheet) + 1;
    expect([...heights.keys()]).toEqual([first + 1, first + 2]);
  });
});

describe("charts beside the table and their data below it", () => {
  const rows = Array.from({ length: 30 }, (_, index) => [`Школа ${index}`, `sch${index}`, REASON]);
  const sheet = layout(rows);
  const block = blockBesideTable(
    sheet,
    [
      ["Критерий", "Школ"],
      ["К1", 3],
    ],
    [{ width: 12 }]
  );
  const anchor = chartAnchor(sheet, [block]);

  it("puts a block after a blank row below the rows the table's filter covers", () => {
    expect(block.row).toBe(tableHeaderRow(sheet) + rows.length + 2);
  });

  it("keeps the chart's size in points, from the header's bottom edge to the row the rows' heights reach", () => {
    // One line of header: the chart starts 15 pt into the header row, at its bottom edge.
    expect(anchor.from).toEqual({
      row: tableHeaderRow(sheet),
      column: 4,
      rowOffset: LINE_HEIGHT,
      columnOffset: 0,
    });
    expect([anchor.width, anchor.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const heights = rowHeights(sheet);
    let points = anchor.to.rowOffset;
    for (let row = anchor.from.row + 1; row < anchor.to.row; row++)
      points += heights.get(row) ?? LINE_HEIGHT;
    expect(points).toBeCloseTo(CHART_HEIGHT, 6);
    expect(anchor.to.rowOffset).toBeLessThan(heights.get(anchor.to.row) ?? LINE_HEIGHT);
    expect(anchor.to.column).toBeLessThan(block.column);
  });

  it("moves right of a block placed in its way", () => {
    const inTheWay = {
      row: tableHeaderRow(sheet),
      column: 4,
      values: [
        ["Год", "Доля"],
        ["2024/2025", 12],
      ],
      columns: [{ width: 11 }, { width: 8 }],
    };
    expect(chartAnchor(sheet, [inTheWay]).from.column).toBe(4 + 2 + 1);
    expect(chartAnchor(sheet, [block]).from.column).toBe(4);
  });

  it("stacks a second chart below the first", () => {
    const second = chartAnchor(sheet, [], 1);
    expect(second.from.row).toBeGreaterThan(anchor.to.row);
  });
});

describe("print setup", () => {
  it("prints a narrow table in portrait, its header on every page, one page wide", () => {
    const narrow = layout([["а", "б", "в"]], {
      columns: [{ width: 30 }, { width: 12 }, { width: 40 }],
    });
    expect(printSetup(narrow)).toMatchObject({
      orientation: "portrait",
      paper: "A4",
      areas: [{ row: 0, column: 0, rows: tableHeaderRow(narrow) + 2, columns: 3 }],
      titleRows: { first: tableHeaderRow(narrow), last: tableHeaderRow(narrow) },
      fitToWidth: 1,
      fitToHeight: 0,
      footer: "&A — стр. &P из &N",
    });
  });

  it("prints a wide table in landscape, and each chart as an area of its own after the table", () => {
    const wide = layout([["а", "б", "в"]], {
      columns: [{ width: 32 }, { width: 12 }, { width: 90, wrap: true }],
    });
    wide.charts = [
      {
        kind: "column",
        title: "",
        xAxisTitle: "",
        yAxisTitle: "",
        legend: false,
        data: { row: 0, column: 0, rows: 1, columns: 1 },
        anchor: chartAnchor(wide, []),
      },
    ];
    const setup = printSetup(wide);
    expect(setup.orientation).toBe("landscape");
    // From below the header, which prints at the top of every page anyway.
    const { from, to } = wide.charts[0]!.anchor;
    expect(setup.areas[1]).toEqual({
      row: from.row + 1,
      column: from.column,
      rows: to.row - from.row - 1 + (to.rowOffset > 0 ? 1 : 0),
      columns: 9,
    });
  });
});

describe("link targets", () => {
  it.each([
    ["'Результаты ОО'!D7", "'Результаты ОО'!D7"],
    ["'Лист1'!$B$3", "'Лист1'!B3"],
    ["'Лист1'!B3:D9", "'Лист1'!B3"],
    ["'Лист1'!7:7", "'Лист1'!A7"],
    ["'Социальный паспорт'", "'Социальный паспорт'!A1"],
    ["'It''s'!C2", "'It''s'!C2"],
    ["параметр --threshold", null],
  ])("%p leads to %p", (reference, target) => {
    expect(linkTarget(reference)).toBe(target);
  });
});
