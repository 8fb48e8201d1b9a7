/*
 * The offline manifest check (scripts/check-manifest.cjs) passes the real manifest and rejects the
 * mistakes that break add-ins in practice. Every broken manifest here is the real one with one edit.
 * The same for the task-pane-only manifest the build derives from it
 * (scripts/webpack/taskpane-manifest.cjs): it passes as such, and carries no custom-functions part.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  checkManifestFile,
  checkManifestText,
  parseTree,
  type ManifestElement,
} from "../../scripts/check-manifest.cjs";
import {
  TASKPANE_ONLY_ID,
  taskpaneOnlyManifest,
} from "../../scripts/webpack/taskpane-manifest.cjs";

const MANIFEST_FILE = join(__dirname, "..", "..", "manifest.xml");
const manifest = readFileSync(MANIFEST_FILE, "utf8");

function edited(from: string | RegExp, to: string): string {
  const result = manifest.replace(from, to);
  if (result === manifest)
    throw new Error(`the edit ${String(from)} did not apply to manifest.xml`);
  return result;
}

describe("the real manifest", () => {
  it("has no problems", () => {
    expect(checkManifestText(manifest).problems).toEqual([]);
  });

  it("passes xmllint too, when it is installed", () => {
    expect(checkManifestFile(MANIFEST_FILE).problems).toEqual([]);
  });

  it("serves everything from the dev server and wires one shared runtime page", () => {
    const { info } = checkManifestText(manifest);
    expect(info.baseUrl).toBe("https://localhost:3000/");
    expect(info.runtimeUrl).toBe("https://localhost:3000/taskpane.html");
    expect(info.functionsScriptUrl).toBe("https://localhost:3000/functions.js");
    expect(info.metadataUrl).toBe("https://localhost:3000/functions.json");
  });

  it("asks for ExcelApi, the shared runtime and the custom functions runtime (requirementSets.test.ts)", () => {
    expect(checkManifestText(manifest).info.requirements).toEqual({
      ExcelApi: "1.8",
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.3",
    });
  });

  it("is not a task-pane-only manifest", () => {
    const { problems } = checkManifestText(manifest, { taskpaneOnly: true });
    expect(problems).toEqual([
      "task-pane-only manifest requires SharedRuntime: Excel without custom functions would not load it",
      "task-pane-only manifest requires CustomFunctionsRuntime: Excel without custom functions would not load it",
      "task-pane-only manifest has <Runtimes>",
      'task-pane-only manifest has an <ExtensionPoint xsi:type="CustomFunctions">',
    ]);
  });
});

describe("a broken manifest is rejected", () => {
  it.each<[string, string, string | RegExp, string]>([
    [
      "a resid that names no resource",
      "names no resource",
      '<Runtime resid="Taskpane.Url"',
      '<Runtime resid="Taskpane.Ur1"',
    ],
    [
      "a label naming a URL",
      "must name one of <ShortStrings>",
      '<Label resid="TaskpaneButton.Label"/>',
      '<Label resid="Taskpane.Url"/>',
    ],
    [
      "an http URL",
      "is not https",
      '"https://localhost:3000/functions.js"',
      '"http://localhost:3000/functions.js"',
    ],
    [
      "a URL on another origin",
      "outside the add-in's base",
      '"https://localhost:3000/functions.json"',
      '"https://cdn.example.org/functions.json"',
    ],
    ["malformed XML", "not well-formed", "</Permissions>", "</Permission>"],
    [
      "no SharedRuntime requirement",
      'lacks <Set Name="SharedRuntime">',
      '<Set Name="SharedRuntime" MinVersion="1.1"/>',
      "",
    ],
    [
      "no ExcelApi requirement",
      'lacks <Set Name="ExcelApi">',
      '<Set Name="ExcelApi" MinVersion="1.8"/>',
      "",
    ],
    [
      "a requirement without a version",
      '<Set Name="CustomFunctionsRuntime"> needs a MinVersion',
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
      '<Set Name="CustomFunctionsRuntime"/>',
    ],
    ["no Runtimes", "no shared runtime", /<Runtimes>[\s\S]*?<\/Runtimes>/, ""],
    ["a short-lived runtime", 'lifetime> must be "long"', 'lifetime="long"', 'lifetime="short"'],
    [
      "custom functions on another page",
      "is not the shared runtime",
      /(<Page>\s*<SourceLocation resid=")Taskpane.Url/,
      "$1GetStarted.LearnMoreUrl",
    ],
    [
      "a namespace other than EDU",
      "namespace must be EDU",
      'id="Functions.Namespace" DefaultValue="EDU"',
      'id="Functions.Namespace" DefaultValue="SCHOOL"',
    ],
    [
      "no custom functions extension point",
      'no <ExtensionPoint xsi:type="CustomFunctions">',
      /<AllFormFactors>[\s\S]*?<\/AllFormFactors>/,
      "",
    ],
    [
      "no Permissions",
      "<Permissions> must be one of",
      "<Permissions>ReadWriteDocument</Permissions>",
      "",
    ],
    [
      "no ProviderName",
      "<ProviderName> is missing",
      "<ProviderName>School Radar</ProviderName>",
      "",
    ],
    ["no IconUrl", "<IconUrl DefaultValue> is missing", /<IconUrl [^>]*\/>/, ""],
    ["an Id that is not a GUID", "<Id> must be a GUID", /<Id>[^<]*<\/Id>/, "<Id>school-radar</Id>"],
    [
      "a resource defined twice",
      "defined twice",
      '<bt:Url id="GetStarted.LearnMoreUrl"',
      '<bt:Url id="Taskpane.Url"',
    ],
  ])("%s", (_what, expected, from, to) => {
    const { problems } = checkManifestText(edited(from, to));
    expect(problems.join("\n")).toContain(expected);
  });
});

describe("the files a built manifest points to", () => {
  let dist: string;

  /** Every URL of the manifest as a file under dist, and a task pane page loading both bundles. */
  function buildFakeDist(pageScripts: string[]): void {
    const { info } = checkManifestText(manifest);
    for (const url of info.urls) {
      const file = join(dist, url.slice("https://localhost:3000/".length));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, "");
    }
    writeFileSync(
      join(dist, "functions.json"),
      JSON.stringify({ functions: [{ id: "LOWRESULT" }] })
    );
    writeFileSync(
      join(dist, "taskpane.html"),
      `<html><head>${pageScripts.map((src) => `<script defer src="${src}"></script>`).join("")}</head></html>`
    );
  }

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), "school-radar-dist-"));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it("are all found", () => {
    buildFakeDist(["assets/office-js/office.js", "functions.js", "taskpane.js"]);
    expect(checkManifestText(manifest, { distDir: dist }).problems).toEqual([]);
  });

  it("must include the functions bundle on the shared runtime page, or functions hang at #BUSY!", () => {
    buildFakeDist(["assets/office-js/office.js", "taskpane.js"]);
    expect(checkManifestText(manifest, { distDir: dist }).problems.join("\n")).toContain("#BUSY!");
  });

  it("must include office.js on the shared runtime page", () => {
    buildFakeDist(["functions.js", "taskpane.js"]);
    expect(checkManifestText(manifest, { distDir: dist }).problems.join("\n")).toContain(
      "does not load office.js"
    );
  });

  it("reports a missing icon", () => {
    buildFakeDist(["assets/office-js/office.js", "functions.js", "taskpane.js"]);
    rmSync(join(dist, "assets", "icon-80.png"));
    expect(checkManifestText(manifest, { distDir: dist }).problems.join("\n")).toContain(
      "icon-80.png does not exist"
    );
  });

  it("reports a metadata file without functions", () => {
    buildFakeDist(["assets/office-js/office.js", "functions.js", "taskpane.js"]);
    writeFileSync(join(dist, "functions.json"), JSON.stringify({ functions: [] }));
    expect(checkManifestText(manifest, { distDir: dist }).problems.join("\n")).toContain(
      "declares no functions"
    );
  });
});

/** The element at a path of names below the root: at(root, "Requirements/Sets"). */
function at(element: ManifestElement | undefined, path: string): ManifestElement | undefined {
  return path
    .split("/")
    .reduce<ManifestElement | undefined>(
      (current, name) => current?.children.find((child) => child.name === name),
      element
    );
}

function rootOf(text: string): ManifestElement {
  return parseTree(text).find((element) => element.name === "OfficeApp")!;
}

/** Resource ids by kind: { Urls: [...], ShortStrings: [...], ... }. */
function resourceIds(root: ManifestElement): Record<string, string[]> {
  return Object.fromEntries(
    at(root, "VersionOverrides/Resources")!.children.map((kind) => [
      kind.name,
      kind.children.map((resource) => resource.attrs.id!),
    ])
  );
}

describe("the task-pane-only manifest, derived from manifest.xml by the build", () => {
  const taskpaneOnly = taskpaneOnlyManifest(manifest);
  const full = rootOf(manifest);
  const derived = rootOf(taskpaneOnly);

  it("has no problems as a task-pane-only manifest, xmllint included", () => {
    const folder = mkdtempSync(join(tmpdir(), "school-radar-manifest-"));
    try {
      const file = join(folder, "manifest-taskpane.xml");
      writeFileSync(file, taskpaneOnly);
      expect(checkManifestFile(file, { taskpaneOnly: true }).problems).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("has no custom-functions part: no runtime, no functions extension point, no functions' sets", () => {
    expect(checkManifestText(taskpaneOnly, { taskpaneOnly: true }).info.requirements).toEqual({
      ExcelApi: "1.8",
    });
    const elements = taskpaneOnly.replace(/<!--[\s\S]*?-->/g, "");
    expect(elements).not.toMatch(/<Runtimes|CustomFunctions"|SharedRuntime"|Functions\.|EDU\./);
    // …which the full manifest's check insists on.
    expect(checkManifestText(taskpaneOnly).problems).toEqual([
      '<Requirements> lacks <Set Name="SharedRuntime">',
      '<Requirements> lacks <Set Name="CustomFunctionsRuntime">',
      "<Runtimes><Runtime> is missing: no shared runtime",
      '<AllFormFactors> has no <ExtensionPoint xsi:type="CustomFunctions">',
    ]);
  });

  it("is another add-in, named apart, so that both can be deployed side by side", () => {
    expect(at(derived, "Id")!.text).toBe(TASKPANE_ONLY_ID);
    expect(TASKPANE_ONLY_ID).not.toBe(at(full, "Id")!.text);
    expect(at(derived, "DisplayName")!.attrs.DefaultValue).toBe(
      "Школьный радар (без функций листа)"
    );
  });

  it.each([
    "Version",
    "ProviderName",
    "DefaultLocale",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "Hosts",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides/Hosts/Host/DesktopFormFactor",
  ])("keeps the full manifest's %s", (path) => {
    expect(at(derived, path)).toEqual(at(full, path));
  });

  it("keeps every resource but the functions' ones", () => {
    const functions = ["Functions.Script.Url", "Functions.Metadata.Url", "Functions.Namespace"];
    const expected = Object.fromEntries(
      Object.entries(resourceIds(full)).map(([kind, ids]) => [
        kind,
        ids.filter((id) => !functions.includes(id)),
      ])
    );
    expect(resourceIds(derived)).toEqual(expected);
  });

  it.each<[string, string | RegExp, string, string]>([
    [
      "a SharedRuntime requirement",
      '<Set Name="ExcelApi" MinVersion="1.8"/>',
      '<Set Name="ExcelApi" MinVersion="1.8"/><Set Name="SharedRuntime" MinVersion="1.1"/>',
      "requires SharedRuntime",
    ],
    [
      "a Runtimes element",
      '<Host xsi:type="Workbook">',
      '<Host xsi:type="Workbook"><Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>',
      "has <Runtimes>",
    ],
    [
      "a custom functions extension point",
      '<Host xsi:type="Workbook">',
      '<Host xsi:type="Workbook"><AllFormFactors><ExtensionPoint xsi:type="CustomFunctions"/></AllFormFactors>',
      'has an <ExtensionPoint xsi:type="CustomFunctions">',
    ],
    [
      "no ExcelApi requirement",
      '<Set Name="ExcelApi" MinVersion="1.8"/>',
      "",
      'lacks <Set Name="ExcelApi">',
    ],
  ])("is rejected with %s", (_what, from, to, expected) => {
    const broken = taskpaneOnly.replace(from, to);
    expect(broken).not.toBe(taskpaneOnly);
    const { problems } = checkManifestText(broken, { taskpaneOnly: true });
    expect(problems.join("\n")).toContain(expected);
  });

  it("fails the build when manifest.xml no longer has a part it removes", () => {
    const withoutRuntimes = edited(/\n\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "");
    expect(() => taskpaneOnlyManifest(withoutRuntimes)).toThrow(/<Runtimes> found 0 times/);
  });

  it("edits elements only, never the text of a comment that names one", () => {
    const commented = manifest.replace(
      "<Hosts>",
      "<!-- <Runtimes> is the shared runtime --><Hosts>"
    );
    expect(taskpaneOnlyManifest(commented)).toContain("<!-- <Runtimes> is the shared runtime -->");
  });
});

describe("the files the built task-pane-only manifest points to", () => {
  let dist: string;
  const taskpaneOnly = taskpaneOnlyManifest(manifest);

  function buildFakeDist(pageScripts: string[]): void {
    for (const url of checkManifestText(taskpaneOnly, { taskpaneOnly: true }).info.urls) {
      const file = join(dist, url.slice("https://localhost:3000/".length));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, "");
    }
    writeFileSync(
      join(dist, "taskpane.html"),
      `<html><head>${pageScripts.map((src) => `<script src="${src}"></script>`).join("")}</head></html>`
    );
  }

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), "school-radar-dist-"));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it("are found, with office.js from Microsoft's CDN", () => {
    buildFakeDist(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "taskpane.js"]);
    const options = { distDir: dist, taskpaneOnly: true };
    expect(checkManifestText(taskpaneOnly, options).problems).toEqual([]);
  });

  it("must include office.js on the task pane page", () => {
    buildFakeDist(["functions.js", "taskpane.js"]);
    const options = { distDir: dist, taskpaneOnly: true };
    expect(checkManifestText(taskpaneOnly, options).problems.join("\n")).toContain(
      "the task pane page"
    );
  });
});
