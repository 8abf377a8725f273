export default definePageConfig({
  navigationBarTitleText: '账单详情',
  enablePullDownRefresh: true,
  backgroundColor: '#1557b0',
  backgroundTextStyle: 'light',
});
