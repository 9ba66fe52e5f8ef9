// The real `kexiao score` command, and its agreement with the API on every table case.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKexiao } from '../helpers/cli.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { invalid, VALID_GROUPS } from '../domain/cases/index.ts';
import { firm } from '../domain/firm.ts';

const dir = mkdtempSync(join(tmpdir(), 'kexiao-cli-'));
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

describe('kexiao score', () => {
  it('prints the 自评结果 table in Chinese and exits 0 for a qualifying firm', async () => {
    const r = await runKexiao(['score', file('ok.json', firm())]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('自评结果');
    expect(r.stdout).toContain('评价结论：符合科技型中小企业条件');
    expect(r.stdout).toMatch(/科技人员\s+30\.00%\s+20 \/ 20/);
  });

  it('exits 0 and lists 企业不符合原因 for a firm that does not qualify', async () => {
    const r = await runKexiao(['score', file('no.json', firm({ rdAuxiliaryAccount: false, basic: { taxCollection: 'assessed' } }))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('企业不符合原因');
    expect(r.stdout).toContain('核定征收');
    expect(r.stdout).toContain('研发项目立项时没有设置研发支出辅助账');
  });

  it('scores several files at once as a JSON array, exit 2 when any is invalid', async () => {
    const r = await runKexiao(['score', file('a.json', firm()), file('b.json', { evaluationYear: 2026 }), '--json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ qualified: true });
    expect(out[1].error.code).toBe('INVALID_INPUT');
  });

  it('reads standard input with "-"', async () => {
    const r = await runKexiao(['score', '-', '--json'], { stdin: JSON.stringify(firm()) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ qualified: true, total: 100 });
  });

  it('exits 2 listing every problem (path, code, Chinese message)', async () => {
    const c = invalid.find((x) => x.issues.length >= 3)!;
    const r = await runKexiao(['score', file('bad.json', c.input)]);
    expect(r.code).toBe(2);
    for (const [path, code] of c.issues) expect(r.stderr).toContain(`${path}  [${code}]`);
    const j = await runKexiao(['score', file('bad.json', c.input), '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error.issues.length).toBeGreaterThanOrEqual(c.issues.length);
  });

  it.each([
    ['a missing file', ['score', join(dir, 'nope.json')], '找不到文件'],
    ['a file that is not JSON', ['score', file('text.json', 'not json')], '不是有效的 JSON'],
    ['no file at all', ['score'], '用法'],
  ])('exits 2 with a Chinese message for %s', async (_, args, msg) => {
    const r = await runKexiao(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg);
  });
});

describe('kexiao score and the API agree', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(() => s?.stop());

  const all = Object.values(VALID_GROUPS).flat();
  it(`on all ${all.length} table cases`, async () => {
    const files = all.map((c, i) => file(`case-${i}.json`, c.input));
    const cli = await runKexiao(['score', ...files, '--json']);
    expect(cli.code).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as { file: string }[];
    expect(fromCli.map((r) => r.file)).toEqual(files);
    for (const [i, c] of all.entries()) {
      const res = await fetch(`${s.url}/api/v1/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(c.input),
      });
      const { id: _id, createdAt: _at, input: _in, ...api } = await json(res);
      const { file: _file, ...cliResult } = fromCli[i]!;
      expect(api, c.name).toEqual(cliResult);
    }
  });
});
