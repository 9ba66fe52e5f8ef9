export default definePageConfig({ navigationBarTitleText: '更高一级' })
