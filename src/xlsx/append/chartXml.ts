import {
  chartSeries,
  columnLetters,
  type AxisScale,
  type CellRange,
  type ChartCorner,
  type ChartSpec,
  type MarkedSeries,
} from "../../engine";
import { quoteSheetName } from "../../engine";
import { escapeXml } from "./xmlText";

/**
 * The layout's charts as DrawingML, the parts Excel itself writes for a chart on a worksheet: one
 * drawing part per sheet (`xl/drawings/drawingN.xml`, a two-cell anchor per chart at the engine's
 * `anchor`) and one chart part per chart (`xl/charts/chartN.xml`) whose series refer to the sheet's
 * cells, so the chart follows the values if the user edits them. Same kinds, titles, axes and their
 * bounds, legend, trendline and marked series as the Excel adapter draws through Office.js
 * (src/excel/writeCharts.ts).
 */

const CHART_NAMESPACES =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const AXIS_X = 500000001;
const AXIS_Y = 500000002;

export const CHART_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

/** The drawing part: one anchor per chart, `relationshipIds[i]` pointing at chart i. */
export function drawingXml(charts: ChartSpec[], relationshipIds: string[]): string {
  const anchors = charts
    .map(
      (spec, index) =>
        // «Don't move or size with cells»: a filter hiding the rows beside it leaves the chart whole.
        '<xdr:twoCellAnchor editAs="absolute">' +
        `${marker("from", spec.anchor.from)}${marker("to", spec.anchor.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(`Диаграмма ${index + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relationshipIds[index]}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    anchors +
    "</xdr:wsDr>"
  );
}

/** English Metric Units in a point. */
const EMU_PER_POINT = 12700;

/** A corner of the anchor: a cell and how far into it (points, written as whole EMUs). */
function marker(name: "from" | "to", cell: ChartCorner): string {
  const emu = (points: number) => Math.round(points * EMU_PER_POINT);
  return `<xdr:${name}><xdr:col>${cell.column}</xdr:col><xdr:colOff>${emu(cell.columnOffset)}</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:rowOff>${emu(cell.rowOffset)}</xdr:rowOff></xdr:${name}>`;
}

/** A range of the chart's sheet as a formula reference: `'ШНОР'!$J$7:$J$9`. */
function reference(sheetName: string, range: CellRange): string {
  const first = `$${columnLetters(range.column)}$${range.row + 1}`;
  const last = `$${columnLetters(range.column + range.columns - 1)}$${range.row + range.rows}`;
  return `${quoteSheetName(sheetName)}!${first === last ? first : `${first}:${last}`}`;
}

function richText(text: string, vertical = false, size?: number): string {
  const bodyPr = vertical ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  const run = size === undefined ? "" : `<a:rPr lang="ru-RU" sz="${size}"/>`;
  return `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:r>${run}<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function title(text: string, vertical = false): string {
  return text === "" ? "" : `<c:title>${richText(text, vertical)}<c:overlay val="0"/></c:title>`;
}

/** The chart part of one chart on `sheetName`. */
export function chartXml(spec: ChartSpec, sheetName: string): string {
  const ref = (range: CellRange) => escapeXml(reference(sheetName, range));
  const series = chartSeries(spec)
    .map((one, index) => {
      const name = `<c:tx><c:strRef><c:f>${ref({ ...one.name, rows: 1, columns: 1 })}</c:f></c:strRef></c:tx>`;
      const head = `<c:idx val="${index}"/><c:order val="${index}"/>${name}`;
      if (spec.kind === "scatter") {
        const name =
          spec.trendlineName === undefined
            ? ""
            : `<c:name>${escapeXml(spec.trendlineName)}</c:name>`;
        const trendline =
          spec.trendline === "linear"
            ? `<c:trendline>${name}<c:trendlineType val="linear"/><c:dispRSqr val="0"/><c:dispEq val="0"/></c:trendline>`
            : "";
        return scatterSeries(
          head,
          '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>',
          trendline,
          ref(one.categories),
          ref(one.values)
        );
      }
      const categories = `<c:cat><c:strRef><c:f>${ref(one.categories)}</c:f></c:strRef></c:cat>`;
      const values = `<c:val><c:numRef><c:f>${ref(one.values)}</c:f></c:numRef></c:val>`;
      return spec.kind === "column"
        ? `<c:ser>${head}<c:invertIfNegative val="0"/>${categories}${values}</c:ser>`
        : `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${categories}${values}<c:smooth val="0"/></c:ser>`;
    })
    .join("");
  const marked =
    spec.kind === "scatter" && spec.marked
      ? markedSeries(spec.marked, chartSeries(spec).length, ref)
      : "";
  const axisIds = `<c:axId val="${AXIS_X}"/><c:axId val="${AXIS_Y}"/>`;
  const plot =
    spec.kind === "scatter"
      ? `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${marked}${axisIds}</c:scatterChart>`
      : spec.kind === "column"
        ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axisIds}</c:barChart>`
        : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds}</c:lineChart>`;
  const xAxis =
    spec.kind === "scatter"
      ? valueAxis(AXIS_X, AXIS_Y, "b", spec.xAxisTitle, false, "midCat", spec.xAxisScale)
      : `<c:catAx><c:axId val="${AXIS_X}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>${title(spec.xAxisTitle)}` +
        `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
        `<c:crossAx val="${AXIS_Y}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const yAxis = valueAxis(AXIS_Y, AXIS_X, "l", spec.yAxisTitle, true, "between", spec.yAxisScale);
  const legend = spec.legend
    ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
    : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace ${CHART_NAMESPACES}><c:roundedCorners val="0"/><c:chart>` +
    `${title(spec.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${xAxis}${yAxis}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="${spec.plotVisibleOnly === true ? 1 : 0}"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** One scatter series (CT_ScatterSer's order: name, line, marker, labels, trendline, X, Y). */
function scatterSeries(head: string, marker: string, extras: string, x: string, y: string): string {
  return (
    `<c:ser>${head}<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>${marker}${extras}` +
    `<c:xVal><c:numRef><c:f>${x}</c:f></c:numRef></c:xVal>` +
    `<c:yVal><c:numRef><c:f>${y}</c:f></c:numRef></c:yVal><c:smooth val="0"/></c:ser>`
  );
}

/**
 * The marked points as a series after the data's: its name as text, markers filled with its colour,
 * and one label per point with the point's own text (a label of custom text, as Excel writes one
 * typed into a label), to the right of the point, in 8 pt.
 */
function markedSeries(
  marked: MarkedSeries,
  index: number,
  ref: (range: CellRange) => string
): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(marked.name)}</c:v></c:tx>`;
  const fill = `<a:solidFill><a:srgbClr val="${escapeXml(marked.colour)}"/></a:solidFill>`;
  const marker = `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr>${fill}<a:ln w="9525">${fill}</a:ln></c:spPr></c:marker>`;
  const flags = (value: boolean) =>
    `<c:showLegendKey val="0"/><c:showVal val="${value ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>`;
  const labels =
    marked.labels === undefined || marked.labels.length === 0
      ? ""
      : "<c:dLbls>" +
        marked.labels
          .map(
            (label, point) =>
              `<c:dLbl><c:idx val="${point}"/>${richText(label, false, 800)}<c:dLblPos val="r"/>${flags(true)}</c:dLbl>`
          )
          .join("") +
        `${flags(false)}</c:dLbls>`;
  return scatterSeries(head, marker, labels, ref(marked.x), ref(marked.y));
}

function valueAxis(
  id: number,
  cross: number,
  position: "b" | "l",
  axisTitle: string,
  gridlines: boolean,
  between: "between" | "midCat",
  scale?: AxisScale
): string {
  // CT_Scaling: orientation, then max, then min. With fixed bounds the labels keep to the plot's edge
  // even where the other axis crosses mid-plot (at 0 of an index in −3…+2).
  const bounds = scale ? `<c:max val="${scale.max}"/><c:min val="${scale.min}"/>` : "";
  const format =
    scale?.numberFormat === undefined
      ? '<c:numFmt formatCode="General" sourceLinked="1"/>'
      : `<c:numFmt formatCode="${escapeXml(scale.numberFormat)}" sourceLinked="0"/>`;
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="${position}"/>` +
    `${gridlines ? "<c:majorGridlines/>" : ""}${title(axisTitle, position === "l")}` +
    `${format}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="${scale ? "low" : "nextTo"}"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="${between}"/></c:valAx>`
  );
}
