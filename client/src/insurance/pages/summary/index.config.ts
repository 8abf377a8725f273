import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '社保查询',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
