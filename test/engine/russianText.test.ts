import { formatCount, plural } from "../../src/engine";
import { minusSignFormat } from "../../src/engine/russianText";

describe("plural: the noun agrees with the count (Intl.PluralRules «ru»)", () => {
  const schools = (count: number) => plural(count, "школа", "школы", "школ");
  const sheets = (count: number) => plural(count, "лист", "листа", "листов");

  it.each([
    [0, "0 школ", "0 листов"],
    [1, "1 школа", "1 лист"],
    [2, "2 школы", "2 листа"],
    [5, "5 школ", "5 листов"],
    [11, "11 школ", "11 листов"],
    [21, "21 школа", "21 лист"],
    [22, "22 школы", "22 листа"],
    [25, "25 школ", "25 листов"],
    [111, "111 школ", "111 листов"],
    [112, "112 школ", "112 листов"],
    [1001, "1001 школа", "1001 лист"],
  ])("%d → «%s», «%s»", (count, school, sheet) => {
    expect(schools(count)).toBe(school);
    expect(sheets(count)).toBe(sheet);
  });

  it("gives a fraction the genitive singular, the «few» form, with a decimal comma", () => {
    // CLDR's category for 1.5 is «other»; Russian says «1,5 школы», «2,5 процента».
    expect(new Intl.PluralRules("ru").select(1.5)).toBe("other");
    expect(schools(1.5)).toBe("1,5 школы");
    expect(plural(2.5, "процент", "процента", "процентов")).toBe("2,5 процента");
    expect(plural(0.5, "балл", "балла", "баллов")).toBe("0,5 балла");
  });

  it("agrees other cases the caller gives: «по 41 школе», «из 21 школы»", () => {
    expect(`по ${plural(41, "школе", "школам", "школам")}`).toBe("по 41 школе");
    expect(`по ${plural(46, "школе", "школам", "школам")}`).toBe("по 46 школам");
    expect(`из ${plural(21, "школы", "школ", "школ")}`).toBe("из 21 школы");
    expect(`из ${plural(22, "школы", "школ", "школ")}`).toBe("из 22 школ");
  });

  it("groups the digits of five-digit counts with no-break spaces", () => {
    expect(schools(12_345)).toBe("12\u00a0345 школ");
    expect(schools(50_001)).toBe("50\u00a0001 школа");
    expect(formatCount(9999)).toBe("9999");
    expect(formatCount(1_234_567)).toBe("1\u00a0234\u00a0567");
    expect(formatCount(-3)).toBe("\u22123");
  });
});

describe("number formats with the minus sign", () => {
  it.each([
    [2, '0.00;"\u2212"0.00'],
    [1, '0.0;"\u2212"0.0'],
    [0, '0;"\u2212"0'],
  ])("%d decimals: %s", (decimals, format) => {
    expect(minusSignFormat(decimals)).toBe(format);
  });
});
