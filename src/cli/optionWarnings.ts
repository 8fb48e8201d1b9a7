import type { IdentificationOptions, Warning } from "../engine";
import type { RawIdentificationOptions } from "./cliArguments";

/**
 * Options that are valid but most likely not what was meant: warned about, not refused (a threshold
 * of 0,5 % may be deliberate). Each is a warning like the engine's, its `cell` naming the option.
 */
export function optionWarnings(
  raw: RawIdentificationOptions,
  options: IdentificationOptions
): Warning[] {
  // `0,3` is a share written as a fraction; `0,3 %` says per cent outright and is taken at its word.
  const fraction =
    raw.threshold !== undefined && !raw.threshold.includes("%") && options.threshold < 1;
  if (!fraction) return [];
  const asTyped = decimal(options.threshold);
  const meant = decimal(Math.round(options.threshold * 100 * 1e9) / 1e9);
  return [
    {
      cell: "параметр --threshold",
      message: `порог низкого результата задаётся в процентах: ${asTyped} — это ${asTyped}\u00a0%; для ${meant}\u00a0% укажите ${meant}`,
    },
  ];
}

/** `0.3` → `0,3`: Russian decimal comma. */
function decimal(value: number): string {
  return String(value).replace(".", ",");
}
