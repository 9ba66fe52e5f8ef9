import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { YesNoQuestion } from '../src/components/YesNoQuestion'

describe('YesNoQuestion', () => {
  it('reports the tapped answer and marks it chosen', () => {
    const onChange = vi.fn()
    const { rerender } = render(<YesNoQuestion label='是否设置研发支出辅助账？' value={undefined} onChange={onChange} />)
    fireEvent.click(screen.getByRole('radio', { name: '否' }))
    expect(onChange).toHaveBeenCalledWith(false)
    rerender(<YesNoQuestion label='是否设置研发支出辅助账？' value={false} onChange={onChange} />)
    expect(screen.getByRole('radio', { name: '否' }).getAttribute('aria-checked')).toBe('true')
  })
})
