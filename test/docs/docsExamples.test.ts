/*
 * The example outputs in the documentation are what the program gives today: the blocks between
 * `<!-- example:<name> -->` and `<!-- /example -->` are made by scripts/docs-examples.mjs from the
 * sample workbook and the built command line, and this test regenerates them (the script's --print,
 * which writes nothing) and compares. When the engine's texts change, it fails until the script is
 * run again. The worksheet functions' examples in the user guide (`=EDU.ИСБШ(…) → 79,7`) are
 * written by hand and checked here against the functions themselves.
 */
import { execFileSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { isbsh, lowResult } from "../../src/functions/functions";
import { ensureCliBuilt } from "../cli/builtCli";
import { thrownBy } from "../functions/thrown";

const ROOT = path.join(__dirname, "..", "..");
const SCRIPT = path.join(ROOT, "scripts", "docs-examples.mjs");
/** The documents the script writes examples into (its DOCUMENTS). */
const DOCUMENTS = ["docs/cli.md", "docs/user-guide.md"];
const RUN_SCRIPT = "run node scripts/docs-examples.mjs (npm run docs:examples) and commit the docs";

function examplesIn(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const [, name, body] of text.matchAll(
    /<!-- example:([a-z0-9-]+) -->\n([\s\S]*?)<!-- \/example -->/g
  )) {
    blocks.set(name, body);
  }
  return blocks;
}

/** The first line where two texts part, both versions, to say what changed. */
function firstDifference(held: string, fresh: string): string {
  const [a, b] = [held.split("\n"), fresh.split("\n")];
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line < 0 ? a.length : line;
  return `line ${at + 1} of the block:\n  the docs: ${a[at] ?? "(end)"}\n  now:      ${b[at] ?? "(end)"}`;
}

describe("the example outputs in docs/", () => {
  let regenerated: Record<string, string>;

  beforeAll(() => {
    ensureCliBuilt();
    regenerated = JSON.parse(
      execFileSync(process.execPath, [SCRIPT, "--print"], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      })
    );
  }, 240_000);

  it("are written by the script into these documents, and no other document has a marker", () => {
    expect(Object.keys(regenerated).sort()).toEqual(DOCUMENTS);
    const others = [
      "README.md",
      ...readdirSync(path.join(ROOT, "docs"))
        .filter((name) => name.endsWith(".md"))
        .map((name) => `docs/${name}`),
    ].filter((file) => !DOCUMENTS.includes(file));
    const marked = others.filter(
      (file) => examplesIn(readFileSync(path.join(ROOT, file), "utf8")).size > 0
    );
    expect(marked).toEqual([]);
  });

  it.each(DOCUMENTS)("%s holds the sample's output as the script makes it now", (file) => {
    const held = examplesIn(readFileSync(path.join(ROOT, file), "utf8"));
    const fresh = examplesIn(regenerated[file]);
    expect([...held.keys()]).toEqual([...fresh.keys()]);
    const stale = [...fresh.keys()].filter((name) => held.get(name) !== fresh.get(name));
    if (stale.length > 0) {
      const which =
        stale.length > 1
          ? `the examples ${stale.join(", ")} no longer match`
          : `the example ${stale[0]} no longer matches`;
      throw new Error(
        `${file}: ${which} what the sample gives — ${RUN_SCRIPT}.\n` +
          `First difference in «${stale[0]}», ${firstDifference(held.get(stale[0])!, fresh.get(stale[0])!)}`
      );
    }
  });
});

/** The functions whose examples show a result, by the Russian name the guide uses. */
const FUNCTIONS: Record<string, (...args: number[]) => unknown> = {
  "EDU.НИЗКИЙРЕЗУЛЬТАТ": lowResult as (...args: number[]) => unknown,
  "EDU.ИСБШ": isbsh as (...args: number[]) => unknown,
};

/** `=EDU.ИСБШ(0,3; 0,36; 0,04)   → 79,7   (comment)`: the name, the arguments, the result shown. */
function functionExamples(guide: string): [string, string, string][] {
  return guide
    .split("\n")
    .map((line) => /^=(EDU\.[А-ЯЁA-Z.]+)\(([^)]*)\)\s+→\s+(.+?)(?:\s{2,}\(.*\))?$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1], match[2], match[3]]);
}

describe("the worksheet functions' examples in docs/user-guide.md", () => {
  const examples = functionExamples(readFileSync(path.join(ROOT, "docs", "user-guide.md"), "utf8"));

  it("are there, each for a function this test can call", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(examples.map(([name]) => name).filter((name) => !(name in FUNCTIONS))).toEqual([]);
  });

  it.each(examples)("=%s(%s) → %s", (name, args, shown) => {
    const values = args.split(";").map((arg) => Number(arg.trim().replace(",", ".")));
    const call = () => FUNCTIONS[name]!(...values);
    const error = /^#(Н\/Д|ЗНАЧ!) «(.*)»$/.exec(shown);
    if (error !== null) {
      const thrown = thrownBy(call);
      expect(thrown.code).toBe(error[1] === "Н/Д" ? "#N/A" : "#VALUE!");
      expect(thrown.message).toBe(error[2]);
    } else if (shown === "ИСТИНА" || shown === "ЛОЖЬ") {
      expect(call()).toBe(shown === "ИСТИНА");
    } else {
      const decimals = shown.split(",")[1]?.length ?? 0;
      expect((call() as number).toFixed(decimals).replace(".", ",")).toBe(shown);
    }
  });
});
