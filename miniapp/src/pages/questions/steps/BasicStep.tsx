import { Input, Text, View } from '@tarojs/components'
import { ChoiceQuestion } from '../../../components/ChoiceQuestion'
import { YesNoQuestion } from '../../../components/YesNoQuestion'
import { REGION_OPTIONS, localPlace } from '../../../form/region'
import type { Draft } from '../../../form/draft'
import type { StepProps } from './types'

type Basic = Draft['basic']

/** 基本条件 (rules.md §1) in the form's wording, plus the two facts that only feed the on-site check. */
export function BasicStep({ draft, update }: StepProps) {
  const set = <K extends keyof Basic>(key: K, value: Basic[K]) => update((d) => ({ ...d, basic: { ...d.basic, [key]: value } }))
  const place = localPlace(draft.region)
  return (
    <View>
      <ChoiceQuestion
        label='企业所在地区'
        hint='决定适用的地方通知和截止日期'
        options={REGION_OPTIONS.map((r) => ({ value: r.id, label: r.short }))}
        value={draft.region}
        onChange={(region) => update((d) => ({ ...d, region }))}
      />
      <YesNoQuestion
        label='企业是否为在中国境内（不含港、澳、台）注册的居民企业？'
        value={draft.basic.registeredInMainland}
        onChange={(v) => set('registeredInMainland', v)}
      />
      {place && (
        <YesNoQuestion
          label={`企业是否在${place}注册？`}
          hint={`${place}只受理本地注册企业的评价`}
          value={draft.basic.registeredInRegion}
          onChange={(v) => set('registeredInRegion', v)}
        />
      )}
      <YesNoQuestion
        label='企业提供的产品和服务是否不属于国家禁止、限制和淘汰类？'
        value={draft.basic.productsAllowed}
        onChange={(v) => set('productsAllowed', v)}
        yesText='不属于'
        noText='属于'
      />
      <YesNoQuestion
        label='上一年度至今，企业是否未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单？'
        value={draft.basic.creditClean}
        onChange={(v) => set('creditClean', v)}
        yesText='均未发生'
        noText='有发生'
      />
      <ChoiceQuestion
        label='企业所得税征收方式'
        hint='评价要求查账征收；核定征收企业不能参加评价'
        options={[
          { value: 'audit', label: '查账征收' },
          { value: 'assessed', label: '核定征收' },
        ]}
        value={draft.basic.taxCollection}
        onChange={(v) => set('taxCollection', v)}
      />
      <View className='question'>
        <Text className='question__label'>所属行业代码（选填）</Text>
        <Text className='question__hint'>国民经济行业分类代码，如 I6513、C39；用于核对不适用加计扣除的行业</Text>
        <Input
          className='text-input'
          value={draft.basic.industryCode}
          placeholder='例如 I6513'
          maxlength={5}
          onInput={(e) => set('industryCode', e.detail.value.toUpperCase())}
          aria-label='所属行业代码'
        />
      </View>
      <YesNoQuestion
        label='是否首次参加科技型中小企业评价？'
        value={draft.firstTime}
        onChange={(v) => update((d) => ({ ...d, firstTime: v }))}
      />
      <YesNoQuestion
        label='近三年是否有严重违法失信行为或被撤销过入库编号？'
        value={draft.pastViolation}
        onChange={(v) => update((d) => ({ ...d, pastViolation: v }))}
        yesText='有'
        noText='没有'
      />
    </View>
  )
}
