// Gets the verdict for the current answers: the pre-check reconciled with every statement the owner has
// read (listed from the server), with its findings, explanation and gaps, and the id its PDF report is made from.
import { listDocuments, precheck, type AssessmentResult, type Explanation, type Finding, type Gaps, type PrecheckResult } from '../api'
import type { Draft } from '../form/draft'
import { currentEvaluationYear } from '../form/calendar'
import { needsLocalRegistration } from '../form/region'
import { missingInStep, visibleSteps } from '../form/steps'
import { toPrecheckInput } from '../form/toInput'
import { isRead } from '../statements/jobs'
import { withSession } from '../store/auth'

export interface ResultView {
  result: AssessmentResult
  /** The stored pre-check (GET /api/v1/prechecks/:id/report.pdf). */
  precheckId: string
  gaps?: Gaps | null
  explanation?: Explanation
  /** Every finding, one sentence each with what to do, worst first. */
  findings: Finding[]
  /** Ladder figures the statements offered (the comparative column's previous year, 负债合计). */
  ladderFigures?: PrecheckResult['ladderFigures']
}

/** The pre-check cannot decide yet: these answers are still needed (its own wording). */
export class MissingAnswers extends Error {
  constructor(readonly questions: { path: string; section: string; question: string }[]) {
    super('还需回答几个问题才能得出结果')
  }
}

/** Answers still empty in the steps the owner walks through, as questions by step (checked before asking the server). */
function unanswered(draft: Draft): MissingAnswers['questions'] {
  const local = needsLocalRegistration(draft.region)
  return visibleSteps(draft).flatMap((step) => missingInStep(draft, step.id, local).map((label) => ({ path: step.id, section: step.title, question: label })))
}

export async function loadResult(draft: Draft): Promise<ResultView> {
  const open = unanswered(draft)
  if (open.length) throw new MissingAnswers(open)
  await withSession()
  const { documents } = await listDocuments().catch(() => ({ documents: [] }))
  const p = await precheck(toPrecheckInput(draft, currentEvaluationYear(draft.region)), documents.filter(isRead).map((d) => d.id))
  if (!p.assessment) throw new MissingAnswers(p.questions)
  return { result: p.assessment, precheckId: p.id, gaps: p.gaps, explanation: p.explanation, findings: p.findings ?? [], ladderFigures: p.ladderFigures }
}
