// ESLint flat config: eslint-plugin-office-addins (its React preset: Office.js batching rules, React,
// Prettier with office-addin-prettier-config) applied to every source file, TSX included.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import prettierPlugin from "eslint-plugin-prettier";
import globals from "globals";

// The preset's main block (parser, Office.js rules, prettier) lists no .tsx files; reuse it for them.
const officeRules = officeAddins.configs.recommended.find(
  (block) => block.rules && "office-addins/load-object-before-read" in block.rules
);

export default [
  {
    ignores: [
      "node_modules/",
      "dist/",
      "build/",
      "build-bench/",
      "coverage/",
      "assets/",
      "samples/",
      // the browser tests' own production build and screenshots
      "test-output/",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,cts,mts}"],
    plugins: {
      "@typescript-eslint": tsPlugin,
      "office-addins": officeAddins,
      prettier: prettierPlugin,
    },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...officeRules.rules,
      // TypeScript resolves names itself (and knows the Office, DOM and Node globals per tsconfig).
      "no-undef": "off",
      // react-jsx runtime: no React import needed; props are typed by TypeScript.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "react/prop-types": "off",
    },
  },
  {
    // The engine is pure TypeScript (docs/development.md, "Folders"): it imports only its own
    // modules, and never reaches a host, the DOM, the file system or the process. The adapters
    // around it do that.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\.)",
              message:
                "src/engine imports only its own modules: hosts and packages belong in an adapter.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "Office",
          "Excel",
          "OfficeExtension",
          "CustomFunctions",
          "window",
          "document",
          "process",
          "require",
          "fetch",
          "XMLHttpRequest",
          "localStorage",
        ].map((name) => ({
          name,
          message: "src/engine is pure: no host, DOM, file or process access.",
        })),
      ],
    },
  },
  {
    // The two hosts are adapters side by side: each depends on the engine and on the neutral port
    // (src/host), never on the other, on the pane or on a page (docs/development.md, "Folders").
    files: ["src/excel/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./+(\\.\\./)*(taskpane|standalone|cli|functions)(/|$)",
              message:
                "An adapter imports the engine and src/host, not the pane, a page or the CLI.",
            },
            {
              regex: "^\\.\\./(\\.\\./)*(excel|xlsx)/",
              message: "The Excel and .xlsx adapters do not import each other.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    files: ["**/*.cjs", "*.config.js", "webpack.config.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
];
