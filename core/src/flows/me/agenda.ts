import { z } from 'zod';

/**
 * 我的待办: every open obligation of the resident (and of the relatives they help) across the
 * flows, each with what it costs today and tomorrow, its deadline and the page that acts on it.
 * The amounts are the flows' own (bills.bill, traffic.violations): the agenda never prices anything.
 */
export const agendaInputs = {
  agenda: z.object({}),
};

export type AgendaItemKind =
  /** A household's owed bills. */
  | 'bill'
  /** A decided fine to pay. */
  | 'fine'
  /** A violation the owner may accept online (确认) before it can be paid. */
  | 'violation'
  /** A 12345 reply waiting for a rating. */
  | 'ticket_rating'
  /** The window to ask for a reply to be handled again (重办) closes soon. */
  | 'ticket_reopen'
  /** A retiree's yearly 待遇资格认证. */
  | 'pension_eligibility'
  /** A source that did not answer in time, with nothing to show from it: one item says so. */
  | 'unavailable';

export interface AgendaBillLine {
  billId: string;
  period: string;
  /** Fen, today (bill + today's late fee). */
  amountDue: number;
  /** Fen, tomorrow. */
  amountTomorrow: number;
  dueDate: string;
}

export interface AgendaItem {
  /** Stable per thing (the same bill, fine, ticket… keeps its id between reads). */
  id: string;
  kind: AgendaItemKind;
  title: string;
  /** One line under the title: the household, the plate, the ticket's first words… */
  detail: string;
  /** Fen: what acting now costs. */
  amountDue?: number;
  /** Fen: what it costs tomorrow (late fees grow at midnight). */
  amountTomorrow?: number;
  /** The deadline (YYYY-MM-DD, or an ISO instant for a window that closes at a time). */
  dueAt?: string;
  /** A fine's late fee reaches its cap on this day (YYYY-MM-DD). */
  capReachedAt?: string;
  /** '我' for the resident's own; a relative's label (妈妈) otherwise. */
  forWhom: string;
  /** The page that acts on it (a relative's carries `actingFor=<linkId>`). */
  path: string;
  /** A household's bills, each with its amounts (kind 'bill'). */
  bills?: AgendaBillLine[];
  /** What paying everything from the agenda needs (kind 'bill': one order for the household's owed bills). */
  pay?: { fn: 'bills'; bindingId: string; billIds: string[]; actingFor?: string };
  /** The data is the department's last answer: it could not be reached since then. */
  stale?: { since: string };
  /** The service that acts on it is closed now, and why and when it reopens. */
  closed?: { reason: string; reopensAt?: string };
}

export interface AgendaResult {
  items: AgendaItem[];
  /** When the agenda was put together (ISO 8601 +08:00). */
  asOf: string;
}

export interface AgendaOutputs {
  agenda: AgendaResult;
}
