import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '接受代办邀请',
  backgroundColor: COLORS.bg,
});
