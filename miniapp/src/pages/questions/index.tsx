import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { NoticeList } from '../../components/NoticeList'
import { PageShell } from '../../components/PageShell'
import { StepProgress } from '../../components/StepProgress'
import { ApiError, createAssessment, type ValidationIssue } from '../../api'
import { currentEvaluationYear } from '../../form/calendar'
import { needsLocalRegistration } from '../../form/region'
import { STEPS, firstIncompleteStep, missingInStep, stepOfPath } from '../../form/steps'
import { toAssessmentInput } from '../../form/toInput'
import { updateDraft, useDraft } from '../../store/draft'
import { PAGES } from '../../store/navigate'
import { BasicStep } from './steps/BasicStep'
import { DirectStep } from './steps/DirectStep'
import { FinanceStep } from './steps/FinanceStep'
import { IpStep } from './steps/IpStep'
import { RdAccountStep } from './steps/RdAccountStep'
import { RdProjectsStep } from './steps/RdProjectsStep'
import { StaffStep } from './steps/StaffStep'
import './index.scss'

export default function Questions() {
  const draft = useDraft()
  const localOnly = needsLocalRegistration(draft.region)
  // A returning owner lands on the first step that still needs an answer.
  const [index, setIndex] = useState(() => firstIncompleteStep(draft, localOnly))
  const [issues, setIssues] = useState<ValidationIssue[]>([])
  const [submitting, setSubmitting] = useState(false)
  const step = STEPS[index]!
  const missing = missingInStep(draft, step.id, localOnly)
  const year = currentEvaluationYear(draft.region)
  const isLast = index === STEPS.length - 1

  const go = (i: number) => {
    setIndex(i)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const submit = async () => {
    setSubmitting(true)
    setIssues([])
    try {
      await createAssessment(toAssessmentInput(draft, year))
      Taro.navigateTo({ url: PAGES.upload })
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        setIssues(e.issues)
        go(stepOfPath(e.issues[0]!.path))
      } else {
        Taro.showToast({ title: e instanceof ApiError ? e.message : '提交失败，请重试', icon: 'none' })
      }
    } finally {
      setSubmitting(false)
    }
  }

  // 下一步 stays disabled while the step misses answers; the line under the card says which.
  const next = () => (isLast ? void submit() : go(index + 1))

  const props = { draft, update: updateDraft }
  return (
    <PageShell
      footer={
        <>
          {index > 0 && (
            <View className='questions__back'>
              <ActionButton kind='secondary' onClick={() => go(index - 1)}>
                上一步
              </ActionButton>
            </View>
          )}
          <View className='questions__next'>
            <ActionButton onClick={next} loading={submitting} disabled={missing.length > 0}>
              {isLast ? '提交，下一步上传报表' : '下一步'}
            </ActionButton>
          </View>
        </>
      }
    >
      <StepProgress current={index} titles={STEPS.map((s) => s.title)} hint={step.hint} onJump={(i) => i < index && go(i)} />
      {issues.length > 0 && (
        <Card title='请修改以下内容' className='questions__issues'>
          <NoticeList tone='danger' items={issues} />
        </Card>
      )}
      <Card>
        {step.id === 'basic' && <BasicStep {...props} />}
        {step.id === 'direct' && <DirectStep {...props} />}
        {step.id === 'rdAccount' && <RdAccountStep {...props} />}
        {step.id === 'finance' && <FinanceStep {...props} />}
        {step.id === 'staff' && <StaffStep {...props} />}
        {step.id === 'rdProjects' && <RdProjectsStep {...props} year={year} />}
        {step.id === 'ip' && <IpStep {...props} />}
      </Card>
      {missing.length > 0 && (
        <Text className='questions__missing'>还需填写：{missing.join('、')}</Text>
      )}
    </PageShell>
  )
}
