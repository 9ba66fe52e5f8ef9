// `kexiao score` shows the ladder: the `ladder` block in --json on every ladder table case (one run, many
// files), and the 梯度培育 section of the text 自评结果.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKexiao } from '../helpers/cli.ts';
import { ALL_LADDER_CASES, specializedCases } from '../domain/cases/ladder.ts';
import { expectLadder } from '../domain/expectLadder.ts';

const dir = mkdtempSync(join(tmpdir(), 'kexiao-ladder-'));
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(body));
  return p;
};

describe('kexiao score and the ladder', () => {
  it(`prints the ladder block in --json for all ${ALL_LADDER_CASES.length} cases`, async () => {
    const files = ALL_LADDER_CASES.map((c, i) => file(`l-${i}.json`, c.input));
    const r = await runKexiao(['score', ...files, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string }[];
    out.forEach((x, i) => expectLadder(x as never, ALL_LADDER_CASES[i]!));
  });

  it('prints the 梯度培育 section: each rung, its state, the smallest change, 由平台评价 and the source line', async () => {
    const c = specializedCases.find((x) => x.name.includes('87.6'))!;
    const r = await runKexiao(['score', file('text.json', c.input)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('梯度培育');
    expect(r.stdout).toMatch(/创新型中小企业：(符合|不符合|待补充信息)/);
    expect(r.stdout).toContain('专精特新中小企业：不符合');
    expect(r.stdout).toContain('上年研发费用需达到 100.00 万元（差 12.40 万元）');
    expect(r.stdout).toContain('[由平台评价] 专精特新发展质量评价得分不低于50分');
    expect(r.stdout).toContain('以当年官方通知为准');
    expect(r.stdout).toContain('工信部企业〔2022〕63号');
  });
});
