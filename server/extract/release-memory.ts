// Hands the memory freed by the OCR engines back to the system. ONNX Runtime and tesseract free hundreds of MB when
// their sessions end, but glibc's allocator keeps freed blocks in its arenas, so an idle server stayed at the peak
// (753 MB after four scanned pages, 342 MB before them). malloc_trim(0) returns them (to 378 MB, bench/idle-memory.ts);
// tuning the allocator instead (MALLOC_MMAP_THRESHOLD_, jemalloc) cost 3–4 s of system CPU per four pages.
// Koffi (a maintained FFI with prebuilt binaries) makes the one call; elsewhere than glibc Linux this does nothing.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Trim = (pad: number) => number;
type Mallopt = (param: number, value: number) => number;
let trim: Trim | null | undefined;
let mallopt: Mallopt | null | undefined;

function libc(): { func(sig: string): unknown } | null {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  if (process.platform !== 'linux' || !header?.glibcVersionRuntime) return null;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as { load(lib: string): { func(sig: string): unknown } };
    return koffi.load('libc.so.6');
  } catch {
    return null;
  }
}

function load(): Trim | null {
  return (libc()?.func('int malloc_trim(size_t)') as Trim | undefined) ?? null;
}

const M_MMAP_THRESHOLD = -3;
let tuned = false;
/**
 * Allocations from this size up get their own mapping, returned to the system on free. glibc's default threshold
 * starts at 128 kB and rises with every large block freed (to 32 MB), after which ONNX Runtime's activations and the
 * page buffers come from the heap arenas and stay: a one-slot PaddleOCR worker peaked at 790–898 MB over six pages,
 * 557 MB with 8 MB (+0.05 s system CPU a page), 549–552 MB with 4 MB (+0.1–0.25 s), 557 MB with 1 MB (+0.9 s). KEXIAO_MMAP_THRESHOLD_KB, 0 leaves glibc's.
 * Once per process, before the OCR threads start; MALLOC_MMAP_THRESHOLD_ in the environment wins.
 */
export function tuneAllocator(): void {
  if (tuned) return;
  tuned = true;
  if (process.env.MALLOC_MMAP_THRESHOLD_ !== undefined) return;
  const raw = process.env.KEXIAO_MMAP_THRESHOLD_KB;
  const kb = raw === undefined || raw === '' ? 8192 : Number(raw);
  if (!Number.isFinite(kb) || kb <= 0) return;
  mallopt ??= (libc()?.func('int mallopt(int, int)') as Mallopt | undefined) ?? null;
  mallopt?.(M_MMAP_THRESHOLD, Math.round(kb * 1024));
}

/**
 * A full collection first: the engines' buffers are freed only once the JavaScript objects holding them are
 * collected, which an idle process may not do for a long time. Runs when the engines are let go (idle, shutdown),
 * never on a request. Returns true when memory was handed back.
 */
export function releaseFreedMemory(): boolean {
  collectGarbage();
  trim ??= load();
  return trim ? trim(0) === 1 : false;
}

function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  // Node's documented way to reach V8's gc() without starting with --expose-gc.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * malloc_trim alone, no collection: after each OCR page, so that the next page's buffers reuse the pages handed back
 * instead of growing the arenas (peak RSS of a worker, docs/extraction.md). A few milliseconds.
 */
export function trimFreedMemory(): boolean {
  trim ??= load();
  return trim ? trim(0) === 1 : false;
}
