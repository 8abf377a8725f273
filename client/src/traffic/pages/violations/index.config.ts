import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '违法记录',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
