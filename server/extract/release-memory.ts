// Hands the memory freed by the OCR engines back to the system. ONNX Runtime and tesseract free hundreds of MB when
// their sessions end, but glibc's allocator keeps freed blocks in its arenas, so an idle server stayed at the peak
// (753 MB after four scanned pages, 342 MB before them). malloc_trim(0) returns them (to 378 MB, bench/idle-memory.ts);
// tuning the allocator instead (MALLOC_MMAP_THRESHOLD_, jemalloc) cost 3–4 s of system CPU per four pages.
// Koffi (a maintained FFI with prebuilt binaries) makes the one call; elsewhere than glibc Linux this does nothing.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Trim = (pad: number) => number;
let trim: Trim | null | undefined;

function load(): Trim | null {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  if (process.platform !== 'linux' || !header?.glibcVersionRuntime) return null;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as { load(lib: string): { func(sig: string): Trim } };
    return koffi.load('libc.so.6').func('int malloc_trim(size_t)');
  } catch {
    return null;
  }
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
