import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的订单',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
