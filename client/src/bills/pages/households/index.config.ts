export default definePageConfig({
  navigationBarTitleText: '我的户号',
  enablePullDownRefresh: true,
  // The header is blue, so the pull-down area is too.
  backgroundColor: '#1557b0',
  backgroundTextStyle: 'light',
});
