import type { FunctionDefinition } from '@bianmin/server/runtime/define';
import { billsFunction } from '../../cloudfunctions/bills/service';
import { insuranceFunction } from '../../cloudfunctions/insurance/service';
import { messagesFunction } from '../../cloudfunctions/messages/service';
import { servicesFunction } from '../../cloudfunctions/services/service';
import { ticketsFunction } from '../../cloudfunctions/tickets/service';
import { trafficFunction } from '../../cloudfunctions/traffic/service';

/** Every cloud function the gateway serves at POST /api/<name>: the same definitions CloudBase runs. */
export const FUNCTIONS: Record<string, FunctionDefinition> = {
  services: servicesFunction as unknown as FunctionDefinition,
  messages: messagesFunction as unknown as FunctionDefinition,
  bills: billsFunction as unknown as FunctionDefinition,
  insurance: insuranceFunction as unknown as FunctionDefinition,
  tickets: ticketsFunction as unknown as FunctionDefinition,
  traffic: trafficFunction as unknown as FunctionDefinition,
};
