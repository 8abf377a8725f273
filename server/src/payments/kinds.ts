import type { OrderListEntry } from '@bianmin/core';
import type { CallContext, Deps } from '../runtime/types';
import type { OrderLineRow, OrderRow, RefundRow } from './orders';

/**
 * What payments needs of one kind of thing a resident pays for (a utility bill, a meter top-up,
 * a traffic fine…), declared by the flow that sells it (flows/<flow>/payables.ts) and handed to
 * payments through `Deps.payables`: payments imports no flow. The flow prices the order itself,
 * before `placeOrder`; from then on the machinery is one — the WeChat Pay sheet, the booking, the
 * posting outbox, the expiry and the refunds — and asks the kind only what differs.
 */
export interface PayableKind {
  /** The `orders.kind` it owns. */
  kind: string;
  /**
   * How the money is collected: `cloudpay`, WeChat Pay to our own merchant (utilities, top-ups);
   * `nontax`, WeChat's 非税缴费 to the treasury account (fines), which needs `notice`.
   */
  channel: PaymentChannel;
  /** The 缴款通知书 an order pays, for a kind on the nontax channel (its number is what the treasury books). */
  notice?(order: OrderRow): PaymentNotice;
  /**
   * Books a paid order at its department, idempotently (a retry after a crash posts nothing twice),
   * and answers the department's reference. A `DepartmentRejection` 4xx means refused for good.
   * A kind that posts an order's lines one by one records each line's `departmentRef` as it lands
   * (in the row and in `lines`): a refusal midway refunds only the lines not posted.
   */
  post(deps: Deps, order: OrderRow, lines: OrderLineRow[], now: Date): Promise<string>;
  /** What a resident is told when its department refuses the posting, by the department's code. */
  refusals: Readonly<Record<string, string>>;
  /** Its words in the refund notices and receipts. */
  words: PayableWords;
  /** The order as the resident sees it in 我的订单 and on its receipt. */
  view(order: OrderRow, refund: RefundRow | undefined, lines: OrderLineRow[]): OrderListEntry;
  /** What the receipt adds when one order is opened (a top-up's meter balances): never fails the receipt. */
  receipt?(ctx: CallContext, entry: OrderListEntry): Promise<OrderListEntry>;
  /** The page (client path) that shows the order's receipt: a message about the order opens it. */
  receiptPath(orderId: string): string;
}

export interface PayableWords {
  /** What the order paid for, in a resident's words (`电费 2026-05（户号尾号 1234）`). */
  describe(order: OrderRow): string;
  /** Who refused a posting (`交通警察部门`, the utility's name). */
  refuser(order: OrderRow): string;
  /** The thing paid once: `账单`, `罚款`. */
  thing: string;
  /** What the department does with the money: `入账`, `销账`. */
  booking: string;
  /** The notice's title when the department refused. */
  refusedTitle: string;
  /** Why a late payment could not be booked. */
  lateReason: string;
  /** What to do once the money is back. */
  again: string;
}

export type PaymentChannel = 'cloudpay' | 'nontax';

/** A 缴款通知书 (payment notice) as WeChat's 非税缴费 takes it. */
export interface PaymentNotice {
  /** payment_notice_no: for a fine, the decision number (处罚决定书编号). */
  paymentNoticeNo: string;
  /** payment_notice_type: 1 普通, 2 处罚 (WeChat's queryfee reference). */
  noticeType: 1 | 2;
  /** When the notice was issued: payment_notice_create_time. */
  issuedAt: Date;
  /** payment_expire_date (限缴日期), YYYYMMDD Beijing, when the notice has one. */
  expireDate?: string;
  /** The notice's items (缴费子项目): each fen; they sum to the order's amount. */
  items: Array<{ itemId: string; itemName: string; fee: number }>;
}

/** The payable kinds a function serves, by kind. */
export interface PayableKinds {
  readonly all: readonly PayableKind[];
  /** The kind's declaration; an order of a kind nobody declares is a wiring fault, never a resident's. */
  of(kind: string): PayableKind;
}

export function payableKinds(all: readonly PayableKind[]): PayableKinds {
  const byKind = new Map<string, PayableKind>();
  for (const k of all) {
    if (byKind.has(k.kind)) throw new Error(`payable kind ${k.kind} is declared twice`);
    byKind.set(k.kind, k);
  }
  return {
    all,
    of(kind) {
      const k = byKind.get(kind);
      if (!k) throw new Error(`no payable kind ${kind} is wired in this function (${[...byKind.keys()].join(', ') || 'none'})`);
      return k;
    },
  };
}
