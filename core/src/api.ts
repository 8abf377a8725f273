import './zod-locale';
import type { z } from 'zod';
import {
  type InboxMessage,
  messagesInput,
  type ReminderView,
  servicesInput,
  type ServicesListResult,
  type ServiceStatusResult,
} from './schemas/services';
import { billsInput, type BillResult, type BindingView, type OrderView, type PayResult, type UsageResult } from './schemas/bills';
import type { Provider } from './providers';
import type { StatusPageResult } from './status/contract';
import {
  type AccessLogEntry,
  type InsuranceRecords,
  type InsuranceSummary,
  insuranceInput,
  type VerificationView,
  type VerifyResult,
} from './schemas/insurance';
import { ticketsInput, type AgentResult, type CategoriesResult, type TicketDetail, type TicketSummary } from './schemas/tickets';
import { type LicenceReading, trafficInput, type TrafficOrderView, type TrafficPayResult, type VehicleView, type ViolationsResult, type ViolationView } from './schemas/traffic';

/**
 * Every cloud function's actions: the zod schema of the input (shared by client and server)
 * and the type of the answer. The client's callFunction() and the server's runtime are both
 * typed from this one table.
 */
export const API_INPUTS = {
  services: servicesInput,
  messages: messagesInput,
  bills: billsInput,
  insurance: insuranceInput,
  tickets: ticketsInput,
  traffic: trafficInput,
} as const;

export interface ApiOutputs {
  services: {
    list: ServicesListResult;
    status: ServiceStatusResult;
    remind: { reminder: ReminderView };
    reminders: { reminders: ReminderView[] };
    cancelReminder: { cancelled: true };
    statusPage: StatusPageResult;
  };
  bills: {
    providers: { providers: Provider[] };
    bind: { binding: BindingView };
    bindings: { bindings: BindingView[] };
    unbind: { unbound: true };
    bill: BillResult;
    pay: PayResult;
    order: { order: OrderView };
    orders: { orders: OrderView[] };
    dueReminders: { binding: BindingView };
    usage: UsageResult;
    topup: PayResult;
  };
  tickets: {
    categories: CategoriesResult;
    submit: { ticket: TicketDetail; saved: boolean };
    tickets: { tickets: TicketSummary[] };
    ticket: { ticket: TicketDetail };
    rate: { ticket: TicketDetail };
    reopen: { ticket: TicketDetail };
    agent: AgentResult;
    /** How many 12345 status messages WeChat may now send this resident. */
    subscribed: { granted: number };
  };
  traffic: {
    addVehicle: { vehicle: VehicleView };
    vehicles: { vehicles: VehicleView[] };
    removeVehicle: { removed: true };
    revealVehicle: { plate: string; plateFormatted: string };
    uploadFolder: { folder: string };
    readLicence: { reading: LicenceReading };
    violations: ViolationsResult;
    violation: { vehicle: VehicleView; violation: ViolationView; fetchedAt: string; stale: boolean };
    confirm: { violation: ViolationView };
    pay: TrafficPayResult;
    order: { order: TrafficOrderView };
    orders: { orders: TrafficOrderView[] };
  };
  messages: {
    list: { messages: InboxMessage[]; unread: number };
    read: { read: true };
  };
  insurance: {
    verify: VerifyResult;
    verification: { verification: VerificationView | null };
    summary: InsuranceSummary;
    records: InsuranceRecords;
    accessLog: { entries: AccessLogEntry[] };
  };
}

export type FunctionName = keyof typeof API_INPUTS;
export type ActionName<F extends FunctionName> = keyof (typeof API_INPUTS)[F] & keyof ApiOutputs[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<(typeof API_INPUTS)[F][A] & z.ZodType>;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = ApiOutputs[F][A];
// zod types an empty object's input as Record<string, never>, which no `{ action }` satisfies.
type Params<T> = string extends keyof T ? unknown : T;
export type CallData<F extends FunctionName, A extends ActionName<F>> = { action: A } & Params<ActionInput<F, A>>;
