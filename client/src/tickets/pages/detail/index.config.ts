import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '诉求详情',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
