import type { ExportTable, IdentificationResult, Warning } from "../engine";

/** The `--json` object: the shape scripts rely on, so only these fields, in this order. */
export interface JsonReport {
  method: {
    edition: string;
    threshold: number;
    minParticipants: number;
    referenceYear: string;
    previousYear: string | null;
  };
  schools: {
    login: string;
    name: string;
    municipality: string;
    status: string;
    criteria: number[];
    reason: string;
  }[];
  warnings: Warning[];
}

export function jsonReport(result: IdentificationResult, table: ExportTable): JsonReport {
  const { edition, threshold, minParticipants, referenceYear, previousYear } = result.method;
  return {
    method: { edition, threshold, minParticipants, referenceYear, previousYear },
    schools: result.schools.map(({ login, name, municipality, status, criteria, reason }) => ({
      login,
      name,
      municipality,
      status,
      criteria: [...criteria],
      reason,
    })),
    warnings: allWarnings(result, table).map(({ cell, message }) => ({ cell, message })),
  };
}

/** What the reader could not read, then what identification set aside — as the warnings sheet lists them. */
export function allWarnings(result: IdentificationResult, table: ExportTable): Warning[] {
  return [...table.warnings, ...result.warnings];
}
