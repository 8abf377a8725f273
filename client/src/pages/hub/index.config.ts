export default definePageConfig({
  navigationBarTitleText: '便民',
  enablePullDownRefresh: true,
  // The header is blue, so the pull-down area is too, with light loading dots.
  backgroundColor: '#1557b0',
  backgroundTextStyle: 'light',
});
