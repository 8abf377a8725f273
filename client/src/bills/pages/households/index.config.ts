import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的户号',
  enablePullDownRefresh: true,
  // The header is blue, so the pull-down area is too.
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
