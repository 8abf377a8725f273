import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '邀请亲友代办',
  backgroundColor: COLORS.bg,
  // Taro registers useShareAppMessage's handler only on a page that declares it shares.
  enableShareAppMessage: true,
});
