import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '亲友代办',
  enablePullDownRefresh: true,
  backgroundColor: COLORS.bg,
  backgroundTextStyle: 'dark',
});
