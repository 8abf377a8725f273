import { billsFlow } from './bills/flow';
import { insuranceFlow } from './insurance/flow';
import { messagesFlow } from './messages/flow';
import { servicesFlow } from './services/flow';
import { ticketsFlow } from './tickets/flow';
import { trafficFlow } from './traffic/flow';

/**
 * Every flow's server declaration, one line each (the order of core's CONTRACTS). The deployed
 * functions, their deployment files and entries, the local stack's functions, loops and levers,
 * and the budgets are derived from this list (functions.ts); flows/registry.test.ts fails for a
 * flow missing a piece.
 */
export const FLOWS = [servicesFlow, messagesFlow, billsFlow, insuranceFlow, ticketsFlow, trafficFlow] as const;
