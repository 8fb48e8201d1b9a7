import { strToU8, zipSync } from "fflate";
import type { SheetLayout } from "../../engine";
import type { AddedOutputs } from "./addedOutputs";
import { appendOutputs } from "./appendOutputs";
import { MemoryPackage } from "./memoryPackage";
import { CONTENT_TYPE } from "./packageParts";

const SPREADSHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The smallest package the copying writer can add sheets to: a workbook part with an empty sheet
 * list and the relationships that find it. It has no sheet, so it is not a workbook anyone opens;
 * `newWorkbookBytes` adds the layouts, and the styles part with them (appendOutputs writes its own
 * when the package has none). A template or a new workbook is thus written by the same code as the
 * copy of a user's workbook: one writer, one set of rules for marks, print names and the opening tab.
 */
export function emptyPackageBytes(): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/></Types>`
      ),
      "_rels/.rels": strToU8(
        `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
          `<Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="xl/workbook.xml"/></Relationships>`
      ),
      "xl/workbook.xml": strToU8(
        `${DECLARATION}<workbook xmlns="${SPREADSHEET_MAIN}" xmlns:r="${RELATIONSHIP_NS}">` +
          "<bookViews><workbookView/></bookViews><sheets></sheets></workbook>"
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}"></Relationships>`
      ),
    },
    { level: 6 }
  );
}

export interface NewWorkbook extends AddedOutputs {
  bytes: Uint8Array;
}

/**
 * A new workbook holding only `layouts` (templates; the page's workbook before a file is opened),
 * each marked as the copying writer marks the sheets it adds. Hidden layouts by marker, as there.
 */
export async function newWorkbookBytes(
  layouts: SheetLayout[],
  hidden: ReadonlySet<string> = new Set()
): Promise<NewWorkbook> {
  if (layouts.length === 0) throw new Error("a workbook needs at least one sheet");
  const pkg = new MemoryPackage(emptyPackageBytes());
  const added = await appendOutputs(pkg, layouts, hidden);
  return { ...added, bytes: pkg.bytes() };
}
