/**
 * Rearranges `values[from, to)` so that position `k` holds the value a sort would put there, with
 * none larger before it and none smaller after it (quickselect). The partition is three-way, so that
 * the many equal shares of a real table (0 %, 100 %) do not make it quadratic.
 */
export function selectInPlace(values: Float64Array, from: number, to: number, k: number): void {
  let low = from;
  let high = to;
  while (high - low > 1) {
    const a = values[low];
    const b = values[(low + high) >>> 1];
    const c = values[high - 1];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let less = low;
    let i = low;
    let greater = high;
    while (i < greater) {
      const value = values[i];
      if (value < pivot) {
        values[i] = values[less];
        values[less] = value;
        less++;
        i++;
      } else if (value > pivot) {
        greater--;
        values[i] = values[greater];
        values[greater] = value;
      } else i++;
    }
    if (k < less) high = less;
    else if (k >= greater) low = greater;
    else return;
  }
}
