// kexiao extract FILE… [--json]: read statements (PDF, scanned PDF, photo) into the figures of contracts.md §3.
// One JSON object per file, a JSON array when several files are given. Exit 0 when every file gave at least one
// statement, 2 when any file could not be read as one (its errors say why).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fieldLabel } from '../../extract/core/catalog.ts';
import type { ExtractionResult } from '../../extract/schema.ts';
import { fail, type CommandIO } from '../io.ts';
import { USAGE } from '../usage.ts';

const KIND_NAMES: Record<string, string> = {
  balance_sheet: '资产负债表', income_statement: '利润表', rd_deduction: '研发费用加计扣除优惠明细表（A107012）', staff_table: '职工人数统计表',
};

type Readers = typeof import('../../extract/extract.ts');

async function extractOne(file: string, readers: () => Promise<Readers>): Promise<ExtractionResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { file: basename(file), pages: 0, method: 'text', documents: [], checks: [], errors: [{ code: 'FILE_UNREADABLE', message: missing ? `找不到文件：${file}` : `无法读取文件：${file}` }] };
  }
  return (await readers()).extractFile({ name: basename(file), bytes });
}

function table(r: ExtractionResult): string[] {
  const out = [`== ${r.file}（${r.pages} 页，${r.method === 'ocr' ? '图像识别' : '文本读取'}）`];
  for (const d of r.documents) {
    const scope = d.scope === 'consolidated' ? '合并' : d.scope === 'parent' ? '母公司' : '';
    const pages = d.pages?.length ? `–${Math.max(...d.pages)}` : '';
    out.push(`${scope}${KIND_NAMES[d.kind] ?? d.kind}  第 ${d.page}${pages} 页  原表单位：${d.unit}${d.company ? `  ${d.company}` : ''}${d.period ? `  ${d.period}` : ''}${d.seal ? '  有印章' : ''}${d.use === false ? '  （评价不使用）' : ''}`);
    for (const [k, f] of Object.entries(d.fields)) {
      const unit = d.kind === 'staff_table' || k === 'projectCount' ? '' : ' 元';
      out.push(`  ${fieldLabel(k).padEnd(14, '　')} ${f.value.padStart(18)}${unit}  可信度 ${f.confidence.toFixed(2)}${f.flagged ? '  ⚠ 请核对' : ''}${f.source === 'derived' ? '（由勾稽关系推得）' : ''}`);
    }
    for (const m of d.missing ?? []) out.push(`  ${m.label}：表上有此行，但金额未能识别，请补填`);
  }
  for (const c of r.checks.filter((c) => !c.ok)) out.push(`  ⚠ 勾稽不符（第 ${c.page ?? '?'} 页）：${c.message}`);
  for (const w of r.warnings ?? []) out.push(`  提示：${w.message}`);
  for (const e of r.errors) out.push(`  错误 [${e.code}]${e.page ? `（第 ${e.page} 页）` : ''}：${e.message}`);
  return out;
}

export async function run(args: string[], io: CommandIO): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) return fail(io, 'USAGE', `用法：${USAGE.extract}`, json);
  const results: ExtractionResult[] = [];
  // The readers bring the PDF and OCR engines: loaded once there is a file to read.
  let loaded: Promise<Readers> | undefined;
  const readers = () => (loaded ??= import('../../extract/extract.ts'));
  try {
    for (const f of files) results.push(await extractOne(f, readers));
  } finally {
    // The OCR workers are threads: without this the command would not exit.
    if (loaded) await (await loaded).closeSharedPool();
  }
  if (json) io.stdout(JSON.stringify(files.length > 1 ? results : results[0], null, 2));
  else results.forEach((r, i) => io.stdout(`${i ? '\n' : ''}${table(r).join('\n')}`));
  return results.every((r) => r.documents.length > 0) ? 0 : 2;
}
