// The sheet in a phone photo: the paper is the largest bright region, its outline a convex quadrilateral (the
// page seen at an angle). Its four corners give a perspective transform that maps the page back to a rectangle.
// Pure arithmetic on raw grayscale pixels.

export interface Point { x: number; y: number }
/** Corners clockwise from the top left. */
export type Quad = [Point, Point, Point, Point];

/** Otsu's threshold of a histogram: the level that best separates paper from desk. */
function otsu(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (const v of data) hist[v]! += 1;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0, wB = 0, best = 0, level = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) { best = between; level = t; }
  }
  return level;
}

/**
 * The sheet's corners in a small grayscale image, or undefined when there is no desk around it (a scan, a
 * photo filling the frame) or no clear sheet. Corners are the bright region's extreme points along the
 * diagonals, which for a convex quadrilateral are its vertices.
 */
export function findSheet(gray: Uint8Array, width: number, height: number): Quad | undefined {
  const t = otsu(gray);
  let bright = withShadows(gray, width, height, t);
  if (!bright) {
    bright = new Uint8Array(width * height);
    for (let i = 0; i < bright.length; i++) bright[i] = (gray[i] ?? 0) > t ? 1 : 0;
  }
  // Largest 4-connected bright component (the print inside the paper is dark, but paper surrounds it).
  const label = new Int32Array(width * height);
  let bestLabel = 0, bestSize = 0, next = 0;
  const stack: number[] = [];
  for (let s = 0; s < bright.length; s++) {
    if (!bright[s] || label[s]) continue;
    next++;
    let size = 0;
    label[s] = next;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop() as number;
      size++;
      const x = i % width;
      for (const j of [x > 0 ? i - 1 : -1, x + 1 < width ? i + 1 : -1, i - width, i + width]) {
        if (j >= 0 && j < bright.length && bright[j] && !label[j]) { label[j] = next; stack.push(j); }
      }
    }
    if (size > bestSize) { bestSize = size; bestLabel = next; }
  }
  const share = bestSize / (width * height);
  if (share < 0.25) return undefined;
  let tl = { x: 0, y: 0, s: Infinity }, tr = { x: 0, y: 0, s: -Infinity }, br = { x: 0, y: 0, s: -Infinity }, bl = { x: 0, y: 0, s: -Infinity };
  let touches = 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    if (label[y * width + x] !== bestLabel) continue;
    if (x === 0 || y === 0 || x === width - 1 || y === height - 1) touches++;
    if (x + y < tl.s) tl = { x, y, s: x + y };
    if (x - y > tr.s) tr = { x, y, s: x - y };
    if (x + y > br.s) br = { x, y, s: x + y };
    if (y - x > bl.s) bl = { x, y, s: y - x };
  }
  // Paper running off the frame on a whole side: no desk to find the sheet against.
  if (touches > 0.5 * (width + height)) return undefined;
  const quad: Quad = [tl, tr, br, bl].map(({ x, y }) => ({ x: x + 0.5, y: y + 0.5 })) as Quad;
  const area = Math.abs(shoelace(quad));
  if (area < 0.25 * width * height || area > 0.97 * width * height) return undefined;
  return quad;
}

/**
 * Paper in shadow can be darker than Otsu's level (light falling off towards one side of the sheet) while still
 * brighter than the desk: then the bright region loses a strip along that side, and its corner along the
 * diagonal moves inwards (a sheared page). Hysteresis: the region Otsu finds grows into neighbouring pixels that
 * are clearly brighter than the desk, whose level is read on the frame's border. Undefined when the border is
 * mostly not darker than Otsu's level (a scan: paper runs off the frame).
 */
function withShadows(gray: Uint8Array, width: number, height: number, otsuLevel: number): Uint8Array | undefined {
  const border: number[] = [];
  for (let x = 0; x < width; x++) border.push(gray[x] ?? 0, gray[(height - 1) * width + x] ?? 0);
  for (let y = 1; y < height - 1; y++) border.push(gray[y * width] ?? 0, gray[y * width + width - 1] ?? 0);
  const sorted = border.sort((a, b) => a - b);
  const desk = sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 255;
  const low = desk + 12;
  if (low >= otsuLevel || (sorted[Math.floor(0.2 * (sorted.length - 1))] ?? 255) > otsuLevel) return undefined;
  const out = new Uint8Array(width * height);
  const stack: number[] = [];
  for (let i = 0; i < out.length; i++) if ((gray[i] ?? 0) > otsuLevel) { out[i] = 1; stack.push(i); }
  while (stack.length) {
    const i = stack.pop() as number;
    const x = i % width;
    for (const j of [x > 0 ? i - 1 : -1, x + 1 < width ? i + 1 : -1, i - width, i + width]) {
      if (j >= 0 && j < out.length && !out[j] && (gray[j] ?? 0) > low) { out[j] = 1; stack.push(j); }
    }
  }
  return out;
}

function shoelace(q: Quad): number {
  let a = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[i]!, n = q[(i + 1) % 4]!;
    a += p.x * n.y - n.x * p.y;
  }
  return a / 2;
}

/** Size of the rectangle the quadrilateral flattens to: its mean side lengths. */
export function rectifiedSize(q: Quad): { width: number; height: number } {
  const d = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  return { width: Math.round((d(q[0], q[1]) + d(q[3], q[2])) / 2), height: Math.round((d(q[0], q[3]) + d(q[1], q[2])) / 2) };
}

/** The homography taking the rectangle (0,0)–(w,h) to the quadrilateral: solve the 8 unknowns exactly. */
export function homography(q: Quad, w: number, h: number): number[] {
  const src = [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }];
  const A: number[][] = [];
  const b: number[] = [];
  src.forEach((s, i) => {
    const d = q[i]!;
    A.push([s.x, s.y, 1, 0, 0, 0, -s.x * d.x, -s.y * d.x]); b.push(d.x);
    A.push([0, 0, 0, s.x, s.y, 1, -s.x * d.y, -s.y * d.y]); b.push(d.y);
  });
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < 8; k++) A[r]![k]! -= f * A[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  return [...b.map((v, i) => v / A[i]![i]!), 1];
}

/** The sheet as an upright rectangle: each output pixel sampled (bilinear) where the homography sends it. */
export function warp(src: Uint8Array, sw: number, sh: number, q: Quad, w: number, h: number): Uint8Array {
  const H = homography(q, w, h);
  const out = new Uint8Array(w * h);
  const [a, b, c, d, e, f, g, k] = H as [number, number, number, number, number, number, number, number];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const z = g * x + k * y + 1;
      const fx = (a * x + b * y + c) / z - 0.5;
      const fy = (d * x + e * y + f) / z - 0.5;
      const x0 = Math.floor(fx), y0 = Math.floor(fy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= sh) { out[y * w + x] = 255; continue; }
      const dx = fx - x0, dy = fy - y0, i = y0 * sw + x0;
      const top = src[i]! * (1 - dx) + src[i + 1]! * dx;
      const bottom = src[i + sw]! * (1 - dx) + src[i + sw + 1]! * dx;
      out[y * w + x] = Math.round(top * (1 - dy) + bottom * dy);
    }
  }
  return out;
}
