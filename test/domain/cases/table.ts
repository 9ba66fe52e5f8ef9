// Shapes of the regulation tables. Each case names the rule it checks the way rules.md states it; the
// expectation lists only what the case is about. The same tables run through the engine, the CLI and the API.
import type { AssessmentResult } from '../../../server/domain/schemas/assessment.ts';
import { firm, type Patch } from '../firm.ts';

export interface Case {
  name: string;
  input: unknown;
  expect: {
    qualified?: boolean;
    route?: AssessmentResult['route'];
    total?: number;
    scores?: Partial<AssessmentResult['scores']>;
    ratios?: Partial<AssessmentResult['ratios']>;
    derived?: Partial<AssessmentResult['derived']>;
    /** Exactly these reason codes, in this order. */
    reasons?: string[];
    onSiteCheck?: string[];
    /** These warning codes are present (others may be too). */
    warnings?: string[];
    noWarnings?: string[];
  };
}

export interface InvalidCase {
  name: string;
  input: unknown;
  /** [path, code] pairs that must all be reported. */
  issues: [string, string][];
}

export const c = (name: string, patch: Patch, expect: Case['expect']): Case => ({ name, input: firm(patch), expect });

