export default defineAppConfig({
  // The home page comes first; every page must be listed here (scripts/check-weapp.mjs checks the build).
  pages: [
    'pages/home/index',
    'pages/privacy/index',
    'pages/questions/index',
    'pages/result/index',
    'pages/ladder/index',
    'pages/reminders/index',
    'pages/account/index',
    'pages/batch/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6fb',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '科小助手',
    navigationBarTextStyle: 'black',
  },
})
