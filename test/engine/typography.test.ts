/*
 * Russian typography in the texts the product writes (sheets, the task pane, the command line): a
 * no-break space before «%» and after «№», so that a line never ends in «30» with «%» on the next,
 * or in «№» alone. The test reads every string literal, template literal and JSX text of the engine,
 * the pane and the command line — comments are not read — and allows a plain space only in the English
 * texts (the pane's `EN` messages, the command line's `USAGE_EN`), which keep English typography.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");
const FOLDERS = ["src/engine", "src/taskpane", "src/cli"];
/** Declarations whose texts are English. */
const ENGLISH = new Set(["EN", "USAGE_EN"]);
/** Literals that are never shown, by file: the key school names are compared by. */
const NOT_SHOWN: Record<string, string[]> = {
  [path.join("src", "engine", "reconciliation", "schoolNames.ts")]: ['"№ "'],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

const TEXT_KINDS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
]);

/** `file:line: text` of every literal matching `pattern`, outside the English declarations. */
function literalsMatching(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of FOLDERS.flatMap(sourceFiles)) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS
    );
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ENGLISH.has(node.name.getText(source))) return;
      if (TEXT_KINDS.has(node.kind)) {
        // The source text: an escaped no-break space (\u00a0) is not a plain space.
        const literal = node.getText(source);
        if (pattern.test(literal) && !NOT_SHOWN[file]?.includes(literal)) {
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          found.push(`${file}:${line}: ${literal.slice(0, 120)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("Russian typography of the product's texts", () => {
  it("reads the pane's messages, the layouts and the command line's texts", () => {
    const files = FOLDERS.flatMap(sourceFiles);
    expect(files).toEqual(
      expect.arrayContaining([
        path.join("src", "taskpane", "messages.ts"),
        path.join("src", "taskpane", "messagesEn.ts"),
        path.join("src", "engine", "risk", "riskLayouts.ts"),
        path.join("src", "cli", "humanSummary.ts"),
      ])
    );
  });

  it("puts a no-break space, not a plain one, before «%»", () => {
    expect(literalsMatching(/ %/)).toEqual([]);
  });

  it("puts a no-break space, not a plain one, after «№»", () => {
    expect(literalsMatching(/№ /)).toEqual([]);
  });

  it("finds a plain space where there is one (the English texts are the ones allowed)", () => {
    // `EN` in messagesEn.ts says «25 % of schools»: English typography, skipped above, found here.
    const english = readFileSync(path.join(ROOT, "src/taskpane/messagesEn.ts"), "utf8");
    expect(english).toMatch(/of schools/);
    expect(english).toMatch(/\(25 % of schools\)/);
  });
});
