/*
 * The client matrix's figures (clientMatrix.test.ts) as a compact table, one per size: an action a
 * row, a client a column, each cell «syncs · largest request · largest response given · seconds».
 * Printed to the test output and written to test-output/client-matrix.md, for the closing notes.
 */

export interface ActionFigures {
  syncs: number;
  /** Estimated bytes of the largest request sent (JSON × 2, as the fake counts it). */
  largestRequest: number;
  /** Estimated bytes of the largest response given, where a limit applies (web); else null. */
  largestResponse: number | null;
  /** Responses refused as over 5 MB (the one-request read is tried first by design). */
  refusedResponses: number;
  sheets: string[];
  ms: number;
}

/** Figures by number of schools, client id and action id. */
export type MatrixFigures = Record<number, Record<string, Record<string, ActionFigures>>>;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

function cell(figures: ActionFigures | undefined): string {
  if (figures === undefined) return "—";
  const response =
    figures.largestResponse === null ? "" : ` / ${megabytes(figures.largestResponse)}`;
  const refused = figures.refusedResponses > 0 ? ` (${figures.refusedResponses} refused)` : "";
  return `${figures.syncs} · ${megabytes(figures.largestRequest)}${response}${refused} · ${(figures.ms / 1000).toFixed(1)} s`;
}

/** Markdown tables of the figures, with the action labels given and the clients in this order. */
export function matrixTable(
  figures: MatrixFigures,
  clients: { id: string; name: string }[],
  actions: { id: string; label: string }[]
): string {
  const lines: string[] = [
    "Each cell: syncs · largest request [/ largest response given, web] · seconds in the fake Excel.",
    "«1 refused»: the one-request read the host tries first, refused as over 5 MB; no block is.",
  ];
  for (const [schools, byClient] of Object.entries(figures)) {
    const present = clients.filter((client) => byClient[client.id] !== undefined);
    lines.push(
      "",
      `${Number(schools).toLocaleString("en")} schools`,
      "",
      `| action | ${present.map((client) => client.name).join(" | ")} |`,
      `| --- | ${present.map(() => "---").join(" | ")} |`
    );
    for (const action of actions) {
      const cells = present.map((client) => cell(byClient[client.id]?.[action.id]));
      if (cells.every((text) => text === "—")) continue;
      lines.push(`| ${action.label} | ${cells.join(" | ")} |`);
    }
  }
  return lines.join("\n");
}
