import type * as Weapp from './subscribe';
import { askSubscription } from './subscribe-store';
import { ticketTemplateId } from './template';

// Types only from './subscribe': on h5 that path resolves to this very file (Taro's platform suffix).
export type { SubscribeAnswer } from './subscribe';

/**
 * h5: WeChat's subscribe prompt does not exist in a browser. The local stand-in sheet
 * (subscribe-prompt.h5.tsx) asks the same question, so that filing a ticket on h5 walks the same
 * steps and the server counts the same grants.
 */
export const requestTicketSubscription: typeof Weapp.requestTicketSubscription = () => {
  if (!ticketTemplateId()) return Promise.resolve('unavailable');
  return askSubscription();
};
