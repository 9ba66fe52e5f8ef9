// Gets the verdict for the current answers: the pre-check (reconciled with the uploaded statements, with
// explanation and gaps) when the server offers it, else the plain assessment, so the 自评结果 still shows.
import { ApiError, createAssessment, precheck, type AssessmentResult, type Explanation, type Gaps } from '../api'
import type { Draft } from '../form/draft'
import { currentEvaluationYear } from '../form/calendar'
import { needsLocalRegistration } from '../form/region'
import { STEPS, missingInStep } from '../form/steps'
import { toAssessmentInput } from '../form/toInput'

export interface ResultView {
  result: AssessmentResult
  gaps?: Gaps | null
  explanation?: Explanation
  /** What reviewers look at closely (not on-site triggers, which the result lists itself). */
  review: { code: string; message: string }[]
}

/** The pre-check cannot decide yet: these answers are still needed (its own wording). */
export class MissingAnswers extends Error {
  constructor(readonly questions: { path: string; section: string; question: string }[]) {
    super('还需回答几个问题才能得出结果')
  }
}

/** Answers still empty in the form, as questions by step (checked before asking the server). */
function unanswered(draft: Draft): MissingAnswers['questions'] {
  const local = needsLocalRegistration(draft.region)
  return STEPS.flatMap((step) =>
    missingInStep(draft, step.id, local).map((label) => ({ path: step.id, section: step.title, question: label })),
  )
}

export async function loadResult(draft: Draft): Promise<ResultView> {
  const open = unanswered(draft)
  if (open.length) throw new MissingAnswers(open)
  const input = toAssessmentInput(draft, currentEvaluationYear(draft.region))
  try {
    const p = await precheck(input, draft.documentIds)
    if (p.assessment)
      return { result: p.assessment, gaps: p.gaps, explanation: p.explanation, review: p.flags.filter((f) => f.kind === 'review') }
    if (p.questions.length) throw new MissingAnswers(p.questions)
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 405)) throw e
  }
  const { id: _id, input: _input, createdAt: _createdAt, ...result } = await createAssessment(input)
  return { result, review: [] }
}
