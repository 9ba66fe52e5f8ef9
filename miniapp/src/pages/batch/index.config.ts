export default definePageConfig({ navigationBarTitleText: '批量预审' })
