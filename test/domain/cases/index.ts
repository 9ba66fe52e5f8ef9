// All regulation tables, by group; the engine, CLI and API tests all run these.
import { ipBands, rdBands, techStaffBands, totals } from './bands.ts';
import { conditions } from './conditions.ts';
import { directPass } from './direct-pass.ts';
import { rdArithmetic } from './rd-arithmetic.ts';
import { quarterlyStaff } from './quarterly-staff.ts';
import { regions } from './regions.ts';

export { invalid } from './invalid.ts';
export type { Case, InvalidCase } from './table.ts';

export const VALID_GROUPS = {
  techStaffBands,
  rdBands,
  ipBands,
  totals,
  conditions,
  directPass,
  rdArithmetic,
  quarterlyStaff,
  regions,
};
