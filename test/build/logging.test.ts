// The server's log is written asynchronously (no request waits on the write): the lines still all arrive, with
// method, route, status and time only, and the last ones are flushed when the server stops.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEXIAO } from '../helpers/cli.ts';
import { firm } from '../domain/firm.ts';

describe('request log', () => {
  it('has one line per request without the body, and nothing is lost when the server stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kexiao-log-'));
    const child = spawn(process.execPath, [KEXIAO, 'serve', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: `file:${join(dir, 'log.db')}`, KEXIAO_REMINDERS: 'off', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    for (let i = 0; i < 1500 && !/http:\/\/[\d.:]+/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
    const url = /http:\/\/[\d.:]+/.exec(stderr)![0];
    const n = 25;
    const body = JSON.stringify({ ...firm(), basic: { ...firm().basic, industryCode: 'I6513' } });
    const statuses = await Promise.all(
      Array.from({ length: n }, () => fetch(`${url}/api/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request' && l.route === '/api/v1/assessments');
    expect(requests).toHaveLength(n);
    expect(Object.keys(requests[0]!).sort()).toEqual(['level', 'method', 'ms', 'msg', 'requestId', 'route', 'status', 'time']);
    expect(stdout).not.toContain('I6513');
  }, 180_000);
});
