/** @type {import('jest').Config} */
module.exports = {
  // node by default: office-addin-mock does not run under jsdom. A test that renders the task pane
  // opts in with a `@jest-environment jsdom` docblock.
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/build/", "<rootDir>/dist/"],
  modulePathIgnorePatterns: ["<rootDir>/build/", "<rootDir>/dist/"],
  transform: {
    // tsconfig.jest.json has isolatedModules: ts-jest transpiles file by file (fast); types are
    // checked by `npm run typecheck`.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }],
  },
  // Excel's CustomFunctions.Error and ErrorCode for the worksheet functions' tests (test/functions/).
  setupFiles: ["<rootDir>/test/functions/customFunctionsRuntime.ts"],
  // The test environment's own builtins, passed to each module rather than looked up on the vm
  // context's global: V8 reaches such globals through an interceptor, and a loop calling `Math` or
  // `Number` runs 20–60× slower under jest than in node (jestjs/jest#5163, nodejs/node#31658). The
  // engine at 50,000 schools and the fake Excel (test/excel/clientMatrix.test.ts) spent most of their
  // time there. The same objects, not copies: `jest.spyOn(Math, …)` still works. They become the
  // module wrapper's parameters, so a name some module declares at its top with const, let or class
  // is a syntax error there: not `Symbol` (@fluentui/keyboard-keys), `Array`, `Uint8Array`, `Set`,
  // `Boolean` (declared so in packages under node_modules). Not `Date` nor timers either, which
  // jest's fake timers replace on the global.
  sandboxInjectedGlobals: [
    "Math",
    "Number",
    "String",
    "Object",
    "JSON",
    "Map",
    "WeakMap",
    "RegExp",
    "Reflect",
    "Intl",
    "Int32Array",
    "Float64Array",
  ],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest only for the OfficeApp enum; the package's main
    // module reaches an ESM-only dependency that jest cannot require on Node 20.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
