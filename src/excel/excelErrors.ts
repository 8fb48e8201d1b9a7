import { HostError, type HostErrorCode } from "../host/workbookHost";

/**
 * Office.js errors the user can do something about, by their (unlocalised) codes; everything else
 * becomes `host_failed` with Excel's own message as the detail.
 */
const CODES: Record<string, HostErrorCode> = {
  InvalidOperationInCellEditMode: "cell_edit_mode",
  ItemNotFound: "workbook_changed",
  InvalidReference: "workbook_changed",
  ItemAlreadyExists: "workbook_changed",
  RequestPayloadSizeLimitExceeded: "payload_too_large",
  ResponsePayloadSizeLimitExceeded: "payload_too_large",
  RangeExceedsLimit: "range_too_large",
  // A protected sheet or workbook structure refuses the change: "You cannot perform the requested
  // operation" (Excel.ErrorCodes.accessDenied; microsoftgraph/microsoft-graph-docs#4546).
  AccessDenied: "sheet_protected",
};

export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

export function isPayloadLimitError(error: unknown): boolean {
  const code = errorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Excel refused a request as too large to send (Excel on the web): nothing of it ran. */
export function isRequestTooLarge(error: unknown): boolean {
  return errorCode(error) === "RequestPayloadSizeLimitExceeded";
}

/**
 * Excel's code for a range read over its cell limit (five million on every platform): «The cell count
 * in the range has exceeded the maximum supported number» (Excel.ErrorCodes.rangeExceedsLimit).
 */
export const RANGE_EXCEEDS_LIMIT = "RangeExceedsLimit";

export function isRangeLimitError(error: unknown): boolean {
  return errorCode(error) === RANGE_EXCEEDS_LIMIT;
}

/**
 * What the adapter throws when a loaded range's `values` came back null: Excel on Mac does so over
 * five million cells instead of failing (OfficeDev/office-js#4783); read as `RangeExceedsLimit`.
 */
export function valuesNotGiven(sheet: string): Error & { code: string } {
  return Object.assign(new Error(`Excel gave no values for the used range of «${sheet}»`), {
    code: RANGE_EXCEEDS_LIMIT,
  });
}

export function hostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return new HostError((code !== null && CODES[code]) || "host_failed", message);
}
