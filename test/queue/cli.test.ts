// `kexiao worker` and `kexiao queue` on the embedded default and with bad arguments: a clear Chinese answer with a
// code and exit 2, never a crash or a process left waiting.
import { describe, expect, it } from 'vitest';
import { runKexiao } from '../helpers/cli.ts';

const embedded = { REDIS_URL: '', DATABASE_URL: 'file:/nonexistent/never-opened.db' };

describe('kexiao worker / queue', () => {
  it('--help lists both', async () => {
    const r = await runKexiao(['--help']);
    expect(r.stdout).toMatch(/kexiao worker \[--concurrency N\]/);
    expect(r.stdout).toMatch(/kexiao queue \[--json\]/);
  });

  it('without REDIS_URL they say why there is nothing to do', async () => {
    const w = await runKexiao(['worker'], { env: embedded });
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/未设置 REDIS_URL/);
    const q = await runKexiao(['queue', '--json'], { env: embedded });
    expect(q.code).toBe(2);
    expect(JSON.parse(q.stdout).error).toMatchObject({ code: 'NO_REDIS' });
  });

  it('a bad --concurrency is a usage error', async () => {
    for (const args of [['--concurrency'], ['--concurrency', '0'], ['--concurrency', 'two'], ['--bogus']]) {
      const r = await runKexiao(['worker', ...args], { env: { ...embedded, REDIS_URL: 'redis://127.0.0.1:6379/6' } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/用法：kexiao worker/);
    }
  });
});
