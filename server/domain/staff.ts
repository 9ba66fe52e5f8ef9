// 全年季平均数 (rules.md §4, S3): 季平均数 = (季初 + 季末) / 2; 全年 = sum of the four quarters' averages / 4.
// Kept as exact fractions: 44.75 people is a real answer and band edges must be compared exactly.
import { fraction, parseDecimal, type Fraction } from './exact.ts';
import type { AssessmentInput } from './schemas/assessment.ts';

export interface AveragedStaff {
  employees: Fraction;
  techStaff: Fraction;
}

type Quarter = { startEmployees: number; endEmployees: number; startTech: number; endTech: number };

export function annualQuarterlyAverage(quarters: readonly Quarter[]): AveragedStaff {
  let employees = 0n;
  let tech = 0n;
  for (const q of quarters) {
    employees += BigInt(q.startEmployees + q.endEmployees);
    tech += BigInt(q.startTech + q.endTech);
  }
  const divisor = BigInt(2 * quarters.length);
  return { employees: fraction(employees, divisor), techStaff: fraction(tech, divisor) };
}

export function averagedStaff(staff: AssessmentInput['staff']): AveragedStaff {
  if (staff.quarters) return annualQuarterlyAverage(staff.quarters);
  return { employees: parseDecimal(staff.employees ?? '0'), techStaff: parseDecimal(staff.techStaff ?? '0') };
}
