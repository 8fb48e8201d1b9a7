import { strToU8, zipSync } from "fflate";
import { quoteSheetName } from "../../engine";
import { CONTENT_TYPE, RELATIONSHIP } from "../append/packageParts";
import { escapeXml } from "../append/xmlText";

const SPREADSHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A sheet of the page's working copy as the copying writer's rules see it: no cells, only its place. */
export interface ListedSheet {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** The defined names marking it (`SchoolRadar_shnor`, `SchoolRadarData_risk_thresholds`). */
  marks: string[];
}

/**
 * A workbook of empty sheets with the given names, states and marks, in this order. The page writes
 * its layouts into one that lists its working copy (browser.ts): the copying writer then names,
 * replaces and keeps sheets by its own rules, on a package of a few hundred bytes instead of the
 * user's national workbook. With one unmarked sheet it is also the page's new blank workbook.
 */
export function sheetListPackage(sheets: ListedSheet[]): Uint8Array {
  const parts: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypes(sheets.length)),
    "_rels/.rels": strToU8(
      `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIP.officeDocument}" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(workbookXml(sheets)),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
        sheets
          .map(
            (_, index) =>
              `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIP.worksheet}" Target="worksheets/sheet${index + 1}.xml"/>`
          )
          .join("") +
        "</Relationships>"
    ),
  };
  sheets.forEach((_, index) => {
    parts[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(
      `${DECLARATION}<worksheet xmlns="${SPREADSHEET_MAIN}"><sheetData/></worksheet>`
    );
  });
  // Stored, not deflated: the package lives only as long as one write, and is read back at once.
  return zipSync(parts, { level: 0 });
}

function contentTypes(sheetCount: number): string {
  const overrides = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${CONTENT_TYPE.worksheet}"/>`
  ).join("");
  return (
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>${overrides}</Types>`
  );
}

function workbookXml(sheets: ListedSheet[]): string {
  const sheetList = sheets
    .map((sheet, index) => {
      const state = sheet.state === "visible" ? "" : ` state="${escapeXml(sheet.state)}"`;
      return `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${state} r:id="rId${index + 1}"/>`;
    })
    .join("");
  const names = sheets
    .flatMap((sheet) =>
      sheet.marks.map(
        (mark) =>
          `<definedName name="${escapeXml(mark)}">${escapeXml(`${quoteSheetName(sheet.name)}!$A$1`)}</definedName>`
      )
    )
    .join("");
  return (
    `${DECLARATION}<workbook xmlns="${SPREADSHEET_MAIN}" xmlns:r="${RELATIONSHIP_NS}">` +
    `<bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets>` +
    `${names === "" ? "" : `<definedNames>${names}</definedNames>`}</workbook>`
  );
}
