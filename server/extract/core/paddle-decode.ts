// The arithmetic around PP-OCRv4's two networks, free of I/O: the detector's probability map → text boxes (DB
// post-processing on an upright page), and the recognizer's per-step class probabilities → words with
// positions (CTC greedy decoding, split where the line has a gap, so a label and its amount come apart).
import type { Box, Word } from './layout.ts';

/** DB post-processing: pixels above `threshold`, connected, scored by mean probability, grown back (unclip). */
export function textBoxes(prob: Float32Array, width: number, height: number, o: { threshold?: number; boxThreshold?: number; unclip?: number; minSize?: number } = {}): (Box & { score: number })[] {
  const threshold = o.threshold ?? 0.3;
  const boxThreshold = o.boxThreshold ?? 0.55;
  const unclip = o.unclip ?? 1.6;
  const minSize = o.minSize ?? 3;
  const label = new Int32Array(width * height);
  const out: (Box & { score: number })[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== 0 || (prob[start] ?? 0) <= threshold) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let x0 = width, y0 = height, x1 = 0, y1 = 0, sum = 0, n = 0;
    while (stack.length) {
      const i = stack.pop() as number;
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += prob[i] ?? 0;
      n++;
      const push = (j: number) => {
        if (label[j] === 0 && (prob[j] ?? 0) > threshold) { label[j] = next; stack.push(j); }
      };
      if (x > 0) push(i - 1);
      if (x + 1 < width) push(i + 1);
      if (y > 0) push(i - width);
      if (y + 1 < height) push(i + width);
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < minSize || sum / n < boxThreshold) continue;
    // The network shrinks each text region; grow it back by area × ratio / perimeter, as DB does.
    const d = (w * h * unclip) / (2 * (w + h));
    out.push({ x0: Math.max(0, x0 - d), y0: Math.max(0, y0 - d), x1: Math.min(width, x1 + 1 + d), y1: Math.min(height, y1 + 1 + d), score: sum / n });
  }
  return out;
}

/**
 * One line's recognizer output (`steps` × `classes` probabilities, class 0 the CTC blank, the last a space) →
 * words in page coordinates. `box` is where the crop came from and `stepWidth` how many page pixels a step
 * spans. A word ends at a space or a gap wider than the line is high.
 */
export function decodeLine(probs: Float32Array, offset: number, steps: number, classes: number, dict: string[], box: Box, stepWidth: number, realSteps = steps): Word[] {
  const chars: { c: string; t: number; p: number }[] = [];
  let prev = -1;
  for (let t = 0; t < Math.min(steps, realSteps); t++) {
    let best = 0;
    let bp = -1;
    const base = offset + t * classes;
    for (let k = 0; k < classes; k++) {
      const v = probs[base + k] ?? 0;
      if (v > bp) { bp = v; best = k; }
    }
    if (best !== 0 && best !== prev) chars.push({ c: dict[best - 1] ?? ' ', t, p: bp });
    prev = best;
  }
  const h = box.y1 - box.y0;
  const words: Word[] = [];
  let run: typeof chars = [];
  const flush = () => {
    const text = run.map((x) => x.c).join('').trim();
    if (text) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      words.push({
        text,
        x0: Math.max(box.x0, box.x0 + (first.t - 0.5) * stepWidth),
        x1: Math.min(box.x1, box.x0 + (last.t + 1.5) * stepWidth),
        y0: box.y0, y1: box.y1,
        conf: run.reduce((s, x) => s + x.p, 0) / run.length,
      });
    }
    run = [];
  };
  for (const ch of chars) {
    const last = run[run.length - 1];
    if (ch.c === ' ' || (last && (ch.t - last.t) * stepWidth > 1.2 * h)) {
      flush();
      if (ch.c === ' ') continue;
    }
    run.push(ch);
  }
  flush();
  return words;
}

/**
 * Which way the text lines run, from the detector's boxes: most boxes tall and narrow mean the lines run down the
 * page (it lies on its side in this turn), most wide mean across; square boxes (a lone 行次 digit) count for
 * neither, and a handful of boxes tells nothing.
 */
export type LineDirection = 'across' | 'down';

export function lineDirection(boxes: Box[]): LineDirection | undefined {
  let tall = 0;
  let wide = 0;
  for (const b of boxes) {
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    if (h >= 1.5 * w) tall++;
    else if (w >= 1.5 * h) wide++;
  }
  if (tall >= 5 && tall > 2 * wide) return 'down';
  if (wide >= 5 && wide > 2 * tall) return 'across';
  return undefined;
}

/**
 * The page lies on its side in this turn. Reading its boxes would cost the recognizer's whole page (two thirds of
 * its CPU) for nothing; the caller turns the page instead.
 */
export const linesRunDown = (boxes: Box[]): boolean => lineDirection(boxes) === 'down';
