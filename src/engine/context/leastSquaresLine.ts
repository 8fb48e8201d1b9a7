/** y = intercept + slope × x fitted by ordinary least squares, and the residuals' standard deviation. */
export interface FittedLine {
  intercept: number;
  slope: number;
  /** √(Σ residual² / (n − 2)): the typical distance of a school from the line. */
  residualDeviation: number;
  n: number;
}

/** Null when the line is not defined: fewer than 3 points, or every x the same. */
export function leastSquaresLine(xs: readonly number[], ys: readonly number[]): FittedLine | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (ys[i] - intercept - slope * xs[i]) ** 2;
  return { intercept, slope, residualDeviation: Math.sqrt(squares / (n - 2)), n };
}
