import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ChoiceQuestion } from '../src/components/ChoiceQuestion'
import { CheckRow } from '../src/components/CheckRow'
import { ExplanationText } from '../src/components/ExplanationText'
import { FigureConfirm } from '../src/components/FigureConfirm'
import { IndicatorRow } from '../src/components/IndicatorRow'
import { NoticeList } from '../src/components/NoticeList'
import { NumberField } from '../src/components/NumberField'
import { UploadRow } from '../src/components/UploadRow'
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
  it('shows where a file is and why it failed', () => {
    const { rerender } = render(<UploadRow item={{ key: 'a', name: '利润表.pdf', size: 204800, status: 'reading', percent: 40 }} />)
    expect(screen.getByText('200 KB · 读取中 40%')).toBeTruthy()
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40')
    rerender(<UploadRow item={{ key: 'a', name: '报表.xlsx', size: 1000, status: 'rejected', percent: 0, message: '只支持 PDF、PNG、JPG 格式的报表' }} />)
    expect(screen.getByText('未上传')).toBeTruthy()
    expect(screen.getByText('只支持 PDF、PNG、JPG 格式的报表')).toBeTruthy()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })
})

describe('FigureConfirm', () => {
  const figure = {
    path: 'finance.salesRevenue',
    label: '销售收入',
    typed: '1888',
    extracted: '3120.5',
    file: '2025年度财务报表.pdf',
    page: 2,
    discrepancy: true,
  }

  it('shows the document and page and highlights a difference from the typed figure', () => {
    render(<FigureConfirm figure={figure} value='3120.5' confirmed={false} onChange={vi.fn()} onConfirm={vi.fn()} />)
    expect(screen.getByText('来自 2025年度财务报表.pdf 第 2 页')).toBeTruthy()
    expect(screen.getByText('与填写不一致')).toBeTruthy()
    expect(screen.getByRole('button', { name: '确认无误' })).toBeTruthy()
  })

  it('turns into a correction once the owner changes the value', () => {
    const onChange = vi.fn()
    const onConfirm = vi.fn()
    const { rerender } = render(<FigureConfirm figure={figure} value='3120.5' confirmed={false} onChange={onChange} onConfirm={onConfirm} />)
    typeInto(screen.getByLabelText('确认数值'), '3121')
    expect(onChange).toHaveBeenCalledWith('3121')
    rerender(<FigureConfirm figure={figure} value='3121' confirmed={false} onChange={onChange} onConfirm={onConfirm} />)
    fireEvent.click(screen.getByRole('button', { name: '确认更正' }))
    expect(onConfirm).toHaveBeenCalled()
    rerender(<FigureConfirm figure={figure} value='3121' confirmed onChange={onChange} onConfirm={onConfirm} />)
    expect(screen.getByText('已更正')).toBeTruthy()
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
