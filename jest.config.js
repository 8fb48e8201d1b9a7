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
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest only for the OfficeApp enum; the package's main
    // module reaches an ESM-only dependency that jest cannot require on Node 20.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
