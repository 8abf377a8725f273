import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '服务状态',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.bg,
  backgroundTextStyle: 'dark',
});
