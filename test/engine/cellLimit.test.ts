import {
  EXCEL_CELL_CHARACTERS,
  joinWithinCell,
  layoutWithinCells,
  listOnDemand,
  withinCell,
  type CellValue,
  type SheetLayout,
} from "../../src/engine";

const LONG = "Школа ".repeat(7_000).trim(); // 41,999 characters

function layoutWith(body: CellValue[][], preamble: string[] = ["Заголовок"]): SheetLayout {
  return {
    name: "Лист",
    marker: "school-radar:test",
    preamble,
    header: ["ОО", "Логин"],
    body,
    columns: [{ width: 30 }, { width: 12 }],
  };
}

describe("withinCell", () => {
  it("keeps text of 32,767 characters and cuts longer text to 32,766 and «…»", () => {
    const fits = "а".repeat(EXCEL_CELL_CHARACTERS);
    expect(withinCell(fits)).toBe(fits);
    const cut = withinCell(LONG);
    expect(cut).toHaveLength(EXCEL_CELL_CHARACTERS);
    expect(cut).toBe(`${LONG.slice(0, 32_766)}…`);
  });

  it("never leaves half of a character outside the BMP before «…»", () => {
    // «📚» is two UTF-16 units; the cut would fall between them at 32,766.
    const text = `${"а".repeat(32_765)}📚${"б".repeat(10)}`;
    const cut = withinCell(text);
    expect(cut).toBe(`${"а".repeat(32_765)}…`);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
  });
});

describe("layoutWithinCells", () => {
  it("gives back the very layout when every cell fits (nothing copied)", () => {
    const layout = layoutWith([["МБОУ «СОШ № 1»", "sch1"]]);
    expect(layoutWithinCells(layout)).toBe(layout);
  });

  it("cuts the preamble, the header, the body and the blocks, leaving numbers and short text", () => {
    const layout: SheetLayout = {
      ...layoutWith(
        [
          [LONG, "sch1"],
          ["МБОУ «СОШ № 2»", 7],
        ],
        [LONG]
      ),
      header: [LONG, "Логин"],
      blocks: [{ row: 0, column: 4, values: [["Год", LONG]], columns: [{ width: 8 }] }],
    };
    const fitted = layoutWithinCells(layout);
    const cut = `${LONG.slice(0, 32_766)}…`;
    expect(fitted.preamble).toEqual([cut]);
    expect(fitted.header).toEqual([cut, "Логин"]);
    expect(fitted.body).toEqual([
      [cut, "sch1"],
      ["МБОУ «СОШ № 2»", 7],
    ]);
    expect(fitted.blocks![0]!.values).toEqual([["Год", cut]]);
    // The row that fitted is the same row; the engine's own layout is left as it was.
    expect(fitted.body[1]).toBe(layout.body[1]);
    expect(layout.body[0]![0]).toBe(LONG);
  });

  it("does not make a body made on demand to check it, and fits each row as it is read", () => {
    let made = 0;
    const body = listOnDemand(400_000, (index): CellValue[] => {
      made += 1;
      return [index === 3 ? LONG : `Школа ${index}`, index];
    });
    const fitted = layoutWithinCells(layoutWith(body));
    expect(made).toBe(0);
    expect(fitted.body).toHaveLength(400_000);
    expect(fitted.body[3]![0]).toHaveLength(EXCEL_CELL_CHARACTERS);
    expect(fitted.body[4]).toEqual(["Школа 4", 4]);
    expect(made).toBe(2);
  });
});

describe("joinWithinCell (its cut at the characters: test/engine/risk/riskList.test.ts)", () => {
  const more = (rest: number) => `+${rest}`;

  it("joins 254 items by line breaks whole (253 line feeds), and of 255 keeps 253 and the count", () => {
    const items = (count: number) => Array.from({ length: count }, (_, index) => `${index + 1}`);
    expect(joinWithinCell(items(254), "\n", more).split("\n")).toEqual(items(254));
    const lines = joinWithinCell(items(255), "\n", more).split("\n");
    expect(lines).toEqual([...items(253), "+2"]);
  });

  it("counts line feeds only where the separator has them", () => {
    const items = Array.from({ length: 1_000 }, () => "Аа");
    expect(joinWithinCell(items, ", ", more)).toBe(items.join(", "));
  });
});
