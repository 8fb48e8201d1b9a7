/*
 * The offline manifest check (scripts/check-manifest.cjs) passes the real manifest and rejects the
 * mistakes that break add-ins in practice. Every broken manifest here is the real one with one edit.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { checkManifestFile, checkManifestText } from "../../scripts/check-manifest.cjs";

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
