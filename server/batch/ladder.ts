// The ladder's verdicts (contracts.md §5, `result.ladder`) as one row of a batch shows them. Read through the
// contract's shape, so a result without a ladder (an input that does not allow one) shows nothing.
import { z } from 'zod';
import type { AssessmentResult } from '../domain/schemas/assessment.ts';

const Title = z.object({
  qualified: z.boolean().nullable(),
  conditions: z.array(z.object({ state: z.string() })).optional(),
});
const Verdicts = z.object({ innovative: z.object({ qualified: z.boolean().nullable() }), specialized: Title, littleGiant: Title });

/** 专精特新 / 小巨人 left open: by an unanswered question (the bureau can fill it in) or by the platform alone. */
const openWord = (t: z.infer<typeof Title>) => (t.conditions?.some((c) => c.state === 'unknown') ? '待补充信息' : '待平台评定');
const word = (q: boolean | null, open: string) => (q === true ? '符合' : q === false ? '不符合' : open);

export function ladderState(result: AssessmentResult): { innovative: boolean | null; specialized: boolean | null; littleGiant: boolean | null; text: string } | null {
  const l = Verdicts.safeParse((result as { ladder?: unknown }).ladder);
  if (!l.success) return null;
  const { innovative, specialized, littleGiant } = l.data;
  return {
    innovative: innovative.qualified,
    specialized: specialized.qualified,
    littleGiant: littleGiant.qualified,
    text: `创新型：${word(innovative.qualified, '待补充信息')}；专精特新：${word(specialized.qualified, openWord(specialized))}；小巨人：${word(littleGiant.qualified, openWord(littleGiant))}`,
  };
}
