import { escapeXml } from "./xmlText";
import {
  appendChildrenEdit,
  applyEdits,
  childrenNamed,
  parseXmlElements,
  prefixOf,
  type TextEdit,
  type XmlElement,
} from "./xmlElements";

/** How one of our cells looks; every field optional, an empty look is the workbook's default style. */
export interface CellLook {
  /** `link`: the default font underlined in Excel's hyperlink blue. */
  font?: "title" | "bold" | "link";
  /** Solid fill colour, ARGB (`FFFFC7CE`). */
  fill?: string;
  /** A thin line under the cell (the header). */
  bottomBorder?: boolean;
  numberFormat?: string;
  /** Wrapped text, at the cell's top. */
  wrap?: boolean;
  /** At the cell's top without wrapping: beside wrapped cells of a taller row. */
  top?: boolean;
}

/** Number formats Excel has built in with the same code in every language (as ExcelJS maps them). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};
/** Excel's hyperlink blue (its Office theme's «Hyperlink» colour). */
const LINK_COLOUR = "FF0563C1";
/** Custom number formats start at 164; lower ids are Excel's. */
const FIRST_CUSTOM_FORMAT = 164;
/** The order of styleSheet's children (CT_Stylesheet is a sequence). */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** A workbook without a styles part gets one, built from this and the defaults below. */
export const EMPTY_STYLESHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NAMESPACE}"></styleSheet>`;

type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";

/**
 * The user's styles.xml with our cell styles appended: new fonts, fills, borders, number formats and
 * cell formats (`xf`) go after the existing ones and the counts are updated, so every index the
 * user's cells use keeps its meaning. Our fonts are the workbook's default font made bold, so the
 * output sheets look like the rest of the workbook.
 */
export class OutputStyles {
  private readonly elements: XmlElement[];
  private readonly root: number;
  private readonly prefix: string;
  private readonly existing: Record<ListName, number>;
  private readonly added: Record<ListName, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
  };
  private readonly looks = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private headerBorder: number | null = null;
  private nextFormat = FIRST_CUSTOM_FORMAT;
  private readonly baseFont: string[];
  private readonly hasStyleXfs: boolean;

  constructor(private readonly xml: string) {
    this.elements = parseXmlElements(xml);
    this.root = this.elements.findIndex((element) => element.parent === -1);
    this.prefix = prefixOf(this.elements[this.root]!);
    const count = (name: ListName) => {
      const list = this.list(name);
      return list === undefined ? 0 : this.children(list).length;
    };
    this.existing = {
      numFmts: count("numFmts"),
      fonts: count("fonts"),
      fills: count("fills"),
      borders: count("borders"),
      cellXfs: count("cellXfs"),
    };
    const numFmts = this.list("numFmts");
    for (const numFmt of numFmts ? this.children(numFmts) : []) {
      const id = Number(numFmt.attributes.numFmtId);
      if (!Number.isFinite(id)) continue;
      this.nextFormat = Math.max(this.nextFormat, id + 1);
      const code = numFmt.attributes.formatCode;
      if (code !== undefined && !this.formats.has(code)) this.formats.set(code, id);
    }
    const fonts = this.list("fonts");
    const firstFont = fonts ? this.children(fonts)[0] : undefined;
    this.baseFont = firstFont
      ? this.children(firstFont)
          .filter((child) => child.name !== "b")
          .map((child) => xml.slice(child.start, child.end))
      : [];
    const styleXfs = this.list("cellStyleXfs");
    this.hasStyleXfs = styleXfs !== undefined && this.children(styleXfs).length > 0;
    this.addDefaults();
  }

  /** The index of a cell format for the look (0, the default, for an empty look). */
  id(look: CellLook): number {
    const key = JSON.stringify([
      look.font ?? "",
      look.fill ?? "",
      look.bottomBorder === true,
      look.numberFormat ?? "",
      look.wrap === true,
      look.top === true && look.wrap !== true,
    ]);
    if (key === JSON.stringify(["", "", false, "", false, false])) return 0;
    const known = this.looks.get(key);
    if (known !== undefined) return known;
    const numFmtId = look.numberFormat === undefined ? 0 : this.formatId(look.numberFormat);
    const fontId = look.font === undefined ? 0 : this.fontId(look.font);
    const fillId = look.fill === undefined ? 0 : this.fillId(look.fill);
    const borderId = look.bottomBorder === true ? this.borderId() : 0;
    const apply = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      look.wrap || look.top ? ' applyAlignment="1"' : "",
    ].join("");
    const p = this.prefix;
    const alignment = look.wrap
      ? `<${p}alignment vertical="top" wrapText="1"/>`
      : look.top
        ? `<${p}alignment vertical="top"/>`
        : "";
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"` +
      `${this.hasStyleXfs ? ' xfId="0"' : ""}${apply}` +
      (alignment ? `>${alignment}</${p}xf>` : "/>");
    const id = this.append("cellXfs", xf);
    this.looks.set(key, id);
    return id;
  }

  /** The styles part with our additions. */
  toXml(): string {
    const edits: TextEdit[] = [];
    for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs"] as const) {
      const children = this.added[name];
      if (children.length === 0) continue;
      const total = this.existing[name] + children.length;
      const list = this.list(name);
      if (list !== undefined) {
        edits.push(...appendChildrenEdit(this.xml, list, children.join(""), total));
      } else {
        edits.push({
          ...this.insertionPoint(name),
          text: `<${this.prefix}${name} count="${total}">${children.join("")}</${this.prefix}${name}>`,
        });
      }
    }
    return applyEdits(this.xml, edits);
  }

  /** Excel needs a default font, fill 0 (none) and 1 (gray125), a border and a cell format 0. */
  private addDefaults(): void {
    const p = this.prefix;
    if (this.existing.fonts === 0) {
      this.baseFont.push(`<${p}sz val="11"/>`, `<${p}name val="Calibri"/>`);
      this.append("fonts", `<${p}font>${this.baseFont.join("")}</${p}font>`);
    }
    const defaultFills = ["none", "gray125"];
    for (let fill = this.existing.fills; fill < 2; fill++)
      this.append(
        "fills",
        `<${p}fill><${p}patternFill patternType="${defaultFills[fill]}"/></${p}fill>`
      );
    if (this.existing.borders === 0)
      this.append(
        "borders",
        `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`
      );
    if (this.existing.cellXfs === 0)
      this.append("cellXfs", `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormat++;
    this.append(
      "numFmts",
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`
    );
    this.formats.set(code, id);
    return id;
  }

  private fontId(kind: "title" | "bold" | "link"): number {
    const known = this.fonts.get(kind);
    if (known !== undefined) return known;
    const p = this.prefix;
    if (kind === "link") {
      // The workbook's font with its own colour and underline left out for the link's.
      const plain = this.baseFont.filter((child) => !/^<(?:\w+:)?(?:color|u)[\s/>]/.test(child));
      const id = this.append(
        "fonts",
        `<${p}font><${p}u/><${p}color rgb="${LINK_COLOUR}"/>${plain.join("")}</${p}font>`
      );
      this.fonts.set(kind, id);
      return id;
    }
    const children = this.baseFont.map((child) =>
      kind === "title" && /^<(?:\w+:)?sz[\s/>]/.test(child) ? `<${p}sz val="13"/>` : child
    );
    if (kind === "title" && !children.some((child) => /^<(?:\w+:)?sz[\s/>]/.test(child)))
      children.push(`<${p}sz val="13"/>`);
    const id = this.append("fonts", `<${p}font><${p}b/>${children.join("")}</${p}font>`);
    this.fonts.set(kind, id);
    return id;
  }

  private fillId(argb: string): number {
    const known = this.fills.get(argb);
    if (known !== undefined) return known;
    const p = this.prefix;
    const id = this.append(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeXml(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
    );
    this.fills.set(argb, id);
    return id;
  }

  private borderId(): number {
    if (this.headerBorder !== null) return this.headerBorder;
    const p = this.prefix;
    this.headerBorder = this.append(
      "borders",
      `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color indexed="64"/></${p}bottom><${p}diagonal/></${p}border>`
    );
    return this.headerBorder;
  }

  /** Appends a child to a list; returns its index in the list (numFmts: unused). */
  private append(name: ListName, child: string): number {
    this.added[name].push(child);
    return this.existing[name] + this.added[name].length - 1;
  }

  private list(name: string): XmlElement | undefined {
    return childrenNamed(this.elements, this.root, name)[0];
  }

  private children(element: XmlElement): XmlElement[] {
    return childrenNamed(this.elements, this.elements.indexOf(element));
  }

  /** Where a missing list goes: before the first later sibling present, else at the end. */
  private insertionPoint(name: ListName): { start: number; end: number } {
    const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1);
    const next = childrenNamed(this.elements, this.root).find((child) =>
      later.includes(child.name)
    );
    const root = this.elements[this.root]!;
    const at = next ? next.start : root.closeStart;
    if (root.selfClosing) throw new Error("styles.xml without content");
    return { start: at, end: at };
  }
}
