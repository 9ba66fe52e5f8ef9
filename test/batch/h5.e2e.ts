// The 批量预审 page in the H5 build, in Debian's Chromium at a desktop width, against the real server: consent and
// login, an organisation created, a generated spreadsheet of firms uploaded, the batch watched to the end, its
// summary and rows shown, and the result sheet downloaded and read back. Screenshots land in artifacts/batch/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildH5 } from '../e2e/support/build.ts';
import { ROOT, startKexiao, type Running } from '../e2e/support/servers.ts';
import { generateFirms, writeXlsx } from './generate.ts';

const SHOTS = join(ROOT, 'artifacts/batch');
const DESKTOP = { width: 1280, height: 900 };

/** The whole page: Taro H5 scrolls inside the page element, so the viewport grows to fit it. */
async function shot(name: string): Promise<void> {
  await page.waitForTimeout(300);
  const height = await page.evaluate<number>(
    `Math.max(...Array.from(document.querySelectorAll('.taro_page, body')).map((e) => e.scrollHeight))`,
  );
  await page.setViewportSize({ width: DESKTOP.width, height: Math.min(6000, Math.max(DESKTOP.height, height)) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(DESKTOP);
}

let server: Running;
let browser: Browser;
let page: Page;
const errors: string[] = [];

describe.sequential('批量预审 page (H5, Chromium, desktop)', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    buildH5();
    server = await startKexiao();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in through the privacy page and creates an organisation', async () => {
    await page.goto(`${server.url}#/pages/batch/index`);
    await page.getByRole('button', { name: '阅读隐私政策并登录' }).click();
    await page.getByRole('button', { name: '同意并继续' }).click();
    await page.getByLabel('机构名称').fill('高新区科技局');
    await page.getByRole('button', { name: '创建机构' }).click();
    await expect.poll(() => page.getByText('高新区科技局（管理员）').count()).toBe(1);
    await shot('01-organisation');
  });

  it('uploads 120 firms, watches the batch and shows the summary and every row', async () => {
    const firms = generateFirms(120, 8);
    const { bytes } = await writeXlsx(firms, { mergedHeader: true });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择企业表格' }).click();
    await (await chooser).setFiles({ name: '园区企业.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => page.getByText('园区企业.xlsx').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '开始预审' }).click();
    await expect.poll(() => page.getByRole('row').count(), { timeout: 120_000 }).toBe(firms.length + 1);
    await shot('02-results');
    const invalid = firms.filter((f) => f.spoiled).length;
    await expect.poll(() => page.locator('.batch__count').filter({ hasText: '数据有误' }).innerText()).toContain(String(invalid));
    // Clicking a count filters the table to those firms.
    await page.locator('.batch__count').filter({ hasText: '数据有误' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(invalid + 1);
    await shot('03-invalid-rows');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载结果表（Excel）' }).click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file!) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('评价结果')!.rowCount).toBe(firms.length + 1);
    expect((await download).suggestedFilename()).toBe('批量预审结果-园区企业.xlsx');
    expect(errors).toEqual([]);
  });
});
