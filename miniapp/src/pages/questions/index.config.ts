export default definePageConfig({ navigationBarTitleText: '评价自测' })
