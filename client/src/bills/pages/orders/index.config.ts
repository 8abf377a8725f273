export default definePageConfig({
  navigationBarTitleText: '缴费记录',
  enablePullDownRefresh: true,
  backgroundColor: '#1557b0',
  backgroundTextStyle: 'light',
});
