import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '缴费记录',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
