import { HostError, type HostErrorCode } from "../taskpane/host";

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
};

export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

export function isPayloadLimitError(error: unknown): boolean {
  const code = errorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export function hostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return new HostError((code !== null && CODES[code]) || "host_failed", message);
}
