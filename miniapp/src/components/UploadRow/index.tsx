import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ProgressBar } from '../ProgressBar'
import { Tag } from '../Tag'
import type { DocumentJob } from '../../api'
import { formatSize } from '../../statements/fileRules'
import { progressText, secondsLeft } from '../../statements/progress'
import { fieldsRead, statementsIn } from '../../statements/figures'
import { jobProblem } from '../../statements/jobs'
import type { LocalFile } from '../../statements/useDocuments'
import './index.scss'

/** The file's icon, name, one line about it and its state. */
function Head({ name = '', line, tag }: { name?: string; line: string; tag: ReactNode }) {
  const pdf = name.toLowerCase().endsWith('.pdf')
  return (
    <View className='upload-row__head'>
      <View className={`upload-row__icon ${pdf ? 'upload-row__icon--pdf' : ''}`}>{pdf ? 'PDF' : 'IMG'}</View>
      <View className='upload-row__meta'>
        <Text className='upload-row__name'>{name}</Text>
        <Text className='upload-row__size'>{line}</Text>
      </View>
      {tag}
    </View>
  )
}

interface JobProps {
  job: DocumentJob
  startedAt: number
  /** Form figures this file should have given but did not (its partial read). */
  missing?: string[]
  onRemove?: () => void
}

/** One uploaded statement as the server has it: reading progress by page and step, then what was read. */
export function UploadRow({ job, startedAt, missing = [], onRemove }: JobProps) {
  const problem = jobProblem(job)
  const busy = job.status === 'queued' || job.status === 'processing'
  const partial = !busy && !problem && missing.length > 0
  const tag = busy ? <Tag tone='info'>读取中</Tag> : problem ? <Tag tone='danger'>读取失败</Tag> : partial ? <Tag tone='warning'>部分读取</Tag> : <Tag tone='success'>已读取</Tag>
  return (
    <View className='upload-row'>
      <Head
        name={job.fileName}
        line={busy ? progressText(job, secondsLeft(startedAt, Date.now(), job.progress)) : !problem ? `${statementsIn(job)} · 读到 ${fieldsRead(job)} 项` : ''}
        tag={tag}
      />
      {busy && <ProgressBar percent={job.progress * 100} />}
      {problem && <Text className='upload-row__message upload-row__message--bad'>{problem}</Text>}
      {partial && <Text className='upload-row__message'>未读到：{missing.join('、')}，下一步核对时请补填</Text>}
      {onRemove && !busy && (
        <View className='upload-row__actions'>
          <View className='upload-row__remove' role='button' aria-label={`删除 ${job.fileName}`} onClick={onRemove}>
            删除
          </View>
        </View>
      )}
    </View>
  )
}

/** A file still uploading from the phone, or one refused before upload. */
export function LocalRow({ file, onDismiss }: { file: LocalFile; onDismiss: () => void }) {
  const bad = file.status !== 'uploading'
  return (
    <View className='upload-row'>
      <Head
        name={file.name}
        line={`${formatSize(file.size)}${file.status === 'uploading' ? ` · 上传中 ${Math.round(file.percent)}%` : ''}`}
        tag={<Tag tone={bad ? 'danger' : 'info'}>{file.status === 'uploading' ? '上传中' : file.status === 'rejected' ? '未上传' : '上传失败'}</Tag>}
      />
      {file.status === 'uploading' && <ProgressBar percent={file.percent} />}
      {file.message && <Text className={`upload-row__message ${bad ? 'upload-row__message--bad' : ''}`}>{file.message}</Text>}
      {bad && (
        <View className='upload-row__actions'>
          <View className='upload-row__remove' role='button' onClick={onDismiss}>
            移除
          </View>
        </View>
      )}
    </View>
  )
}
