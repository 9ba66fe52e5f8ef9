// The owner's whole journey in the H5 build, in Debian's Chromium at a 375-px phone width, against the real
// server and a fresh database, statements first: the yes/no conditions, then a text PDF (利润表, A107012,
// 职工人数统计表) and a phone photo of the 资产负债表 uploaded together; the figures read fill the answers
// (checked against the statements' true figures), the warnings are on the 核对 page and above the fold on the
// result, the photo's partial read asks for the one figure it missed, and the PDF report is downloaded and
// read back with pdftotext. Taps and typed fields are counted and printed. Screenshots of every step land in
// artifacts/miniapp/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { grouped } from '../../server/domain/wording.ts';
import { buildH5 } from './support/build.ts';
import { ROOT, startKexiao, type Running } from './support/servers.ts';
import { journeyStatements, wan, type Statements } from './support/statement.ts';

const SHOTS = join(ROOT, 'artifacts/miniapp');

let server: Running;
let browser: Browser;
let page: Page;
let st: Statements;
const pageErrors: string[] = [];
/** What the owner does, counted as a person would: taps (including the file picker) and fields typed. */
const count = { taps: 0, typedFigures: 0, typedText: 0 };
let journeyStarted = 0;
let journeyMs = 0;

const PHONE = { width: 375, height: 812 };

/** The whole current page: Taro H5 scrolls inside the page element, so the viewport grows to fit it. */
async function shot(name: string): Promise<void> {
  await page.waitForTimeout(300); // let transitions and fonts settle
  // A string, so the root tsconfig (Node only, no DOM types) checks this file too.
  const height = await page.evaluate<number>(
    `Math.max(...Array.from(document.querySelectorAll('.taro_page, body')).map((e) => e.scrollHeight))`,
  );
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(PHONE);
}

const answer = async (question: string, option: string) => {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true }).click();
  count.taps++;
};

const fill = async (label: string, value: string, kind: 'figure' | 'text' = 'figure') => {
  await page.getByLabel(label, { exact: true }).fill(value);
  if (kind === 'figure') count.typedFigures++;
  else count.typedText++;
};

const tap = async (name: string | RegExp) => {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  count.taps++;
};

/** A line of text visible on the page. */
const seen = (text: string | RegExp) => expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 30_000 }).toBe(true);

/** 2 decimals, grouped: how the mini-program shows 万元. */
const shownWan = (yuan: string) => `${grouped(wan(yuan))} 万元`;

describe.sequential('mini-program journey, statements first (H5, Chromium, 375 px)', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    buildH5();
    [server, st] = await Promise.all([startKexiao(), journeyStatements()]);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  // A failing step leaves a picture of what the owner would have seen.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shot(`failed-${ctx.task.name}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('home shows the region, the days left and the four steps', async () => {
    await page.goto(server.url);
    await seen('科技型中小企业评价自测');
    await seen(/距 \d{4} 年评价系统关闭/);
    await shot('01-home');
    journeyStarted = Date.now();
    await tap('开始自测');
  });

  it('asks for privacy consent before any login', async () => {
    await seen('使用前，请了解我们如何处理您的数据');
    await shot('02-privacy');
    await tap('同意并继续');
  });

  it('asks the yes/no conditions first, with the step count', async () => {
    await seen('第 1 / 8 步');
    await answer('企业是否为在中国境内（不含港、澳、台）注册的居民企业？', '是');
    await answer('企业提供的产品和服务是否不属于国家禁止、限制和淘汰类？', '不属于');
    await answer(
      '上一年度至今，企业是否未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单？',
      '均未发生',
    );
    await answer('企业所得税征收方式', '查账征收');
    await fill('所属行业代码', 'I6513', 'text');
    await answer('是否首次参加科技型中小企业评价？', '是');
    await answer('近三年是否有严重违法失信行为或被撤销过入库编号？', '没有');
    await shot('03-basic');
    await tap('下一步');
    for (const q of [
      '企业是否拥有有效期内的高新技术企业资格证书？',
      '企业近五年内是否获得过国家级科技奖，并在获奖单位中排在前三名？',
      '企业是否拥有经认定的省部级以上研发机构？',
      '企业近五年内是否主导制定过国际标准、国家标准或行业标准？',
    ])
      await answer(q, '否');
    await shot('04-direct');
    await tap('下一步');
    await answer('研发项目立项时是否设置了研发支出辅助账？', '是');
    await answer('上一年度企业所得税汇算清缴时，是否享受了研发费用加计扣除？', '是');
    await shot('05-rd-account');
    await tap('下一步');
  });

  it('takes the statements next: a text PDF and a photo, with progress by page and step', async () => {
    await seen('第 4 / 8 步');
    await seen('A107012 研发费用加计扣除优惠明细表');
    await shot('06-statements');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择 PDF 或图片/ }).click();
    count.taps++;
    await (await chooser).setFiles([st.pdf, st.photo]);
    // While the photo is recognised the row says which page and step it is on.
    await expect.poll(() => page.getByText(/第 \d+\/\d+ 页 · (读取文字|准备图像|识别文字|核对勾稽关系)/).first().isVisible(), { timeout: 60_000 }).toBe(true);
    await shot('07-statements-reading');
    await expect.poll(() => page.getByRole('button', { name: '下一步：核对报表数字' }).isVisible(), { timeout: 240_000 }).toBe(true);
    // The uploads are on the server: a refresh lists them again.
    await page.reload();
    await seen(`${st.fiscalYear}年度财务报表.pdf`);
    await seen('资产负债表照片.jpg');
    await shot('08-statements-read');
    await tap('下一步：核对报表数字');
  });

  it('核对: the figures read fill the answers, the warnings are listed, the partial read asks for its figure', async () => {
    await seen('核对报表数字');
    await seen(/需要处理的问题（\d+）/);
    // Two company names across the statements, and the first evaluation's on-site check, each with what to do.
    await seen(/上传的报表属于\d个不同的企业名称，请确认都是本企业的报表/);
    await seen(/可能被列为现场核查对象：首次参加科技型中小企业评价/);
    // 销售收入 from the 利润表, as an accountant writes it, marked 来自报表 with its page and line.
    const sales = page.locator('.statement-figure').filter({ hasText: '销售收入' });
    await expect.poll(() => sales.getByText(shownWan(st.truth['income_statement.operatingRevenue']!)).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => sales.getByText('来自报表').isVisible()).toBe(true);
    await expect.poll(() => sales.getByText(/第 1 页 利润表「营业收入」/).isVisible()).toBe(true);
    // The staff table's quarters and the A107012 subtotal.
    const [tech, emp] = [st.truth['staff_table.techStaff']!, st.truth['staff_table.employees']!].map((x) => String(Math.round(Number(x) * 100) / 100));
    await seen(`${emp} / ${tech} 人`);
    await seen(`${grouped(wan(st.truth['rd_deduction.rdSubtotal']!))} 万元`);
    // The photo lost its bottom rows: its 资产负债表 is read partly and 资产总额 gets a field.
    const docs = (await (await fetch(new URL('/api/v1/documents', server.url), { headers: { Authorization: `Bearer ${await token()}` } })).json()) as {
      documents: { fileName: string; result?: { documents: { kind: string; fields: Record<string, unknown> }[] } }[];
    };
    const photo = docs.documents.find((d) => d.fileName === '资产负债表照片.jpg')!;
    const sheet = photo.result?.documents.find((d) => d.kind === 'balance_sheet');
    console.log(`photo read: ${JSON.stringify(photo.result?.documents.map((d) => ({ kind: d.kind, fields: Object.keys(d.fields) })))}`);
    expect(sheet, 'the photo is recognised as a 资产负债表').toBeDefined();
    expect(sheet!.fields.totalAssets, '资产总计 is not on the photo').toBeUndefined();
    await seen('资产负债表照片.jpg 第 1 页 资产负债表未读到「资产总计」');
    await shot('09-review');
    // The owner types it from the paper statement, in 万元 to 2 decimals.
    const assets = grouped(wan(st.truth['balance_sheet.totalAssets']!)).replace(/,/g, '');
    await fill('资产总额', assets);
    await shot('10-review-typed');
    await tap('下一步');
  });

  it('asks only what the statements could not tell, then shows the result with the warnings above the fold', async () => {
    // 财务, 人员 and 研发 came from the statements: the next question is the IP count.
    await seen('知识产权');
    await seen('第 6 / 6 步');
    await page.locator('input[name="ip-software"]').fill('1');
    count.typedFigures++;
    await shot('11-ip');
    await tap('查看评价结果');
    await expect.poll(() => page.getByText('评价指标得分').isVisible(), { timeout: 60_000 }).toBe(true);
    journeyMs = Date.now() - journeyStarted;
    const findings = page.getByText(/上传的报表属于\d个不同的企业名称/).first();
    await expect.poll(() => findings.isVisible()).toBe(true);
    const box = await findings.boundingBox();
    expect(box!.y + box!.height, 'the first warning is within the first screen').toBeLessThan(PHONE.height);
    await seen(/另有 \d+ 个问题需要处理/);
    await seen('企业不符合原因');
    await seen(`研发费用总额 ${grouped(wan(st.truth['rd_deduction.rdSubtotal']!))} 万元`);
    await page.screenshot({ path: join(SHOTS, '12-result-first-screen.png') });
    await shot('13-result');
  });

  it('downloads the 自评结果 PDF and its text holds the verdict, the warnings and the sources', async () => {
    const download = page.waitForEvent('download');
    await tap('下载 PDF 报告');
    const file = join(SHOTS, '自评结果.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('科技型中小企业评价自评结果');
    expect(text).toMatch(/评价结论：(不)?符合科技型中小企业条件/);
    expect(text).toContain(`企业名称：${st.company}`);
    expect(text).toMatch(/上传的报表属于\d个不同的企业名称/);
    expect(text).toContain('利润表「营业收入」');
    expect(text).toContain('八、政策依据');
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', file, join(SHOTS, '14-report-page')]);
    console.log(
      `journey: ${count.taps} taps, ${count.typedFigures} typed figures (+${count.typedText} text field), ${(journeyMs / 1000).toFixed(0)} s from 开始自测 to the result (including reading the photo)`,
    );
    expect(count.taps).toBeLessThanOrEqual(30);
    expect(count.typedFigures).toBeLessThanOrEqual(8);
  });

  it('更高一级, reached from the result: each rung with its state, what decides it, 由平台评价 and the source line; an answer updates it', async () => {
    await page.getByText('更高一级', { exact: true }).click();
    // Taro's H5 router keeps the result page (whose explanation names the rungs too) hidden underneath.
    const here = (text: string | RegExp) =>
      expect.poll(() => page.locator('.taro_page:visible').getByText(text).first().isVisible(), { timeout: 30_000 }).toBe(true);
    await here('更高一级：梯度培育');
    await here('专精特新中小企业');
    await here('专精特新“小巨人”企业');
    await here('主导产品在细分市场占有率较为靠前');
    await expect.poll(() => page.locator('.taro_page:visible').getByText(/由平台评价/).count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await here(/以当年官方通知为准/);
    await here(/工信部企业〔2022〕63号/);
    await here('称号维护与日期');
    // The statements' 上期 column was offered; the owner's own answer for the previous year's R&D then decides.
    await here('已从报表读取');
    await page.locator('input[name="ladder-prevRd"]').fill('1');
    await here(/前一年研发费用(也)?未达标/);
    await shot('16-ladder');
  });

  it('the staff step, opened from the result, carries 季末 into the next 季初 and checks as typed', async () => {
    // A fresh load at the page's address (Taro's H5 router would otherwise reuse the page already open).
    await page.goto(`${server.url}#/pages/questions/index?step=staff`);
    await page.reload();
    await seen('职工和科技人员');
    // Filled from the staff table, quarter by quarter as printed; a quarter that does not start where the last
    // one ended is pointed out.
    const [q1, q2] = [st.quarters[0]!, st.quarters[1]!];
    const box = (name: string) => page.locator(`input[name="${name}"]`);
    await expect.poll(() => box('q1-endEmployees').inputValue()).toBe(String(q1[1]));
    if (q2[0] !== q1[1]) await seen(`与第一季度季末（${q1[1]} 人）不同；如期间人员有变动可保留`);
    // Once the second quarter starts where the first ended, a change of the first quarter's 季末 carries on.
    await box('q1-endEmployees').fill(String(q2[0]));
    await box('q1-endEmployees').fill(String(q2[0]! + 2));
    await expect.poll(() => box('q2-startEmployees').inputValue()).toBe(String(q2[0]! + 2));
    await box('q1-endTech').fill(String(q2[0]! + 10));
    await seen(/科技人员不能多于季末职工总数/);
    await shot('15-staff-checks');
    await box('q1-endTech').fill(String(q1[3]));
    await box('q1-endEmployees').fill(String(q1[1]));
    await box('q2-startEmployees').fill(String(q2[0]));
  });

  it('subscribes to all deadline reminders in one tap, shows 已订阅, and asks before cancelling', async () => {
    await page.goto(`${server.url}#/pages/reminders/index`);
    await tap('一键订阅全部截止提醒');
    await expect.poll(() => page.getByText('已订阅').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await shot('16-reminders');
    const cancel = page.getByRole('button', { name: /^取消.*的提醒$/ }).first();
    if (await cancel.isVisible()) {
      const box = await cancel.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
      const before = await page.locator('.reminder').count();
      await cancel.click();
      await seen('取消这项提醒？');
      await page.getByText('取消提醒', { exact: true }).last().click();
      await expect.poll(() => page.locator('.reminder').count()).toBe(before - 1);
    }
  });

  it('offers the saved check from the home page with the figures from the statements saved on the server', async () => {
    await page.goto(server.url);
    await seen('自测已填完');
    await shot('17-home-continue');
    const saved = (await (await fetch(new URL('/api/v1/checks/current', server.url), { headers: { Authorization: `Bearer ${await token()}` } })).json()) as {
      answers: { finance?: Record<string, string> } | null;
    };
    expect(saved.answers?.finance?.salesRevenue).toBe(wan(st.truth['income_statement.operatingRevenue']!));
  });

  it('deletes the firm’s data on request and starts afresh', async () => {
    await page.getByText('我的数据', { exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '删除我的全部数据' }).isVisible()).toBe(true);
    await shot('18-account');
    await page.getByRole('button', { name: '删除我的全部数据' }).click();
    await page.getByText('删除', { exact: true }).last().click(); // the confirmation dialog
    await expect.poll(() => page.getByText('开始一次自测').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

async function token(): Promise<string> {
  const stored = await page.evaluate<string | null>(`localStorage.getItem('kexiao.token')`);
  return (JSON.parse(stored ?? '{}') as { data?: string }).data ?? '';
}
