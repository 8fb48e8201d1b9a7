import { findTitleYears, parseTableYears } from "../../../src/engine/table/titleYears";
import { isEngineError } from "../../../src/engine";

const labels = (text: string): string[] => findTitleYears(text).map((year) => year.label);

describe("the data years a heading names (docs/method.md §1)", () => {
  it.each([
    ["Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов", ["2018", "2019"]],
    ["Итоги ВПр, ОГЭ, ЕГЭ 2018, 2019 годов МБОУ «СОШ № 30»", ["2018", "2019"]],
    ["Итоги ВПР 2019, 2018 годов", ["2018", "2019"]],
    ["Результаты 2018–2019 гг.", ["2018", "2019"]],
    ["Результаты 2017-2019 годов", ["2017", "2018", "2019"]],
    ["Итоги 2018 и 2019 годов", ["2018", "2019"]],
    ["Итоги 2019 года", ["2019"]],
    ["Итоги 2018/2019 учебного года", ["2018/2019"]],
    ["Итоги 2018–2019 учебного года", ["2018/2019"]],
    ["Итоги 2018-19 уч. года", ["2018/2019"]],
    ["Приложение 1 к приказу КОиН от 09.12.2020 № 1351", []],
    ["Приложение к приказу от 23 ноября 2020 г. № 828", []],
    ["Приложение к приказу от 23.11.2020 г. № 828 «Итоги 2019 года»", ["2019"]],
    ["Приказ № 2020 от 01.02.2021", []],
    ["Таблица 1", []],
  ])("%s → %j", (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
});

describe("years the user types", () => {
  it.each([
    ["2018, 2019", ["2018", "2019"]],
    ["2019,2018", ["2018", "2019"]],
    ["2018 и 2019", ["2018", "2019"]],
    ["2018–2019", ["2018", "2019"]],
    ["2019", ["2019"]],
  ])("%s → %j", (text, expected) => {
    const years = parseTableYears(text);
    expect(isEngineError(years) ? years.message : years.map((year) => year.label)).toEqual(
      expected
    );
  });

  it.each(["", "прошлый год", "2019 и позапрошлый", "19"])("refuses %j with an example", (text) => {
    const years = parseTableYears(text);
    expect(isEngineError(years) && years.message).toMatch(/например «2018, 2019»/);
  });
});
