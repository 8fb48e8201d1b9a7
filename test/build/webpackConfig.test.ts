/*
 * The bundle configuration keeps the shared runtime working and the production manifest consistent,
 * checked on the configuration object itself (a real build is `npm run build`, run by .ci/run); and
 * the help page, rendered from docs/method.md as the build renders it, carries the method's sections
 * under the ids the pane and the code's comments point to.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Configuration } from "webpack";
import { checkManifestText } from "../../scripts/check-manifest.cjs";

const ROOT = join(__dirname, "..", "..");
const makeConfig = require(join(ROOT, "webpack.config.js")) as (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<Configuration>;

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => string | Buffer;
}

function plugin<T>(config: Configuration, name: string): T {
  const found = (config.plugins ?? []).find((p) => p?.constructor.name === name);
  if (!found) throw new Error(`no ${name} in webpack.config.js`);
  return found as T;
}

const HELP_PAGE = join(ROOT, "scripts", "webpack", "help-page.cjs");
const HELP_TEMPLATE = join(ROOT, "src", "taskpane", "help.html");
const METHOD = join(ROOT, "docs", "method.md");

/**
 * The help page as the build renders it, from `markdown` and the real template. In a child process:
 * marked is an ES module, which a jest test (CommonJS) cannot import.
 */
function renderHelpPage(markdown: string): string {
  const script = `
    const { renderHelpPage } = require(${JSON.stringify(HELP_PAGE)});
    const template = require("fs").readFileSync(${JSON.stringify(HELP_TEMPLATE)}, "utf8");
    const markdown = require("fs").readFileSync(0, "utf8");
    renderHelpPage(template, markdown).then(
      (html) => process.stdout.write(html),
      (error) => { process.stderr.write(error.message); process.exit(1); }
    );`;
  return execFileSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: markdown,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** dist/manifest.xml or dist/manifest-taskpane.xml as the build writes it from manifest.xml. */
async function builtManifest(
  mode: "production" | "development",
  file = "manifest.xml"
): Promise<string> {
  const config = await makeConfig({}, { mode });
  const copy = plugin<{ patterns: CopyPattern[] }>(config, "CopyPlugin");
  const pattern = copy.patterns.find((p) => p.from === "manifest.xml" && p.to === file);
  if (!pattern?.transform) throw new Error(`${file} is not written from manifest.xml with a transform`);
  return pattern.transform(readFileSync(join(ROOT, "manifest.xml"))).toString();
}

/** The task pane page's office.js: the template's <script src> and its policy's script-src. */
async function taskpaneOfficeJs(): Promise<{ src: string; scriptSources: string; copied: boolean }> {
  const config = await makeConfig({}, { mode: "production" });
  const html = plugin<{ userOptions: { officeJs: { src: string; scriptSources: string } } }>(
    config,
    "HtmlWebpackPlugin"
  );
  const copy = plugin<{ patterns: CopyPattern[] }>(config, "CopyPlugin");
  const copied = copy.patterns.some((p) => p.to === "assets/office-js");
  const { src, scriptSources } = html.userOptions.officeJs;
  return { src, scriptSources, copied };
}

describe("webpack.config.js", () => {
  const savedUrl = process.env.ADDIN_PUBLIC_URL;
  const savedOfficeJs = process.env.OFFICE_JS;
  afterEach(() => {
    if (savedUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = savedUrl;
    if (savedOfficeJs === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = savedOfficeJs;
  });

  it("loads the functions bundle on the task pane page, the shared runtime", async () => {
    const config = await makeConfig({}, { mode: "production" });
    const html = plugin<{ userOptions: { filename: string; chunks: string[] } }>(config, "HtmlWebpackPlugin");
    expect(html.userOptions.filename).toBe("taskpane.html");
    expect(html.userOptions.chunks).toEqual(expect.arrayContaining(["functions", "taskpane"]));
    expect(Object.keys(config.entry as object).sort()).toEqual([
      "functions",
      "standalone",
      "taskpane",
    ]);
  });

  it.each(["production", "development"] as const)("never uses an eval source map in %s", async (mode) => {
    const config = await makeConfig({}, { mode });
    expect(String(config.devtool)).not.toMatch(/eval/);
  });

  it("writes the production manifest for ADDIN_PUBLIC_URL, consistent and without localhost", async () => {
    process.env.ADDIN_PUBLIC_URL = "https://radar.example.edu/addin/";
    const manifest = await builtManifest("production");
    const { problems, info } = checkManifestText(manifest);
    expect(problems).toEqual([]);
    expect(info.baseUrl).toBe("https://radar.example.edu/addin/");
    expect(info.urls.filter((url) => url.includes("localhost"))).toEqual([]);
  });

  it("writes the task-pane-only manifest beside it, for the same URL", async () => {
    process.env.ADDIN_PUBLIC_URL = "https://radar.example.edu/addin/";
    const manifest = await builtManifest("production", "manifest-taskpane.xml");
    const { problems, info } = checkManifestText(manifest, { taskpaneOnly: true });
    expect(problems).toEqual([]);
    expect(info.baseUrl).toBe("https://radar.example.edu/addin/");
    expect(info.runtimeUrl).toBeNull();
    expect(info.urls.filter((url) => url.includes("localhost"))).toEqual([]);
  });

  it("loads office.js from Microsoft's CDN by default, and allows exactly that origin for scripts", async () => {
    delete process.env.OFFICE_JS;
    expect(await taskpaneOfficeJs()).toEqual({
      src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      scriptSources: "'self' https://appsforoffice.microsoft.com",
      copied: false,
    });
  });

  it("self-hosts office.js with OFFICE_JS=self-hosted (closed networks): copied, this origin only", async () => {
    process.env.OFFICE_JS = "self-hosted";
    expect(await taskpaneOfficeJs()).toEqual({
      src: "assets/office-js/office.js",
      scriptSources: "'self'",
      copied: true,
    });
  });

  it("refuses an OFFICE_JS it does not know", async () => {
    process.env.OFFICE_JS = "local";
    await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/OFFICE_JS/);
  });

  it("keeps the dev server URLs in a development build", async () => {
    const manifest = await builtManifest("development");
    expect(checkManifestText(manifest).info.baseUrl).toBe("https://localhost:3000/");
  });

  it("renders docs/method.md into help.html instead of copying a static page", async () => {
    const config = await makeConfig({}, { mode: "production" });
    const help = plugin<{ options: { template: string; method: string; filename: string } }>(
      config,
      "HelpPagePlugin"
    );
    expect(help.options).toEqual({
      template: HELP_TEMPLATE,
      method: METHOD,
      filename: "help.html",
    });
    const copy = plugin<{ patterns: CopyPattern[] }>(config, "CopyPlugin");
    expect(copy.patterns.map((pattern) => pattern.to)).not.toContain("help.html");
  });

  it("refuses a production URL that is not https", async () => {
    process.env.ADDIN_PUBLIC_URL = "http://radar.example.edu/";
    await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/https/);
  });
});

describe("the help page (scripts/webpack/help-page.cjs)", () => {
  const markdown = readFileSync(METHOD, "utf8");
  let html: string;
  beforeAll(() => {
    html = renderHelpPage(markdown);
  });

  it("carries every section of the method under its own id, §N as sN, in the method's order", () => {
    const sections = [...markdown.matchAll(/^## (§(\d+) .+)$/gm)];
    expect(sections.map((match) => match[2])).toEqual(
      Array.from({ length: 10 }, (_, index) => String(index + 1))
    );
    const headings = sections.map(([, heading, number]) => `<h2 id="s${number}">${heading}</h2>`);
    for (const heading of headings) expect(html).toContain(heading);
    const places = headings.map((heading) => html.indexOf(heading));
    expect(places).toEqual([...places].sort((a, b) => a - b));
    // The table of contents links to each.
    for (const [, heading, number] of sections)
      expect(html).toContain(`<a href="#s${number}">${heading}</a>`);
  });

  it("is Russian first, with the English summary last and marked as English", () => {
    expect(html).toMatch(/<html lang="ru">/);
    const english = html.indexOf('<section lang="en">');
    expect(english).toBeGreaterThan(html.indexOf('<h2 id="s7">'));
    expect(html.indexOf('<h2 id="summary-english">')).toBeGreaterThan(english);
  });

  it("runs no script: a policy that allows none, and no script element", () => {
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'"`
    );
    expect(html).not.toMatch(/<script/i);
  });

  it("shows raw HTML in the Markdown as text, never as markup", () => {
    const page = renderHelpPage(`${markdown}\n<script>alert(1)</script>\n`);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("fails the build when a section the code cites is missing", () => {
    const withoutFive = markdown.replace(/^## §5 /m, "## ");
    expect(() => renderHelpPage(withoutFive)).toThrow(/§5/);
  });
});
