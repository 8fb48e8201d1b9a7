import { escapeXml } from "./xmlText";
import {
  applyEdits,
  childrenNamed,
  parseXmlElements,
  prefixOf,
  type TextEdit,
} from "./xmlElements";

/** The relationship and content types of the parts the writer adds or looks for. */
export const RELATIONSHIP = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
};
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target as a part name inside the package (`xl/worksheets/sheet1.xml`); null when external. */
  path: string | null;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own: `_rels/.rels`. */
export function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a `.rels` part belongs to (`xl/_rels/workbook.xml.rels` → `xl/workbook.xml`), or null. */
export function sourceOfRelationships(relsPath: string): string | null {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  return match ? `${match[1]}${match[2]}` : null;
}

/** `worksheets/sheet1.xml` from `xl/workbook.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute. */
export function resolvePartPath(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const segment of decodeURI(target).split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** `xl/worksheets/sheet6.xml` → `xl/drawings/drawing1.xml` as `../drawings/drawing1.xml`. */
export function relativeTarget(from: string, to: string): string {
  const fromFolders = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromFolders.length && fromFolders[common] === toParts[common]) common++;
  return [...fromFolders.slice(common).map(() => ".."), ...toParts.slice(common)].join("/");
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return parseXmlElements(xml)
    .filter((element) => element.name === "Relationship")
    .map((element) => {
      const external = element.attributes.TargetMode === "External";
      const target = element.attributes.Target ?? "";
      return {
        id: element.attributes.Id ?? "",
        type: element.attributes.Type ?? "",
        target,
        external,
        path: external ? null : safeResolve(sourcePart, target),
      };
    });
}

function safeResolve(sourcePart: string, target: string): string | null {
  try {
    return resolvePartPath(sourcePart, target);
  } catch {
    // A malformed escape in a target: not a part we can follow.
    return null;
  }
}

/** A `.rels` part with some relationships removed (by id) and others added at the end. */
export function editRelationships(
  xml: string,
  removeIds: ReadonlySet<string>,
  add: { id: string; type: string; target: string }[]
): string {
  const elements = parseXmlElements(xml);
  const root = elements.findIndex((element) => element.parent === -1);
  const edits: TextEdit[] = childrenNamed(elements, root, "Relationship")
    .filter((element) => removeIds.has(element.attributes.Id ?? ""))
    .map((element) => ({ start: element.start, end: element.end, text: "" }));
  const prefix = prefixOf(elements[root]!);
  const added = add
    .map(
      (relationship) =>
        `<${prefix}Relationship Id="${escapeXml(relationship.id)}" Type="${escapeXml(relationship.type)}" Target="${escapeXml(relationship.target)}"/>`
    )
    .join("");
  return applyEdits(xml, [...edits, ...insertAtEnd(xml, elements, root, added)]);
}

/** `[Content_Types].xml` with the overrides of removed parts dropped and new ones added. */
export function editContentTypes(
  xml: string,
  removeParts: ReadonlySet<string>,
  add: { part: string; contentType: string }[]
): string {
  const elements = parseXmlElements(xml);
  const root = elements.findIndex((element) => element.parent === -1);
  const removedNames = new Set([...removeParts].map((part) => `/${part}`.toLowerCase()));
  const edits: TextEdit[] = childrenNamed(elements, root, "Override")
    .filter((element) => removedNames.has((element.attributes.PartName ?? "").toLowerCase()))
    .map((element) => ({ start: element.start, end: element.end, text: "" }));
  const prefix = prefixOf(elements[root]!);
  const added = add
    .map(
      (override) =>
        `<${prefix}Override PartName="/${escapeXml(override.part)}" ContentType="${escapeXml(override.contentType)}"/>`
    )
    .join("");
  return applyEdits(xml, [...edits, ...insertAtEnd(xml, elements, root, added)]);
}

/** Edits that put `children` at the end of the root element's content (also when it is `<x/>`). */
function insertAtEnd(
  xml: string,
  elements: ReturnType<typeof parseXmlElements>,
  root: number,
  children: string
): TextEdit[] {
  if (children === "") return [];
  const element = elements[root]!;
  if (!element.selfClosing)
    return [{ start: element.closeStart, end: element.closeStart, text: children }];
  const startTag = xml.slice(element.start, element.openEnd).replace(/\s*\/>$/, ">");
  return [
    {
      start: element.start,
      end: element.end,
      text: `${startTag}${children}</${element.qualifiedName}>`,
    },
  ];
}
