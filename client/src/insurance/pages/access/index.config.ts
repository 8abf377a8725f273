import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '查询记录',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
