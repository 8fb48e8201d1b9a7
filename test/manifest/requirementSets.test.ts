/*
 * The manifests ask for the requirement sets the code needs, no more and no less. The sets are read
 * off the Office.js typings, where every member carries Microsoft's «[Api set: ExcelApi 1.7]»: the
 * TypeScript checker resolves each property and method the Excel adapter and the worksheet functions
 * use to its declaration there, and the highest set found must be the manifest's MinVersion.
 *
 * Using a newer member fails here until it is either checked at run time
 * (`Office.context.requirements.isSetSupported`, then listed in GUARDED with the check that keeps
 * it) or the manifest's minimum is raised — which drops the Excel versions below it (the supported
 * clients table in docs/deployment.md says which).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { checkManifestText } from "../../scripts/check-manifest.cjs";
import { taskpaneOnlyManifest } from "../../scripts/webpack/taskpane-manifest.cjs";

const ROOT = join(__dirname, "..", "..");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/**
 * Members above the manifest's ExcelApi minimum that the code uses only behind a run-time check,
 * with the place of that check: the page setup (ExcelApi 1.9), skipped by an older Excel. The chart
 * code's 1.8 checks (axis number format, point label text) are below the minimum.
 */
const PAGE_SETUP = 'src/excel/writeGeometry.ts writePageSetup: supports("1.9")';
const GUARDED: Record<string, string> = Object.fromEntries(
  [
    "Worksheet.pageLayout",
    "PageLayout.orientation",
    "PageLayout.paperSize",
    "PageLayout.printGridlines",
    "PageLayout.zoom",
    "PageLayoutZoomOptions.horizontalFitToPages",
    "PageLayoutZoomOptions.verticalFitToPages",
    "PageLayout.leftMargin",
    "PageLayout.rightMargin",
    "PageLayout.topMargin",
    "PageLayout.bottomMargin",
    "PageLayout.headerMargin",
    "PageLayout.footerMargin",
    "HeaderFooter.centerFooter",
    "HeaderFooterGroup.defaultForAllPages",
    "PageLayout.headersFooters",
    "PageLayout.setPrintArea",
    "PageLayout.setPrintTitleRows",
  ].map((member) => [member, PAGE_SETUP])
);

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(ROOT, folder, file));
}

/** "1.10" > "1.9": versions compared as numbers, part by part. */
function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor! - bMajor! || aMinor! - bMinor!;
}

function highest(versions: string[]): string | null {
  return versions.reduce<string | null>(
    (best, version) => (best === null || compareVersions(version, best) > 0 ? version : best),
    null
  );
}

/**
 * Every Office.js member the files use, as `Class.member` → the highest version of `set` its typing
 * names (`ExcelApi 1.1 for reading visibility; 1.2 for setting it` → 1.2: the code sets it). Higher
 * than the code needs at worst, never lower.
 */
function membersUsed(files: string[], set: string): Map<string, string> {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  const program = ts.createProgram(files, { ...parsed!.options, noEmit: true });
  const checker = program.getTypeChecker();
  const found = new Map<string, string>();

  const record = (declaration: ts.Declaration) => {
    if (
      !/@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(
        declaration.getSourceFile().fileName
      )
    )
      return;
    const remarks = ts
      .getJSDocCommentsAndTags(declaration)
      .map((doc) => doc.getText())
      .join("\n");
    // The member's own set and any its parameters name (`TableCollection.add`'s address: «ExcelApi
    // 1.1 / 1.3. Prior to ExcelApi 1.3, this parameter must be a string»): the highest counts.
    const clauses = [...remarks.matchAll(new RegExp(`\\[Api set: ${set} ([^\\]]*)\\]`, "g"))];
    if (clauses.length === 0) return;
    const version = highest(clauses.flatMap((clause) => clause[1]!.match(/\d+\.\d+/g) ?? []));
    // The class, interface or enum that declares it (a namespace's class: the namespace).
    const parent = ts.isModuleBlock(declaration.parent)
      ? declaration.parent.parent
      : declaration.parent;
    const owner = (parent as ts.NamedDeclaration | undefined)?.name?.getText();
    const name = (declaration as ts.NamedDeclaration).name?.getText();
    if (version === null || !name) return;
    const key = owner ? `${owner}.${name}` : name;
    const known = found.get(key);
    if (!known || compareVersions(version, known) > 0) found.set(key, version);
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const call = ts.isCallExpression(node.parent) && node.parent.expression === node;
      // A method: the overload the call resolves to; a property: its declaration.
      const declaration = call
        ? checker.getResolvedSignature(node.parent)?.getDeclaration()
        : undefined;
      if (declaration) record(declaration);
      else checker.getSymbolAtLocation(node.name)?.declarations?.forEach(record);
    } else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
      // An object literal typed by Office.js (a validation rule, an error alert, colour criteria).
      const type = checker.getContextualType(node.parent);
      const property = type?.getProperty(node.name.getText());
      property?.declarations?.forEach(record);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(program.getSourceFile(file)!);
  return found;
}

function above(members: Map<string, string>, minimum: string): string[] {
  return [...members]
    .filter(([, version]) => compareVersions(version, minimum) > 0)
    .map(([member, version]) => `${member} (${version})`);
}

describe("the requirement sets the manifests ask for", () => {
  const { requirements } = checkManifestText(manifest).info;
  const taskpaneOnly = checkManifestText(taskpaneOnlyManifest(manifest), { taskpaneOnly: true })
    .info.requirements;

  // The Excel adapter is the only code that touches Excel.* (src/excel/index.ts); the pane's entry
  // starts it.
  const excelMembers = membersUsed(
    [...sourcesUnder("src/excel"), join(ROOT, "src", "taskpane", "index.tsx")],
    "ExcelApi"
  );
  const functionsMembers = membersUsed(sourcesUnder("src/functions"), "CustomFunctionsRuntime");

  it("finds the Excel calls it should (the reader, the writer, the charts)", () => {
    expect(Object.fromEntries(excelMembers)).toMatchObject({
      "Worksheet.getRangeByIndexes": "1.7",
      "NamedItem.formula": "1.7",
      "Range.dataValidation": "1.8",
      "ChartSeries.trendlines": "1.7",
      "Worksheet.visibility": "1.2",
      "TableCollection.add": "1.3",
    });
  });

  it("ExcelApi: the highest set the Excel code uses unguarded, in both manifests", () => {
    const unguarded = new Map([...excelMembers].filter(([member]) => !(member in GUARDED)));
    expect(above(unguarded, requirements.ExcelApi!)).toEqual([]);
    expect(requirements.ExcelApi).toBe(highest([...unguarded.values()]));
    expect(taskpaneOnly.ExcelApi).toBe(requirements.ExcelApi);
  });

  it("every guarded member is still used, and above the minimum", () => {
    for (const member of Object.keys(GUARDED)) {
      expect([member, excelMembers.get(member)]).toEqual([member, expect.any(String)]);
      expect(compareVersions(excelMembers.get(member)!, requirements.ExcelApi!)).toBeGreaterThan(0);
    }
  });

  it("CustomFunctionsRuntime: what CustomFunctions.Error and its codes need", () => {
    expect(Object.fromEntries(functionsMembers)).toMatchObject({
      "CustomFunctions.Error": "1.2",
      "ErrorCode.invalidValue": "1.3",
      "ErrorCode.notAvailable": "1.3",
    });
    expect(requirements.CustomFunctionsRuntime).toBe(highest([...functionsMembers.values()]));
  });

  it("SharedRuntime 1.1 in the full manifest; none of the functions' sets in the task-pane-only one", () => {
    expect(requirements.SharedRuntime).toBe("1.1");
    expect(Object.keys(taskpaneOnly)).toEqual(["ExcelApi"]);
  });
});
