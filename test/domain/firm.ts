// A valid, unremarkable firm to start every table case from; cases change only what they are about.
import type { AssessmentInputJson } from '../../server/domain/schemas/assessment.ts';

export type Patch = {
  [K in keyof AssessmentInputJson]?: AssessmentInputJson[K] extends object
    ? Partial<AssessmentInputJson[K]>
    : AssessmentInputJson[K];
};

/** 100 staff, 30 of them in R&D; sales 1000 万元, costs 900 万元, R&D 60 万元; one invention patent. */
export function baseFirm(): AssessmentInputJson {
  return {
    evaluationYear: 2026,
    region: 'national',
    firstTime: false,
    pastViolation: false,
    basic: {
      registeredInMainland: true,
      productsAllowed: true,
      creditClean: true,
      taxCollection: 'audit',
      industryCode: 'I6513',
    },
    directPass: { highTechCertificate: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
    rdAuxiliaryAccount: true,
    superDeductionClaimed: true,
    finance: { totalAssets: '800', netAssets: '500', salesRevenue: '1000', totalCost: '900' },
    rdProjects: [{ name: '核心算法研发', form: 'self', status: 'completed', amount: '60' }],
    staff: { employees: '100', techStaff: '30' },
    ip: { invention: 1 },
  };
}

/** Applies a patch one level deep (objects merge; arrays, scalars and `staff`, whose forms exclude each other, replace). */
export function firm(patch: Patch = {}): AssessmentInputJson {
  const base = baseFirm() as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    const cur = base[k];
    base[k] =
      k !== 'staff' && v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)
        ? { ...cur, ...v }
        : v;
  }
  return base as AssessmentInputJson;
}

export const rd = (amount: string, form = 'self' as const) => [
  { name: '研发项目', form, status: 'ongoing' as const, amount },
];
