export default definePageConfig({
  navigationBarTitleText: '缴款凭证',
});
