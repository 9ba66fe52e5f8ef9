// Contrast stretch of a grayscale page: the luminance (CIE L*, on sRGB-encoded gray) of the darkest `lower` % of
// pixels goes to black and of the brightest `upper` % to white, linearly in between. What sharp's normalise() is
// for, done with a 256-entry table: sharp converts the whole page to Lab and back for it, 240 ms of a scanned
// page's CPU (a tenth of it), where the table takes a few milliseconds.

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (l: number) => (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);
const EPSILON = 216 / 24389;
const KAPPA = 24389 / 27;
/** L* of each gray level. */
const LIGHTNESS = Float64Array.from({ length: 256 }, (_, v) => {
  const y = toLinear(v / 255);
  return y > EPSILON ? 116 * Math.cbrt(y) - 16 : KAPPA * y;
});
const grayOf = (lightness: number) => {
  const l = Math.min(100, Math.max(0, lightness));
  const y = l > KAPPA * EPSILON ? ((l + 16) / 116) ** 3 : l / KAPPA;
  return Math.round(255 * toGamma(y));
};

/** The gray level at which `share` of the pixels (0–1) are reached, counting from black. */
function level(hist: Uint32Array, pixels: number, share: number): number {
  const want = pixels * share;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0;
    if (seen >= want) return v;
  }
  return 255;
}

/** A new buffer; the page unchanged when its range is already under one L* unit. */
export function stretchContrast(data: Uint8Array, lowerPercent = 1, upperPercent = 99): Buffer {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const min = LIGHTNESS[level(hist, data.length, lowerPercent / 100)]!;
  const max = LIGHTNESS[level(hist, data.length, upperPercent / 100)]!;
  if (max - min <= 1) return Buffer.from(data);
  const table = Uint8Array.from(LIGHTNESS, (l) => grayOf(((l - min) * 100) / (max - min)));
  const out = Buffer.allocUnsafe(data.length);
  for (let i = 0; i < data.length; i++) out[i] = table[data[i]!]!;
  return out;
}
