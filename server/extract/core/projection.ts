// Projection profiles on a grayscale page: text lines make the row profile peaky. Used to find the skew
// angle and whether the page lies on its side. Pure arithmetic on raw pixels.

function darkPoints(data: Uint8Array, width: number, height: number, step: number): { xs: Int32Array; ys: Int32Array } {
  // Threshold at a fraction of the mean: robust enough to find ink for a profile (not used for recognition).
  let sum = 0;
  for (let i = 0; i < data.length; i += 7) sum += data[i] ?? 0;
  const t = (sum / Math.ceil(data.length / 7)) * 0.6;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += step) for (let x = 0; x < width; x += step) {
    if ((data[y * width + x] ?? 255) < t) { xs.push(x); ys.push(y); }
  }
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys) };
}

function profileScore(xs: Int32Array, ys: Int32Array, height: number, width: number, angleDeg: number, bin: number): number {
  const tan = Math.tan((angleDeg * Math.PI) / 180);
  const bins = new Float64Array(Math.ceil((height + width * Math.abs(tan)) / bin) + 2);
  const off = width * Math.abs(tan);
  for (let i = 0; i < xs.length; i++) {
    const y = (ys[i] ?? 0) - (xs[i] ?? 0) * tan + off;
    bins[Math.floor(y / bin)]! += 1;
  }
  let s = 0;
  for (const v of bins) s += v * v;
  return s;
}

/** Skew in degrees within ±4° (clockwise positive): the angle whose row profile is sharpest. */
export function estimateSkew(data: Uint8Array, width: number, height: number): number {
  const step = Math.max(1, Math.round(width / 900));
  const { xs, ys } = darkPoints(data, width, height, step);
  if (xs.length < 200) return 0;
  const bin = Math.max(2, step);
  let best = 0;
  let bestScore = -1;
  const scan = (from: number, to: number, by: number) => {
    for (let a = from; a <= to + 1e-9; a += by) {
      const sc = profileScore(xs, ys, height, width, a, bin);
      if (sc > bestScore) { bestScore = sc; best = a; }
    }
  };
  scan(-4, 4, 0.25);
  const coarse = best;
  scan(coarse - 0.25, coarse + 0.25, 0.05);
  return Math.round(best * 100) / 100;
}

/** > 1 when columns are peakier than rows: the text runs vertically, the page is turned a quarter. */
export function quarterTurnScore(data: Uint8Array, width: number, height: number): number {
  const { xs, ys } = darkPoints(data, width, height, 1);
  if (xs.length < 100) return 0;
  const peak = (vals: Int32Array, n: number) => {
    const bins = new Float64Array(n + 1);
    for (const v of vals) bins[v]! += 1;
    let s = 0;
    let m = 0;
    for (const v of bins) { s += v * v; m += v; }
    return s / (m * m / n);
  };
  // Best over small skews so a slightly turned page is not misjudged.
  return peak(xs, width) / peak(ys, height);
}
