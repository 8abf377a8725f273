import { billsContract } from './bills/contract';
import { insuranceContract } from './insurance/contract';
import { messagesContract } from './messages/contract';
import { servicesContract } from './services/contract';
import { ticketsContract } from './tickets/contract';
import { trafficContract } from './traffic/contract';

/**
 * Every flow's contract, one line each: the typed list the client's `callFunction`, the
 * server's flow declarations and the catalogue's service ids are derived from. A new flow is a
 * folder `flows/<flow>/contract.ts` and a line here.
 */
export const CONTRACTS = [servicesContract, messagesContract, billsContract, insuranceContract, ticketsContract, trafficContract] as const;

export type FlowContract = (typeof CONTRACTS)[number];
export type FlowName = FlowContract['name'];

/**
 * A catalogue service's id (`bills.electricity.pay`, `traffic.query`…): the union of the ids
 * each flow's contract declares, so that a guard or a page naming a service that no flow
 * declares is a type error. The catalogue (catalogue/services.json) lists exactly these.
 */
export type ServiceId = FlowContract['services'][number];

/** The same ids as a value, in the contracts' order. */
export const SERVICE_IDS: readonly ServiceId[] = CONTRACTS.flatMap((c): readonly ServiceId[] => c.services);
