/*
 * The ExcelJS writer writes a layout's data blocks (what its charts plot) into the cells the engine
 * placed them in, so a file has the same numbers beside the table as the add-in writes.
 */
import path from "path";
import { blockBesideTable, type SheetLayout } from "../../src/engine";
import { writeNewWorkbook } from "../../src/xlsx";
import { readBack, temporaryFolder } from "./workbookFiles";

describe("data blocks beside the table", () => {
  const folder = temporaryFolder();
  afterAll(() => folder.remove());

  it("writes the block's values, a bold first row, widths and number formats", async () => {
    const layout: SheetLayout = {
      name: "Сводка",
      marker: "school-radar:test-block",
      preamble: ["Тест", "Вторая строка"],
      header: ["Показатель", "Значение"],
      body: [["Доля ШНОР", 12.5]],
      columns: [{ width: 30 }, { width: 10 }],
    };
    const block = blockBesideTable(
      layout,
      [
        ["Год", "ВПР МА 5"],
        ["2023/2024", 21.25],
        ["2024/2025", null],
      ],
      [{ width: 11 }, { width: 12, numberFormat: "0.0" }]
    );
    layout.blocks = [block];
    const file = path.join(folder.dir, "block.xlsx");
    await writeNewWorkbook([layout], file);
    const sheet = (await readBack(file)).getWorksheet("Сводка")!;
    // Engine cells are zero-based; ExcelJS's are one-based.
    const cell = (row: number, column: number) => sheet.getCell(row + 1, column + 1);
    // Right of the chart's columns (one empty column, nine, one empty) and below the table's rows.
    expect(block.column).toBe(13);
    expect(block.row).toBe(6);
    expect(cell(block.row, block.column).value).toBe("Год");
    expect(cell(block.row, block.column + 1).font?.bold).toBe(true);
    expect(cell(block.row + 1, block.column).value).toBe("2023/2024");
    expect(cell(block.row + 1, block.column + 1).value).toBe(21.25);
    expect(cell(block.row + 1, block.column + 1).numFmt).toBe("0.0");
    expect(cell(block.row + 2, block.column + 1).value).toBeNull();
    expect(sheet.getColumn(block.column + 2).width).toBe(12);
    // The table is where it was, its one row right above the blank row before the block.
    expect(cell(3, 0).value).toBe("Показатель");
    expect(cell(4, 0).value).toBe("Доля ШНОР");
  });
});
