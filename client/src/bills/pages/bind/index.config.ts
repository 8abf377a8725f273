export default definePageConfig({
  navigationBarTitleText: '添加户号',
});
