/**
 * Charts in the standalone page's download: ExcelJS writes none, so `withCharts` adds the command
 * line's DrawingML parts to the bytes it wrote. LibreOffice must read them back as charts.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { strFromU8, unzipSync } from "fflate";
import { withDrawingElement } from "../../src/xlsx/chartParts";
import { addWorkbookOutputs, openWorkbookBytes, workbookBytes } from "../../src/xlsx/browser";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { layoutsOf, temporaryFolder } from "./workbookFiles";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const DRAWING =
  '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId3"/>';

const folder = temporaryFolder();
afterAll(folder.remove);

const chartPartsOf = (files: Record<string, Uint8Array>) =>
  Object.keys(files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));

async function download(runs: number) {
  const bytes = readFileSync(SAMPLE);
  const opened = await openWorkbookBytes(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    "school-radar-sample.xlsx"
  );
  const layouts = await layoutsOf(SAMPLE);
  for (let run = 0; run < runs; run++) addWorkbookOutputs(opened, layouts);
  return { layouts, bytes: await workbookBytes(opened) };
}

describe("the <drawing> element goes where the worksheet schema puts it", () => {
  it("at the end of a sheet with nothing after it in the schema", () => {
    const sheet = `<worksheet ${MAIN}><sheetData/><pageMargins left="0.7"/></worksheet>`;
    expect(withDrawingElement(sheet, "rId3")).toBe(
      `<worksheet ${MAIN}><sheetData/><pageMargins left="0.7"/>${DRAWING}</worksheet>`
    );
  });

  it("before the sheet's own extLst, not before one nested in a conditional format", () => {
    const sheet =
      `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;extLst&gt;</t></is></c></row></sheetData>` +
      '<conditionalFormatting sqref="A1"><cfRule type="dataBar" priority="1"><extLst><ext uri="x"/></extLst></cfRule></conditionalFormatting>' +
      '<pageMargins left="0.7"/><tableParts count="0"/><extLst><ext uri="y"/></extLst></worksheet>';
    const drawn = withDrawingElement(sheet, "rId3");
    expect(drawn).toBe(
      sheet.replace('<tableParts count="0"/>', `${DRAWING}<tableParts count="0"/>`)
    );
  });

  it("in the root's namespace prefix when the sheet is written with one", () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>';
    expect(withDrawingElement(sheet, "rId1")).toContain(
      '<x:drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:worksheet>'
    );
  });
});

describe("the standalone page's download", () => {
  it("has a chart part for every chart of the layouts, entered in the package", async () => {
    const { layouts, bytes } = await download(1);
    const charts = layouts.flatMap((layout) => layout.charts ?? []);
    expect(charts.length).toBeGreaterThan(0);
    const files = unzipSync(bytes);
    expect(chartPartsOf(files)).toHaveLength(charts.length);
    const contentTypes = strFromU8(files["[Content_Types].xml"]!);
    for (const part of chartPartsOf(files))
      expect(contentTypes).toContain(
        `PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`
      );
    const sheetsWithDrawing = Object.keys(files).filter(
      (name) =>
        /^xl\/worksheets\/sheet\d+\.xml$/.test(name) &&
        strFromU8(files[name]!).includes("<drawing ")
    );
    expect(sheetsWithDrawing).toHaveLength(
      layouts.filter((layout) => layout.charts?.length).length
    );
  });

  it("draws each sheet's charts once after the actions ran twice (the re-run replaced its sheets)", async () => {
    const { layouts, bytes } = await download(2);
    const files = unzipSync(bytes);
    expect(chartPartsOf(files)).toHaveLength(
      layouts.flatMap((layout) => layout.charts ?? []).length
    );
  });

  it("opens in LibreOffice with its charts, their series read from the sheets' cells", async () => {
    const { layouts, bytes } = await download(1);
    const file = path.join(folder.dir, "выгрузка — Школьный радар.xlsx");
    writeFileSync(file, bytes);
    const resaved = unzipSync(
      readFileSync(convertWithLibreOffice(file, "xlsx", path.join(folder.dir, "xlsx"), folder.dir))
    );
    const charts = chartPartsOf(resaved).map((name) => strFromU8(resaved[name]!));
    const specs = layouts.flatMap((layout) => layout.charts ?? []);
    expect(charts).toHaveLength(specs.length);
    for (const spec of specs)
      expect(charts.some((xml) => xml.includes(`<a:t>${spec.title}</a:t>`))).toBe(true);
    expect(charts.every((xml) => xml.includes("<c:numCache>"))).toBe(true);
  }, 180_000);
});
