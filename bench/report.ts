// The 自评结果 PDF (server/report/pdf.ts): time and CPU for the first report of a process (which reads and
// parses the Noto Sans CJK collections) and for the reports after it, and the file size.
// Run: npx tsx bench/report.ts [reports]
import { assess } from '../server/domain/assess.ts';
import { AssessmentInputSchema } from '../server/domain/schemas/assessment.ts';
import { assessmentReportPdf } from '../server/report/pdf.ts';
import { firm } from '../test/domain/firm.ts';

const n = Number(process.argv[2] ?? 10);
const input = AssessmentInputSchema.parse(firm());
const result = assess(input);

async function once(): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  const pdf = await assessmentReportPdf(input, result, { firmName: '郑州示例科技有限公司' });
  const cpu = process.cpuUsage(c);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, bytes: pdf.length };
}

const first = await once();
const rest: Awaited<ReturnType<typeof once>>[] = [];
for (let i = 0; i < n; i++) rest.push(await once());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`first report: ${first.ms.toFixed(0)} ms wall, ${first.cpuMs.toFixed(0)} ms CPU, ${(first.bytes / 1024).toFixed(0)} KB`);
console.log(
  `next ${n}: median ${median(rest.map((r) => r.ms)).toFixed(0)} ms wall, ${median(rest.map((r) => r.cpuMs)).toFixed(0)} ms CPU per report`,
);
