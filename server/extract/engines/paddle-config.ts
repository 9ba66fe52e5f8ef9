// PaddleOCR settings read from the environment, shared by the engine's thread (paddle.ts) and the main thread,
// which decides whether a doubtful page is read again with finer detection (ocr-page.ts).

export const envInt = (name: string, fallback: number, zeroAllowed = false): number => {
  const raw = process.env[name];
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(v) && (v > 0 || (zeroAllowed && v === 0)) ? v : fallback;
};

/**
 * The detector's input, long side. A page is read first at 960 px (`fast`, PaddleOCR's own default), a quarter
 * less CPU a page than 1280 px; a page whose reading the pipeline would not vouch for (a figure flagged or derived,
 * an identity broken, core/page-doubt.ts) is read again at 1280 px (`fine`): ~1300 px reads an A4 page as well as
 * full size. At 960 px alone 2 of ~310 held-out figures were lost, both flagged. KEXIAO_PADDLE_DET_FAST_PX=0
 * reads every page at the fine size only.
 */
export function detectionSizes(): { fine: number; fast: number } {
  const fine = envInt('KEXIAO_PADDLE_DET_PX', 1280);
  const fast = envInt('KEXIAO_PADDLE_DET_FAST_PX', 960, true);
  return { fine, fast: fast > 0 && fast < fine ? fast : 0 };
}
