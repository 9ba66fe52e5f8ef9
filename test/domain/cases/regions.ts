import { type Patch } from '../firm.ts';
import { c, type Case } from './table.ts';
import { direct } from './direct-pass.ts';

// ── 地区政策包 ─────────────────────────────────────────────────────────────────
export const regions: Case[] = [
  c('未填地区按全国规则', { region: undefined }, { qualified: true }),
  c('河南省：与全国同一评分标准', { region: 'henan' }, { qualified: true, total: 100 }),
  c('宁波市：本地注册的企业符合', { region: 'ningbo', basic: { registeredInRegion: true } }, { qualified: true, noWarnings: ['LOCAL_REGISTRATION_UNANSWERED'] }),
  c('宁波市：未在宁波注册的企业不符合（REG）', { region: 'ningbo', basic: { registeredInRegion: false } }, {
    route: null,
    reasons: ['REG'],
  }),
  c('宁波市：未回答是否本地注册时提示确认', { region: 'ningbo' }, { warnings: ['LOCAL_REGISTRATION_UNANSWERED'], reasons: [] }),
  c('宁波市：宁波市级研发机构可走直通车', { region: 'ningbo', basic: { registeredInRegion: true }, ...direct({ provincialRdInstitution: true }) }, {
    route: 'direct',
    qualified: true,
  }),
  c('首次参评、近三年有违法：列入现场核查', { firstTime: true, pastViolation: true }, { onSiteCheck: ['PAST_VIOLATION', 'FIRST_TIME'] }),
];
