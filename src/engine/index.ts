/** The engine's public surface: adapters import from here only. */
export * from "./types";
export * from "./exportTable";
export * from "./sheetLayout";
export { readExportTable } from "./readExportTable";
export {
  identifyLowResultSchools,
  DEFAULT_IDENTIFICATION_OPTIONS,
  type IdentificationOptions,
  type IdentificationResult,
  type IdentificationMethod,
  type SchoolIdentification,
  type SchoolStatus,
  type RuleEdition,
  type LowResultEvidence,
} from "./identifyLowResultSchools";
export { parseIdentificationOptions, type RawIdentificationOptions } from "./identificationOptions";
export { identificationLayouts } from "./identificationLayouts";
export { isEngineError } from "./engineError";
export { STATUS_LABELS, OUTPUT_MARKERS } from "./identificationLayouts";
export { cellAddress, columnLetters } from "./cellAddress";
export { isLowResult } from "./lowResult";
export { procedureResult, groupCellAddress } from "./procedureResult";
