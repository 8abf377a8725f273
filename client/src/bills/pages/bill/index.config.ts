import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '账单详情',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
