export default definePageConfig({ navigationBarTitleText: '上传报表核对' })
