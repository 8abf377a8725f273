import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的待办',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.bg,
  backgroundTextStyle: 'dark',
});
