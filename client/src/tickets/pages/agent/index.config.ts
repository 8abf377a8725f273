import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '人工客服',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
