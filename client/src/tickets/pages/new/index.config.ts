import { COLORS } from '../../../ui/tokens';

export default definePageConfig({
  navigationBarTitleText: '12345 诉求',
  backgroundColor: COLORS.primary,
  backgroundTextStyle: 'light',
});
