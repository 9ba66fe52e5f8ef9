export default definePageConfig({ navigationBarTitleText: '科小助手' })
