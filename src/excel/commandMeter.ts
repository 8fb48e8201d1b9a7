import { commandBytes } from "./requestBudget";

/**
 * Estimated request bytes of what a queueing function would put in a request, found by running it
 * against stand-ins for the Office.js objects that count instead of queueing: every property set
 * and every method call is one command (requestBudget.ts: `commandBytes`, its overhead plus the JSON
 * of its arguments). So the formats, fills, conditional formats, validations, charts and names of a
 * write are counted by the very code that queues them, not by a second list that could drift from it.
 *
 * Method calls that only reach an object (`getRangeByIndexes`, `getItem`) count as commands too:
 * Office.js sends each as an object path, so the estimate errs on the large side.
 */
export function measureCommands(
  queue: (workbook: Excel.Workbook, worksheets: Excel.Worksheet[]) => void,
  worksheetCount: number
): number {
  const meter = { bytes: 0 };
  const stand = standIn(meter);
  queue(
    stand as Excel.Workbook,
    Array.from({ length: worksheetCount }, () => standIn(meter) as Excel.Worksheet)
  );
  return meter.bytes;
}

const STAND_INS = new WeakSet<object>();

/** Arguments as they travel: objects passed along (a range to `tables.add`) are references, not JSON. */
function sent(values: unknown[]): unknown {
  const own = values.filter((value) => !(typeof value === "function" && STAND_INS.has(value)));
  return own.length === 0 ? undefined : own;
}

function standIn(meter: { bytes: number }): unknown {
  // A function target, so that any property may be called as a method.
  const stand: unknown = new Proxy(function officeObject() {}, {
    get: (_target, property) =>
      // Not a promise, not a primitive: what reads these stand-ins expects an object.
      property === "then" || typeof property === "symbol" ? undefined : standIn(meter),
    set: (_target, _property, value: unknown) => {
      meter.bytes += commandBytes(sent([value]));
      return true;
    },
    apply: (_target, _this, args: unknown[]) => {
      meter.bytes += commandBytes(sent(args));
      return standIn(meter);
    },
  });
  STAND_INS.add(stand as object);
  return stand;
}
