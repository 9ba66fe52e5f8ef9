// kexiao score FILE|- [--json]: the 自评结果 for one assessment input. Exit 0 whatever the verdict,
// 2 on invalid input with every problem listed.
import { assess } from '../../domain/assess.ts';
import { selfEvaluationTable } from '../../domain/report.ts';
import { AssessmentInputSchema } from '../../domain/schemas/assessment.ts';
import { validate } from '../../domain/validate.ts';
import { fail, readInput, type CommandIO } from '../io.ts';

export const usage = 'kexiao score FILE|- [--json]    按评价办法计算自评结果（- 表示从标准输入读取）';

export async function run(args: string[], io: CommandIO): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1) return fail(io, 'USAGE', `用法：${usage}`);
  const parsed = await readInput(files[0]!, io);
  if (!parsed.ok) return fail(io, parsed.code, parsed.message, json);
  const v = validate(AssessmentInputSchema, parsed.value);
  if (!v.ok) {
    if (json) io.stdout(JSON.stringify({ error: { code: 'INVALID_INPUT', message: `输入有${v.issues.length}处问题`, issues: v.issues } }, null, 2));
    else {
      io.stderr(`输入有${v.issues.length}处问题：`);
      for (const i of v.issues) io.stderr(`  ${i.path || '(整体)'}  [${i.code}] ${i.message}`);
    }
    return 2;
  }
  const result = assess(v.value);
  io.stdout(json ? JSON.stringify(result, null, 2) : selfEvaluationTable(result));
  return 0;
}
