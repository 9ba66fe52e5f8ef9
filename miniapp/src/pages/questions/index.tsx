import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { PageShell } from '../../components/PageShell'
import { StepProgress } from '../../components/StepProgress'
import { currentEvaluationYear } from '../../form/calendar'
import { needsLocalRegistration } from '../../form/region'
import { STEPS, missingInStep, resumeStep, visibleSteps, type StepId } from '../../form/steps'
import { getDraft, updateDraft, useDraft } from '../../store/draft'
import { PAGES } from '../../store/navigate'
import { useDocuments } from '../../statements/useDocuments'
import { BasicStep } from './steps/BasicStep'
import { DirectStep } from './steps/DirectStep'
import { FinanceStep } from './steps/FinanceStep'
import { IpStep } from './steps/IpStep'
import { RdAccountStep } from './steps/RdAccountStep'
import { RdProjectsStep } from './steps/RdProjectsStep'
import { ReviewStep } from './steps/ReviewStep'
import { StaffStep } from './steps/StaffStep'
import { StatementsStep } from './steps/StatementsStep'
import './index.scss'

const order = (id: StepId) => STEPS.findIndex((s) => s.id === id)

export default function Questions() {
  const draft = useDraft()
  const { params } = useRouter()
  const local = needsLocalRegistration(draft.region)
  const docs = useDocuments()
  // A returning owner lands on the first step still to do (or the one the result page sent them to).
  const [current, setCurrent] = useState<StepId>(() => (STEPS.some((s) => s.id === params.step) ? (params.step as StepId) : resumeStep(draft, local)))
  const year = currentEvaluationYear(draft.region)

  // How many statements were read decides whether the 核对 step is walked through.
  useEffect(() => {
    if (docs.loaded && (getDraft().documentsRead ?? 0) !== docs.read.length) updateDraft((d) => ({ ...d, documentsRead: docs.read.length }))
  }, [docs.loaded, docs.read.length])

  // A step the statements answered is still shown when the owner opens it (from 核对 or the result page).
  const walked = visibleSteps(draft)
  const shown = current === 'review' && !walked.some((s) => s.id === 'review') ? 'statements' : current
  const steps = walked.some((s) => s.id === shown) ? walked : STEPS.filter((s) => s.id === shown || walked.includes(s))
  const step = STEPS.find((s) => s.id === shown)!
  const index = steps.findIndex((s) => s.id === shown)
  const missing = missingInStep(draft, shown, local)
  const isLast = index === steps.length - 1

  const go = (id: StepId) => {
    setCurrent(id)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  // 下一步 marks the step done; the steps after it are worked out again, since the statements may have answered them.
  const next = () => {
    updateDraft((d) => ({ ...d, done: d.done.includes(shown) ? d.done : [...d.done, shown] }))
    if (isLast) return void Taro.navigateTo({ url: PAGES.result })
    const after = visibleSteps(getDraft()).find((s) => order(s.id) > order(shown))
    if (after) go(after.id)
    else Taro.navigateTo({ url: PAGES.result })
  }

  const nextText =
    shown === 'statements'
      ? docs.reading
        ? '正在读取报表…'
        : docs.read.length
          ? '下一步：核对报表数字'
          : '没有报表，手动填写'
      : isLast
        ? '查看评价结果'
        : '下一步'

  const props = { draft, update: updateDraft }
  return (
    <PageShell
      footer={
        <>
          {index > 0 && (
            <View className='questions__back'>
              <ActionButton kind='secondary' onClick={() => go(steps[index - 1]!.id)}>
                上一步
              </ActionButton>
            </View>
          )}
          <View className='questions__next'>
            <ActionButton onClick={next} disabled={missing.length > 0 || (shown === 'statements' && docs.reading)}>
              {nextText}
            </ActionButton>
          </View>
        </>
      }
    >
      <StepProgress
        current={index}
        titles={steps.map((s) => s.title)}
        hint={step.hint}
        onJump={(i) => i < index && go(steps[i]!.id)}
      />
      <Card>
        {shown === 'basic' && <BasicStep {...props} />}
        {shown === 'direct' && <DirectStep {...props} />}
        {shown === 'rdAccount' && <RdAccountStep {...props} />}
        {shown === 'statements' && <StatementsStep {...props} docs={docs} />}
        {shown === 'review' && <ReviewStep {...props} docs={docs} year={year} />}
        {shown === 'finance' && <FinanceStep {...props} />}
        {shown === 'staff' && <StaffStep {...props} />}
        {shown === 'rdProjects' && <RdProjectsStep {...props} year={year} />}
        {shown === 'ip' && <IpStep {...props} />}
      </Card>
      {shown === 'review' && (
        <View className='questions__more'>
          {STEPS.filter((s) => ['finance', 'staff', 'rdProjects'].includes(s.id) && !steps.some((v) => v.id === s.id)).map((s) => (
            <ActionButton key={s.id} kind='text' block={false} onClick={() => go(s.id)}>
              查看或修改{s.title}
            </ActionButton>
          ))}
        </View>
      )}
      {missing.length > 0 && <Text className='questions__missing'>还需填写：{missing.join('、')}</Text>}
    </PageShell>
  )
}
