import { normalizeText } from "../russianText";

/**
 * School names as two lists write them (docs/method.md §9). An official list and a regional export
 * name the same school in different hands: «МБОУ "СОШ №5"», «МБОУ СОШ № 5», «Средняя школа № 5»,
 * «Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»».
 * Two keys compare them, from strict to lenient:
 *
 * - `spellingKey`: the same words — case, ё/е, quotes, spaces, dashes, «№5»/«№ 5»/«N 5», a list's
 *   own numbering («3.») and end punctuation («;») do not count. Equal keys are the same name.
 * - `variantKey`: also the usual variants — the legal form (МБОУ, МАОУ, «муниципальное бюджетное
 *   общеобразовательное учреждение») is left out, «средняя (общеобразовательная) школа» and «СШ» are
 *   «СОШ», «основная …» is «ООШ», «начальная …» is «НОШ», «№» is dropped. Equal keys are probably
 *   the same school: the reconciliation says so and asks to check.
 */

/** «1.», «12)», «3 .» at the start: the numbering of a printed list, not the name. */
const LIST_NUMBER = /^\d{1,4}\s*[.)]\s*(?!\d)/;
/** «№5», «№ 5», «N5», «N 5», «No 5», «№№ 5» → «№ 5». */
const NUMBER_SIGN = /(?<![а-яa-z])(?:№+|n|no)\s*\.?\s*(?=\d)/g;

/** The same words, whatever the case, quotes, spaces, ё, «№» and list numbering. */
export function spellingKey(name: string): string {
  return normalizeText(name)
    .replace(LIST_NUMBER, "")
    .replace(/"/g, " ")
    .replace(NUMBER_SIGN, "№ ")
    .replace(/\s*[-–—]\s*/g, "-")
    .replace(/\s*,\s*/g, ", ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:.]+|[\s,;:.]+$/g, "");
}

// JavaScript's \b does not know Cyrillic letters: word edges are spelled out.
const word = (body: string): RegExp =>
  new RegExp(`(?<![а-яa-z0-9])(?:${body})(?![а-яa-z0-9])`, "g");

/** Full legal forms first, so that their words are not read as a type of school. */
const LEGAL_FORMS = word(
  "(?:муниципальн[а-я]*|государственн[а-я]*|частн[а-я]*)\\s+(?:(?:бюджетн|автономн|казенн)[а-я]*\\s+)?" +
    "(?:обще)?образовательн[а-я]*\\s+(?:учреждени[а-я]*|организаци[а-я]*)|" +
    "[мгч]?[бак]?оу|моу|мбу"
);

/** Types of school in words and their abbreviations: the longer phrase first. */
const SCHOOL_TYPES: [RegExp, string][] = [
  [
    word("средн[а-я]*\\s+(?:обще)?образовательн[а-я]*\\s+школ[а-я]*|средн[а-я]*\\s+школ[а-я]*|сш"),
    "сош",
  ],
  [
    word("основн[а-я]*\\s+(?:обще)?образовательн[а-я]*\\s+школ[а-я]*|основн[а-я]*\\s+школ[а-я]*"),
    "оош",
  ],
  [
    word("начальн[а-я]*\\s+(?:обще)?образовательн[а-я]*\\s+школ[а-я]*|начальн[а-я]*\\s+школ[а-я]*"),
    "нош",
  ],
  [word("имени|им\\."), "им"],
];

/** The name without its legal form and with the type of school abbreviated: «сош 5». */
export function variantKey(name: string): string {
  let key = spellingKey(name).replace(LEGAL_FORMS, " ");
  for (const [pattern, short] of SCHOOL_TYPES) key = key.replace(pattern, short);
  return key
    .replace(/№\s*/g, "")
    .replace(/[,;:.()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
