// The shutdown of a long-running command (serve, worker): wait for SIGTERM or SIGINT, then stop within the grace
// the caller gives (twice KEXIAO_SHUTDOWN_GRACE_S plus 5 s at most, then exit anyway); a second signal exits at once.
import type { CommandIO } from './io.ts';

export async function untilStopSignal(io: CommandIO, graceSeconds: number): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.stderr('正在停止……');
  const now = () => process.exit(1);
  process.once('SIGINT', now);
  process.once('SIGTERM', now);
  setTimeout(() => {
    io.stderr('停止超时，强制退出');
    process.exit(1);
  }, (graceSeconds * 2 + 5) * 1000).unref();
}

/** Whatever a library left behind (a timer, a socket) does not keep the stopped process alive. */
export function stopped(io: CommandIO): void {
  io.stderr('已停止');
  setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
}
