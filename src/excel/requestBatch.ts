import { measureCommands } from "./commandMeter";
import type { RequestBudget } from "./requestBudget";

/**
 * One piece of a write: commands queued together, never split between two requests (a block of rows
 * with their links, a run of filled rows, one sheet's formats, the final renames).
 */
export interface WritePiece {
  /** Queues the commands on these objects (the real ones, or commandMeter's stand-ins). */
  queue: (workbook: Excel.Workbook, worksheets: Excel.Worksheet[]) => void;
  /** Cells of values it writes (the cell budget). */
  cells: number;
  /** Estimated request bytes when known without measuring (value blocks); else measured. */
  bytes?: number;
  /** Part of the last request: the renames, the user's sheet. All final pieces go together, last. */
  final?: boolean;
}

/**
 * The pieces in order, grouped into requests: a request is closed before the next piece would take
 * it over the byte budget (every command counted: commandMeter.ts) or over the cell budget. A piece
 * bigger than the budget by itself goes in a request of its own. The final pieces share the last
 * request, whatever it holds before them: the renames and the user's column arrive together.
 */
export function packRequests(
  pieces: WritePiece[],
  budget: RequestBudget,
  worksheetCount: number
): WritePiece[][] {
  const countBytes = budget.bytesPerRequest !== Infinity;
  const costOf = (piece: WritePiece) => ({
    bytes: countBytes ? (piece.bytes ?? measureCommands(piece.queue, worksheetCount)) : 0,
    cells: piece.cells,
  });
  const requests: WritePiece[][] = [[]];
  let used = { bytes: 0, cells: 0 };
  const fits = (cost: { bytes: number; cells: number }) =>
    used.bytes + cost.bytes <= budget.bytesPerRequest &&
    used.cells + cost.cells <= budget.cellsPerRequest;
  const open = () => {
    if (requests[requests.length - 1]!.length > 0) requests.push([]);
    used = { bytes: 0, cells: 0 };
  };
  const take = (piece: WritePiece, cost: { bytes: number; cells: number }) => {
    requests[requests.length - 1]!.push(piece);
    used = { bytes: used.bytes + cost.bytes, cells: used.cells + cost.cells };
  };

  for (const piece of pieces.filter((candidate) => candidate.final !== true)) {
    const cost = costOf(piece);
    if (!fits(cost)) open();
    take(piece, cost);
  }
  const finals = pieces.filter((piece) => piece.final === true);
  const finalCost = finals
    .map(costOf)
    .reduce((sum, cost) => ({ bytes: sum.bytes + cost.bytes, cells: sum.cells + cost.cells }), {
      bytes: 0,
      cells: 0,
    });
  if (!fits(finalCost)) open();
  finals.forEach((piece) => take(piece, { bytes: 0, cells: 0 }));
  return requests;
}
