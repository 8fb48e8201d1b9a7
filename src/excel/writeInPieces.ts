import { isRequestTooLarge } from "./excelErrors";
import { halved, type RequestBudget } from "./requestBudget";

/** Halvings of the budget after Excel refused a write's request as too large, before giving up. */
export const MAX_HALVINGS = 3;

/**
 * Runs a write; when Excel refuses one of its requests as too large to send
 * (`RequestPayloadSizeLimitExceeded`: the estimate of requestBudget.ts fell short), removes what the
 * write left and writes again with the budget halved, at most MAX_HALVINGS times — Microsoft's advice
 * for limit errors («If you encounter a limit error, retry with a smaller block size»,
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-large).
 *
 * Safe because what a failed write leaves is only hidden pending sheets: the renames and the user's
 * column go together in the last request, and a request refused for its size runs none of its
 * commands. A response too large (`ResponsePayloadSizeLimitExceeded`) is not retried: its request ran.
 */
export async function writeInPieces<T>(
  budget: RequestBudget,
  write: (budget: RequestBudget) => Promise<T>,
  removeLeftovers: () => Promise<unknown>
): Promise<T> {
  let current = budget;
  for (let halvings = 0; ; halvings += 1) {
    try {
      return await write(current);
    } catch (error) {
      if (!isRequestTooLarge(error) || halvings === MAX_HALVINGS) throw error;
      await removeLeftovers();
      current = halved(current);
    }
  }
}
