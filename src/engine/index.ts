/** The engine's public surface: adapters import from here only. */
export * from "./types";
export { listOnDemand } from "./listOnDemand";
export * from "./table/exportTable";
export * from "./sheetLayout";
export * from "./cellLimit";
export * from "./charts";
export * from "./rowHeights";
export * from "./printSetup";
export { readExportTable } from "./table/readExportTable";
export { findTitleYears, parseTableYears } from "./table/titleYears";
export {
  DEFAULT_TARGETS,
  TARGET_SOURCES,
  parseTargets,
  targetText,
  targetsInUse,
  type Targets,
  type TargetsInUse,
} from "./summary/targets";
export {
  identifyLowResultSchools,
  DEFAULT_IDENTIFICATION_OPTIONS,
  lowResultLogins,
  type IdentificationOptions,
  type IdentificationResult,
  type IdentificationMethod,
  type SchoolIdentification,
  type SchoolStatus,
  type RuleEdition,
  type LowResultEvidence,
  type SchoolEvidence,
} from "./lowResults/identifyLowResultSchools";
export {
  parseIdentificationOptions,
  type RawIdentificationOptions,
} from "./lowResults/identificationOptions";
export { identificationLayouts } from "./lowResults/identificationLayouts";
export { isEngineError } from "./engineError";
export { STATUS_LABELS, OUTPUT_MARKERS } from "./lowResults/identificationLayouts";
export { cellAddress, columnLetters, linkTarget } from "./table/cellAddress";
export { isLowResult, judgeResult, type ResultState } from "./lowResults/lowResult";
export { procedureResult, groupCellAddress } from "./table/procedureResult";
export {
  socialWellBeingIndex,
  sharesFromCounts,
  DEFAULT_SOCIAL_WEIGHTS,
  type SocialShares,
  type SocialWeights,
  type SocialCounts,
  type CountsProblem,
} from "./social/socialWellBeingIndex";
export {
  lowerQuantileThreshold,
  percentileInclusive,
  isAtOrBelow,
  isInLowerQuantile,
  minimumSchoolsFor,
  groupNotFormed,
  QUANTILE_NAMES,
  type Quantile,
} from "./social/lowerQuantile";
export { formatIsbsh } from "./social/indexDecimals";
export { CONTEXT_FACTORS, type ContextFactor } from "./social/contextFactors";
export {
  readSocialPassport,
  SOCIAL_PASSPORT,
  SOCIAL_PASSPORT_FIELDS,
  type SocialPassport,
} from "./social/socialPassport";
export {
  assessSocialWellBeing,
  DEFAULT_SOCIAL_OPTIONS,
  type SocialOptions,
  type SocialWellBeingResult,
  type SchoolSocialWellBeing,
} from "./social/assessSocialWellBeing";
export {
  readKeyedSheet,
  type KeyedSheet,
  type KeyedSheetSchema,
  type KeyedRow,
  type FieldSpec,
} from "./sheets/keyedSheet";
export {
  RISK_FACTORS,
  ALL_RISK_PARAMETERS,
  isParameterAtRisk,
  isFactorPresent,
  type FactorPresenceRule,
  type RiskFactor,
  type RiskParameter,
  type RiskDirection,
  type RiskScale,
} from "./risk/riskFactors";
export {
  readRiskQuestionnaire,
  RISK_QUESTIONNAIRE,
  parameterHeader,
  type RiskQuestionnaire,
} from "./risk/riskQuestionnaire";
export {
  defaultRiskThresholds,
  readRiskThresholds,
  riskThresholdsLayout,
  RISK_THRESHOLDS_MARKER,
  PRESENCE_RULE_WORDS,
  type RiskThresholds,
  type RiskThresholdsSheet,
} from "./risk/riskThresholds";
export {
  assessRiskFactors,
  type RiskAssessment,
  type SchoolsWithFactor,
  type SchoolRiskProfile,
  type FactorJudgement,
} from "./risk/assessRiskFactors";
export {
  readStaffing,
  STAFFING,
  STAFFING_FIELDS,
  STAFFING_INDICATORS,
  type Staffing,
  type StaffingIndicator,
} from "./staffing/staffing";
export { leastSquaresLine, type FittedLine } from "./context/leastSquaresLine";
export { isThresholdExam, lowShareName, lowShareNameOf } from "./summary/lowShareNames";
export {
  resultsIndex,
  type ResultsIndex,
  type StandardisedProcedure,
} from "./context/resultsIndex";
export {
  contextAdjustedResults,
  type ContextPoint,
  type ContextAdjustedResult,
  type SchoolContextResult,
} from "./context/contextAdjustedResults";
export {
  summarizeIndicators,
  trendOf,
  pointsBetween,
  TARGETS,
  RISK_ZONE_DEVIATIONS,
  RISK_ZONE_MIN_PARTICIPANTS,
  STEADY_POINTS,
  DENOMINATOR_NAMES,
  type ShareDenominator,
  type IndicatorSummary,
  type SummaryInputs,
  type ShareIndicator,
  type ProcedureDynamics,
  type SchoolDynamics,
  type RiskZone,
  type BelowMinimumTotal,
  type StaffingShare,
  type Trend,
} from "./summary/indicatorSummary";
export {
  parseSchoolsTotal,
  checkSchoolsTotal,
  flaggedListWarnings,
  FLAGGED_LIST_MIN_SCHOOLS,
} from "./summary/schoolsTotal";
export { formatCount, plural } from "./russianText";
export { socialLayout, SOCIAL_MARKER } from "./social/socialLayouts";
export {
  FACTOR_NOT_JUDGED,
  riskMatrixLayout,
  riskListLayout,
  RISK_MATRIX_MARKER,
  RISK_LIST_MARKER,
} from "./risk/riskLayouts";
export {
  summaryLayout,
  schoolDynamicsLayout,
  SUMMARY_MARKER,
  DYNAMICS_MARKER,
} from "./summary/summaryLayouts";
export { contextLayout, CONTEXT_MARKER, MAX_LABELLED_POINTS } from "./context/contextLayouts";
export {
  templateLayout,
  TEMPLATE_KINDS,
  TEMPLATE_NAMES,
  type TemplateKind,
  type TemplateSchool,
} from "./templates/templateLayouts";
export { warningsLayout, WARNINGS_MARKER } from "./warningsLayout";
export { identificationSheets } from "./lowResults/identificationLayouts";
export {
  analyzeWorkbook,
  analyzeRecognised,
  recognizeSheets,
  type Recognised,
  DEFAULT_ANALYSIS_OPTIONS,
  SHEET_KIND_NAMES,
  type AnalysisOptions,
  type WorkbookAnalysis,
  type WorkbookSheetInput,
  type SheetKind,
  type SheetRecognition,
} from "./workbook/analyzeWorkbook";
export {
  statusColumn,
  statusCell,
  placeStatusColumn,
  statusColumnRange,
  STATUS_COLUMN_HEADER,
  LAST_SHEET_COLUMN,
  type StatusColumn,
  type StatusColumnPlace,
} from "./lowResults/statusColumn";
export {
  statusHistory,
  statusChange,
  STATUS_CHANGES,
  type StatusHistory,
  type StatusHistoryResult,
  type StatusChange,
} from "./lowResults/statusHistory";
export { historyLayout, HISTORY_MARKER, CHANGE_LABELS } from "./lowResults/historyLayout";
export {
  schoolProfiles,
  categoryOf,
  PROFILE_CATEGORIES,
  CATEGORY_LABELS,
  type ProfileCategory,
  type SchoolProfile,
  type SchoolProfiles,
} from "./profile/schoolProfile";
export { profileLayout, PROFILE_MARKER, type ProfileSources } from "./profile/profileLayout";
export {
  programmeIndicators,
  GIA_SUBJECTS,
  GAP_MIN_SCHOOLS,
  type ProgrammeIndicators,
  type PositiveDynamics,
  type ProcedureGap,
  type GapValue,
  type HighResultsDynamics,
  type HighResultsValue,
} from "./summary/programmeIndicators";
export {
  readOfficialList,
  onSheet,
  OFFICIAL_LIST_HEADERS,
  type OfficialList,
  type OfficialEntry,
} from "./reconciliation/officialList";
export {
  reconcileWithOfficialList,
  isUncertain,
  type Reconciliation,
  type ReconciledEntry,
  type MatchKind,
} from "./reconciliation/reconcile";
export { spellingKey, variantKey } from "./reconciliation/schoolNames";
export {
  reconciliationLayout,
  ourFinding,
  matchNote,
  RECONCILIATION_MARKER,
} from "./reconciliation/reconciliationLayout";
export {
  analyticalReport,
  type AnalyticalReport,
  type ReportBlock,
  type ReportInputs,
} from "./report/analyticalReport";
export { reportLayout, reportMarkdown, REPORT_MARKER } from "./report/reportLayout";
export {
  isOutputMarkName,
  layoutMarkName,
  markedOutputSheets,
  markedUserDataSheets,
  outputMarkName,
  pointsInto,
  quoteSheetName,
  sheetOfReference,
  userDataMarkName,
  type MarkedWorkbook,
} from "./workbook/outputSheetMarks";
