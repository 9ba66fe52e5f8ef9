// The owner's whole journey in the H5 build, in Debian's Chromium at a 375-px phone width, against the
// real server and a fresh database: consent, the questions, a generated statement PDF uploaded, its
// figures confirmed with one corrected, the result with explanation and gaps, a reminder subscribed.
// A screenshot of every page lands in artifacts/miniapp/ to be looked at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildH5 } from './support/build.ts';
import { ROOT, startKexiao, type Running } from './support/servers.ts';
import { statementPdf, wan, type Statement } from './support/statement.ts';

const SHOTS = join(ROOT, 'artifacts/miniapp');

let server: Running;
let browser: Browser;
let page: Page;
let statement: Statement;
const pageErrors: string[] = [];

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

const answer = (question: string, option: string) =>
  page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true }).click();

const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);

const tap = (name: string | RegExp) => page.getByRole('button', { name }).click();

const hasApi = (path: string) => server.apiPaths.includes(path);

describe.sequential('mini-program journey (H5, Chromium, 375 px)', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    buildH5();
    [server, statement] = await Promise.all([startKexiao(), statementPdf()]);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
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

  it('home shows the region and the days left to its deadline', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByText('科技型中小企业评价自测').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/距 \d{4} 年评价系统关闭/).isVisible()).toBe(true);
    await shot('01-home');
    await tap('开始自测');
  });

  it('asks for privacy consent before any login', async () => {
    await expect.poll(() => page.getByText('使用前，请了解我们如何处理您的数据').isVisible()).toBe(true);
    await shot('02-privacy');
    await tap('同意并继续');
  });

  it('walks through the form in the official order', async () => {
    await expect.poll(() => page.getByText('第 1 / 7 步').isVisible()).toBe(true);
    await answer('企业是否为在中国境内（不含港、澳、台）注册的居民企业？', '是');
    await answer('企业提供的产品和服务是否不属于国家禁止、限制和淘汰类？', '不属于');
    await answer(
      '上一年度至今，企业是否未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单？',
      '均未发生',
    );
    await answer('企业所得税征收方式', '查账征收');
    await fill('所属行业代码', 'I6513');
    await answer('是否首次参加科技型中小企业评价？', '是');
    await answer('近三年是否有严重违法失信行为或被撤销过入库编号？', '没有');
    await shot('03-questions-basic');
    await tap('下一步');

    for (const q of [
      '企业是否拥有有效期内的高新技术企业资格证书？',
      '企业近五年内是否获得过国家级科技奖，并在获奖单位中排在前三名？',
      '企业是否拥有经认定的省部级以上研发机构？',
      '企业近五年内是否主导制定过国际标准、国家标准或行业标准？',
    ])
      await answer(q, '否');
    await shot('04-questions-direct');
    await tap('下一步');

    await answer('研发项目立项时是否设置了研发支出辅助账？', '是');
    await answer('上一年度企业所得税汇算清缴时，是否享受了研发费用加计扣除？', '是');
    await tap('下一步');

    // Typed from memory: assets match the statement, revenue is off by a typo the upload will catch.
    await fill('资产总额', wan(statement.truth['balance_sheet.totalAssets']!));
    await fill('销售收入', '1888');
    await fill('成本费用支出总额', '1500');
    await shot('05-questions-finance');
    await tap('下一步');

    // 科技人员 about a fifth of the staff: enough to score, too little (with one software copyright) to pass.
    const quarters = [
      [40, 44, 9, 10],
      [44, 46, 10, 10],
      [46, 45, 10, 9],
      [45, 48, 9, 10],
    ];
    const keys = ['startEmployees', 'endEmployees', 'startTech', 'endTech'];
    for (const [i, q] of quarters.entries())
      for (const [j, key] of keys.entries()) await page.locator(`input[name="q${i + 1}-${key}"]`).fill(String(q[j]));
    // The form's 全年季平均数 as the owner types: (40+44+44+46+46+45+45+48)/8 = 44.75.
    await expect.poll(() => page.getByText('44.75').first().isVisible()).toBe(true);
    await shot('06-questions-staff');
    await tap('下一步');

    await tap('＋ 添加研发项目');
    await fill('研发项目1名称', '智能检测算法');
    await page.locator('input[name="rd-0-amount"]').fill('120.5');
    await tap('＋ 添加研发项目');
    await fill('研发项目2名称', '委托高校测试');
    await page.getByRole('radiogroup', { name: '研发形式' }).nth(1).getByRole('radio', { name: '委托境内研发' }).click();
    await page.getByRole('radiogroup', { name: '项目状态' }).nth(1).getByRole('radio', { name: '在研' }).click();
    await page.locator('input[name="rd-1-amount"]').fill('20');
    // 120.5 + 20 × 80 % = 136.5, computed as the form does.
    await expect.poll(() => page.getByText('136.5 万元').isVisible()).toBe(true);
    await shot('07-questions-rd-projects');
    await tap('下一步');

    await page.locator('input[name="ip-software"]').fill('1');
    await shot('08-questions-ip');
    await tap('提交，下一步上传报表');
    await expect.poll(() => page.getByText('上传上一年度报表').isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('uploads a statement PDF, shows each figure with its page, and takes a correction', async (ctx) => {
    await shot('09-upload');
    if (!hasApi('/api/v1/documents')) ctx.skip(); // extraction API not on this server yet
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('选择聊天中的 PDF').click();
    await (await chooser).setFiles(statement.path);
    await expect.poll(() => page.getByText('已读取').isVisible(), { timeout: 120_000 }).toBe(true);
    await tap('核对读取的数字');
    await expect.poll(() => page.getByText('逐项确认', { exact: true }).isVisible(), { timeout: 60_000 }).toBe(true);
    // The typo in 销售收入 is highlighted against the statement (the pre-check reconciles them).
    if (hasApi('/api/v1/prechecks')) await expect.poll(() => page.getByText('与填写不一致').first().isVisible()).toBe(true);
    const salesRevenue = page.locator('.figure').filter({ hasText: '销售收入' });
    await expect.poll(() => salesRevenue.getByText(wan(statement.truth['income_statement.operatingRevenue']!)).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/第 1 页|第 2 页/).first().isVisible()).toBe(true);
    await shot('10-upload-figures');

    // Correct one figure, confirm the rest.
    const figures = page.locator('.figure');
    const firstInput = figures.first().locator('input');
    const read = await firstInput.inputValue();
    await firstInput.fill(String(Number(read) + 1));
    await expect.poll(() => figures.first().getByRole('button', { name: '确认更正' }).isVisible()).toBe(true);
    for (;;) {
      const pending = page.getByRole('button', { name: /^确认(无误|更正)$/ });
      if ((await pending.count()) === 0) break;
      await pending.first().click();
    }
    await shot('11-upload-confirmed');
    await tap('确认，查看评价结果');
  });

  it('shows the result like the official 自评结果, with explanation and gaps', async () => {
    if (!page.url().includes('result')) {
      if (await page.getByRole('button', { name: '跳过' }).isVisible()) await tap('跳过');
    }
    await expect.poll(() => page.getByText('评价指标得分').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByText('企业不符合原因').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('申报材料清单').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('研发费用总额 136.5 万元').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('暂不符合评价条件').isVisible()).toBe(true);
    if (hasApi('/api/v1/prechecks')) {
      await expect.poll(() => page.getByText('结果说明').isVisible()).toBe(true);
      await expect.poll(() => page.getByText('怎样才能符合').isVisible()).toBe(true);
      await expect.poll(() => page.getByText(/^再(增加|取得)/).first().isVisible()).toBe(true);
    }
    await shot('12-result');
  });

  it('subscribes to a deadline reminder and lists it', async (ctx) => {
    await tap('订阅截止提醒');
    await expect.poll(() => page.getByText('即将发送的提醒').isVisible()).toBe(true);
    if (!hasApi('/api/v1/reminders')) {
      await shot('13-reminders');
      ctx.skip(); // reminders API not on this server yet
    }
    await page.getByRole('button', { name: '订阅截止提醒' }).click();
    // Planned from the firm's region (in-app notices without WeChat credentials). Once a year's dates have
    // passed and the next year's notice is not out, there is nothing to plan yet, and the page says so.
    await expect
      .poll(async () => (await page.locator('.reminder').count()) > 0 || (await page.getByText(/^已订阅。/).isVisible()), { timeout: 15_000 })
      .toBe(true);
    await shot('13-reminders');
    const planned = await page.locator('.reminder').count();
    if (planned > 0) {
      await page.locator('.reminder').first().getByText('取消').click();
      await expect.poll(() => page.locator('.reminder').count()).toBe(planned - 1);
    }
  });

  it('offers the saved check from the home page', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByText('自测已填完').isVisible()).toBe(true);
    await shot('14-home-continue');
    // The answers are on the server too, so the check can be resumed on another device.
    const stored = await page.evaluate<string | null>(`localStorage.getItem('kexiao.token')`);
    const token = (JSON.parse(stored ?? '{}') as { data?: string }).data;
    const saved = (await (
      await fetch(new URL('/api/v1/checks/current', server.url), { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { answers: { finance?: Record<string, string>; rdProjects?: unknown[] } | null };
    // 销售收入 as confirmed from the statement, replacing the typo typed earlier.
    expect(saved.answers?.finance?.salesRevenue).toBe(wan(statement.truth['income_statement.operatingRevenue']!));
    expect(saved.answers?.rdProjects).toHaveLength(2);
  });

  it('deletes the firm’s data on request and starts afresh', async () => {
    await page.getByText('我的数据', { exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '删除我的全部数据' }).isVisible()).toBe(true);
    await shot('15-account');
    await tap('删除我的全部数据');
    await page.getByText('删除', { exact: true }).last().click(); // the confirmation dialog
    await expect.poll(() => page.getByText('开始一次自测').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
