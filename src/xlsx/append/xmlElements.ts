import { Parser } from "htmlparser2";

/**
 * The elements of a small XML part (workbook.xml, styles.xml, a .rels, [Content_Types].xml) with where
 * each starts and ends in the text, so that the writer edits a part by cutting out and inserting whole
 * elements, leaving everything it does not understand exactly as the producer wrote it. Parsed with
 * htmlparser2 (xmlMode); never used on a worksheet.
 */
export interface XmlElement {
  /** Local name, without a namespace prefix (`sheet` for `x:sheet`). */
  name: string;
  /** The name as written (`x:sheet`). */
  qualifiedName: string;
  /** Attribute values, entities decoded; keys as written (`r:id`). */
  attributes: Record<string, string>;
  /** Index of the `<` of the start tag. */
  start: number;
  /** Index just after the `>` of the start tag. */
  openEnd: number;
  /** Index of the `<` of the end tag (equal to `end` for `<x/>`). */
  closeStart: number;
  /** Index just after the end tag. */
  end: number;
  selfClosing: boolean;
  /** Index of the parent in the list, −1 for the root. */
  parent: number;
  /** Direct text content, entities decoded. */
  text: string;
}

export function parseXmlElements(xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const open: number[] = [];
  const parser = new Parser(
    {
      onopentag(qualifiedName, attributes) {
        const start = parser.startIndex;
        const openEnd = parser.endIndex + 1;
        elements.push({
          name: localName(qualifiedName),
          qualifiedName,
          attributes,
          start,
          openEnd,
          closeStart: openEnd,
          end: openEnd,
          selfClosing: xml.charCodeAt(parser.endIndex - 1) === 0x2f /* "/" */,
          parent: open.length === 0 ? -1 : open[open.length - 1]!,
          text: "",
        });
        open.push(elements.length - 1);
      },
      ontext(text) {
        if (open.length > 0) elements[open[open.length - 1]!]!.text += text;
      },
      onclosetag() {
        const index = open.pop();
        if (index === undefined) return;
        const element = elements[index]!;
        if (!element.selfClosing) {
          element.closeStart = parser.startIndex;
          element.end = parser.endIndex + 1;
        }
      },
    },
    { xmlMode: true, decodeEntities: true }
  );
  parser.write(xml);
  parser.end();
  return elements;
}

export function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(":");
  return colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
}

/** The namespace prefix of an element (`x:` for `x:sheet`, `` when none), for writing its siblings. */
export function prefixOf(element: XmlElement): string {
  const colon = element.qualifiedName.indexOf(":");
  return colon < 0 ? "" : element.qualifiedName.slice(0, colon + 1);
}

/** Children of `parent` (an index into `elements`, −1 for top level) named `name`. */
export function childrenNamed(elements: XmlElement[], parent: number, name?: string): XmlElement[] {
  return elements.filter(
    (element) => element.parent === parent && (name === undefined || element.name === name)
  );
}

export function indexOfElement(elements: XmlElement[], element: XmlElement): number {
  return elements.indexOf(element);
}

/** An edit of the text: replace [start, end) by `text` (an insertion when start === end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits; insertions at the same place keep their order. */
export function applyEdits(xml: string, edits: TextEdit[]): string {
  const ordered = edits
    .map((edit, order) => ({ ...edit, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  const parts: string[] = [];
  let at = 0;
  for (const edit of ordered) {
    if (edit.start < at) throw new Error("overlapping XML edits");
    parts.push(xml.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(xml.slice(at));
  return parts.join("");
}

/**
 * Replaces the children of a container element (keeping its start tag's other attributes), with
 * `count` set when the container had or needs one: used for styles' lists and `<definedNames>`.
 */
export function appendChildrenEdit(
  xml: string,
  container: XmlElement,
  children: string,
  count?: number
): TextEdit[] {
  const edits: TextEdit[] = [];
  let startTag = xml.slice(container.start, container.openEnd);
  if (count !== undefined) startTag = withAttribute(startTag, "count", String(count));
  if (container.selfClosing) {
    startTag = startTag.replace(/\s*\/>$/, ">");
    edits.push({
      start: container.start,
      end: container.end,
      text: `${startTag}${children}</${container.qualifiedName}>`,
    });
  } else {
    edits.push({ start: container.start, end: container.openEnd, text: startTag });
    edits.push({ start: container.closeStart, end: container.closeStart, text: children });
  }
  return edits;
}

/** A start tag with an attribute set (replaced when present, added otherwise). */
export function withAttribute(startTag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (pattern.test(startTag)) return startTag.replace(pattern, `$1"${value}"`);
  return startTag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${value}"`);
}
