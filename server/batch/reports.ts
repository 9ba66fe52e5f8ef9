// The batch's reports: one PDF per scored firm — the same report the owner can forward
// (server/report/pdf.ts, assessmentReportPdf) — streamed into a zip (yazl), with a 说明.txt listing the firms
// that have none (invalid rows, or a form still incomplete after its statements).
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';
import type { AssessmentResult } from '../domain/schemas/assessment.ts';
import type { PrecheckInput } from '../precheck/schemas.ts';
import type { FirmResult } from './schemas.ts';

/** The PDF report's signature (server/report/pdf.ts): the form as scored (a complete input or a pre-check's). */
export type ReportPdf = (input: PrecheckInput, result: AssessmentResult, extra?: { firmName?: string }) => Promise<Buffer>;

/** Loaded on first use: the report module brings fonts and a PDF writer the scoring path never needs. */
export async function loadReportPdf(): Promise<ReportPdf> {
  return (await import('../report/pdf.ts')).assessmentReportPdf;
}

/** A file name that survives every unzip tool: no path separators or control characters, bounded length. */
export function reportFileName(r: FirmResult): string {
  const label = (r.name ?? r.creditCode ?? '').replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim().slice(0, 60);
  return `${String(r.row).padStart(4, '0')}${label ? `-${label}` : ''}.pdf`;
}

/**
 * The zip as a stream. PDFs are made one firm at a time as the zip is read, so memory holds one report, not a
 * thousand.
 */
export function reportsZip(results: Iterable<FirmResult>, pdf: ReportPdf, onFirm?: (done: number) => void): Readable {
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  void (async () => {
    const without: string[] = [];
    let done = 0;
    try {
      for (const r of results) {
        if (r.assessment && r.input) {
          const bytes = await pdf(r.input as PrecheckInput, r.assessment, { firmName: r.name ?? undefined });
          zip.addBuffer(bytes, reportFileName(r), { compress: false });
        } else without.push(`第${r.row}行 ${r.name ?? r.creditCode ?? ''}：${r.verdict === 'invalid' ? '数据有误，未评价' : '信息不全，尚无完整自评结果'}`);
        onFirm?.(++done);
      }
      if (without.length) zip.addBuffer(Buffer.from(`以下企业没有报告：\r\n${without.join('\r\n')}\r\n`, 'utf8'), '说明.txt');
      zip.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
