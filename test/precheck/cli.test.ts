// `kexiao precheck` run as a consultant runs it: a form file, statements on the command line (a real PDF read by
// the extraction module, or its saved JSON), text or JSON out, the model when configured.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrecheckResultSchema } from '../../server/precheck/schemas.ts';
import { startFakeOpenAI } from '../explain/fake-openai.ts';
import { contractExample } from '../explain/support.ts';
import { closeBrowser, htmlToPdf } from '../extract/fixtures/render.ts';
import { documentHtml, incomeStatement } from '../extract/fixtures/statements.ts';
import { runKexiao } from '../helpers/cli.ts';
import { file, income2019 } from './statements.ts';

const dir = mkdtempSync(join(tmpdir(), 'kexiao-precheck-'));
const write = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};
const NO_MODEL = { OPENAI_API_KEY: '', KEXIAO_LLM_MODEL: '', OPENAI_BASE_URL: '' };

afterAll(closeBrowser);

describe('kexiao precheck', () => {
  it('a complete form: JSON with the assessment, gaps and the template explanation; exit 0', async () => {
    const r = await runKexiao(['precheck', write('form.json', contractExample()), '--json'], { env: NO_MODEL });
    expect(r.code).toBe(0);
    const out = PrecheckResultSchema.parse(JSON.parse(r.stdout));
    expect(out).toMatchObject({ verdict: 'qualified', assessment: { total: 74 }, explanation: { source: 'template', fallbackReason: 'not_configured' } });
  });

  it('an incomplete form from standard input: text report with the open questions', async () => {
    const r = await runKexiao(['precheck', '-'], { stdin: JSON.stringify({ staff: { employees: '44.75', techStaff: '4' } }), env: NO_MODEL });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('预审结论：信息不全，暂无法判断');
    expect(r.stdout).toContain('还需回答：');
    expect(r.stdout).toContain('[影响结论] 企业基本信息：企业所得税是查账征收还是核定征收？');
  });

  it('invalid input: exit 2 with every problem', async () => {
    const r = await runKexiao(['precheck', write('bad.json', { finance: { salesRevenue: '三千万' }, region: 'mars' }), '--json'], { env: NO_MODEL });
    expect(r.code).toBe(2);
    const issues = JSON.parse(r.stdout).error.issues.map((i: { path: string }) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['finance.salesRevenue', 'region']));
    expect((await runKexiao(['precheck'], { env: NO_MODEL })).code).toBe(2);
    expect((await runKexiao(['precheck', 'form.json', '--docs'], { env: NO_MODEL })).code).toBe(2);
  });

  it('--docs with saved extraction JSON: figures from the statement, discrepancies with the form', async () => {
    const input = contractExample();
    input.finance!.salesRevenue = '3100';
    const saved = write('利润表.json', file('x', '利润表.pdf', income2019()).extraction);
    const r = await runKexiao(['precheck', write('form2.json', input), '--docs', saved, '--json'], { env: NO_MODEL });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.discrepancies).toEqual([expect.objectContaining({ figure: 'salesRevenue', declared: '3100', document: '3000' })]);
    expect(out.figures.find((f: { key: string }) => f.key === 'salesRevenue').origin).toMatchObject({ documentId: '利润表.json', file: '利润表.pdf' });
  });

  it('--docs with a real PDF: the extraction module reads it and the pre-check uses its figures', async () => {
    const sheet = incomeStatement({ format: '2019', unit: '元', seed: 401 });
    const pdf = await htmlToPdf(documentHtml([sheet]), '利润表.pdf');
    const input = contractExample();
    delete input.finance!.salesRevenue;
    const r = await runKexiao(['precheck', write('form3.json', input), '--docs', pdf, '--json'], { env: NO_MODEL });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const sales = out.figures.find((f: { key: string }) => f.key === 'salesRevenue');
    expect(sales.origin).toMatchObject({ kind: 'document', statement: 'income_statement', page: 1, field: 'operatingRevenue' });
    // 元 with 2 decimals → 万元 with up to 6, exactly.
    const [yuan, fen = '00'] = sheet.truth.operatingRevenue!.split('.');
    expect(sales.value).toBe(`${yuan!.slice(0, -4) || '0'}.${yuan!.slice(-4).padStart(4, '0')}${fen}`.replace(/\.?0+$/, ''));
    expect(out.assessment).not.toBeNull();
  }, 90_000);

  it('with a model configured, the explanation is the model’s when it passes the guard', async () => {
    const fake = await startFakeOpenAI(() => ({
      text: '按您提供的信息，企业符合科技型中小企业评价条件，综合得分74分，其中科技人员20分、研发投入30分、科技成果24分。',
    }));
    try {
      const r = await runKexiao(['precheck', write('form4.json', contractExample()), '--json'], {
        env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', KEXIAO_LLM_MODEL: 'qwen-plus' },
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).explanation).toMatchObject({ source: 'llm', model: 'qwen-plus' });
      expect(fake.requests).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});
