// Bundles the task pane and the custom functions for the add-in (dist/).
//
// Shared runtime: taskpane.html is the one page Excel runs for the task pane, the ribbon button and the
// custom functions (manifest: <Runtime resid="Taskpane.Url">, CustomFunctions <Page> = Taskpane.Url).
// So that page must load the functions bundle as well — otherwise the functions never register and
// cells stay at #BUSY!. functions.js is still emitted on its own for the manifest's Functions.Script.Url.
//
// Production URL: manifest.xml is written for https://localhost:3000/ (the dev server). `npm run build`
// copies it to dist/manifest.xml with that origin replaced by ADDIN_PUBLIC_URL (https, ending in "/"),
// e.g. ADDIN_PUBLIC_URL=https://radar.example.edu/addin/ npm run build
// Beside it, dist/manifest-taskpane.xml: the same add-in without the shared runtime and the custom
// functions, for Excel that has neither (scripts/webpack/taskpane-manifest.cjs).
//
// office.js: from Microsoft's CDN, the copy Microsoft supports («The Office CDN is the official
// supported source for Office Add-ins»; the npm package «is no longer officially supported»:
// https://learn.microsoft.com/en-us/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
// and node_modules/@microsoft/office-js/README.md). For a closed network without access to the CDN,
// OFFICE_JS=self-hosted npm run build copies the package's office.js into dist/assets/office-js/ and
// the task pane page loads it from there (docs/deployment.md, «office.js и закрытые сети»).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { RussianFunctionsMetadataPlugin } = require("./scripts/russian-functions-metadata.cjs");
const { HelpPagePlugin } = require("./scripts/webpack/help-page.cjs");
const { taskpaneOnlyManifest } = require("./scripts/webpack/taskpane-manifest.cjs");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://school-radar.example.org/";
const DEV_SERVER_PORT = 3000;

function productionUrl() {
  const url = process.env.ADDIN_PUBLIC_URL || DEFAULT_PROD_URL;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) {
    throw new Error(
      `ADDIN_PUBLIC_URL must be an https URL ending in "/", got ${JSON.stringify(url)}`
    );
  }
  return url;
}

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Where the task pane page gets office.js (OFFICE_JS: "cdn", the default, or "self-hosted"), and the
 * script sources its Content Security Policy allows: its own origin, and for the CDN exactly
 * Microsoft's origin.
 */
function officeJs() {
  const mode = process.env.OFFICE_JS || "cdn";
  if (mode === "cdn") {
    return { mode, src: OFFICE_JS_CDN, scriptSources: `'self' ${new URL(OFFICE_JS_CDN).origin}` };
  }
  if (mode === "self-hosted") {
    return { mode, src: "assets/office-js/office.js", scriptSources: "'self'" };
  }
  throw new Error(`OFFICE_JS must be "cdn" or "self-hosted", got ${JSON.stringify(mode)}`);
}

// office.js loads its host-specific scripts (excel-*.js, locale strings) from its own folder, so the
// local copy needs those too. Debug builds and other hosts' scripts are left out.
const OFFICE_JS_IGNORE = [
  "**/*.debug.js",
  "**/office-vsdoc.js",
  "**/access-*",
  "**/onenote*",
  "**/outlook*",
  "**/powerpoint*",
  "**/project*",
  "**/visio*",
  "**/word*",
];

async function devServerHttpsOptions() {
  // Only needed by `npm run dev-server`; a build never asks for certificates. office-addin-dev-certs
  // makes a localhost certificate and trusts its CA (on Linux through sudo). Where it cannot, the dev
  // server still starts, with webpack-dev-server's own self-signed certificate (untrusted by Office).
  const devCerts = require("office-addin-dev-certs");
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (error) {
    console.warn(
      `dev-server: Office developer certificates unavailable (${error.message.split("\n")[0]}); ` +
        "serving with a self-signed certificate. Run `npx office-addin-dev-certs install` to fix."
    );
    return {};
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const publicUrl = dev ? DEV_URL : productionUrl();
  const office = officeJs();
  const withPublicUrl = (content) => (dev ? content : content.split(DEV_URL).join(publicUrl));
  return {
    devtool: "source-map", // never an eval-based devtool: the page's CSP forbids eval
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      // The task pane outside Office, on an .xlsx opened in the browser (standalone.html).
      standalone: "./src/standalone/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // Every Office webview has globalThis. Without this promise webpack's runtime finds the global
      // object with `new Function("return this")`, which the pages' CSP (no 'unsafe-eval') forbids
      // and test/security/productionBuild.test.ts rejects.
      environment: { globalThis: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are `npm run typecheck`'s job; the bundle build only transpiles.
            options: { transpileOnly: true, configFile: "tsconfig.json" },
          },
        },
        {
          // The standalone page's sample (src/standalone/sampleWorkbook.ts), inlined as base64 in
          // its lazily loaded chunk: opened from disk (file://) the page cannot fetch a file beside it.
          test: /samples[\\/][^\\/]+\.xlsx$/,
          type: "asset/inline",
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      // functions-ru.json: Russian names and descriptions for Russian Excel (manifest: Override ru-RU).
      new RussianFunctionsMetadataPlugin({ source: "functions.json", output: "functions-ru.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJs: office, // the template's office.js <script> and its policy's script-src
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/standalone/standalone.html",
        chunks: ["standalone"],
      }),
      // help.html: the method (docs/method.md) in the help page's template, beside taskpane.html and
      // standalone.html, so the pane's relative link «help.html#s2» opens it from either page, from
      // the add-in's server or from disk.
      new HelpPagePlugin({
        template: path.resolve(__dirname, "src/taskpane/help.html"),
        method: path.resolve(__dirname, "docs/method.md"),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(office.mode === "self-hosted"
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "assets/office-js",
                  globOptions: { ignore: OFFICE_JS_IGNORE },
                  info: { minimized: true }, // already minified by Microsoft; re-minifying 17 MB costs ~40 s
                },
              ]
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => withPublicUrl(content.toString()),
          },
          {
            from: "manifest.xml",
            to: "manifest-taskpane.xml",
            transform: (content) => withPublicUrl(taskpaneOnlyManifest(content.toString())),
          },
        ],
      }),
    ],
    performance: {
      hints: dev ? false : "warning",
      // Only the pages' entry bundles count; the copied office.js folder is Microsoft's, and the
      // standalone page's reader (its xlsx chunk and worker) loads only when a workbook is needed.
      assetFilter: (file) => /^(taskpane|functions|standalone)\.js$/.test(file),
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      host: "localhost", // Office loads https://localhost:3000; nothing else needs to reach it
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_SERVE && !options.https ? await devServerHttpsOptions() : {},
      },
      port: process.env.npm_package_config_dev_server_port || DEV_SERVER_PORT,
    },
  };
};
