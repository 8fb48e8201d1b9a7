/*
 * functions.json is generated from the JSDoc of src/functions/functions.ts by the same generator the
 * webpack plugin (custom-functions-metadata-plugin) calls, so this checks the build's metadata without
 * running webpack: ids, names, parameter types, optional flags, dimensionality, and the association of
 * every id with its function.
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as worksheetFunctions from "../../src/functions/functions";
import type {
  FunctionMetadata,
  FunctionsMetadata,
} from "../../scripts/russian-functions-metadata.cjs";

const FUNCTIONS_FILE = join(__dirname, "..", "..", "src", "functions", "functions.ts");

let metadata: FunctionsMetadata;
let associations: { functionName: string; id: string }[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_FILE], false);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
  associations = generated.associate;
}, 30_000);

const fn = (id: string): FunctionMetadata => {
  const found = metadata.functions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${id} is not in functions.json`);
  return found;
};

/** [name, type, optional, dimensionality] of every parameter. */
const signature = (id: string) =>
  fn(id).parameters.map((p) => [p.name, p.type, p.optional ?? false, p.dimensionality ?? "scalar"]);

const TABLE_PARAMETERS = [
  ["table", "any", false, "matrix"],
  ["edition", "any", true, "scalar"],
  ["threshold", "number", true, "scalar"],
  ["minParticipants", "number", true, "scalar"],
  ["year", "any", true, "scalar"],
];

describe("generated custom functions metadata", () => {
  it("declares every function, each id named as itself and associated with its TypeScript function", () => {
    const expected: [string, string][] = [
      ["LOWRESULT", "lowResult"],
      ["ISBSH", "isbsh"],
      ["SHNSU", "shnsu"],
      ["SHNSU.THRESHOLD", "shnsuThreshold"],
      ["SHNOR", "shnor"],
      ["SHNOR.REASON", "shnorReason"],
      ["SHNOR.METHOD", "shnorMethod"],
      ["CONTEXT.RESIDUAL", "contextResidual"],
    ];
    expect(metadata.functions.map((f) => [f.id, f.name])).toEqual(expected.map(([id]) => [id, id]));
    expect(associations.map((a) => [a.id, a.functionName])).toEqual(expected);
    for (const [, name] of expected) {
      expect(typeof (worksheetFunctions as Record<string, unknown>)[name]).toBe("function");
    }
  });

  it.each<[string, unknown[][], { type?: string; dimensionality?: string }]>([
    [
      "LOWRESULT",
      [
        ["percentFailing", "number", false, "scalar"],
        ["threshold", "number", true, "scalar"],
        ["participants", "number", true, "scalar"],
        ["minParticipants", "number", true, "scalar"],
      ],
      { type: "boolean" },
    ],
    [
      "ISBSH",
      [
        ["bothHigher", "number", false, "scalar"],
        ["singleParent", "number", false, "scalar"],
        ["registered", "number", false, "scalar"],
        ["total", "number", true, "scalar"],
      ],
      { type: "number" },
    ],
    [
      "SHNSU",
      [
        ["isbsh", "number", false, "scalar"],
        ["allIsbsh", "any", false, "matrix"],
        ["quantile", "number", true, "scalar"],
      ],
      { type: "boolean" },
    ],
    [
      "SHNSU.THRESHOLD",
      [
        ["allIsbsh", "any", false, "matrix"],
        ["quantile", "number", true, "scalar"],
      ],
      { type: "number" },
    ],
    ["SHNOR", TABLE_PARAMETERS, { type: "string", dimensionality: "matrix" }],
    ["SHNOR.REASON", TABLE_PARAMETERS, { type: "string", dimensionality: "matrix" }],
    ["SHNOR.METHOD", TABLE_PARAMETERS, { type: "string" }],
    [
      "CONTEXT.RESIDUAL",
      [
        ["results", "any", false, "matrix"],
        ["isbsh", "any", false, "matrix"],
      ],
      { dimensionality: "matrix" }, // type any (numbers and empty strings) is the default, left out
    ],
  ])("%s: parameters and result", (id, parameters, result) => {
    expect(signature(id)).toEqual(parameters);
    expect(fn(id).result).toEqual(result);
  });

  it("is neither streaming nor volatile: every result depends only on the arguments", () => {
    for (const f of metadata.functions) expect(f.options ?? {}).toEqual({});
  });

  it("describes every function and parameter in English and says which percent scale it takes", () => {
    for (const f of metadata.functions) {
      for (const text of [f.description, ...f.parameters.map((p) => p.description)]) {
        expect(text).toMatch(/[a-z]{3}/i);
      }
    }
    for (const id of ["LOWRESULT", "SHNOR", "SHNOR.REASON"])
      expect(fn(id).description).toMatch(/0–100/);
    expect(fn("ISBSH").description).toMatch(/shares 0–1, or counts/);
    expect(fn("ISBSH").description).toMatch(/0 to 100/);
    expect(fn("SHNSU.THRESHOLD").description).toMatch(/0–100/);
    expect(fn("CONTEXT.RESIDUAL").description).toMatch(/Both scales 0–100/);
  });
});
