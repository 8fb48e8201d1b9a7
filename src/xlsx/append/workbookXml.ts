import { escapeXml } from "./xmlText";
import {
  applyEdits,
  childrenNamed,
  parseXmlElements,
  prefixOf,
  withAttribute,
  type TextEdit,
  type XmlElement,
} from "./xmlElements";

/** A `<sheet>` of workbook.xml: worksheets, chart sheets and dialog sheets alike, in tab order. */
export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relationshipId: string;
  hidden: boolean;
}

/** A `<definedName>`: workbook-level when `localSheetId` is null. */
export interface DefinedName {
  name: string;
  localSheetId: number | null;
  /** The formula, entities decoded (`'ШНОР'!$A$1`). */
  formula: string;
  /** The other attributes as written (hidden, comment, …), kept when the name is written back. */
  attributes: Record<string, string>;
}

export interface WorkbookXml {
  sheets: WorkbookSheet[];
  names: DefinedName[];
}

export interface WorkbookChanges {
  /** Indices (tab order) of the sheets to drop. */
  removedSheets: ReadonlySet<number>;
  added: { name: string; sheetId: number; relationshipId: string; hidden: boolean }[];
  /** Every defined name of the result, in order (localSheetId already renumbered). */
  names: DefinedName[];
  /** The sheet to open on (its index among the result's tabs); absent: the one that was active. */
  activeSheet?: number;
}

/** Elements of CT_Workbook that come after `<definedNames>` (it is a sequence). */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function structure(xml: string) {
  const elements = parseXmlElements(xml);
  const root = elements.findIndex((element) => element.parent === -1);
  const child = (parent: number, name: string) => childrenNamed(elements, parent, name)[0];
  const sheetsElement = child(root, "sheets");
  const namesElement = child(root, "definedNames");
  const sheets = sheetsElement
    ? childrenNamed(elements, elements.indexOf(sheetsElement), "sheet")
    : [];
  const names = namesElement
    ? childrenNamed(elements, elements.indexOf(namesElement), "definedName")
    : [];
  return { elements, root, sheetsElement, namesElement, sheets, names };
}

/** The attribute holding a sheet's relationship id (`r:id`, whatever the prefix). */
function relationshipAttribute(element: XmlElement): string | undefined {
  return Object.keys(element.attributes).find((key) => /^[^:]+:id$/.test(key));
}

export function readWorkbookXml(xml: string): WorkbookXml {
  const { sheets, names } = structure(xml);
  return {
    sheets: sheets.map((element) => {
      const attribute = relationshipAttribute(element);
      return {
        name: element.attributes.name ?? "",
        sheetId: Number(element.attributes.sheetId ?? 0),
        relationshipId: attribute ? (element.attributes[attribute] ?? "") : "",
        hidden: (element.attributes.state ?? "visible") !== "visible",
      };
    }),
    names: names.map((element) => {
      const { name, localSheetId, ...attributes } = element.attributes;
      return {
        name: name ?? "",
        localSheetId: localSheetId === undefined ? null : Number(localSheetId),
        formula: element.text,
        attributes,
      };
    }),
  };
}

/**
 * workbook.xml with sheets removed and added (at the end of the tabs), the defined names replaced,
 * and the active tab on `activeSheet`, or kept on the sheet that was active (the first visible one
 * when it was removed). Everything else in the part stays as the producer wrote it.
 */
export function writeWorkbookXml(xml: string, changes: WorkbookChanges): string {
  const { elements, root, sheetsElement, namesElement, sheets } = structure(xml);
  if (sheetsElement === undefined || sheetsElement.selfClosing)
    throw new Error("workbook.xml without sheets");
  const edits: TextEdit[] = [];
  const rootPrefix = prefixOf(elements[root]!);
  sheets.forEach((element, index) => {
    if (changes.removedSheets.has(index))
      edits.push({ start: element.start, end: element.end, text: "" });
  });
  const relationship = (sheets[0] && relationshipAttribute(sheets[0])) ?? "r:id";
  const prefix = prefixOf(sheetsElement);
  const added = changes.added
    .map(
      (sheet) =>
        `<${prefix}sheet name="${escapeXml(sheet.name)}" sheetId="${sheet.sheetId}"` +
        `${sheet.hidden ? ' state="hidden"' : ""} ${relationship}="${escapeXml(sheet.relationshipId)}"/>`
    )
    .join("");
  edits.push({ start: sheetsElement.closeStart, end: sheetsElement.closeStart, text: added });

  const namesPrefix = namesElement ? prefixOf(namesElement) : rootPrefix;
  const namesXml = changes.names
    .map((definedName) => {
      const attributes = Object.entries(definedName.attributes)
        .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
        .join("");
      const local =
        definedName.localSheetId === null ? "" : ` localSheetId="${definedName.localSheetId}"`;
      return `<${namesPrefix}definedName name="${escapeXml(definedName.name)}"${local}${attributes}>${escapeXml(definedName.formula)}</${namesPrefix}definedName>`;
    })
    .join("");
  const namesBlock =
    namesXml === "" ? "" : `<${namesPrefix}definedNames>${namesXml}</${namesPrefix}definedNames>`;
  if (namesElement !== undefined) {
    edits.push({ start: namesElement.start, end: namesElement.end, text: namesBlock });
  } else if (namesBlock !== "") {
    const next = childrenNamed(elements, root).find((child) =>
      AFTER_DEFINED_NAMES.includes(child.name)
    );
    const at = next ? next.start : elements[root]!.closeStart;
    edits.push({ start: at, end: at, text: namesBlock });
  }

  edits.push(...activeTabEdits(xml, elements, root, sheets, changes));
  return applyEdits(xml, edits);
}

function activeTabEdits(
  xml: string,
  elements: XmlElement[],
  root: number,
  sheets: XmlElement[],
  changes: WorkbookChanges
): TextEdit[] {
  const bookViews = childrenNamed(elements, root, "bookViews")[0];
  if (bookViews === undefined) return addedBookView(elements, root, changes.activeSheet);
  const remaining = sheets
    .map((element, index) => ({ element, index }))
    .filter(({ index }) => !changes.removedSheets.has(index));
  const visible = (element: XmlElement) => (element.attributes.state ?? "visible") === "visible";
  const firstVisible = Math.max(
    0,
    remaining.findIndex(({ element }) => visible(element))
  );
  return childrenNamed(elements, elements.indexOf(bookViews), "workbookView").flatMap((view) => {
    const active = Number(view.attributes.activeTab ?? 0);
    const stillThere = remaining.findIndex(({ index }) => index === active);
    const newActive =
      changes.activeSheet ??
      (stillThere >= 0 && visible(remaining[stillThere]!.element) ? stillThere : firstVisible);
    const first = Number(view.attributes.firstSheet ?? 0);
    if (newActive === active && first <= newActive) return [];
    let startTag = xml.slice(view.start, view.openEnd);
    startTag = withAttribute(startTag, "activeTab", String(newActive));
    if (view.attributes.firstSheet !== undefined)
      startTag = withAttribute(startTag, "firstSheet", String(Math.min(first, newActive)));
    return [{ start: view.start, end: view.openEnd, text: startTag }];
  });
}

/** A workbook without views opens on its first tab: a view of our own opens it on `activeSheet`. */
function addedBookView(
  elements: XmlElement[],
  root: number,
  activeSheet: number | undefined
): TextEdit[] {
  const sheets = childrenNamed(elements, root, "sheets")[0];
  if (activeSheet === undefined || activeSheet === 0 || sheets === undefined) return [];
  const prefix = prefixOf(sheets);
  const text = `<${prefix}bookViews><${prefix}workbookView activeTab="${activeSheet}"/></${prefix}bookViews>`;
  return [{ start: sheets.start, end: sheets.start, text }];
}
