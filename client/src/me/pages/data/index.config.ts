import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的数据',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.bg,
  backgroundTextStyle: 'dark',
});
