import { REQUIRED_PRIVATE_INFOS } from './privacy/required-private-infos';
import { COLORS } from './ui/tokens';
import { FLOWS, subPackagesOf } from './flows';

export default defineAppConfig({
  // The main package holds the service hub only: it is what every resident downloads first,
  // and WeChat caps each package at 2 MB (we aim for well under 600 KB).
  pages: ['pages/hub/index'],
  // Each flow is its own subpackage, downloaded when a resident opens it; the list is the flows'
  // own declarations (client/src/<flow>/flow.ts), so a page is built, scanned and simulated or
  // it does not exist.
  subPackages: subPackagesOf(FLOWS),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: COLORS.bg,
    navigationBarBackgroundColor: COLORS.primary,
    navigationBarTitleText: '便民',
    navigationBarTextStyle: 'white',
  },
  // Only inject the components a page actually uses (weapp): a faster first launch.
  lazyCodeLoading: 'requiredComponents',
  // WeChat's location APIs must be listed here as well as in the privacy guide: the declared ones
  // of privacy/info-types.ts (12345: the place of a complaint from the map, wx.chooseLocation).
  requiredPrivateInfos: REQUIRED_PRIVATE_INFOS,
  permission: { 'scope.userLocation': { desc: '用于在地图上选择诉求发生的地点' } },
});
