import { billsContract } from './bills/contract';
import { insuranceContract } from './insurance/contract';
import { meContract } from './me/contract';
import { messagesContract } from './messages/contract';
import { paymentsContract } from './payments/contract';
import { servicesContract } from './services/contract';
import { ticketsContract } from './tickets/contract';
import { trafficContract } from './traffic/contract';

/**
 * Every flow's contract, one line each: the typed list the client's `callFunction`, the
 * server's flow declarations and the catalogue's service ids are derived from. A new flow is a
 * folder `flows/<flow>/contract.ts` and a line here.
 */
export const CONTRACTS = [servicesContract, messagesContract, billsContract, insuranceContract, ticketsContract, trafficContract, paymentsContract, meContract] as const;

// Each contract's schemas and answer types, for the barrel (`@bianmin/core`): a new flow's line goes here too.
export * from './services/contract';
export * from './messages/contract';
export * from './bills/contract';
export * from './insurance/contract';
export * from './tickets/contract';
export * from './traffic/contract';
export * from './payments/contract';
export * from './me/contract';

export type FlowContract = (typeof CONTRACTS)[number];

/**
 * A catalogue service's id (`bills.electricity.pay`, `traffic.query`…): the union of the ids
 * each flow's contract declares, so that a guard or a page naming a service that no flow
 * declares is a type error. The catalogue (catalogue/services.json) lists exactly these.
 */
export type ServiceId = FlowContract['services'][number];

/** The same ids as a value, in the contracts' order. */
export const SERVICE_IDS: readonly ServiceId[] = CONTRACTS.flatMap((c): readonly ServiceId[] => c.services);
