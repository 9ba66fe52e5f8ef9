// Asks the server to reconcile the typed answers with the read statements; while the pre-check is not
// served, the statements' own readings are listed instead (nothing is compared on the phone).
import { ApiError, precheck, type DocumentJob, type PrecheckResult, type ReconciledFigure } from '../api'
import { currentEvaluationYear } from '../form/calendar'
import type { Draft } from '../form/draft'
import { toAssessmentInput } from '../form/toInput'
import { figuresFromDocuments, figuresFromPrecheck } from './figures'

export interface Reconciled {
  figures: ReconciledFigure[]
  /** The pre-check's answer, or null when only the readings could be listed. */
  check: PrecheckResult | null
}

export async function reconcile(draft: Draft, jobs: DocumentJob[]): Promise<Reconciled> {
  try {
    const check = await precheck(toAssessmentInput(draft, currentEvaluationYear(draft.region)), jobs.map((j) => j.id))
    return { figures: figuresFromPrecheck(check), check }
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) throw e // the answers themselves need fixing
    const typed = Object.fromEntries(Object.entries(draft.finance).map(([k, v]) => [`finance.${k}`, v]))
    return { figures: figuresFromDocuments(jobs, typed), check: null }
  }
}
