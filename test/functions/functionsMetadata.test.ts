/*
 * functions.json is generated from the JSDoc of src/functions/functions.ts by the same generator the
 * webpack plugin (custom-functions-metadata-plugin) calls, so this checks the build's metadata without
 * running webpack.
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const FUNCTIONS_FILE = join(__dirname, "..", "..", "src", "functions", "functions.ts");

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; type: string; optional?: boolean; description: string }[];
  result: { type: string };
}

let metadata: { functions: FunctionMetadata[] };
let associations: { functionName: string; id: string }[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_FILE], false);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] };
  associations = generated.associate;
}, 30_000);

describe("generated custom functions metadata", () => {
  it("declares LOWRESULT, associated with lowResult", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(["LOWRESULT"]);
    expect(associations).toEqual([expect.objectContaining({ id: "LOWRESULT", functionName: "lowResult" })]);
  });

  it("gives LOWRESULT one required and three optional number parameters and a boolean result", () => {
    const lowResult = metadata.functions[0];
    expect(lowResult.name).toBe("LOWRESULT");
    expect(lowResult.parameters.map((p) => [p.name, p.type, p.optional ?? false])).toEqual([
      ["percentFailing", "number", false],
      ["threshold", "number", true],
      ["participants", "number", true],
      ["minParticipants", "number", true],
    ]);
    expect(lowResult.result).toEqual({ type: "boolean" });
  });

  it("describes LOWRESULT and its parameters in Russian and English", () => {
    const lowResult = metadata.functions[0];
    for (const text of [lowResult.description, ...lowResult.parameters.map((p) => p.description)]) {
      expect(text).toMatch(/[а-яё]/i);
      expect(text).toMatch(/[a-z]{3}/i);
    }
  });
});
