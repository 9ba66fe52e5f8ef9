import { Text, View } from '@tarojs/components'
import { ProgressBar } from '../ProgressBar'
import { Tag } from '../Tag'
import { formatSize } from '../../upload/fileRules'
import './index.scss'

export type UploadStatus = 'rejected' | 'uploading' | 'reading' | 'done' | 'failed'

export interface UploadItem {
  key: string
  name: string
  size: number
  status: UploadStatus
  percent: number
  message?: string
  documentId?: string
}

const STATUS_TEXT: Record<UploadStatus, string> = {
  rejected: '未上传',
  uploading: '上传中',
  reading: '读取中',
  done: '已读取',
  failed: '读取失败',
}

/** One chosen file: its name and size, where it is (上传中 → 读取中 → 已读取) and any problem. */
export function UploadRow({ item }: { item: UploadItem }) {
  const bad = item.status === 'rejected' || item.status === 'failed'
  const busy = item.status === 'uploading' || item.status === 'reading'
  return (
    <View className='upload-row'>
      <View className='upload-row__head'>
        <View className={`upload-row__icon ${item.name.toLowerCase().endsWith('.pdf') ? 'upload-row__icon--pdf' : ''}`}>
          {item.name.toLowerCase().endsWith('.pdf') ? 'PDF' : 'IMG'}
        </View>
        <View className='upload-row__meta'>
          <Text className='upload-row__name'>{item.name}</Text>
          <Text className='upload-row__size'>
            {formatSize(item.size)}
            {busy ? ` · ${STATUS_TEXT[item.status]} ${Math.round(item.percent)}%` : ''}
          </Text>
        </View>
        <Tag tone={bad ? 'danger' : item.status === 'done' ? 'success' : 'info'}>{STATUS_TEXT[item.status]}</Tag>
      </View>
      {busy && <ProgressBar percent={item.percent} />}
      {item.message && <Text className={`upload-row__message ${bad ? 'upload-row__message--bad' : ''}`}>{item.message}</Text>}
    </View>
  )
}
