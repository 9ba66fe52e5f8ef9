import type { Draft } from '../../../form/draft'

/** What every step gets: the answers so far and a way to change them. */
export interface StepProps {
  draft: Draft
  update: (change: (d: Draft) => Draft) => void
}
