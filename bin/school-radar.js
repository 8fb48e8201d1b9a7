#!/usr/bin/env node
"use strict";
// Thin launcher: the command line itself is TypeScript in src/cli, compiled to build/ by
// `npm run build:cli` (run automatically by `npm ci` through the "prepare" script).
const path = require("path");

let cli;
try {
  cli = require(path.join(__dirname, "..", "build", "cli", "main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("main.js")) {
    process.stderr.write(
      "school-radar: the command line is not built yet; run `npm run build:cli` first.\n"
    );
    process.exit(2);
  }
  throw error;
}

// src/cli/cliIo.ts: text sinks, so tests can capture output; here they are the real streams.
const io = {
  // A full pipe: the promise lets the long --json report wait for it to drain instead of queueing.
  stdout: (text) =>
    process.stdout.write(text)
      ? undefined
      : new Promise((resolve) => process.stdout.once("drain", resolve)),
  stderr: (text) => process.stderr.write(text),
};
cli.main(process.argv.slice(2), io).then(
  (code) => {
    // exitCode, not process.exit(): a large --json report must finish flushing to a pipe.
    process.exitCode = typeof code === "number" ? code : 0;
  },
  (error) => {
    process.stderr.write(`school-radar: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  }
);
