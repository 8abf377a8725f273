import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '待遇资格认证',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
