// Page image → what the OCR model reads best: upright (EXIF, quarter turns), de-skewed, the red seal dropped
// through the red channel, uneven light flattened, contrast stretched. No thresholding and no upscaling of
// ≥200 dpi pages: both measurably hurt tesseract here (extraction-notes.md).
import sharp, { type Metadata, type Sharp } from 'sharp';
import { ExtractError } from './errors.ts';
import { estimateSkew, inkShare, quarterTurnScore } from './core/projection.ts';

export interface PreparedPage {
  png: Buffer;
  width: number;
  height: number;
  seal: boolean;
  /** Skew removed, degrees (positive = the scan was turned clockwise). */
  skew: number;
  /** Quarter turn applied to bring text upright, degrees clockwise. */
  turn: number;
}

const WORK_WIDTH = 1700; // ≈ A4 at 200 dpi
const MIN_WIDTH = 1100;
const WHITE_POINT = 0.74;

/** Decode with the pixel limit enforced before any pixel is decompressed. */
export async function checkImage(bytes: Uint8Array, maxPixels: number): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new ExtractError('IMAGE_BROKEN', { cause: e });
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width === 0 || height === 0) throw new ExtractError('IMAGE_BROKEN');
  if (width * height > maxPixels) throw new ExtractError('IMAGE_TOO_LARGE', { max: `${Math.round(maxPixels / 1e4)} 万` });
  return { width, height };
}

/** Upright RGB at working resolution (EXIF applied), plus whether a red seal is on it. */
export async function normalizeImage(bytes: Uint8Array, maxPixels: number): Promise<{ rgb: Sharp; width: number; height: number; seal: boolean }> {
  await checkImage(bytes, maxPixels);
  let img = sharp(bytes, { limitInputPixels: maxPixels }).rotate().removeAlpha().toColourspace('srgb');
  const { width = 0, height = 0 } = await sharp(await img.clone().png({ compressionLevel: 0 }).toBuffer()).metadata();
  const target = width > WORK_WIDTH * 1.3 ? WORK_WIDTH : width < MIN_WIDTH ? MIN_WIDTH : width;
  if (target !== width) img = img.resize({ width: target });
  const buf = await img.png({ compressionLevel: 1 }).toBuffer();
  const meta = await sharp(buf).metadata();
  return { rgb: sharp(buf), width: meta.width ?? target, height: meta.height ?? 0, seal: await hasSeal(buf) };
}

/** Red ink covering a seal-sized share of the page. Text and ruling are black; a stamp is the only red. */
export async function hasSeal(png: Buffer): Promise<boolean> {
  const { data, info } = await sharp(png).resize({ width: 400 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const r = data[i] ?? 0, g = data[i + 1] ?? 0, b = data[i + 2] ?? 0;
    if (r > 110 && r - g > 45 && r - b > 45) red++;
  }
  return red / (info.width * info.height) > 0.0015;
}

/** The red channel: red seal ink is as bright as paper there, black print stays black. */
/**
 * The red channel, with anything clearly reddish turned to paper. JPEG blurs a seal's colour into its edges,
 * which the red channel alone leaves as grey outlines over the figures; black print under the seal stays black
 * (ink multiplies), so it is not reddish and survives.
 */
async function redChannel(rgb: Sharp): Promise<Gray> {
  const { data, info } = await rgb.clone().raw().toBuffer({ resolveWithObject: true });
  const c = info.channels;
  const out = Buffer.alloc(info.width * info.height);
  for (let i = 0, j = 0; j < out.length; i += c, j++) {
    const r = data[i] ?? 0, g = data[i + 1] ?? 0, b = data[i + 2] ?? 0;
    out[j] = r > 110 && r - (g + b) / 2 > 30 ? 255 : r;
  }
  return { data: out, width: info.width, height: info.height };
}

/**
 * Flatten uneven light (phone photos): divide by the paper's brightness, estimated by a coarse max filter
 * (which removes the print) and a blur.
 */
async function flatten(g: Gray): Promise<Buffer> {
  const sw = Math.max(8, Math.round(g.width / 24));
  const sh = Math.max(8, Math.round(g.height / 24));
  const small = await sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } })
    .resize(sw, sh, { kernel: 'cubic' }).raw().toBuffer();
  const dil = Buffer.alloc(small.length);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      let m = 0;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
        const yy = Math.min(sh - 1, Math.max(0, y + dy));
        const xx = Math.min(sw - 1, Math.max(0, x + dx));
        m = Math.max(m, small[yy * sw + xx] ?? 0);
      }
      dil[y * sw + x] = m;
    }
  }
  const bg = await sharp(dil, { raw: { width: sw, height: sh, channels: 1 } })
    .blur(2).resize(g.width, g.height, { kernel: 'cubic' }).raw().toBuffer();
  // Paper maps to white; so does anything lighter than WHITE_POINT of it — the red channel shows seal ink at
  // ~80 % of paper, which tesseract otherwise reads as strokes (纤君阁 over the figures).
  const out = Buffer.alloc(g.data.length);
  for (let i = 0; i < g.data.length; i++) {
    const b = Math.max(40, bg[i] ?? 255) * WHITE_POINT;
    out[i] = Math.min(255, Math.round(((g.data[i] ?? 0) * 255) / b));
  }
  return out;
}

/** Everything but the quarter turn, which needs OCR to tell 0° from 180°. */
export async function preparePage(bytes: Uint8Array, maxPixels: number, turn = 0): Promise<PreparedPage> {
  const n = await normalizeImage(bytes, maxPixels);
  let gray = await redChannel(n.rgb);
  if (turn) gray = await rawGray(rawImage(gray).rotate(turn));
  gray = { ...gray, data: await flatten(gray) };
  const skew = estimateSkew(gray.data, gray.width, gray.height);
  let img = rawImage(gray);
  if (Math.abs(skew) >= 0.1) img = img.rotate(-skew, { background: '#ffffff' });
  const png = await img.normalise({ lower: 1, upper: 99 }).png({ compressionLevel: 1 }).toBuffer();
  const meta = await sharp(png).metadata();
  return { png, width: meta.width ?? 0, height: meta.height ?? 0, seal: n.seal, skew, turn };
}

type Gray = { data: Buffer; width: number; height: number };
const rawImage = (g: Gray): Sharp => sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } });
async function rawGray(img: Sharp): Promise<Gray> {
  const { data, info } = await img.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * A first look at the page: is there any ink at all, and which quarter turn probably makes its text lines
 * horizontal (0 or 90; 90 may also mean 270 and 0 may mean 180 — OCR settles that).
 */
export async function survey(bytes: Uint8Array, maxPixels: number): Promise<{ blank: boolean; turn: 0 | 90 }> {
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels }).rotate().extractChannel('red')
    .resize({ width: 600, height: 600, fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  const flat = await flatten({ data, width: info.width, height: info.height });
  return {
    blank: inkShare(flat, info.width, info.height) < 0.002,
    turn: quarterTurnScore(flat, info.width, info.height) > 1.15 ? 90 : 0,
  };
}
