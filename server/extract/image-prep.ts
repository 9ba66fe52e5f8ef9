// Page image → what the OCR model reads best: upright (EXIF, quarter turns), de-skewed, the red seal dropped
// through the red channel, uneven light flattened, contrast stretched. No thresholding and no upscaling of
// ≥200 dpi pages: both measurably hurt tesseract here (extraction-notes.md).
import sharp, { type Metadata, type Sharp } from 'sharp';
import { ExtractError } from './errors.ts';
import { estimateSkew, inkShare, quarterTurnScore } from './core/projection.ts';
import { findSheet, rectifiedSize, warp, type Quad } from './core/sheet.ts';
import { stretchContrast } from './core/contrast.ts';

/** A grayscale image as raw bytes, one per pixel. */
export interface Gray { data: Buffer; width: number; height: number }

export interface PreparedPage {
  /** What the page OCR reads, one byte a pixel (tesseract.js gets it as a PNG: grayPng). */
  gray: Gray;
  width: number;
  height: number;
  seal: boolean;
  /** Skew removed, degrees (positive = the scan was turned clockwise). */
  skew: number;
  /** Quarter turn applied to bring text upright, degrees clockwise. */
  turn: number;
  /** A sheet was found on a desk and its perspective rectified. */
  sheet?: boolean;
}

const WORK_WIDTH = 1700; // ≈ A4 at 200 dpi
const MIN_WIDTH = 1100;
/**
 * Paper maps to white, and so does anything lighter than this share of it (see flatten). tesseract reads seal
 * ink left at ~80 % of paper as strokes, so its pages clip there; PaddleOCR ignores such faint marks but reads
 * figures washed out by glare, which that clipping would erase.
 */
export const WHITE_POINT = { tesseract: 0.74, paddle: 0.95 } as const;

/** Image header checks, with the pixel limit enforced before any pixel is decompressed. */
export async function checkImage(bytes: Uint8Array, maxPixels: number): Promise<Metadata> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new ExtractError('IMAGE_BROKEN', { cause: e });
  }
  const { width = 0, height = 0 } = meta;
  if (width === 0 || height === 0) throw new ExtractError('IMAGE_BROKEN');
  if (width * height > maxPixels) throw new ExtractError('IMAGE_TOO_LARGE', { max: `${Math.round(maxPixels / 1e4)} 万` });
  return meta;
}

/** Red ink covering a seal-sized share of the page. Text and ruling are black; a stamp is the only red. */
export function hasSeal(rgb: Buffer, channels: number): boolean {
  let red = 0;
  let seen = 0;
  // Every 7th pixel is plenty to find a stamp that covers thousands.
  for (let i = 0; i + 2 < rgb.length; i += channels * 7) {
    const r = rgb[i] ?? 0, g = rgb[i + 1] ?? 0, b = rgb[i + 2] ?? 0;
    seen++;
    if (r > 110 && r - g > 45 && r - b > 45) red++;
  }
  return red / Math.max(1, seen) > 0.0015;
}

export async function imageHasSeal(png: Buffer): Promise<boolean> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return hasSeal(data, info.channels);
}

/**
 * The red channel, with anything clearly reddish turned to paper. JPEG blurs a seal's colour into its edges,
 * which the red channel alone leaves as grey outlines over the figures; black print under the seal stays black
 * (ink multiplies), so it is not reddish and survives.
 */
function sealFreeGray(rgb: Buffer, channels: number, width: number, height: number): Gray {
  const out = Buffer.alloc(width * height);
  for (let i = 0, j = 0; j < out.length; i += channels, j++) {
    const r = rgb[i] ?? 0, g = rgb[i + 1] ?? 0, b = rgb[i + 2] ?? 0;
    out[j] = r > 110 && r - (g + b) / 2 > 30 ? 255 : r;
  }
  return { data: out, width, height };
}

/**
 * Flatten uneven light (phone photos): divide by the paper's brightness, estimated by a coarse max filter
 * (which removes the print) and a blur. The red channel shows seal ink at ~80 % of paper, which tesseract
 * otherwise reads as strokes (纤君阁 over the figures): the white point sends it to paper too.
 */
async function flatten(g: Gray, whitePoint: number = WHITE_POINT.tesseract): Promise<Buffer> {
  const sw = Math.max(8, Math.round(g.width / 24));
  const sh = Math.max(8, Math.round(g.height / 24));
  // extractChannel: sharp hands a resized one-channel raw image back with three channels, which read as one
  // would scramble the background into a page-wide level instead of a local one.
  const small = await rawImage(g).resize(sw, sh, { kernel: 'cubic' }).extractChannel(0).raw().toBuffer();
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
  const bg = await rawImage({ data: dil, width: sw, height: sh }).blur(2).extractChannel(0).raw().toBuffer();
  return divideByBackground(g, bg, sw, sh, whitePoint);
}

/**
 * Each pixel over the paper's brightness there, read bilinearly from the small background map: scaling the map up
 * to the page in libvips (cubic) took ~100 ms of a page's CPU, and the map is a blur, smooth at any scale.
 */
function divideByBackground(g: Gray, bg: Buffer, sw: number, sh: number, whitePoint: number): Buffer {
  const { width, height } = g;
  const x0 = new Int32Array(width), x1 = new Int32Array(width), wx = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(sw - 1, Math.max(0, ((x + 0.5) * sw) / width - 0.5));
    x0[x] = Math.floor(fx);
    x1[x] = Math.min(sw - 1, x0[x]! + 1);
    wx[x] = fx - x0[x]!;
  }
  const out = Buffer.allocUnsafe(g.data.length);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(sh - 1, Math.max(0, ((y + 0.5) * sh) / height - 0.5));
    const r0 = Math.floor(fy) * sw, r1 = Math.min(sh - 1, Math.floor(fy) + 1) * sw, wy = fy - Math.floor(fy);
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const a = x0[x]!, b = x1[x]!, w = wx[x]!;
      const top = bg[r0 + a]! + (bg[r0 + b]! - bg[r0 + a]!) * w;
      const bottom = bg[r1 + a]! + (bg[r1 + b]! - bg[r1 + a]!) * w;
      const paper = Math.max(40, Math.round(top + (bottom - top) * wy)) * whitePoint;
      out[i] = Math.min(255, Math.round((g.data[i]! * 255) / paper));
    }
  }
  return out;
}

/** A grayscale page as a PNG, for tesseract.js (PaddleOCR reads the bytes themselves). */
export const grayPng = (g: Gray): Promise<Buffer> => rawImage(g).png({ compressionLevel: 1 }).toBuffer();

const rawImage = (g: Gray): Sharp => sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } });
async function rawGray(img: Sharp): Promise<Gray> {
  const { data, info } = await img.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Decode the image once (upright by EXIF, at working width, seal-free, light flattened) and hand out the page
 * in any quarter turn: only OCR can tell 0° from 180°, so a page may be asked for more than once.
 */
export async function pagePreparer(bytes: Uint8Array, maxPixels: number, whitePoint: number = WHITE_POINT.tesseract): Promise<(turn: number) => Promise<PreparedPage>> {
  const meta = await checkImage(bytes, maxPixels);
  const sideways = (meta.orientation ?? 1) >= 5;
  const fullWidth = (sideways ? meta.height : meta.width) ?? 0;
  // A photo: find the sheet on the desk first, so that the working width is the page's, not the photo's.
  const sheet = await findSheetIn(bytes, maxPixels, fullWidth);
  const pageWidth = sheet ? sheet.width : fullWidth;
  const wanted = pageWidth > WORK_WIDTH * 1.3 ? WORK_WIDTH : pageWidth < MIN_WIDTH ? MIN_WIDTH : pageWidth;
  const target = Math.max(1, Math.round((fullWidth * wanted) / pageWidth));
  let img = sharp(bytes, { limitInputPixels: maxPixels }).rotate().removeAlpha().toColourspace('srgb');
  if (target !== fullWidth) img = img.resize({ width: target });
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const seal = hasSeal(data, info.channels);
  let gray = sealFreeGray(data, info.channels, info.width, info.height);
  if (sheet) {
    // Perspective rectified before anything else: light and skew are then measured on the page alone.
    const f = info.width / sheet.smallWidth;
    const quad = sheet.quad.map((p) => ({ x: p.x * f, y: p.y * f })) as Quad;
    const size = rectifiedSize(quad);
    gray = { data: Buffer.from(warp(gray.data, gray.width, gray.height, quad, size.width, size.height)), width: size.width, height: size.height };
  }
  const flat: Gray = { ...gray, data: await flatten(gray, whitePoint) };
  return async (turn) => {
    const upright = turn ? await rawGray(rawImage(flat).rotate(turn)) : flat;
    const skew = estimateSkew(upright.data, upright.width, upright.height);
    const level = Math.abs(skew) >= 0.1 ? await rawGray(rawImage(upright).rotate(-skew, { background: '#ffffff' })) : upright;
    const prepared: Gray = { ...level, data: stretchContrast(level.data) };
    return { gray: prepared, width: prepared.width, height: prepared.height, seal, skew, turn, ...(sheet ? { sheet: true } : {}) };
  };
}

/** The sheet's corners on a small copy (red channel: paper is bright in it, a brown or grey desk is not). */
async function findSheetIn(bytes: Uint8Array, maxPixels: number, fullWidth: number): Promise<{ quad: Quad; smallWidth: number; width: number } | undefined> {
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels }).rotate().removeAlpha().extractChannel(0)
    .resize({ width: 400, height: 400, fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  const quad = findSheet(data, info.width, info.height);
  if (!quad) return undefined;
  return { quad, smallWidth: info.width, width: (rectifiedSize(quad).width * fullWidth) / info.width };
}

/** The page prepared upright as it comes (diagnostics, benchmarks). */
export const preparePage = async (bytes: Uint8Array, maxPixels: number, turn = 0, whitePoint?: number): Promise<PreparedPage> =>
  (await pagePreparer(bytes, maxPixels, whitePoint))(turn);

/**
 * A first look at the page: is there any ink at all, and which quarter turn probably makes its text lines
 * horizontal (0 or 90; 90 may also mean 270 and 0 may mean 180 — OCR settles that).
 */
export async function survey(bytes: Uint8Array, maxPixels: number): Promise<{ blank: boolean; turn: 0 | 90 }> {
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels }).rotate().extractChannel('red')
    .resize({ width: 600, height: 600, fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  // No clipping here: at 600 px thin print is light grey, and a white point below paper would erase it, so
  // that a page with a few lines (a statement's last) looked blank.
  const g = { data, width: info.width, height: info.height };
  const flat = await flatten(g);
  return {
    blank: inkShare(await flatten(g, 1), info.width, info.height) < 0.002,
    turn: quarterTurnScore(flat, info.width, info.height) > 1.15 ? 90 : 0,
  };
}
