const MAX_SHEET_NAME = 31;

/**
 * The wanted sheet name, or `Имя (2)`, `Имя (3)`… when a sheet of the user already has it: we never
 * overwrite or rename a sheet the user made. Excel compares sheet names without regard to case and
 * limits them to 31 characters.
 */
export function freeSheetName(
  workbook: { worksheets: { name: string }[] },
  wanted: string
): string {
  const taken = new Set(
    workbook.worksheets.map((worksheet) => worksheet.name.toLocaleLowerCase("ru"))
  );
  if (!taken.has(wanted.toLocaleLowerCase("ru"))) return wanted;
  for (let copy = 2; ; copy += 1) {
    const suffix = ` (${copy})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase("ru"))) return candidate;
  }
}
