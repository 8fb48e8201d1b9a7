import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { Parser } from "htmlparser2";
import type { ChartSpec } from "../engine";
import {
  CHART_CONTENT_TYPE,
  CHART_RELATIONSHIP,
  chartXml,
  DRAWING_CONTENT_TYPE,
  DRAWING_RELATIONSHIP,
  drawingXml,
} from "./append/chartXml";
import {
  editContentTypes,
  editRelationships,
  parseRelationships,
  relationshipsPath,
  relativeTarget,
  RELATIONSHIP,
} from "./append/packageParts";
import { readWorkbookXml } from "./append/workbookXml";

/** The charts to draw on one sheet of the workbook, by the sheet's name. */
export interface SheetCharts {
  sheetName: string;
  charts: ChartSpec[];
}

const CONTENT_TYPES = "[Content_Types].xml";
const EMPTY_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
/**
 * The children CT_Worksheet puts after `drawing` (ECMA-376 Part 1, 18.3.1.99): `drawing` must come
 * before the first of them that the sheet has, or Excel calls the file damaged.
 */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * Adds charts to a workbook written by ExcelJS, which writes none (the standalone page's download):
 * the same DrawingML parts as the command line's writer (src/xlsx/append/chartXml.ts) — a drawing
 * per sheet, a chart part per chart, their relationships and content types, and the sheet's
 * `<drawing>` element. Every other part is kept as ExcelJS wrote it. In memory: the page already holds
 * the whole workbook.
 */
export function withCharts(xlsx: Uint8Array, sheets: SheetCharts[]): Uint8Array {
  const drawn = sheets.filter((sheet) => sheet.charts.length > 0);
  if (drawn.length === 0) return xlsx;
  const files: Zippable = unzipSync(xlsx);
  const text = (part: string): string | undefined => {
    const bytes = files[part];
    return bytes instanceof Uint8Array ? strFromU8(bytes) : undefined;
  };
  const workbookPath =
    parseRelationships(text("_rels/.rels") ?? EMPTY_RELATIONSHIPS, "").find(
      (relationship) => relationship.type === RELATIONSHIP.officeDocument
    )?.path ?? "xl/workbook.xml";
  const workbook = readWorkbookXml(text(workbookPath) ?? "");
  const workbookRelationships = parseRelationships(
    text(relationshipsPath(workbookPath)) ?? EMPTY_RELATIONSHIPS,
    workbookPath
  );
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const overrides: { part: string; contentType: string }[] = [];
  for (const { sheetName, charts } of drawn) {
    const relationshipId = workbook.sheets.find(
      (sheet) => sheet.name === sheetName
    )?.relationshipId;
    const sheetPart = workbookRelationships.find(
      (relationship) => relationship.id === relationshipId
    )?.path;
    const sheetXml = sheetPart === null || sheetPart === undefined ? undefined : text(sheetPart);
    // Only sheets this run wrote are drawn on; one missing means the workbook changed under us.
    if (sheetPart === null || sheetPart === undefined || sheetXml === undefined)
      throw new Error(`no worksheet part for the sheet «${sheetName}»`);
    const drawing = freshPart(files, (n) => `${folder}drawings/drawing${n}.xml`);
    files[drawing] = new Uint8Array(0); // reserved, so the chart parts' names differ from it
    const chartParts = charts.map((chart) => {
      const part = freshPart(files, (n) => `${folder}charts/chart${n}.xml`);
      files[part] = strToU8(chartXml(chart, sheetName));
      return part;
    });
    const chartIds = charts.map((_, at) => `rId${at + 1}`);
    files[drawing] = strToU8(drawingXml(charts, chartIds));
    files[relationshipsPath(drawing)] = strToU8(
      editRelationships(
        EMPTY_RELATIONSHIPS,
        new Set(),
        chartParts.map((part, at) => ({
          id: chartIds[at]!,
          type: CHART_RELATIONSHIP,
          target: relativeTarget(drawing, part),
        }))
      )
    );
    const sheetRelsPath = relationshipsPath(sheetPart);
    const sheetRels = text(sheetRelsPath) ?? EMPTY_RELATIONSHIPS;
    const drawingId = freshRelationshipId(parseRelationships(sheetRels, sheetPart));
    files[sheetRelsPath] = strToU8(
      editRelationships(sheetRels, new Set(), [
        { id: drawingId, type: DRAWING_RELATIONSHIP, target: relativeTarget(sheetPart, drawing) },
      ])
    );
    files[sheetPart] = strToU8(withDrawingElement(sheetXml, drawingId));
    overrides.push(
      { part: drawing, contentType: DRAWING_CONTENT_TYPE },
      ...chartParts.map((part) => ({ part, contentType: CHART_CONTENT_TYPE }))
    );
  }
  files[CONTENT_TYPES] = strToU8(editContentTypes(text(CONTENT_TYPES) ?? "", new Set(), overrides));
  return zipSync(files, { level: 6 });
}

/**
 * The worksheet with `<drawing r:id="…"/>` where the schema wants it: before the first root child
 * that comes after it, else at the end. htmlparser2 (xmlMode) walks the sheet keeping only the depth;
 * the element names the relationship namespace itself, whatever the root declares.
 */
export function withDrawingElement(sheetXml: string, relationshipId: string): string {
  let depth = 0;
  let rootPrefix = "";
  let at = -1;
  const parser = new Parser(
    {
      onopentag(name) {
        if (depth === 0)
          rootPrefix = name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
        else if (depth === 1 && at < 0 && AFTER_DRAWING.has(name.slice(name.indexOf(":") + 1)))
          at = parser.startIndex;
        depth++;
      },
      onclosetag() {
        depth--;
        if (depth === 0 && at < 0) at = parser.startIndex;
      },
    },
    { xmlMode: true }
  );
  parser.end(sheetXml);
  if (at < 0) throw new Error("the worksheet has no root element");
  const element = `<${rootPrefix}drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relationshipId}"/>`;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

function freshPart(files: Zippable, name: (n: number) => string): string {
  const taken = new Set(Object.keys(files).map((part) => part.toLowerCase()));
  let n = 1;
  while (taken.has(name(n).toLowerCase())) n++;
  return name(n);
}

function freshRelationshipId(relationships: { id: string }[]): string {
  const taken = new Set(relationships.map((relationship) => relationship.id));
  let n = relationships.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}
