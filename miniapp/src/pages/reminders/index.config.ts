export default definePageConfig({ navigationBarTitleText: '截止提醒' })
