import { defineFlow, pathsOf } from '../flows/define';

/** The message centre: a service reopened, a bill falls due, a refund, a 12345 reply. Opened from the hub's 消息. */
export const messagesFlow = defineFlow({
  root: 'messages',
  title: '消息中心：恢复办理、账单到期、退款、12345 进展',
  pages: { index: 'pages/index/index' },
  services: {},
});

export const PATHS = pathsOf(messagesFlow);
