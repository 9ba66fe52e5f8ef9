// Starting and stopping the servers the benches compare, each in its own process.
import type { ChildProcess } from 'node:child_process';

export async function waitFor(url: string, child?: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child && child.exitCode !== null) throw new Error(`server for ${url} exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

export const stop = (p: ChildProcess): Promise<unknown> =>
  p.exitCode !== null ? Promise.resolve() : new Promise((r) => (p.once('exit', r), p.kill('SIGTERM')));
