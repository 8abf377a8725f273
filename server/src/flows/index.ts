import { billsFlow } from './bills/flow';
import { insuranceFlow } from './insurance/flow';
import { meFlow } from './me/flow';
import { messagesFlow } from './messages/flow';
import { paymentsFlow } from './payments/flow';
import { servicesFlow } from './services/flow';
import { ticketsFlow } from './tickets/flow';
import { trafficFlow } from './traffic/flow';

/**
 * Every flow's server declaration, one line each (the order of core's CONTRACTS). The deployed
 * functions, their deployment files and entries, the local stack's functions, loops and levers,
 * and the budgets are derived from this list (functions.ts); flows/registry.test.ts fails for a
 * flow missing a piece.
 */
export const FLOWS = [servicesFlow, messagesFlow, billsFlow, insuranceFlow, ticketsFlow, trafficFlow, paymentsFlow, meFlow] as const;

/** Every payable kind the flows sell, in the flows' order (the local stack serves them all in one process). */
export const PAYABLE_KINDS = FLOWS.flatMap((f) => f.payables);
