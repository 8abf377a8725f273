import { COLORS } from '../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '便民',
  enablePullDownRefresh: true,
  // The header is blue, so the pull-down area is too, with light loading dots.
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
