import type { EngineError } from "./types";

export function engineError(
  code: EngineError["code"],
  message: string,
  cell?: string
): EngineError {
  return cell === undefined
    ? { kind: "error", code, message }
    : { kind: "error", code, message, cell };
}

export function isEngineError(value: unknown): value is EngineError {
  return (
    typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "error"
  );
}
