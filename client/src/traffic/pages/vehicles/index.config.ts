import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的车辆',
  enablePullDownRefresh: true,
  // The header is blue, so the pull-down area is too.
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
