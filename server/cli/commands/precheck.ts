// kexiao precheck FILE|- [--docs a.pdf b.png …] [--json]: the pre-check of a (possibly incomplete) form,
// reconciled with statements read on the spot (PDF, scan, photo) or already extracted (kexiao extract --json
// output, *.json). With OPENAI_BASE_URL, OPENAI_API_KEY and KEXIAO_LLM_MODEL set, a model words the
// explanation. Exit 0 whatever the verdict, 2 on invalid input.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { LlmConfigSchema, llmConfigFromEnv } from '../../explain/config.ts';
import { createExplainer } from '../../explain/explain.ts';
import { ExtractionResult } from '../../extract/schema.ts';
import { precheckReport } from '../../precheck/report.ts';
import { runPrecheck, type DocumentLookup } from '../../precheck/service.ts';
import { localYear } from '../../reminders/time.ts';
import { fail, readInput, type CommandIO } from '../io.ts';

export const usage = 'kexiao precheck FILE|- [--docs 报表…] [--json]  预审：核对报表与填写数据，列出问题、差距并给出解释';

const unreadable = (file: string, message: string): ExtractionResult => ({
  file: basename(file), pages: 0, method: 'text', documents: [], checks: [], errors: [{ code: 'FILE_UNREADABLE', message }],
});

/** One file → its extraction: a JSON file is taken as already extracted, anything else is read now. */
export async function extractionsOf(file: string): Promise<ExtractionResult[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return [unreadable(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件：${file}`)];
  }
  if (file.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      return [unreadable(file, `${basename(file)} 不是有效的 JSON`)];
    }
    const r = z.union([ExtractionResult, z.array(ExtractionResult)]).safeParse(parsed);
    return r.success ? [r.data].flat() : [unreadable(file, `${basename(file)} 不是报表识别结果（kexiao extract --json 的输出）`)];
  }
  // Loaded only when needed: the readers bring PDF and OCR engines.
  const { extractFile } = await import('../../extract/extract.ts');
  return [await extractFile({ name: basename(file), bytes })];
}

export async function run(args: string[], io: CommandIO): Promise<number> {
  const json = args.includes('--json');
  const at = args.indexOf('--docs');
  const docFiles = at >= 0 ? args.slice(at + 1).filter((a) => !a.startsWith('--')) : [];
  const files = (at >= 0 ? args.slice(0, at) : args).filter((a) => a !== '--json');
  if (files.length !== 1 || (at >= 0 && docFiles.length === 0)) return fail(io, 'USAGE', `用法：${usage}`, json);

  const llm = LlmConfigSchema.safeParse(llmConfigFromEnv(process.env));
  if (!llm.success) return fail(io, 'INVALID_CONFIG', '模型配置无效：请检查 OPENAI_BASE_URL、KEXIAO_LLM_TIMEOUT_MS 等环境变量', json);
  const parsed = await readInput(files[0]!, io);
  if (!parsed.ok) return fail(io, parsed.code, parsed.message, json);

  // Each statement gets an id the result can point to: its file name, numbered when one file holds several.
  const found = new Map<string, DocumentLookup>();
  try {
    for (const f of docFiles)
      for (const [i, extraction] of (await extractionsOf(f)).entries())
        found.set(i ? `${basename(f)}#${i + 1}` : basename(f), { status: 'done', extraction });
  } finally {
    // OCR workers are threads: without this the command would not exit.
    if (docFiles.some((f) => !f.toLowerCase().endsWith('.json'))) await (await import('../../extract/extract.ts')).closeSharedPool();
  }
  const body = docFiles.length && parsed.value && typeof parsed.value === 'object' ? { ...parsed.value, documents: [...found.keys()] } : parsed.value;
  const out = await runPrecheck(body, null, {
    documents: { get: async (id) => found.get(id) ?? null },
    explainer: createExplainer(llm.data),
    defaultYear: localYear(new Date()),
  });
  if (!out.ok) {
    const issues = out.code === 'INVALID_INPUT' ? out.issues : [];
    if (json) io.stdout(JSON.stringify({ error: { code: out.code, message: `输入有${issues.length}处问题`, issues } }, null, 2));
    else {
      io.stderr(`输入有${issues.length}处问题：`);
      for (const i of issues) io.stderr(`  ${i.path || '(整体)'}  [${i.code}] ${i.message}`);
    }
    return 2;
  }
  io.stdout(json ? JSON.stringify(out.result, null, 2) : precheckReport(out.result));
  return 0;
}
