// Limits that keep one upload from taking the service down. All configurable; defaults suit statements.
import os from 'node:os';

export interface Limits {
  /** Hard cap on the upload, bytes. */
  maxBytes: number;
  /** The official system takes attachments of at most 3 MB: above it we read the file but warn. */
  warnBytes: number;
  maxPages: number;
  /** Width × height of one image, pixels (decompression bombs). */
  maxPixels: number;
  /** Wall-clock limit for one file. */
  timeoutMs: number;
}

const envNumber = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export function defaultLimits(): Limits {
  return {
    maxBytes: envNumber('KEXIAO_EXTRACT_MAX_MB', 20) * 1024 * 1024,
    warnBytes: 3 * 1024 * 1024,
    maxPages: envNumber('KEXIAO_EXTRACT_MAX_PAGES', 30),
    maxPixels: envNumber('KEXIAO_EXTRACT_MAX_PIXELS', 60_000_000),
    timeoutMs: envNumber('KEXIAO_EXTRACT_TIMEOUT_S', 180) * 1000,
  };
}

export const defaultWorkers = (): number => envNumber('KEXIAO_OCR_WORKERS', Math.max(1, os.availableParallelism()));

/**
 * Deadline of one PaddleOCR call in its worker thread. The file's own deadline (timeoutMs) abandons the job; this one
 * also ends a thread stuck in ONNX Runtime, which nothing else can interrupt, so its slot gets a fresh thread.
 */
export const ocrCallTimeoutMs = (): number => envNumber('KEXIAO_OCR_CALL_TIMEOUT_S', 120) * 1000;
