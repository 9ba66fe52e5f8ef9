// Seeded random firms for property tests: mostly small firms that fail somewhere near the pass mark, with
// every staff form, every R&D form (the 委托境外 cap included), IP of both classes and a few that sit close
// to the 500-employee limit.
import type { AssessmentInputJson } from '../../server/domain/schemas/assessment.ts';
import { RD_FORMS } from '../../server/domain/schemas/assessment.ts';
import { rng } from '../helpers/rng.ts';


export interface Gen {
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  /** An amount in 万元 with 2 decimals, in [lo, hi]. */
  wan(lo: number, hi: number): string;
}

export function gen(seed: number): Gen {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  return {
    int,
    chance: (p) => r() < p,
    pick: (xs) => xs[int(0, xs.length - 1)]!,
    wan: (lo, hi) => {
      const c = int(lo * 100, hi * 100);
      return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    },
  };
}

/** A random firm. `scale` bounds the money (万元) so brute-force scans stay short. */
export function randomFirm(g: Gen, scale = 200): AssessmentInputJson {
  const nearCap = g.chance(0.06);
  const staff = (() => {
    if (g.chance(0.4)) {
      const q = () => {
        const e1 = nearCap ? g.int(470, 500) : g.int(1, 60);
        const e2 = nearCap ? g.int(470, 500) : g.int(1, 60);
        return { startEmployees: e1, endEmployees: e2, startTech: g.int(0, Math.floor(e1 * 0.35)), endTech: g.int(0, Math.floor(e2 * 0.35)) };
      };
      return { quarters: [q(), q(), q(), q()] };
    }
    const e = nearCap ? g.int(1880, 2000) / 4 : g.int(4, 320) / 4; // quarter-people, as averages can be
    return { employees: String(e), techStaff: String(g.int(0, Math.floor(e * 0.4 * 4)) / 4) };
  })();
  const projects = Array.from({ length: g.int(0, 3) }, (_, i) => ({
    name: `项目${i + 1}`,
    form: g.pick(RD_FORMS),
    status: 'ongoing' as const,
    amount: g.wan(0, scale / 15),
  }));
  const zeroSales = g.chance(0.05);
  return {
    evaluationYear: 2026,
    region: g.pick(['national', 'henan', 'ningbo']),
    firstTime: g.chance(0.5),
    pastViolation: g.chance(0.05),
    basic: {
      registeredInMainland: true,
      registeredInRegion: true,
      productsAllowed: true,
      creditClean: !g.chance(0.05),
      taxCollection: g.chance(0.1) ? 'assessed' : 'audit',
      industryCode: g.pick(['I6513', 'C39', 'M7320', 'F5191']),
    },
    directPass: {
      highTechCertificate: g.chance(0.05),
      nationalAwardTop3: false,
      provincialRdInstitution: false,
      ledStandard: false,
    },
    rdAuxiliaryAccount: !g.chance(0.05),
    finance: {
      totalAssets: g.wan(10, scale * 2),
      salesRevenue: zeroSales ? '0' : g.wan(1, scale),
      totalCost: g.wan(1, scale),
    },
    rdProjects: projects,
    staff,
    ip: g.chance(0.15) ? { invention: 1 } : { utilityModel: g.int(0, 2), software: g.int(0, 3) },
  };
}
