/**
 * Security of what ships: the production bundles evaluate no strings as code, every page carries a
 * Content Security Policy that allows only its own origin — and the task pane page, for its scripts,
 * exactly Microsoft's CDN, where office.js comes from — pages load nothing else from elsewhere, and
 * the manifests ask Excel for no more than reading and writing the open workbook.
 *
 * The build checked is dist/ when it is newer than every source (as .ci/run leaves it), else a build
 * of the current sources that this test makes itself (test-output/e2e-dist, shared with the browser
 * tests): `npm test` on a fresh clone, with no dist/, checks the bundles it would ship. The build runs
 * while the file is loaded, since the per-page tests are listed from the built pages.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import { productionBuild, ROOT } from "../e2e/builtPages";

/** dist/, or the test's own build of the current sources when dist/ is missing or stale. */
const DIST = productionBuild();

/** Our own bundles; office.js and its host scripts (assets/office-js) are Microsoft's, checked apart. */
function ownBundles(): string[] {
  return readdirSync(DIST)
    .filter((name) => name.endsWith(".js"))
    .map((name) => path.join(DIST, name));
}

function htmlPages(): string[] {
  return readdirSync(DIST)
    .filter((name) => name.endsWith(".html"))
    .map((name) => path.join(DIST, name));
}

/** Code that turns a string into code: what a CSP without 'unsafe-eval' forbids and an attacker wants. */
const STRING_TO_CODE: [string, RegExp][] = [
  ["eval(…)", /(?<![\w$.])eval\s*\(/],
  ["new Function(…)", /new\s+Function\s*\(/],
  ['Function("…")', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ["setTimeout/setInterval with a string", /set(?:Timeout|Interval)\s*\(\s*["'`]/],
];

describe("production bundles", () => {
  it("exist: the task pane and the custom functions", () => {
    expect(ownBundles().map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(["taskpane.js", "functions.js"])
    );
  });

  it("never evaluate a string as code (no eval, no new Function)", () => {
    const found: string[] = [];
    for (const file of ownBundles()) {
      const code = readFileSync(file, "utf8");
      for (const [what, pattern] of STRING_TO_CODE) {
        const match = pattern.exec(code);
        if (match) {
          const around = code.slice(Math.max(0, match.index - 60), match.index + 60);
          found.push(`${path.basename(file)}: ${what} … ${around} …`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

/**
 * office.js as Microsoft supports it, from its CDN (webpack.config.js): the one remote file a page may
 * load, and only the task pane page. A build with OFFICE_JS=self-hosted serves it from
 * assets/office-js/ instead, and then no page loads anything remote.
 */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_JS_SELF_HOSTED = "assets/office-js/office.js";

/** What a page may name on another origin: the CDN's office.js on the task pane page that loads it. */
function remoteAllowed(file: string): { references: string[]; scriptOrigins: string[] } {
  const cdn =
    path.basename(file) === "taskpane.html" && scriptSources(file).includes(OFFICE_JS_CDN);
  return cdn
    ? { references: [OFFICE_JS_CDN], scriptOrigins: [OFFICE_JS_ORIGIN] }
    : { references: [], scriptOrigins: [] };
}

/** The src of every <script> of a page, quoted or not (the production build minifies the HTML). */
function scriptSources(file: string): string[] {
  const html = readFileSync(file, "utf8");
  return [...html.matchAll(/<script\b[^>]*\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (match) => match[1] ?? match[2] ?? match[3]!
  );
}

/** `default-src 'self'; script-src 'self'` → { "default-src": ["'self'"], … } */
function policyOf(html: string): Map<string, string[]> | null {
  const meta = /<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[\s>][^>]*>?/i.exec(html);
  if (!meta) return null;
  const content = /content=(["'])(.*?)\1/is.exec(meta[0]);
  if (!content) return null;
  return new Map(
    content[2]!
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...sources]) => [name!.toLowerCase(), sources])
  );
}

describe("every page in dist/", () => {
  const pages = htmlPages();

  it("includes the task pane and the help page", () => {
    expect(pages.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(["taskpane.html", "help.html"])
    );
  });

  it.each(pages.map((file) => [path.basename(file), file]))(
    "%s has a Content Security Policy that allows only its own origin (office.js's CDN aside) and no eval",
    (_, file) => {
      const policy = policyOf(readFileSync(file, "utf8"));
      expect(policy).not.toBeNull();
      expect(policy!.get("default-src")).toBeDefined();
      const scripts = policy!.get("script-src") ?? policy!.get("default-src")!;
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts).not.toContain("'unsafe-inline'");
      const remote = remoteAllowed(file);
      for (const [directive, sources] of policy!) {
        for (const source of sources) {
          // Only the page's own origin, inline data for images/fonts, or nothing: no remote hosts,
          // but for the task pane's scripts the one origin office.js comes from.
          if (directive === "script-src" && remote.scriptOrigins.includes(source)) continue;
          expect([directive, source]).toEqual([
            directive,
            expect.stringMatching(/^('self'|'none'|'unsafe-inline'|data:)$/),
          ]);
        }
      }
      expect(remote.scriptOrigins.filter((origin) => !scripts.includes(origin))).toEqual([]);
      // Inline styles are Fluent UI's generated rules; never inline scripts.
      for (const [directive, sources] of policy!) {
        if (sources.includes("'unsafe-inline'")) expect(directive).toBe("style-src");
      }
    }
  );

  it.each(pages.map((file) => [path.basename(file), file]))(
    "%s loads scripts, styles and images from its own origin only (office.js's CDN aside)",
    (_, file) => {
      const html = readFileSync(file, "utf8");
      // Attributes quoted or not: the production build minifies the HTML.
      const references = [
        ...html.matchAll(/\s(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi),
      ].map((match) => match[1] ?? match[2] ?? match[3]!);
      expect(references.filter((reference) => /^(?:[a-z]+:)?\/\//i.test(reference))).toEqual(
        remoteAllowed(file).references
      );
      expect(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/i.test(html)).toBe(false);
    }
  );
});

describe("office.js", () => {
  const taskpane = path.join(DIST, "taskpane.html");
  const cdn = scriptSources(taskpane).includes(OFFICE_JS_CDN);

  it("is loaded once by the task pane page: from Microsoft's CDN, or self-hosted in a closed-network build", () => {
    const officeJs = scriptSources(taskpane).filter((src) => /(^|\/)office\.js$/.test(src));
    expect(officeJs).toEqual([cdn ? OFFICE_JS_CDN : OFFICE_JS_SELF_HOSTED]);
  });

  it("is what the task pane page's policy allows scripts from, besides its own origin: that origin exactly", () => {
    const policy = policyOf(readFileSync(taskpane, "utf8"))!;
    expect(policy.get("script-src")).toEqual(cdn ? ["'self'", OFFICE_JS_ORIGIN] : ["'self'"]);
  });

  it("ships with the build only when self-hosted, together with its file-mapping table", () => {
    const folder = path.join(DIST, "assets", "office-js");
    const copied = ["office.js", "o15apptofilemappingtable.js"].filter((file) =>
      existsSync(path.join(folder, file))
    );
    expect(copied).toEqual(cdn ? [] : ["office.js", "o15apptofilemappingtable.js"]);
  });

  it.each(["standalone.html", "help.html"])(
    "is not loaded by %s, which loads nothing remote",
    (page) => {
      expect(
        scriptSources(path.join(DIST, page)).filter((src) => /office\.js|\/\//.test(src))
      ).toEqual([]);
    }
  );
});

describe("the help page", () => {
  const html = readFileSync(path.join(DIST, "help.html"), "utf8");
  const method = readFileSync(path.join(ROOT, "docs", "method.md"), "utf8");

  it("sits beside the task pane and the standalone page, where their link «help.html#s2» points", () => {
    expect(htmlPages().map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(["taskpane.html", "standalone.html", "help.html"])
    );
  });

  it("carries the method: every section heading of docs/method.md, §N under the id sN", () => {
    const sections = [...method.matchAll(/^## (§(\d+) .+)$/gm)];
    expect(sections.map((match) => match[2])).toEqual(
      Array.from({ length: 10 }, (_, index) => String(index + 1))
    );
    // The production build minifies the page: the id's quotes may be gone.
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const [, heading, number] of sections)
      expect(html).toMatch(new RegExp(`<h2 id="?s${number}"?>${literal(heading!)}</h2>`));
  });

  it("links only within itself: the other documents it could name are not in dist/", () => {
    const links = [...html.matchAll(/<a\s[^>]*href=(?:"([^"]*)"|([^\s>"]+))/g)].map(
      (match) => match[1] ?? match[2]!
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !link.startsWith("#"))).toEqual([]);
  });
});

describe("the manifest asks for the least permission", () => {
  it.each([
    ["manifest.xml", path.join(ROOT, "manifest.xml")],
    ["the built manifest.xml", path.join(DIST, "manifest.xml")],
    ["the built manifest-taskpane.xml", path.join(DIST, "manifest-taskpane.xml")],
  ])(
    "%s: ReadWriteDocument (read the table, add result sheets), nothing of mail or of the user",
    (_, file) => {
      const manifest = readFileSync(file, "utf8");
      const permissions = [...manifest.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map(
        (match) => match[1]
      );
      // Excel's levels: Restricted < ReadDocument < ReadAllDocument < WriteDocument < ReadWriteDocument.
      // The add-in reads the user's table and writes its own sheets, so it needs the last; mailbox
      // permissions (ReadWriteMailbox…) are Outlook's and have no place in an Excel add-in.
      expect(permissions).toEqual(["ReadWriteDocument"]);
      expect(manifest).not.toMatch(/Mailbox|ReadAllDocument/);
      // No AppDomains: the task pane never navigates to or frames another site.
      const domains = [...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
      expect(domains).toEqual([]);
    }
  );
});
