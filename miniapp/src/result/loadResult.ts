// Gets the verdict for the current answers: the pre-check (result + explanation + gaps) when the server
// offers it, else the plain assessment, so the 自评结果 still shows while the pre-check is unavailable.
import { ApiError, createAssessment, precheck, type PrecheckResult } from '../api'
import type { Draft } from '../form/draft'
import { currentEvaluationYear } from '../form/calendar'
import { toAssessmentInput } from '../form/toInput'

export type ResultView = Omit<PrecheckResult, 'gaps' | 'explanation'> & Partial<Pick<PrecheckResult, 'gaps' | 'explanation'>>

export async function loadResult(draft: Draft): Promise<ResultView> {
  const input = toAssessmentInput(draft, currentEvaluationYear(draft.region))
  try {
    return await precheck(input, draft.documentIds)
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 405)) throw e
    const { id, input: _input, createdAt: _createdAt, ...result } = await createAssessment(input)
    return { id, result }
  }
}
