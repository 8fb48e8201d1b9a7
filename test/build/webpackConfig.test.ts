/*
 * The bundle configuration keeps the shared runtime working and the production manifest consistent,
 * checked on the configuration object itself (a real build is `npm run build`, run by .ci/run).
 */
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

async function builtManifest(mode: "production" | "development"): Promise<string> {
  const config = await makeConfig({}, { mode });
  const copy = plugin<{ patterns: CopyPattern[] }>(config, "CopyPlugin");
  const pattern = copy.patterns.find((p) => p.from === "manifest.xml");
  if (!pattern?.transform) throw new Error("manifest.xml is not copied with a transform");
  return pattern.transform(readFileSync(join(ROOT, "manifest.xml"))).toString();
}

describe("webpack.config.js", () => {
  const savedUrl = process.env.ADDIN_PUBLIC_URL;
  afterEach(() => {
    if (savedUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = savedUrl;
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

  it("keeps the dev server URLs in a development build", async () => {
    const manifest = await builtManifest("development");
    expect(checkManifestText(manifest).info.baseUrl).toBe("https://localhost:3000/");
  });

  it("refuses a production URL that is not https", async () => {
    process.env.ADDIN_PUBLIC_URL = "http://radar.example.edu/";
    await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/https/);
  });
});
