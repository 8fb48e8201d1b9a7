/*
 * The Russian custom functions metadata (functions-ru.json), made at build time from the generated
 * functions.json and the table of Russian names and descriptions (src/functions/russianMetadata.json).
 *
 * Excel localizes custom functions through one metadata file per language: the same ids, types and
 * dimensionality, with `name` and `description` of every function and parameter in that language;
 * the manifest's metadata URL gets a <bt:Override Locale="ru-RU"> pointing at it ("Custom functions
 * naming and localization", Microsoft Learn). The generated English file stays the single source of the
 * structure, so the two files cannot drift: a function or parameter without a Russian entry, or an
 * entry for one that no longer exists, fails the build.
 *
 * Used by webpack.config.js (RussianFunctionsMetadataPlugin) and by the tests (localizeFunctionsMetadata).
 */
"use strict";

const fs = require("fs");
const path = require("path");

const PLUGIN_NAME = "RussianFunctionsMetadataPlugin";
const DEFAULT_TABLE = path.join(__dirname, "..", "src", "functions", "russianMetadata.json");

/**
 * Merges Russian names and descriptions into generated metadata. Returns { metadata, problems }: the
 * Russian metadata (a new object; the input is not changed) and what is missing or stale in the table.
 */
function localizeFunctionsMetadata(metadata, table) {
  const problems = [];
  const entries = (table && table.functions) || {};
  const functions = metadata.functions.map((fn) => {
    const entry = entries[fn.id];
    if (!entry) {
      problems.push(`${fn.id}: no Russian entry`);
      return fn;
    }
    for (const key of ["name", "description"]) {
      if (typeof entry[key] !== "string" || entry[key].trim() === "")
        problems.push(`${fn.id}: no Russian ${key}`);
    }
    const parameterEntries = entry.parameters || {};
    const parameters = (fn.parameters || []).map((parameter) => {
      const russian = parameterEntries[parameter.name];
      if (!russian) {
        problems.push(`${fn.id}(${parameter.name}): no Russian entry`);
        return parameter;
      }
      for (const key of ["name", "description"]) {
        if (typeof russian[key] !== "string" || russian[key].trim() === "")
          problems.push(`${fn.id}(${parameter.name}): no Russian ${key}`);
      }
      return { ...parameter, name: russian.name, description: russian.description };
    });
    const known = new Set((fn.parameters || []).map((parameter) => parameter.name));
    for (const name of Object.keys(parameterEntries)) {
      if (!known.has(name)) problems.push(`${fn.id}(${name}): Russian entry for no parameter`);
    }
    return { ...fn, name: entry.name, description: entry.description, parameters };
  });
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(entries)) {
    if (!ids.has(id)) problems.push(`${id}: Russian entry for no function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

function readTable(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/**
 * Emits `output` (functions-ru.json) beside the `source` asset (functions.json) that
 * custom-functions-metadata-plugin adds to the compilation. Problems are compilation errors.
 */
class RussianFunctionsMetadataPlugin {
  constructor(options = {}) {
    this.source = options.source || "functions.json";
    this.output = options.output || "functions-ru.json";
    this.table = path.resolve(options.table || DEFAULT_TABLE);
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.fileDependencies.add(this.table);
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            // custom-functions-metadata-plugin reports its own errors; nothing to localize then.
            if (compilation.errors.length === 0)
              compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: no ${this.source} asset`));
            return;
          }
          let result;
          try {
            const english = JSON.parse(asset.source.source().toString());
            result = localizeFunctionsMetadata(english, readTable(this.table));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${error.message}`));
            return;
          }
          for (const problem of result.problems) {
            compilation.errors.push(
              new WebpackError(
                `${PLUGIN_NAME}: ${path.relative(process.cwd(), this.table)}: ${problem}`
              )
            );
          }
          compilation.emitAsset(
            this.output,
            new sources.RawSource(`${JSON.stringify(result.metadata, null, 2)}\n`)
          );
        }
      );
    });
  }
}

module.exports = { localizeFunctionsMetadata, RussianFunctionsMetadataPlugin, DEFAULT_TABLE };
