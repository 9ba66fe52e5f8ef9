import { Text, View } from '@tarojs/components'
import { LocalRow, UploadRow } from '../../../components/UploadRow'
import type { StatementResult } from '../../../api'
import { STATEMENT_NAMES, missingFigures } from '../../../statements/figures'
import { pickFiles, type PickSource } from '../../../statements/pickFiles'
import type { Documents } from '../../../statements/useDocuments'
import type { StepProps } from './types'

const KINDS: { kind: StatementResult['kind']; fills: string }[] = [
  { kind: 'balance_sheet', fills: '资产总额、净资产' },
  { kind: 'income_statement', fills: '销售收入、成本费用支出总额、利润总额' },
  { kind: 'rd_deduction', fills: '研发费用总额' },
  { kind: 'staff_table', fills: '职工总数、科技人员数（按季度）' },
]

const PICKERS: { source: PickSource; title: string; text: string; weappOnly?: boolean }[] =
  process.env.TARO_ENV === 'h5'
    ? [
        { source: 'chat', title: '选择 PDF 或图片', text: '可一次选多个文件' },
        { source: 'camera', title: '拍照上传', text: '纸质报表拍清楚即可' },
      ]
    : [
        { source: 'chat', title: '聊天中的 PDF', text: '财务发来的报表文件' },
        { source: 'camera', title: '拍照', text: '纸质报表拍清楚即可' },
        { source: 'album', title: '相册图片', text: '已拍好的报表照片' },
      ]

/** Statements first: the four the evaluation asks for, picked from a chat, the camera or the album. */
export function StatementsStep({ docs }: StepProps & { docs: Documents }) {
  const choose = async (source: PickSource) => {
    try {
      const files = await pickFiles(source)
      if (files.length) await docs.add(files)
    } catch {
      /* the owner closed the picker */
    }
  }
  const seen = new Map<StatementResult['kind'], string>()
  for (const j of docs.read) for (const st of j.result?.documents ?? []) if (!seen.has(st.kind)) seen.set(st.kind, `第 ${st.page} 页`)
  const missingOf = (id: string) => {
    const job = docs.jobs.find((j) => j.id === id)
    return job ? missingFigures([job]).map((m) => m.label) : []
  }

  return (
    <View>
      <Text className='step-note'>上传上一年度的报表，读到的数字会自动填入，后面只需补充报表里没有的。没有报表也可以点“手动填写”。</Text>
      <View className='statement-kinds'>
        {KINDS.map((k) => (
          <View key={k.kind} className={`statement-kind ${seen.has(k.kind) ? 'statement-kind--read' : ''}`}>
            <Text className='statement-kind__mark'>{seen.has(k.kind) ? '✓' : '○'}</Text>
            <View className='statement-kind__body'>
              <Text className='statement-kind__name'>{STATEMENT_NAMES[k.kind]}</Text>
              <Text className='statement-kind__fills'>{seen.has(k.kind) ? `已读到（${seen.get(k.kind)}）` : `填入：${k.fills}`}</Text>
            </View>
          </View>
        ))}
      </View>
      <View className='upload-pickers'>
        {PICKERS.map((p) => (
          <View key={p.source} className='upload-picker' role='button' onClick={() => choose(p.source)}>
            <Text className='upload-picker__title'>{p.title}</Text>
            <Text className='upload-picker__text'>{p.text}</Text>
          </View>
        ))}
      </View>
      <Text className='upload-rules'>支持 PDF、PNG、JPG，单个文件不超过 20 MB</Text>
      {(docs.local.length > 0 || docs.jobs.length > 0) && (
        <View className='upload-list'>
          <Text className='upload-list__title'>已上传的文件</Text>
          {docs.local.map((f) => (
            <LocalRow key={f.key} file={f} onDismiss={() => docs.dismiss(f.key)} />
          ))}
          {docs.jobs.map((j) => (
            <UploadRow key={j.id} job={j} startedAt={docs.startedAt(j.id)} missing={missingOf(j.id)} onRemove={() => docs.remove(j)} />
          ))}
        </View>
      )}
    </View>
  )
}
