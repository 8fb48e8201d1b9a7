import { readHeaderText } from "../../src/engine/table/headerText";

describe("reading a column's header text", () => {
  it.each([
    ["ВПр МА 5 2019", "ВПР МА 5", "2019", null],
    ["ВПР мат. 5 кл 2018/2019 % «2»", "ВПР МА 5", "2018/2019", "failing"],
    [
      "ВПР по математике (5 класс), 2018-19, % высоких результатов",
      "ВПР МА 5",
      "2018/2019",
      "high",
    ],
    ["ВПР русский язык 6 класс 2024 доля «2»", "ВПР РУ 6", "2024", "failing"],
    ["ВПР рус. 6 кл. 2023–2024 %2", "ВПР РУ 6", "2023/2024", "failing"],
    ["ОГЭ рус. 2019 кол-во участников", "ОГЭ РУ", "2019", "participants"],
    ["ОГЭ математика 9 класс 2019 средний балл", "ОГЭ МА", "2019", "average"],
    [
      "ЕГЭ математика (профильная) 2019 % не преодолевших минимальный порог",
      "ЕГЭ МА профиль",
      "2019",
      "failing",
    ],
    ["ЕГЭ мат. базовая 2019 % «2»", "ЕГЭ МА база", "2019", "failing"],
    ["ЕГЭ МА 2019 % ВЫСОКИХ РЕЗУЛЬТАТОВ", "ЕГЭ МА", "2019", "high"],
    ["ВПР ОМ 4 2019 % «2»", "ВПР ОМ 4", "2019", "failing"],
    [
      "КДР читательская грамотность 8 кл 2024 % «2»",
      "КДР Читательская грамотность 8",
      "2024",
      "failing",
    ],
  ])("%s → %s, %s, %s", (text, procedure, year, metric) => {
    const meaning = readHeaderText(text);
    expect(meaning.procedure?.id).toBe(procedure);
    expect(meaning.year?.label).toBe(year);
    expect(meaning.metric).toBe(metric);
  });

  it.each([
    ["ВПР МА 5", true],
    ["ВПР РУ 6", true],
    ["ОГЭ МА", true],
    ["ЕГЭ РУ", true],
    ["ЕГЭ математика профиль", true],
    ["ВПР МА 7", false],
    ["ВПР ОМ 4", false],
    ["ОГЭ биология", false],
    ["КДР МА 5", false],
  ])("«%s 2019» counts for the ШНОР rule: %s", (text, counted) => {
    expect(readHeaderText(`${text} 2019`).procedure?.countedForLowResults).toBe(counted);
  });

  it.each([
    ["Муниципалитет", "municipality"],
    ["АТЕ", "municipality"],
    ["Наименование ОО", "name"],
    ["Краткое наименование образовательной организации", "name"],
    ["Логин ОО", "login"],
    ["Логин", "login"],
  ])("%s is the identity field %s", (text, field) => {
    expect(readHeaderText(text)).toMatchObject({ identity: field, procedure: null });
  });

  it.each(["% «2»", "% ВЫСОКИХ РЕЗУЛЬТАТОВ", "Кол-во участников"])(
    "a bare metric label «%s» is neither identity nor procedure",
    (text) => {
      expect(readHeaderText(text)).toMatchObject({ identity: null, procedure: null });
      expect(readHeaderText(text).metric).not.toBeNull();
    }
  );
});
