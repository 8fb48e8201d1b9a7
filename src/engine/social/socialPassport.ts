import type { EngineError, SheetGrid } from "../types";
import {
  countField as count,
  readKeyedSheet,
  type FieldSpec,
  type HeaderPattern,
  type KeyedSheet,
  type KeyedSheetSchema,
} from "../sheets/keyedSheet";
import { isEngineError } from "../engineError";
import { readRegisters } from "./registers";

/**
 * The registers a child may be on (docs/method.md §3): in-school (ВШУ), the commission for minors (КДН), the
 * police's unit for minors (ПДН). A region's form may give each in a column of its own.
 */
const REGISTERS = {
  registeredInSchool: /вшу|внутри\s*школьн|внутришкольн/,
  registeredKdn: /кдн|комисси[а-я]*\s*по\s*делам/,
  registeredPolice: /пдн|полици|подразделени[а-я]*\s*по\s*делам|органах\s*внутренних/,
};

const registersNamed = (header: string): number =>
  Object.values(REGISTERS).filter((register) => register.test(header)).length;

/** A column of one register names it and no other («На учёте в КДН»). */
const oneRegister = (register: keyof typeof REGISTERS): HeaderPattern => ({
  test: (header) => REGISTERS[register].test(header) && registersNamed(header) === 1,
});

/**
 * The total: «учёт» without a single register named — «Состоят на учёте», «на различных видах учёта»,
 * «на учёте (ВШУ, КДН, полиция)».
 */
const anyRegister: HeaderPattern = {
  test: (header) => /уч[её]т/.test(header) && registersNamed(header) !== 1,
};

/**
 * The social passport of schools (docs/method.md §3): students total and the counts behind ИСБШ, then the
 * other social factors seed 001 found to matter (Appendix 1). A column whose header says «доля» or
 * «%» is read as a share in per cent instead of a count.
 */
export const SOCIAL_PASSPORT_FIELDS: FieldSpec[] = [
  count(
    "studentsTotal",
    "Всего обучающихся",
    /всего\s*обучающ|обучающихся\s*всего|численность\s*обучающ|контингент|^всего$/
  ),
  count(
    "bothParentsHigherEducation",
    "Оба родителя с высшим образованием",
    /оба\s*родител[а-я]*.*высш/
  ),
  count(
    "oneParentHigherEducation",
    "Один из родителей с высшим образованием",
    /один\s*(из\s*)?родител[а-я]*.*высш/
  ),
  count("singleParentFamilies", "Из неполных семей", /неполн/),
  count("registeredKdn", "На учёте в КДН", oneRegister("registeredKdn")),
  count("onRegisters", "Состоят на учёте (ВШУ, КДН, полиция)", anyRegister),
  count("largeFamilies", "Из многодетных семей", /многодет/),
  count("nonNativeRussian", "Русский язык не родной", /не\s*(является\s*)?родн/),
  count("bothParentsUnemployed", "Оба родителя безработные", /оба.*безработ/),
  count("parentWithDisability", "Хотя бы один родитель — инвалид", /родител[а-я]*.*инвалид/),
  count("fosterFamilies", "Из приёмных семей, под опекой", /при[её]мн|опек/),
  count("sociallyDangerous", "Семьи в социально опасном положении", /социально\s*опасн/),
  count("poorHousing", "Проживают в неблагоустроенном жилье", /неблагоустро/),
];

/**
 * The other single registers: read where a region's form has them, to make up a missing total, but not
 * in our template, which asks for the total (and КДН, a factor of its own in seed 001's Appendix 1).
 */
const OTHER_REGISTER_FIELDS: FieldSpec[] = [
  count("registeredInSchool", "На внутришкольном учёте (ВШУ)", oneRegister("registeredInSchool")),
  count("registeredPolice", "На учёте в ПДН (полиция)", oneRegister("registeredPolice")),
];

export const SOCIAL_PASSPORT: KeyedSheetSchema = {
  kind: "social-passport",
  title: "социальный паспорт",
  fields: [...SOCIAL_PASSPORT_FIELDS, ...OTHER_REGISTER_FIELDS],
  minimumFields: 3,
};

export type SocialPassport = KeyedSheet;

/** Reads the passport; «Состоят на учёте» from the separate registers where there is no total (`readRegisters`). */
export function readSocialPassport(grid: SheetGrid): SocialPassport | EngineError {
  const passport = readKeyedSheet(grid, SOCIAL_PASSPORT);
  if (!isEngineError(passport)) readRegisters(grid, passport);
  return passport;
}
