import { REQUIRED_PRIVATE_INFOS } from './privacy/required-private-infos';
import { COLORS } from './ui/tokens';

export default defineAppConfig({
  // The main package holds the service hub only: it is what every resident downloads first,
  // and WeChat caps each package at 2 MB (we aim for well under 600 KB).
  pages: ['pages/hub/index'],
  // Each flow becomes its own subpackage, downloaded when a resident opens it:
  //   { root: 'bills', pages: [...] }, { root: 'traffic', ... }, { root: 'insurance', ... },
  //   { root: 'tickets', ... }. The catalogue's `path`s (core/src/catalogue/services.json)
  //   already point into these roots; until a flow lands, the hub says it is coming soon.
  subPackages: [
    // The message centre (reminders that a service reopened): opened from the hub's 消息.
    { root: 'messages', pages: ['pages/index/index'] },
    // Water, electricity and gas: households, add one, bill and pay, receipt, history.
    {
      root: 'bills',
      pages: ['pages/households/index', 'pages/bind/index', 'pages/bill/index', 'pages/result/index', 'pages/orders/index'],
    },
    // Social insurance: verify who you are (face check), then summary, records by year, and who looked.
    { root: 'insurance', pages: ['pages/summary/index', 'pages/verify/index', 'pages/records/index', 'pages/access/index'] },
    // Traffic violations: my vehicles, add one (typed or by photo), violations, detail (confirm, pay), receipt.
    { root: 'traffic', pages: ['pages/vehicles/index', 'pages/add/index', 'pages/violations/index', 'pages/violation/index', 'pages/receipt/index'] },
    // 12345: file a ticket (with photos and place), my tickets, one ticket's timeline, 人工客服.
    { root: 'tickets', pages: ['pages/new/index', 'pages/mine/index', 'pages/detail/index', 'pages/agent/index'] },
  ],
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
