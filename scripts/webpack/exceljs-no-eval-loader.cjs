// Webpack loader for ExcelJS's browser bundle (dist/exceljs.bare.min.js), used only by the standalone
// page's lazily loaded xlsx chunk.
//
// That bundle is browserify output: a few bundled libraries find the global object with
// `Function("return this")()` (only as a fallback after `self`/`global`) and a setImmediate shim
// accepts a string of code through `new Function("" + fn)`. The pages' Content Security Policy has no
// 'unsafe-eval' and test/security/productionBuild.test.ts rejects any string-to-code call in dist/, so
// the fallbacks are replaced by what they compute in a browser: `globalThis`, and a refusal to run a
// string. The build fails if ExcelJS ever ships another form that this loader does not know.
const REPLACEMENTS = [
  [/\bFunction\("return this"\)\(\)/g, "globalThis"],
  [
    /\bnew Function\(""\s*\+\s*(\w+)\)/g,
    '(function(){throw new TypeError("setImmediate: a function is required")})',
  ],
];

const STRING_TO_CODE = [
  /(?<![\w$.])eval\s*\(/,
  /new\s+Function\s*\(/,
  /(?<![\w$.])Function\s*\(\s*["'`]/,
  /set(?:Timeout|Interval)\s*\(\s*["'`]/,
];

module.exports = function excelJsNoEval(source) {
  let code = source;
  for (const [pattern, replacement] of REPLACEMENTS) code = code.replace(pattern, replacement);
  for (const pattern of STRING_TO_CODE) {
    const match = pattern.exec(code);
    if (match) {
      const around = code.slice(Math.max(0, match.index - 60), match.index + 60);
      throw new Error(`exceljs-no-eval-loader: string evaluated as code remains: … ${around} …`);
    }
  }
  return code;
};
