import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ChoiceQuestion } from '../src/components/ChoiceQuestion'
import { CheckRow } from '../src/components/CheckRow'
import { ExplanationText } from '../src/components/ExplanationText'
import { IndicatorRow } from '../src/components/IndicatorRow'
import { NoticeList } from '../src/components/NoticeList'
import { NumberField } from '../src/components/NumberField'
import { StatementFigure } from '../src/components/StatementFigure'
import { LocalRow, UploadRow } from '../src/components/UploadRow'
import { exampleJobs } from './support/fixtures'
import { YesNoQuestion } from '../src/components/YesNoQuestion'

const typeInto = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } })

describe('YesNoQuestion', () => {
  it('reports the tapped answer and marks it chosen', () => {
    const onChange = vi.fn()
    const { rerender } = render(<YesNoQuestion label='是否设置研发支出辅助账？' value={undefined} onChange={onChange} />)
    fireEvent.click(screen.getByRole('radio', { name: '否' }))
    expect(onChange).toHaveBeenCalledWith(false)
    rerender(<YesNoQuestion label='是否设置研发支出辅助账？' value={false} onChange={onChange} />)
    expect(screen.getByRole('radio', { name: '否' }).getAttribute('aria-checked')).toBe('true')
    expect(screen.getByRole('radio', { name: '是' }).getAttribute('aria-checked')).toBe('false')
  })
})

describe('ChoiceQuestion', () => {
  it('shows every option as a tap target and reports the value, not the label', () => {
    const onChange = vi.fn()
    render(
      <ChoiceQuestion
        label='企业所得税征收方式'
        options={[
          { value: 'audit', label: '查账征收' },
          { value: 'assessed', label: '核定征收' },
        ]}
        value={undefined}
        onChange={onChange}
      />,
    )
    fireEvent.click(screen.getByRole('radio', { name: '核定征收' }))
    expect(onChange).toHaveBeenCalledWith('assessed')
  })
})

describe('NumberField', () => {
  it('passes what is typed and shows its unit and error', () => {
    const onChange = vi.fn()
    render(<NumberField label='销售收入' unit='万元' value='' onChange={onChange} error='缺少销售收入（万元）' />)
    typeInto(screen.getByLabelText('销售收入'), '3000')
    expect(onChange).toHaveBeenCalledWith('3000')
    expect(screen.getByText('万元')).toBeTruthy()
    expect(screen.getByText('缺少销售收入（万元）')).toBeTruthy()
  })
})

describe('UploadRow', () => {
  it('shows the page and step being read, then what was read and what was not', () => {
    const reading = { id: 'x', fileName: '报表.pdf', status: 'processing' as const, progress: 0.4, progressDetail: { page: 2, pages: 6, step: 'recognizing' as const } }
    const { rerender } = render(<UploadRow job={reading} startedAt={Date.now()} />)
    expect(screen.getByText('第 2/6 页 · 识别文字 · 40%')).toBeTruthy()
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40')
    const onRemove = vi.fn()
    rerender(<UploadRow job={exampleJobs()[0]!} startedAt={0} missing={['资产总额']} onRemove={onRemove} />)
    expect(screen.getByText('部分读取')).toBeTruthy()
    expect(screen.getByText('未读到：资产总额，下一步核对时请补填')).toBeTruthy()
    expect(screen.getByText(/资产负债表（第 1 页）、利润表（第 2 页）/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '删除 2025年度财务报表.pdf' }))
    expect(onRemove).toHaveBeenCalled()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('says why a file was refused before upload', () => {
    render(<LocalRow file={{ key: 'a', name: '报表.xlsx', size: 1000, status: 'rejected', percent: 0, message: '只支持 PDF、PNG、JPG 格式的报表' }} onDismiss={vi.fn()} />)
    expect(screen.getByText('未上传')).toBeTruthy()
    expect(screen.getByText('只支持 PDF、PNG、JPG 格式的报表')).toBeTruthy()
  })
})

describe('StatementFigure', () => {
  const filled = { value: '206.226978', source: '报表.pdf 第 1 页 资产负债表「资产总计」', printed: '2,062,269.78 元' }

  it('shows a figure from a statement as an accountant writes it, marked 来自报表 with its page and line', () => {
    render(<StatementFigure label='资产总额' name='a' value='206.226978' filled={filled} onChange={vi.fn()} />)
    expect(screen.getByText('206.23 万元')).toBeTruthy()
    expect(screen.getByText('来自报表')).toBeTruthy()
    expect(screen.getByText('报表.pdf 第 1 页 资产负债表「资产总计」')).toBeTruthy()
    expect(screen.getByText('报表原数 2,062,269.78 元')).toBeTruthy()
  })

  it('is editable, says how a change differs from the statement and goes back to it', () => {
    const onChange = vi.fn()
    const { rerender } = render(<StatementFigure label='资产总额' name='a' value='206.226978' filled={filled} onChange={onChange} />)
    fireEvent.click(screen.getByRole('button', { name: '修改资产总额' }))
    expect((screen.getByLabelText('资产总额') as HTMLInputElement).value).toBe('206.23')
    typeInto(screen.getByLabelText('资产总额'), '200')
    expect(onChange).toHaveBeenCalledWith('200')
    rerender(<StatementFigure label='资产总额' name='a' value='200' filled={filled} onChange={onChange} />)
    expect(screen.getByText('已修改：比报表少 6.23 万元（报表 206.23 万元）')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '改回报表数' }))
    expect(onChange).toHaveBeenLastCalledWith('206.226978')
  })
})

describe('result rows', () => {
  it('IndicatorRow shows points out of the maximum with the band', () => {
    render(<IndicatorRow name='科技人员' measure='占比 28.12%' band='25%（含）–30%' points={16} max={20} />)
    expect(screen.getByText('16')).toBeTruthy()
    expect(screen.getByText('区间 25%（含）–30%')).toBeTruthy()
  })

  it('CheckRow marks met, unmet and not-applicable conditions differently', () => {
    render(
      <>
        <CheckRow label='查账征收' met />
        <CheckRow label='设置研发支出辅助账' met={false} />
        <CheckRow label='高新技术企业证书' met={false} optional />
      </>,
    )
    expect(screen.getByText('✓')).toBeTruthy()
    expect(screen.getByText('✗')).toBeTruthy()
    expect(screen.getByText('—')).toBeTruthy()
  })

  it('NoticeList says so when there is nothing to list', () => {
    render(<NoticeList tone='danger' items={[]} empty='无，各项条件均符合。' />)
    expect(screen.getByText('无，各项条件均符合。')).toBeTruthy()
  })
})

describe('ExplanationText', () => {
  it('shows a long explanation folded, paragraph by paragraph, and unfolds it on tap', () => {
    const text = ['评价结果：', '1. 综合得分58分', '2. 科技人员12分', '3. 研发投入40分', '4. 科技成果6分', '提示：', '1. 报表年度不符'].join('\n')
    render(<ExplanationText text={text} />)
    expect(screen.getByText('评价结果：').className).toContain('explanation__para--head')
    expect(screen.getByText('1. 综合得分58分').className).toContain('explanation__para--item')
    expect(screen.queryByText('1. 报表年度不符')).toBeNull()
    fireEvent.click(screen.getByText('展开全文（共 7 段）'))
    expect(screen.getByText('1. 报表年度不符')).toBeTruthy()
  })
})
