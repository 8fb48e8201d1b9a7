/**
 * The worker that reads an opened workbook (sheetsWorker.ts), as webpack 5 bundles it
 * from this expression (https://webpack.js.org/guides/web-workers/): a chunk of its own beside the
 * page's. Only the page imports this file: `import.meta` does not run under the tests' CommonJS.
 */
export function startSheetsWorker(): Worker {
  return new Worker(new URL("./sheetsWorker.ts", import.meta.url), {
    name: "school-radar-reader",
  });
}
