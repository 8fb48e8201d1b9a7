import type { EngineError, SheetGrid } from "../types";
import {
  countField as count,
  readKeyedSheet,
  type FieldSpec,
  type KeyedSheet,
  type KeyedSheetSchema,
} from "../sheets/keyedSheet";

/**
 * The social passport of schools (DOMAIN §3): students total and the counts behind ИСБШ, then the
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
  count("registeredKdn", "На учёте в КДН", /в\s*кдн|комисси[а-я]*\s*по\s*делам/),
  count("onRegisters", "Состоят на учёте (ВШУ, КДН, полиция)", /уч[её]т/),
  count("largeFamilies", "Из многодетных семей", /многодет/),
  count("nonNativeRussian", "Русский язык не родной", /не\s*(является\s*)?родн/),
  count("bothParentsUnemployed", "Оба родителя безработные", /оба.*безработ/),
  count("parentWithDisability", "Хотя бы один родитель — инвалид", /родител[а-я]*.*инвалид/),
  count("fosterFamilies", "Из приёмных семей, под опекой", /при[её]мн|опек/),
  count("sociallyDangerous", "Семьи в социально опасном положении", /социально\s*опасн/),
  count("poorHousing", "Проживают в неблагоустроенном жилье", /неблагоустро/),
];

export const SOCIAL_PASSPORT: KeyedSheetSchema = {
  kind: "social-passport",
  title: "социальный паспорт",
  fields: SOCIAL_PASSPORT_FIELDS,
  minimumFields: 3,
};

export type SocialPassport = KeyedSheet;

export function readSocialPassport(grid: SheetGrid): SocialPassport | EngineError {
  return readKeyedSheet(grid, SOCIAL_PASSPORT);
}
