/*
 * The Russian metadata (functions-ru.json, for Russian Excel) is the generated functions.json with the
 * names and descriptions of src/functions/russianMetadata.json merged in by the same code the build
 * runs (scripts/russian-functions-metadata.cjs). It must cover every function and parameter, keep the
 * ids and the structure, and use names Excel accepts.
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  localizeFunctionsMetadata,
  type FunctionsMetadata,
  type RussianTable,
} from "../../scripts/russian-functions-metadata.cjs";
import russianTable from "../../src/functions/russianMetadata.json";

const FUNCTIONS_FILE = join(__dirname, "..", "..", "src", "functions", "functions.ts");
const CYRILLIC = /[а-яё]/i;

let english: FunctionsMetadata;
let russian: FunctionsMetadata;
let problems: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_FILE], false);
  expect(generated.errors).toEqual([]);
  english = JSON.parse(generated.metadataJson) as FunctionsMetadata;
  ({ metadata: russian, problems } = localizeFunctionsMetadata(
    english,
    russianTable as RussianTable
  ));
}, 30_000);

describe("the Russian custom functions metadata", () => {
  it("has an entry for every function and parameter, and none for what does not exist", () => {
    expect(problems).toEqual([]);
  });

  it("gives the Russian names of the issue: НИЗКИЙРЕЗУЛЬТАТ, ИСБШ, ШНСУ, ШНОР, ШНОР.ОБОСНОВАНИЕ…", () => {
    expect(russian.functions.map((f) => [f.id, f.name])).toEqual([
      ["LOWRESULT", "НИЗКИЙРЕЗУЛЬТАТ"],
      ["ISBSH", "ИСБШ"],
      ["SHNSU", "ШНСУ"],
      ["SHNSU.THRESHOLD", "ШНСУ.ПОРОГ"],
      ["SHNOR", "ШНОР"],
      ["SHNOR.REASON", "ШНОР.ОБОСНОВАНИЕ"],
      ["SHNOR.METHOD", "ШНОР.МЕТОДИКА"],
      ["CONTEXT.RESIDUAL", "КОНТЕКСТ.ОТКЛОНЕНИЕ"],
    ]);
  });

  it("describes every function and parameter in Russian, with a Russian parameter name", () => {
    for (const f of russian.functions) {
      expect(f.description).toMatch(CYRILLIC);
      for (const p of f.parameters) {
        expect(p.name).toMatch(CYRILLIC);
        expect(p.description).toMatch(CYRILLIC);
      }
    }
  });

  it("says the scale: percent points 0–100, shares 0–1 or counts, the index 0–100", () => {
    const byId = (id: string) => russian.functions.find((f) => f.id === id)!;
    for (const id of ["LOWRESULT", "SHNOR", "SHNOR.REASON"])
      expect(byId(id).description).toMatch(/пунктах 0–100/);
    expect(byId("ISBSH").description).toMatch(/доли 0–1 или количества/);
    expect(byId("ISBSH").description).toMatch(/от 0 до 100/);
    expect(byId("LOWRESULT").parameters[0].description).toMatch(/0–100 \(30, а не 0,3\)/);
  });

  it("keeps ids, order, types, optional flags, dimensionality and results of the generated metadata", () => {
    const structure = (metadata: FunctionsMetadata) =>
      metadata.functions.map((f) => ({
        id: f.id,
        result: f.result,
        options: f.options,
        parameters: f.parameters.map(({ type, optional, dimensionality }) => ({
          type,
          optional,
          dimensionality,
        })),
      }));
    expect(structure(russian)).toEqual(structure(english));
    expect(Object.keys(russian).sort()).toEqual(Object.keys(english).sort());
  });

  it("uses names Excel accepts: a letter first, at least three characters, letters, '_' and '.' only; unique", () => {
    const names = russian.functions.map((f) => f.name);
    for (const name of names) expect(name).toMatch(/^\p{L}[\p{L}_.]{2,}$/u);
    expect(new Set(names).size).toBe(names.length);
    for (const f of russian.functions) {
      const parameterNames = f.parameters.map((p) => p.name);
      for (const name of parameterNames) expect(name).toMatch(/^\p{L}[\p{L}_]*$/u);
      expect(new Set(parameterNames).size).toBe(parameterNames.length);
    }
  });

  it("reports a function or parameter left without a Russian entry, and a stale entry", () => {
    const table = JSON.parse(JSON.stringify(russianTable)) as RussianTable;
    delete table.functions.SHNSU;
    delete table.functions.SHNOR.parameters!.year;
    table.functions.SHNOR.parameters!.oldOption = { name: "старое", description: "нет такого" };
    table.functions.GONE = { name: "НЕТ", description: "нет такой функции" };
    expect(localizeFunctionsMetadata(english, table).problems).toEqual([
      "SHNSU: no Russian entry",
      "SHNOR(year): no Russian entry",
      "SHNOR(oldOption): Russian entry for no parameter",
      "GONE: Russian entry for no function",
    ]);
  });

  it("does not change the generated metadata it localizes", () => {
    expect(english.functions[0].name).toBe("LOWRESULT");
    expect(english.functions[0].parameters[0].name).toBe("percentFailing");
  });
});
