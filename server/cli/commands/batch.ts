// kexiao batch INPUT [--docs DIR] --out RESULT.xlsx|RESULT.csv [--reports REPORTS.zip] [--year N] [--json]
// kexiao batch --template TEMPLATE.xlsx
// Many firms at once: a spreadsheet (xlsx, csv) or JSON Lines in, the result sheet out (one row per firm in
// input order, a summary sheet). With --docs, each firm's folder of statements is read through the same
// extraction pool as the API and reconciled as in the pre-check. A row with bad data is reported in its row
// and never stops the batch. Exit 0 once the result is written, 2 on a usage error or an unreadable input.
import { createWriteStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { firmFolders, MAX_FILES_PER_FIRM, statementFiles, type FirmFolders } from '../../batch/folders.ts';
import { parseBatch } from '../../batch/parse.ts';
import { BatchInputError, readBatchFile } from '../../batch/read.ts';
import { loadReportPdf, reportsZip } from '../../batch/reports.ts';
import { runBatch, type BatchOutcome } from '../../batch/run.ts';
import type { BatchSummary } from '../../batch/schemas.ts';
import type { ParsedFirm } from '../../batch/sheet.ts';
import { templateXlsx } from '../../batch/template.ts';
import { resultCsv, resultXlsx } from '../../batch/write.ts';
import { defaultWorkers } from '../../extract/limits.ts';
import type { ResolvedDocument } from '../../precheck/reconcile.ts';
import { localYear } from '../../reminders/time.ts';
import { fail, processIO, type CommandIO } from '../io.ts';
import { extractionsOf } from './precheck.ts';
import { USAGE } from '../usage.ts';


interface Args {
  input?: string;
  out?: string;
  docs?: string;
  reports?: string;
  template?: string;
  year?: number;
  json: boolean;
}

function parseArgs(args: string[]): Args | null {
  const a: Args = { json: false };
  const valued = { '--out': 'out', '--docs': 'docs', '--reports': 'reports', '--template': 'template', '--year': 'year' } as const;
  for (let i = 0; i < args.length; i++) {
    const x = args[i]!;
    if (x === '--json') a.json = true;
    else if (x in valued) {
      const v = args[++i];
      if (!v || v.startsWith('--')) return null;
      const key = valued[x as keyof typeof valued];
      if (key === 'year') {
        if (!/^\d{4}$/.test(v)) return null;
        a.year = Number(v);
      } else a[key] = v;
    } else if (x.startsWith('--') || a.input) return null;
    else a.input = x;
  }
  return a;
}

/** A bar on a terminal; plain lines (every 10 %) when the output goes to a file or a pipe. */
function progress(io: CommandIO, total: number, label: string) {
  if (io === processIO && process.stderr.isTTY && total > 0) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | 剩余 {eta_formatted}`, hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (done: number) => bar.update(done), stop: () => bar.stop() };
  }
  let shown = -1;
  return {
    tick(done: number) {
      const step = Math.floor((done / total) * 10);
      if (step > shown || done === total) {
        shown = step;
        io.stderr(`${label} ${done}/${total}`);
      }
    },
    stop: () => undefined,
  };
}

/** A firm's statements from its folder: PDFs and photos read now (the shared OCR pool), JSON taken as read. */
async function folderStatements(folders: FirmFolders, firm: ParsedFirm): Promise<ResolvedDocument[] | null> {
  const folder = folders.folderOf(firm);
  if (!folder) return null;
  const { files, skipped } = await statementFiles(folder);
  const docs: ResolvedDocument[] = [];
  const read = await Promise.all(files.map((f) => extractionsOf(f)));
  read.forEach((extractions, k) =>
    extractions.forEach((extraction, i) => docs.push({ id: i ? `${basename(files[k]!)}#${i + 1}` : basename(files[k]!), extraction })),
  );
  for (const name of skipped)
    docs.push({
      id: name,
      extraction: {
        file: name, pages: 0, method: 'text', documents: [], checks: [],
        errors: [{ code: 'NOT_READ', message: `未读取：只读取 PDF、PNG、JPEG 和识别结果 JSON，每家企业最多${MAX_FILES_PER_FIRM}份` }],
      },
    });
  return docs;
}

export function summaryText(s: BatchSummary): string {
  const v = s.byVerdict;
  const lines = [
    `共${s.firms}家企业：符合${v.qualified}家，不符合${v.not_qualified}家，待定${v.undetermined}家，数据有误未评价${v.invalid}家` +
      (s.blankRows.length ? `（跳过空行${s.blankRows.length}行）` : ''),
  ];
  const top = Object.entries(s.byReason).sort((a, b) => b[1].count - a[1].count);
  if (top.length) lines.push(`不符合原因：${top.map(([c, x]) => `${x.label}（${c}）${x.count}家`).join('，')}`);
  if (s.withDiscrepancies) lines.push(`填报数与报表不一致：${s.withDiscrepancies}家`);
  lines.push(...s.notes);
  return lines.join('\n');
}

export async function run(args: string[], io: CommandIO): Promise<number> {
  const a = parseArgs(args);
  if (!a) return fail(io, 'USAGE', `用法：${USAGE.batch}`);
  if (a.template) {
    if (a.input || a.out) return fail(io, 'USAGE', `用法：${USAGE.batch}`);
    await writeFile(a.template, await templateXlsx());
    io.stdout(`模板已写入 ${a.template}：“企业”表每行一家企业，“研发项目”表逐项填写研发项目`);
    return 0;
  }
  const outFormat = a.out ? extname(a.out).toLowerCase() : '';
  if (!a.input || !a.out || (outFormat !== '.xlsx' && outFormat !== '.csv')) return fail(io, 'USAGE', `用法：${USAGE.batch}`, a.json);
  if (a.reports && extname(a.reports).toLowerCase() !== '.zip') return fail(io, 'USAGE', '--reports 应为 .zip 文件', a.json);

  const pdf = a.reports ? await loadReportPdf() : null;
  let bytes: Buffer;
  try {
    bytes = await readFile(a.input);
  } catch (e) {
    return fail(io, 'FILE_UNREADABLE', (e as NodeJS.ErrnoException).code === 'ENOENT' ? `找不到文件：${a.input}` : `无法读取文件：${a.input}`, a.json);
  }
  let folders: FirmFolders | null = null;
  if (a.docs) {
    if (!(await stat(a.docs).catch(() => null))?.isDirectory()) return fail(io, 'DOCS_NOT_A_FOLDER', `--docs 应为文件夹：${a.docs}`, a.json);
    folders = await firmFolders(a.docs);
  }
  let outcome: BatchOutcome;
  let ocrUsed = false;
  try {
    const parsed = parseBatch(await readBatchFile(basename(a.input), bytes));
    const bar = progress(io, parsed.firms.length, '评价中');
    try {
      outcome = await runBatch(parsed, {
        defaultYear: a.year ?? localYear(new Date()),
        ...(folders
          ? {
              hasStatements: (f) => folders!.folderOf(f) !== null,
              statements: (f) => {
                ocrUsed = true;
                return folderStatements(folders!, f);
              },
              // Firms in flight: enough to keep every OCR worker busy, few enough to bound memory.
              concurrency: Math.max(2, defaultWorkers()),
              notes: folders.unmatched(parsed.firms).map((n) => `报表文件夹“${n}”未对应任何企业（按统一社会信用代码或行号命名）`),
            }
          : {}),
        onProgress: (done) => bar.tick(done),
      });
    } finally {
      bar.stop();
      // OCR workers are threads: without this the command would not exit.
      if (ocrUsed) await (await import('../../extract/extract.ts')).closeSharedPool();
    }
  } catch (e) {
    if (e instanceof BatchInputError) return fail(io, e.code, e.message, a.json);
    throw e;
  }

  await writeFile(a.out, outFormat === '.csv' ? resultCsv(outcome.results) : await resultXlsx(outcome.results, outcome.summary));
  if (pdf && a.reports) {
    const bar = progress(io, outcome.results.length, '生成报告');
    await pipeline(reportsZip(outcome.results, pdf, (n) => bar.tick(n)), createWriteStream(a.reports));
    bar.stop();
  }
  if (a.json) io.stdout(JSON.stringify({ out: a.out, ...(a.reports ? { reports: a.reports } : {}), summary: outcome.summary }, null, 2));
  else io.stdout(`${summaryText(outcome.summary)}\n结果已写入 ${a.out}${a.reports ? `，报告已写入 ${a.reports}` : ''}`);
  return 0;
}
