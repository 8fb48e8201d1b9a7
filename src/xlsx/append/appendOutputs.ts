import { printSetup, type SheetLayout } from "../../engine";
import type { AddedOutputs, WrittenSheet } from "./addedOutputs";
import {
  markedOutputSheets,
  markedUserDataSheets,
  layoutMarkName,
  outputMarkName,
  quoteSheetName,
  sheetOfReference,
  userDataMarkName,
  type MarkedWorkbook,
} from "../../engine";
import { freeSheetName } from "../outputSheetName";
import {
  CHART_CONTENT_TYPE,
  CHART_RELATIONSHIP,
  chartXml,
  DRAWING_CONTENT_TYPE,
  DRAWING_RELATIONSHIP,
  drawingXml,
} from "./chartXml";
import { EMPTY_STYLESHEET, OutputStyles } from "./outputStyles";
import {
  CONTENT_TYPE,
  editContentTypes,
  editRelationships,
  parseRelationships,
  RELATIONSHIP,
  relationshipsPath,
  relativeTarget,
  sourceOfRelationships,
  type Relationship,
} from "./packageParts";
import { layoutStyles, printNames, worksheetPieces, type SheetPlace } from "./worksheetXml";
import { withHandOffsWritten, type RowsOnWorker, type RowsWriter } from "./rowHandOffs";
import { readWorkbookXml, writeWorkbookXml, type DefinedName } from "./workbookXml";
import type { PackageEntry, WorkbookPackage } from "./workbookPackage";

const CONTENT_TYPES = "[Content_Types].xml";
const CALC_CHAIN = /\/calcChain$/;
/** The built-in name of a sheet's filter range; Excel rebuilds it from the sheet's own filter. */
const FILTER_DATABASE = "_xlnm._filterdatabase";
/** A sheet view selected along with the active one: its tab is grouped with it (`tabSelected`). */
const TAB_SELECTED = /(<(?:[\w.-]+:)?sheetView\b[^>]*?)\s+tabSelected\s*=\s*(["'])(?:1|true)\2/g;

/** Thrown when the archive is not a workbook: the caller words it for the user. */
export class NotAWorkbookError extends Error {}

/** A new sheet of this run: its layout, name, and where it goes in the package. */
interface NewSheet {
  layout: SheetLayout;
  name: string;
  hidden: boolean;
  part: string;
  relationshipId: string;
  sheetId: number;
}

/**
 * Copies a workbook with the layouts added as sheets (`pkg`: from a file to a file, or in memory),
 * by the rules every host follows (the add-in in Excel too): our sheets from an earlier run
 * carrying a layout's mark are replaced, a user's sheet is never touched (a name clash gives
 * «ШНОР (2)»), a `userData` layout is written only when no sheet carries its mark, layouts whose
 * marker is in `hidden` become hidden sheets. Every entry of the input is copied unchanged (from a file: as its stored, compressed
 * bytes) except the four small parts the new sheets must be entered in — workbook.xml, its
 * relationships, [Content_Types].xml and styles.xml — and the parts of the sheets being replaced,
 * which are left out. The workbook opens on the layout that `opensHere`: the sheet that was selected
 * before is unselected (only the head of its part is rewritten: `copyWithHead`). Each new sheet gets
 * its print area and title rows as defined names (`printSetup`).
 */
export async function appendOutputs<Entry extends PackageEntry>(
  pkg: WorkbookPackage<Entry>,
  layouts: SheetLayout[],
  hidden: ReadonlySet<string> = new Set(),
  /** A sheet with this many body rows or more is written on two threads (rowsOnWorker.ts). */
  rowsOnWorker: RowsOnWorker | null = null
): Promise<AddedOutputs> {
  const workbookPath = await findWorkbook(pkg);
  const workbookRelsPath = relationshipsPath(workbookPath);
  const workbookText = await pkg.readText(entryOf(pkg, workbookPath));
  const workbookRelsEntry = pkg.entry(workbookRelsPath);
  const workbookRelsText = workbookRelsEntry
    ? await pkg.readText(workbookRelsEntry)
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const relationships = parseRelationships(workbookRelsText, workbookPath);
  const workbook = readWorkbookXml(workbookText);
  const partOfSheet = (relationshipId: string) =>
    relationships.find((relationship) => relationship.id === relationshipId)?.path ?? null;

  // 1. Our sheets from an earlier run that this run replaces.
  const marked: MarkedWorkbook = {
    definedNames: {
      model: workbook.names
        .filter((definedName) => definedName.localSheetId === null)
        .map((definedName) => ({ name: definedName.name, ranges: [definedName.formula] })),
    },
  };
  const wantedMarks = new Set(
    layouts
      .filter((layout) => layout.userData !== true)
      .map((layout) => outputMarkName(layout.marker).toLowerCase())
  );
  const removedIndices = new Set<number>();
  for (const [sheetName, mark] of markedOutputSheets(marked)) {
    const index = workbook.sheets.findIndex((sheet) => sheet.name === sheetName);
    if (index < 0 || !wantedMarks.has(mark.toLowerCase())) continue;
    removedIndices.add(index);
  }
  const removedNames = new Set([...removedIndices].map((index) => workbook.sheets[index]!.name));
  const replacedSheets = workbook.sheets
    .filter((_, index) => removedIndices.has(index))
    .map((sheet) => sheet.name);
  let names = keptNames(workbook.names, removedIndices, removedNames, workbook.sheets.length);
  const remaining = workbook.sheets.filter((_, index) => !removedIndices.has(index));

  // 2. The user-data sheets still present (templates, thresholds): kept, never rewritten.
  const existingData = new Map<string, string>();
  const afterRemoval: MarkedWorkbook = {
    definedNames: {
      model: names
        .filter((definedName) => definedName.localSheetId === null)
        .map((definedName) => ({ name: definedName.name, ranges: [definedName.formula] })),
    },
  };
  for (const [sheetName, mark] of markedUserDataSheets(afterRemoval)) {
    if (remaining.some((sheet) => sheet.name === sheetName))
      existingData.set(mark.toLowerCase(), sheetName);
  }

  // 3. The new sheets: a free name, a part, a relationship, a sheet id, a mark.
  const taken = { worksheets: remaining.map((sheet) => ({ name: sheet.name })) };
  const partNames = new Set(pkg.entries.map((entry) => entry.fileName.toLowerCase()));
  const relationshipIds = new Set(relationships.map((relationship) => relationship.id));
  let sheetId = Math.max(0, ...workbook.sheets.map((sheet) => sheet.sheetId));
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const sheets: WrittenSheet[] = [];
  const keptSheets: WrittenSheet[] = [];
  const added: NewSheet[] = [];
  for (const layout of layouts) {
    const existing = layout.userData
      ? existingData.get(userDataMarkName(layout.marker).toLowerCase())
      : undefined;
    if (existing !== undefined) {
      keptSheets.push({ marker: layout.marker, requestedName: layout.name, name: existing });
      continue;
    }
    const name = freeSheetName(taken, layout.name);
    taken.worksheets.push({ name });
    const part = freshName(partNames, (n) => `${folder}worksheets/sheet${n}.xml`);
    const relationshipId = freshName(relationshipIds, (n) => `rId${n}`);
    sheetId += 1;
    added.push({ layout, name, hidden: hidden.has(layout.marker), part, relationshipId, sheetId });
    const mark = layoutMarkName(layout);
    // A mark left pointing at a sheet the user deleted (`#REF!`) would otherwise stay beside ours.
    names = names.filter(
      (definedName) =>
        definedName.localSheetId !== null || definedName.name.toLowerCase() !== mark.toLowerCase()
    );
    names.push({
      name: mark,
      localSheetId: null,
      formula: `${quoteSheetName(name)}!$A$1`,
      attributes: {},
    });
    sheets.push({ marker: layout.marker, requestedName: layout.name, name });
  }

  // The sheet the workbook opens on, its print names, and the sheets a link may lead to.
  const opening = added.findIndex((sheet) => sheet.layout.opensHere === true && !sheet.hidden);
  const activeSheet = opening < 0 ? undefined : remaining.length + opening;
  added.forEach((sheet, at) => names.push(...printDefinedNames(sheet, remaining.length + at)));
  const sheetNames = new Set(taken.worksheets.map((sheet) => sheet.name));
  const linkable = (target: string) => sheetNames.has(sheetOfReference(target) ?? "");
  const keptSheetParts = new Set(
    remaining.flatMap((sheet) => {
      const part = partOfSheet(sheet.relationshipId);
      return part === null ? [] : [part.toLowerCase()];
    })
  );

  // 4. Parts to leave out: the replaced sheets with what only they use, and the calculation chain,
  // which would list cells of removed sheets (Excel rebuilds it).
  const removedParts = await partsOnlyUsedBy(
    pkg,
    [...removedIndices].flatMap((index) => {
      const part = partOfSheet(workbook.sheets[index]!.relationshipId);
      return part === null ? [] : [part];
    })
  );
  const removedRelationships = new Set(
    [...removedIndices].map((index) => workbook.sheets[index]!.relationshipId)
  );
  if (removedIndices.size > 0) {
    for (const relationship of relationships) {
      if (CALC_CHAIN.test(relationship.type) && relationship.path !== null) {
        removedParts.add(relationship.path.toLowerCase());
        removedRelationships.add(relationship.id);
      }
    }
  }

  // 5. Styles: ours appended to the user's (or a styles part of our own when there is none).
  const stylesRelationship = relationships.find((relationship) =>
    /\/styles$/.test(relationship.type)
  );
  const stylesEntry =
    stylesRelationship?.path != null ? pkg.entry(stylesRelationship.path) : undefined;
  const styles = new OutputStyles(stylesEntry ? await pkg.readText(stylesEntry) : EMPTY_STYLESHEET);
  const sheetStyles = added.map((sheet) => layoutStyles(sheet.layout, styles));
  const newParts: { part: string; contentType: string }[] = added.map((sheet) => ({
    part: sheet.part,
    contentType: CONTENT_TYPE.worksheet,
  }));
  // Charts: a drawing part per sheet that has any, a chart part per chart, and their relationships.
  const chartParts = new Map<NewSheet, ChartParts>();
  for (const sheet of added) {
    if ((sheet.layout.charts ?? []).length === 0) continue;
    const drawing = freshName(partNames, (n) => `${folder}drawings/drawing${n}.xml`);
    const charts = sheet.layout.charts!.map(() =>
      freshName(partNames, (n) => `${folder}charts/chart${n}.xml`)
    );
    chartParts.set(sheet, { drawing, charts });
    newParts.push(
      { part: drawing, contentType: DRAWING_CONTENT_TYPE },
      ...charts.map((part) => ({ part, contentType: CHART_CONTENT_TYPE }))
    );
  }
  const newRelationships = added.map((sheet) => ({
    id: sheet.relationshipId,
    type: RELATIONSHIP.worksheet,
    target: sheet.part.slice(folder.length),
  }));
  let stylesPart = stylesEntry?.fileName ?? null;
  if (stylesPart === null) {
    stylesPart = freshName(partNames, (n) => `${folder}styles${n === 1 ? "" : n}.xml`);
    newParts.push({ part: stylesPart, contentType: CONTENT_TYPE.styles });
    newRelationships.push({
      id: freshName(relationshipIds, (n) => `rId${n}`),
      type: RELATIONSHIP.styles,
      target: stylesPart.slice(folder.length),
    });
  }

  // 6. The four edited parts.
  const contentTypesEntry = entryOf(pkg, CONTENT_TYPES);
  const edited = new Map<string, string>([
    [
      workbookPath.toLowerCase(),
      writeWorkbookXml(workbookText, {
        removedSheets: removedIndices,
        added: added.map(({ name, sheetId: id, relationshipId, hidden: isHidden }) => ({
          name,
          sheetId: id,
          relationshipId,
          hidden: isHidden,
        })),
        names,
        ...(activeSheet === undefined ? {} : { activeSheet }),
      }),
    ],
    [
      workbookRelsPath.toLowerCase(),
      editRelationships(workbookRelsText, removedRelationships, newRelationships),
    ],
    [
      CONTENT_TYPES.toLowerCase(),
      editContentTypes(await pkg.readText(contentTypesEntry), removedParts, newParts),
    ],
  ]);

  // 7. Write: every entry in the input's order (edited, copied or left out), then the new parts.
  for (const entry of pkg.entries) {
    const name = entry.fileName.toLowerCase();
    if (removedParts.has(name)) continue;
    const text = edited.get(name);
    if (text !== undefined) {
      await pkg.addText(entry.fileName, text);
      edited.delete(name);
    } else if (stylesEntry !== undefined && entry === stylesEntry) {
      await pkg.addText(entry.fileName, styles.toXml());
    } else if (activeSheet !== undefined && keptSheetParts.has(name)) {
      await pkg.copyWithHead(entry, unselected);
    } else {
      await pkg.copy(entry);
    }
  }
  // The workbook's relationships when the input had none (a workbook with no sheets cannot be).
  for (const [name, text] of edited) await pkg.addText(name, text);
  let worker: RowsWriter | null = null;
  try {
    for (let index = 0; index < added.length; index++) {
      const sheet = added[index]!;
      const drawn = chartParts.get(sheet);
      const large = rowsOnWorker !== null && sheet.layout.body.length >= rowsOnWorker.minimumRows;
      const place: SheetPlace = { selected: remaining.length + index === activeSheet, linkable };
      const pieces = worksheetPieces(
        sheet.layout,
        sheetStyles[index]!,
        drawn ? "rId1" : undefined,
        large ? rowsOnWorker.blockRows : undefined,
        place,
        pkg.copiesPieces === true
      );
      if (large) {
        worker ??= rowsOnWorker.start();
        await pkg.addPieces(sheet.part, withHandOffsWritten(pieces, sheet.layout, worker));
      } else {
        // Without a block size the pieces are all bytes.
        await pkg.addPieces(sheet.part, pieces as Iterable<Uint8Array>);
      }
      await addDrawing(pkg, sheet, drawn);
    }
  } finally {
    void worker?.stop();
  }
  if (stylesEntry === undefined) await pkg.addText(stylesPart, styles.toXml());
  return { sheets, replacedSheets, keptSheets };
}

/** A kept sheet's head with its tab unselected, or null when it was not selected. */
function unselected(head: string): string | null {
  const edited = head.replace(TAB_SELECTED, "$1");
  return edited === head ? null : edited;
}

/** A new sheet's print area and the rows printed on every page (`printSetup`), at its tab's index. */
function printDefinedNames(sheet: NewSheet, localSheetId: number): DefinedName[] {
  const { printArea, printTitles } = printNames(
    printSetup(sheet.layout),
    quoteSheetName(sheet.name)
  );
  return [
    { name: "_xlnm.Print_Area", localSheetId, formula: printArea, attributes: {} },
    { name: "_xlnm.Print_Titles", localSheetId, formula: printTitles, attributes: {} },
  ];
}

/** The parts of a sheet's drawing and of each of its charts. */
interface ChartParts {
  drawing: string;
  charts: string[];
}

/** A sheet's drawing and charts, with their relationships (nothing for a sheet without charts). */
async function addDrawing(
  pkg: WorkbookPackage<PackageEntry>,
  sheet: NewSheet,
  drawn: ChartParts | undefined
): Promise<void> {
  if (drawn === undefined) return;
  const charts = sheet.layout.charts!;
  await pkg.addText(
    relationshipsPath(sheet.part),
    relationshipsXml([
      {
        id: "rId1",
        type: DRAWING_RELATIONSHIP,
        target: relativeTarget(sheet.part, drawn.drawing),
      },
    ])
  );
  const chartIds = charts.map((_, at) => `rId${at + 1}`);
  await pkg.addText(drawn.drawing, drawingXml(charts, chartIds));
  await pkg.addText(
    relationshipsPath(drawn.drawing),
    relationshipsXml(
      drawn.charts.map((part, at) => ({
        id: chartIds[at]!,
        type: CHART_RELATIONSHIP,
        target: relativeTarget(drawn.drawing, part),
      }))
    )
  );
  for (let at = 0; at < charts.length; at++)
    await pkg.addText(drawn.charts[at]!, chartXml(charts[at]!, sheet.name));
}

/** A new `.rels` part. */
function relationshipsXml(relationships: { id: string; type: string; target: string }[]): string {
  return editRelationships(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    new Set(),
    relationships
  );
}

async function findWorkbook<Entry extends PackageEntry>(
  pkg: WorkbookPackage<Entry>
): Promise<string> {
  const rootRels = pkg.entry("_rels/.rels");
  const root = rootRels ? parseRelationships(await pkg.readText(rootRels), "") : [];
  const main = root.find((relationship) => relationship.type === RELATIONSHIP.officeDocument);
  const path = main?.path ?? "xl/workbook.xml";
  const entry = pkg.entry(path);
  if (entry === undefined || pkg.entry(CONTENT_TYPES) === undefined)
    throw new NotAWorkbookError("в архиве нет книги Excel: не найден xl/workbook.xml");
  return entry.fileName;
}

function entryOf<Entry extends PackageEntry>(pkg: WorkbookPackage<Entry>, path: string): Entry {
  const entry = pkg.entry(path);
  if (entry === undefined) throw new NotAWorkbookError(`в архиве нет части ${path}`);
  return entry;
}

/** The first `make(n)`, n = 1, 2, …, not in `used` (compared in lower case); it is then used. */
function freshName(used: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const candidate = make(n);
    if (!used.has(candidate.toLowerCase()) && !used.has(candidate)) {
      used.add(candidate.toLowerCase());
      used.add(candidate);
      return candidate;
    }
  }
}

/**
 * The defined names that stay (addOutputs' dropStaleNames): none scoped to a removed sheet, no
 * reference into one (a name left with no reference goes), `localSheetId` renumbered for the tabs
 * that moved up, and no workbook-level `_xlnm._FilterDatabase` (a sheet-scoped name that lost its
 * scope, as ExcelJS writes it; Excel reports it as damage).
 */
function keptNames(
  names: DefinedName[],
  removedIndices: ReadonlySet<number>,
  removedNames: ReadonlySet<string>,
  sheetCount: number
): DefinedName[] {
  const newIndex: number[] = [];
  for (let index = 0, next = 0; index < sheetCount; index++)
    newIndex.push(removedIndices.has(index) ? -1 : next++);
  const kept: DefinedName[] = [];
  for (const definedName of names) {
    if (definedName.localSheetId === null && definedName.name.toLowerCase() === FILTER_DATABASE)
      continue;
    let localSheetId = definedName.localSheetId;
    if (localSheetId !== null) {
      const moved = newIndex[localSheetId];
      if (moved === undefined || moved < 0) continue;
      localSheetId = moved;
    }
    let formula = definedName.formula;
    if (removedNames.size > 0) {
      const references = splitReferences(formula);
      const left = references.filter((reference) => {
        const sheet = sheetOfReference(reference.trim());
        return sheet === null || !removedNames.has(sheet);
      });
      if (left.length === 0) continue;
      if (left.length < references.length) formula = left.join(",");
    }
    kept.push({ ...definedName, localSheetId, formula });
  }
  return kept;
}

/** A name's formula split at its top-level commas (`'А'!$A$1,'Б'!$B$2`); quotes and brackets kept. */
function splitReferences(formula: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < formula.length; index++) {
    const char = formula[index];
    if (char === "'" || char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") depth--;
    else if (char === "," && depth === 0) {
      parts.push(formula.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(formula.slice(start));
  return parts;
}

/**
 * The parts to leave out with the given sheets (lower case): each sheet, its relationships part, and
 * what its relationships point at (a drawing, comments, a table…) when no part that stays refers to
 * it, followed down the chain (drawing → chart → its style).
 */
async function partsOnlyUsedBy<Entry extends PackageEntry>(
  pkg: WorkbookPackage<Entry>,
  roots: string[]
): Promise<Set<string>> {
  const removed = new Set<string>();
  if (roots.length === 0) return removed;
  // Every relationships part of the package, read once: who points at what.
  const pointers = new Map<string, Relationship[]>();
  for (const entry of pkg.entries) {
    if (!/\.rels$/i.test(entry.fileName)) continue;
    const owner = sourceOfRelationships(entry.fileName);
    if (owner === null) continue;
    pointers.set(owner.toLowerCase(), parseRelationships(await pkg.readText(entry), owner));
  }
  const queue = [...roots.map((root) => root.toLowerCase())];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (removed.has(part)) continue;
    removed.add(part);
    removed.add(relationshipsPath(part).toLowerCase());
    for (const relationship of pointers.get(part) ?? []) {
      const target = relationship.path?.toLowerCase();
      if (target === undefined || removed.has(target)) continue;
      const usedElsewhere = [...pointers].some(
        ([owner, list]) =>
          !removed.has(owner) &&
          owner !== part &&
          list.some((other) => other.path?.toLowerCase() === target)
      );
      if (!usedElsewhere) queue.push(target);
    }
  }
  return removed;
}
