// Transparent huge pages for glibc's malloc, in the commands that run OCR. PaddleOCR's detector allocates ~100 MB of
// activations a band and frees them after it; on 4 KB pages every band faults them in afresh, which cost about 1 s
// of system CPU a scanned page here (bench/extract.ts). glibc puts such blocks on huge pages when its tunable
// glibc.malloc.hugetlb=1 (glibc 2.35+) says so, and reads it once, at process start: so these commands start node
// again with it, in place (execve: the same process id, no process in between to forward signals), where the
// kernel leaves huge pages to the program's choice (THP mode `madvise`; with `always` they are used anyway, with
// `never` there is nothing to gain). KEXIAO_HUGE_PAGES=0 keeps 4 KB pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The kernel's transparent huge page mode (always, madvise, never), undefined where there is none. */
export function hugePageMode() {
  try {
    return /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** The GLIBC_TUNABLES value to start again with, or undefined when there is no reason to (mode null: no THP). */
export function hugePageTunables(env = process.env, mode = process.platform === 'linux' ? hugePageMode() : undefined) {
  if (mode !== 'madvise' || env.KEXIAO_HUGE_PAGES === '0') return undefined;
  if ((env.GLIBC_TUNABLES ?? '').includes('glibc.malloc.hugetlb')) return undefined;
  return [env.GLIBC_TUNABLES, 'glibc.malloc.hugetlb=1'].filter(Boolean).join(':');
}

/** Replaces this process by the same command with the tunable set; returns (doing nothing) where that does not apply. */
export function restartWithHugePages() {
  const tunables = hugePageTunables();
  if (!tunables) return;
  let libc;
  try {
    libc = createRequire(import.meta.url)('koffi').load('libc.so.6');
    const version = libc.func('const char *gnu_get_libc_version()')();
    const [major = 0, minor = 0] = String(version).split('.').map(Number);
    if (major < 2 || (major === 2 && minor < 35)) return;
  } catch {
    return; // not glibc, or no FFI: the 4 KB pages it is
  }
  const env = Object.entries({ ...process.env, GLIBC_TUNABLES: tunables }).map(([k, v]) => `${k}=${v}`);
  const argv = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const execve = libc.func('int execve(const char *path, const char **argv, const char **envp)');
  // Node marks the descriptors it inherited close-on-exec at start-up: the standard streams (and the IPC channel of
  // a parent that forked us) must stay open through the exec.
  const fcntl = libc.func('int fcntl(int fd, int cmd, ...)');
  const F_SETFD = 2;
  const channel = Number(process.env.NODE_CHANNEL_FD);
  for (const fd of [0, 1, 2, ...(Number.isInteger(channel) && channel > 2 ? [channel] : [])]) fcntl(fd, F_SETFD, 'int', 0);
  execve(process.execPath, [...argv, null], [...env, null]);
  // execve returns only when it failed: carry on as we are.
}
