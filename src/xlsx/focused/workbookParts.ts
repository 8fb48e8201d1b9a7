import { parseXml, xmlTextStream } from "./sheetXml";
import type { XmlHandler, XmlStream } from "./xmlHandler";
import type { ArchiveEntries } from "../zip/archiveEntries";

/** One worksheet of the workbook, in tab order. */
export interface SheetPart {
  name: string;
  /** Path of its XML inside the archive (`xl/worksheets/sheet1.xml`). */
  path: string;
  /** `visible`, `hidden` or `veryHidden` (the page lists hidden sheets as Excel does). */
  state: string;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** Workbook-level defined names: name → its reference text (`'ШНОР'!$A$1`). */
  definedNames: { name: string; reference: string }[];
  /** The 1904 date system (old Mac workbooks): serial 0 is 1904-01-01. */
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;

/** `worksheets/sheet1.xml` from `xl/workbook.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute. */
export function resolvePartPath(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function relationships(
  zip: ArchiveEntries,
  part: string
): Promise<{ id: string; type: string; target: string }[]> {
  const path = relationshipsPath(part);
  if (!zip.has(path)) return [];
  const found: { id: string; type: string; target: string }[] = [];
  parseXml(await zip.readText(path), {
    open(name, attributes) {
      if (name !== "Relationship" || attributes.get("TargetMode") === "External") return;
      found.push({
        id: attributes.get("Id") ?? "",
        type: attributes.get("Type") ?? "",
        target: attributes.get("Target") ?? "",
      });
    },
    text() {},
    close() {},
  });
  return found;
}

/** The workbook part's path from the package relationships; null when the archive holds no workbook. */
export async function findWorkbookPart(zip: ArchiveEntries): Promise<string | null> {
  const root = await relationships(zip, "");
  const main = root.find((relationship) => OFFICE_DOCUMENT.test(relationship.type));
  const path = main ? resolvePartPath("", main.target) : "xl/workbook.xml";
  return zip.has(path) ? path : null;
}

export async function readWorkbookParts(
  zip: ArchiveEntries,
  workbookPath: string
): Promise<WorkbookParts> {
  const rels = await relationships(zip, workbookPath);
  const target = (id: string) => {
    const relationship = rels.find((candidate) => candidate.id === id);
    return relationship
      ? { ...relationship, path: resolvePartPath(workbookPath, relationship.target) }
      : null;
  };
  const sheets: SheetPart[] = [];
  const definedNames: WorkbookParts["definedNames"] = [];
  let date1904 = false;
  let definedName: { name: string; reference: string; local: boolean } | null = null;
  parseXml(await zip.readText(workbookPath), {
    open(name, attributes) {
      if (name === "sheet") {
        const relationship = target(attributes.get("id") ?? "");
        // Chart sheets and dialog sheets have no cells; only worksheets are read.
        if (relationship && WORKSHEET.test(relationship.type) && zip.has(relationship.path))
          sheets.push({
            name: attributes.get("name") ?? "",
            path: relationship.path,
            state: attributes.get("state") ?? "visible",
          });
      } else if (name === "workbookPr") {
        const value = attributes.get("date1904");
        date1904 = value === "1" || value === "true";
      } else if (name === "definedName") {
        definedName = {
          name: attributes.get("name") ?? "",
          reference: "",
          local: attributes.get("localSheetId") !== undefined,
        };
      }
    },
    text(text) {
      if (definedName) definedName.reference += text;
    },
    close(name) {
      if (name === "definedName" && definedName) {
        if (!definedName.local)
          definedNames.push({ name: definedName.name, reference: definedName.reference });
        definedName = null;
      }
    },
  });
  const part = (type: RegExp) => {
    const relationship = rels.find((candidate) => type.test(candidate.type));
    const path = relationship ? resolvePartPath(workbookPath, relationship.target) : null;
    return path !== null && zip.has(path) ? path : null;
  };
  return {
    sheets,
    definedNames,
    date1904,
    sharedStringsPath: part(/\/sharedStrings$/),
    stylesPath: part(/\/styles$/),
  };
}

/**
 * The shared strings: each `<si>` as the text a user sees — its `<t>`, or its rich-text runs joined;
 * phonetic guides (`<rPh>`) are not part of the text.
 */
export async function readSharedStrings(
  zip: ArchiveEntries,
  path: string | null,
  xmlStream: (handler: XmlHandler) => XmlStream = xmlTextStream
): Promise<string[]> {
  if (path === null) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const events = xmlStream({
    open(name) {
      if (name === "si") current = "";
      else if (name === "t") inText = true;
      else if (name === "rPh") phonetic++;
    },
    text(text) {
      if (inText && phonetic === 0 && current !== null) current += text;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        strings.push(current ?? "");
        current = null;
      }
    },
  });
  await zip.streamText(path, (text) => events.write(text));
  events.end();
  return strings;
}

/** Excel's built-in number formats that have one code in every locale (as ExcelJS reads them). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The number format of each cell style (`s="3"` → `0.0%`), null for General. */
export async function readCellFormats(
  zip: ArchiveEntries,
  path: string | null
): Promise<(string | null)[]> {
  if (path === null) return [];
  const custom = new Map<number, string>();
  const formats: (string | null)[] = [];
  let inCellXfs = false;
  parseXml(await zip.readText(path), {
    open(name, attributes) {
      if (name === "numFmt") {
        // A backslash makes the next character a literal (LibreOffice saves `"−"` as `\−`); the code
        // is kept as it reads, the way ExcelJS reads it, so the two readers give the same formats.
        const code = (attributes.get("formatCode") ?? "").replace(/\\(.)/g, "$1");
        custom.set(Number(attributes.get("numFmtId")), code);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attributes.get("numFmtId") ?? 0);
        formats.push(id ? custom.get(id) || BUILT_IN_FORMATS[id] || null : null);
      }
    },
    text() {},
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}

/** A format that shows a date or time (ExcelJS's test: y, m, d, h, s or b outside quotes and brackets). */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
