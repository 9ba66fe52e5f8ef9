import { Text, View } from '@tarojs/components'
import type { Notice } from '../../api'
import { formatChinaDay } from '../../form/calendar'
import './index.scss'

/** One reminder received in the app; unread ones carry a dot until tapped. */
export function InboxItem({ notice, onOpen }: { notice: Notice; onOpen: (n: Notice) => void }) {
  return (
    <View className={`inbox-item ${notice.read ? '' : 'inbox-item--unread'}`} onClick={() => onOpen(notice)}>
      <View className='inbox-item__head'>
        {!notice.read && <View className='inbox-item__dot' aria-label='未读' />}
        <Text className='inbox-item__title'>{notice.title}</Text>
        <Text className='inbox-item__date'>{formatChinaDay(notice.createdAt)}</Text>
      </View>
      <Text className='inbox-item__body'>{notice.body}</Text>
    </View>
  )
}
