import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '消息',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.bg,
  backgroundTextStyle: 'dark',
});
