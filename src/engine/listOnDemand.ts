/**
 * A list of `count` items made only when read (the last one kept, as a reader takes an item's fields
 * one after another). Every reader sees an ordinary array — indexing, `length`, iteration, `map`,
 * `Object.keys`, JSON, equality — while nothing is held but what makes the items. A Proxy, not a
 * getter per item: a list may have a million items, and a million closures would cost what it saves.
 * Used for a sheet's rows kept packed (src/xlsx/focused), and for lists that a sheet or the report
 * reads once, in order: the 412,000 rows of the per-school dynamics at national scale, the 33,000 risk
 * zones and the summary sheet's rows for them.
 */
export function listOnDemand<T>(count: number, make: (index: number) => T): T[] {
  let cachedIndex = -1;
  let cached: T;
  const indexOf = (key: string | symbol): number => {
    if (typeof key !== "string") return -1;
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && index < count && String(index) === key
      ? index
      : -1;
  };
  const at = (index: number): T => {
    if (index !== cachedIndex) {
      cached = make(index);
      cachedIndex = index;
    }
    return cached;
  };
  const list = new Proxy(new Array<T>(count), {
    get(target, key, receiver) {
      const index = indexOf(key);
      return index < 0 ? Reflect.get(target, key, receiver) : at(index);
    },
    has(target, key) {
      return indexOf(key) >= 0 || Reflect.has(target, key);
    },
    ownKeys(target) {
      return [
        ...Array.from({ length: count }, (_, index) => String(index)),
        ...Reflect.ownKeys(target),
      ];
    },
    getOwnPropertyDescriptor(target, key) {
      const index = indexOf(key);
      if (index < 0) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: at(index), writable: false, enumerable: true, configurable: true };
    },
    set() {
      return false;
    },
  });
  ON_DEMAND.add(list);
  return list;
}

const ON_DEMAND = new WeakSet<object>();

/**
 * Whether `list` is made on demand: a pass over it makes every item, so a reader that would look at
 * each item twice (a check, then the writing) wraps it instead (cellLimit.ts).
 */
export function isListOnDemand(list: object): boolean {
  return ON_DEMAND.has(list);
}
