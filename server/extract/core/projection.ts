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

/**
 * Skew in degrees within ±4° (clockwise positive): the angle whose row profile is sharpest. Only the middle of
 * the page counts: a photo's desk and shadows at the borders would outweigh the text lines.
 */
export function estimateSkew(data: Uint8Array, width: number, height: number): number {
  const step = Math.max(1, Math.round(width / 900));
  const x0 = Math.floor(width * 0.15);
  const y0 = Math.floor(height * 0.12);
  const w = Math.floor(width * 0.7);
  const h = Math.floor(height * 0.76);
  const middle = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) middle.set(data.subarray((y + y0) * width + x0, (y + y0) * width + x0 + w), y * w);
  return skewOf(middle, w, h, step);
}

function skewOf(data: Uint8Array, width: number, height: number, step: number): number {
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

/**
 * > 1 when columns are peakier than rows: the text runs vertically, the page lies on its side. Each direction
 * gets its best small angle, so a skewed photo is not mistaken for a turned one.
 */
export function quarterTurnScore(data: Uint8Array, width: number, height: number): number {
  const { xs, ys } = darkPoints(data, width, height, 1);
  if (xs.length < 100) return 0;
  const best = (a: Int32Array, b: Int32Array, h: number, w: number) => {
    let m = 0;
    for (let angle = -4; angle <= 4; angle += 0.5) m = Math.max(m, profileScore(a, b, h, w, angle, 2));
    return m;
  };
  return best(ys, xs, width, height) / best(xs, ys, height, width);
}

/** Share of the page that is ink: a blank page has next to none. */
export function inkShare(data: Uint8Array, width: number, height: number): number {
  return darkPoints(data, width, height, 2).xs.length / Math.max(1, Math.ceil(width / 2) * Math.ceil(height / 2));
}

/**
 * Whiten the rows and columns of a small crop that are mostly ink: ruling lines crossing it (dashed, once
 * de-skewed). `rowShare`: the share of a row that counts as a rule — low for a label strip, where the label
 * fills a fraction of the width, higher for a tight amount cell.
 */
export function clearRules(data: Uint8Array, width: number, height: number, rowShare: number, dark = 200): void {
  const isDark = (i: number) => (data[i] ?? 255) < dark;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) if (isDark(y * width + x)) n++;
    if (n > width * rowShare) rows.push(y);
  }
  const cols: number[] = [];
  for (let x = 0; x < width; x++) {
    let n = 0;
    for (let y = 0; y < height; y++) if (isDark(y * width + x)) n++;
    if (n > height * 0.85) cols.push(x);
  }
  for (const y of rows) data.fill(255, y * width, (y + 1) * width);
  for (const x of cols) for (let y = 0; y < height; y++) data[y * width + x] = 255;
}
