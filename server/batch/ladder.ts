// The ladder's verdicts (contracts.md §5, `result.ladder`) as one row of a batch shows them. Read through the
// contract's shape, so a result without a ladder (an input that does not allow one) shows nothing.
import { z } from 'zod';
import type { AssessmentResult } from '../domain/schemas/assessment.ts';

const Verdicts = z.object({
  innovative: z.object({ qualified: z.boolean().nullable() }),
  specialized: z.object({ qualified: z.boolean().nullable() }),
  littleGiant: z.object({ qualified: z.boolean().nullable() }),
});

const word = (q: boolean | null, platform: boolean) => (q === true ? '符合' : q === false ? '不符合' : platform ? '待平台评定' : '待补充信息');

export function ladderState(result: AssessmentResult): { innovative: boolean | null; specialized: boolean | null; littleGiant: boolean | null; text: string } | null {
  const l = Verdicts.safeParse((result as { ladder?: unknown }).ladder);
  if (!l.success) return null;
  const { innovative, specialized, littleGiant } = l.data;
  return {
    innovative: innovative.qualified,
    specialized: specialized.qualified,
    littleGiant: littleGiant.qualified,
    // 专精特新 / 小巨人 are never decided here while the platform still judges (contracts.md §5).
    text: `创新型：${word(innovative.qualified, false)}；专精特新：${word(specialized.qualified, true)}；小巨人：${word(littleGiant.qualified, true)}`,
  };
}
