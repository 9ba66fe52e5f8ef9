// Every pre-check finding as one sentence that says what is wrong and what to do, in the order an owner
// should deal with them: files that could not be used, statements of another firm or year, typed figures
// that differ from the statements, statements that do not add up, contradictions, reviewer risk, then
// advice. The mini-program shows these on the 核对 page and at the top of the result, and the PDF report
// prints them, so none of it is left to the folded explanation. Pure: built from the result alone.
import { FLAG_ADVICE } from '../explain/template.ts';
import type { Finding, PrecheckResult } from './schemas.ts';

/** What to do, by code, where the message itself does not already say (a message with 请… does). */
const ACTION: Record<string, string> = {
  COMPANY_MISMATCH: '请删除不是本企业的报表；如企业曾更名，审核时请附更名证明',
  DOCUMENTS_DISAGREE: '请确认哪一份是最终报送的报表，删除另一份',
  PERIOD_MISMATCH: '请删除这份报表，上传该年度的报表',
  BALANCE_IDENTITY: '请对照原件核对这张报表，或上传更清晰的版本',
  REVENUE_SPLIT: '请对照原件核对这张报表，或上传更清晰的版本',
  NET_PROFIT: '请对照原件核对这张报表，或上传更清晰的版本',
  EQUITY_VS_NET_ASSETS: '请把净资产改为报表上的所有者权益合计',
  MAIN_EXCEEDS_SALES: '请核对主营业务收入和销售收入',
  RD_EXCEEDS_COST: '请核对研发费用和成本费用支出总额',
  NET_ASSETS_EXCEED_ASSETS: '请核对净资产和资产总额',
  TECH_EXCEEDS_EMPLOYEES: '请核对各季度的科技人员数',
  EDUCATION_SUM: '请核对按学历分列的人数',
  FORM_WOULD_BE_REFUSED: '请对照报表更正这些数字',
  FOREIGN_RD_CAPPED: '如需计入，可将部分研发改为境内委托或自主研发',
  INDUSTRY_NOT_CHECKED: '请在基本条件中填写行业代码',
  IDENTITY: '请对照原件核对这张报表，或上传更清晰的版本',
  DOCUMENT: '请换一个清晰、完整的文件重新上传',
};

const end = (s: string) => s.replace(/[。；;，,\s]+$/, '');
const sentence = (message: string, action?: string) =>
  `${end(message)}${action && !/请/.test(message) ? `，${end(action)}` : ''}。`;

/** The findings of a pre-check, worst first; each `text` is the one sentence the owner reads. */
export function findingsOf(r: Pick<PrecheckResult, 'warnings' | 'inconsistencies' | 'discrepancies' | 'identities' | 'flags'>): Finding[] {
  const out: Finding[] = [];
  const push = (f: Omit<Finding, 'text'> & { message: string; action?: string }) => {
    const { message, action, ...rest } = f;
    const text = sentence(message, action ?? ACTION[f.code]);
    if (!out.some((o) => o.text === text)) out.push({ ...rest, text });
  };
  for (const w of r.warnings.filter((w) => w.code.startsWith('DOCUMENT_')))
    push({ code: w.code, kind: 'document', tone: 'danger', message: w.message, action: ACTION.DOCUMENT });
  for (const i of r.inconsistencies.filter((i) => i.code === 'COMPANY_MISMATCH' || i.code === 'DOCUMENTS_DISAGREE'))
    push({ code: i.code, kind: 'inconsistency', tone: 'danger', message: i.message, ...(i.figures[0] ? { figure: i.figures[0] } : {}) });
  for (const w of r.warnings.filter((w) => w.code === 'PERIOD_MISMATCH'))
    push({ code: w.code, kind: 'warning', tone: 'danger', message: w.message });
  for (const d of r.discrepancies)
    push({
      code: d.code,
      kind: 'discrepancy',
      tone: 'danger',
      figure: d.figure,
      documentId: d.origin.documentId,
      page: d.origin.page,
      message: d.message,
      action: '请核对后改成报表上的数，或准备好说明差异的材料',
    });
  for (const i of r.identities)
    push({ code: i.code, kind: 'identity', tone: 'danger', documentId: i.documentId, ...(i.page ? { page: i.page } : {}), message: i.message, action: ACTION.IDENTITY });
  for (const i of r.inconsistencies.filter((i) => i.code !== 'COMPANY_MISMATCH' && i.code !== 'DOCUMENTS_DISAGREE'))
    push({ code: i.code, kind: 'inconsistency', tone: 'warning', message: i.message, ...(i.figures[0] ? { figure: i.figures[0] } : {}) });
  for (const f of r.flags)
    push({
      code: f.code,
      kind: f.kind,
      tone: 'warning',
      message: f.kind === 'on_site' ? `可能被列为现场核查对象：${f.message}` : f.message,
      action: FLAG_ADVICE[f.code],
    });
  for (const w of r.warnings.filter((w) => !w.code.startsWith('DOCUMENT_') && w.code !== 'PERIOD_MISMATCH'))
    push({ code: w.code, kind: 'warning', tone: w.code === 'DOUBTFUL_READING' || w.code === 'FORM_WOULD_BE_REFUSED' ? 'warning' : 'info', message: w.message });
  return out;
}
