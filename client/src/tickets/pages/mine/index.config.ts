import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的诉求',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
