export default definePageConfig({
  navigationBarTitleText: '消息',
  enablePullDownRefresh: true,
  backgroundColor: '#f3f6fb',
  backgroundTextStyle: 'dark',
});
