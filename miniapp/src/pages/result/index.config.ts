export default definePageConfig({ navigationBarTitleText: '自评结果', enableShareAppMessage: true })
