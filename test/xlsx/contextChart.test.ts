/*
 * The context chart as the file writer draws it (src/xlsx/append/chartXml.ts), read back from the
 * written file: axes that span the data, and the schools below the line as a red series of their own
 * with their names, its cells those of the block beside the table.
 */
import { readFileSync } from "fs";
import path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { DomUtils, parseDocument } from "htmlparser2";
import {
  columnLetters,
  contextAdjustedResults,
  contextLayout,
  type CellRange,
} from "../../src/engine";
import { writeWorkbookWithOutputs } from "../../src/xlsx";
import { readBack, temporaryFolder, writeResultsWorkbook } from "./workbookFiles";

/** Six schools on ИСБШ 62–90, results 70–92: «Школа 4» (83 at ИСБШ 85) is below the line. */
const POINTS = [
  [62, 70],
  [70, 74],
  [78, 80],
  [81, 85],
  [85, 83],
  [90, 92],
].map(([isbsh, index], school) => ({
  login: `sch20000${school}`,
  name: `Школа ${school}`,
  isbsh: isbsh!,
  resultsIndex: index!,
}));

const SHEET = "Результаты и контекст";

/** An element of the chart part, as htmlparser2 reads it. */
type Element = Extract<ReturnType<typeof DomUtils.findAll>[number], { name: string }>;

/** `'Результаты и контекст'!$U$14`: how a series refers to one column of the sheet. */
function reference(range: CellRange): string {
  const column = columnLetters(range.column);
  const first = `$${column}$${range.row + 1}`;
  const last = `$${column}$${range.row + range.rows}`;
  return `'${SHEET}'!${first === last ? first : `${first}:${last}`}`;
}

describe("the context chart in a written file", () => {
  const folder = temporaryFolder();
  afterAll(() => folder.remove());
  const layout = contextLayout(contextAdjustedResults(POINTS, "Лист1"));
  const spec = layout.charts![0]!;
  let chart: Element[];
  let output: string;

  beforeAll(async () => {
    const input = path.join(folder.dir, "выгрузка.xlsx");
    output = path.join(folder.dir, "результат.xlsx");
    await writeResultsWorkbook(input);
    await writeWorkbookWithOutputs(input, [layout], output);
    const parts = unzipSync(readFileSync(output));
    const names = Object.keys(parts).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(names).toHaveLength(1);
    chart = parseDocument(strFromU8(parts[names[0]!]!), { xmlMode: true }).children.filter(
      (node): node is Element => node.type === "tag"
    );
  });

  const all = (name: string, within: Element[] | Element = chart) =>
    DomUtils.findAll((element) => element.name === name, Array.isArray(within) ? within : [within]);
  const one = (name: string, within: Element[] | Element = chart) => all(name, within)[0]!;
  const text = (element: Element) => DomUtils.textContent(element);
  const value = (name: string, within: Element) => one(name, within).attribs.val;

  it("spans each value axis over the data, with the index's minus sign on its labels", () => {
    const [x, y] = all("c:valAx");
    expect(value("c:min", x!)).toBe(String(spec.xAxisScale!.min));
    expect(value("c:max", x!)).toBe(String(spec.xAxisScale!.max));
    expect([value("c:min", y!), value("c:max", y!)]).toEqual(["65", "95"]);
    expect(one("c:numFmt", y!).attribs).toEqual({
      formatCode: '0.0;"\u2212"0.0',
      sourceLinked: "0",
    });
    // Labels at the plot's edge, wherever the other axis crosses.
    expect(value("c:tickLblPos", y!)).toBe("low");
  });

  it("draws the schools below as a second, red series named in the legend, a label per school", () => {
    const series = all("c:ser");
    expect(series).toHaveLength(2);
    const marked = series[1]!;
    expect(text(one("c:tx", marked))).toBe("Ниже ожидаемых");
    expect(value("c:idx", marked)).toBe("1");
    expect(all("a:srgbClr", one("c:marker", marked)).map((colour) => colour.attribs.val)).toEqual([
      "C00000",
      "C00000",
    ]);
    const labels = all("c:dLbl", marked);
    expect(labels.map((label) => text(one("a:t", label)))).toEqual(["Школа 4"]);
    expect(labels.map((label) => value("c:dLblPos", label))).toEqual(["r"]);
    expect(one("c:legend")).toBeDefined();
    expect(text(one("c:name", one("c:trendline")))).toBe("Ожидаемый индекс");
    // The trendline is the data's, not the marked points'.
    expect(all("c:trendline", marked)).toHaveLength(0);
  });

  it("refers the marked series to the block's cells, which hold the school below", async () => {
    const marked = all("c:ser")[1]!;
    expect(text(one("c:f", one("c:xVal", marked)))).toBe(reference(spec.marked!.x));
    expect(text(one("c:f", one("c:yVal", marked)))).toBe(reference(spec.marked!.y));
    const sheet = (await readBack(output)).getWorksheet(SHEET)!;
    const cell = (row: number, column: number) => sheet.getCell(row + 1, column + 1).value;
    const { x, y } = spec.marked!;
    expect([cell(x.row, x.column), cell(y.row, y.column), cell(x.row, x.column - 1)]).toEqual([
      85,
      83,
      "Школа 4",
    ]);
  });
});
