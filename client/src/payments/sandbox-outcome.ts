/**
 * What the sandbox pay sheet says when 确认支付 did not end in a payment the server has, and what
 * it offers next. The rule: never offer a retry that cannot succeed (a closed order stays closed),
 * never show a code, and say whether money was taken — the sandbox takes it before it notifies
 * the server, so "not confirmed yet" is not "not paid".
 *
 * - `close`: nothing was taken and this sheet can never be paid; the resident starts again.
 * - `receipt`: the money was taken and the server has not booked it yet; the receipt page follows it.
 * - `retry`: we do not know what happened; paying again is safe (a paid sheet only repeats the
 *   notification, it never takes the money twice).
 */
export type SandboxPayOutcome =
  | { kind: 'paid' }
  | { kind: 'close' | 'receipt' | 'retry'; title: string; text: string };

/** The gateway's answer to `POST confirmPath`, or `null` when there was none (no connection, timeout). */
export interface SandboxPayReply {
  statusCode: number;
  data: unknown;
}

const AGAIN = '请关闭后回到缴费页重新支付，金额按重新支付时计算。';

export function sandboxPayOutcome(reply: SandboxPayReply | null): SandboxPayOutcome {
  if (!reply) {
    return { kind: 'retry', title: '支付没有完成', text: '连不上本地服务，不确定这次是否付款成功。请确认本地服务在运行后再试一次，不会重复扣款。' };
  }
  const d = (reply.data ?? {}) as { errcode?: unknown; errmsg?: unknown; ok?: unknown; error?: { message?: unknown } };
  if (reply.statusCode === 200 && d.errcode === 0) return { kind: 'paid' };
  if (d.errmsg === 'ORDERCLOSED') {
    return { kind: 'close', title: '这笔订单已关闭', text: `订单超过了支付时限，已经关闭，没有扣款。${AGAIN}` };
  }
  if (d.errmsg === 'ORDERNOTEXIST') {
    return { kind: 'close', title: '这笔订单已失效', text: `支付服务里没有这笔订单（本地服务重启后，重启前打开的支付单会失效），没有扣款。${AGAIN}` };
  }
  // The gateway refused the request itself (an envelope): nothing reached the sheet.
  if (d.ok === false) {
    const said = typeof d.error?.message === 'string' ? d.error.message : '本地服务拒绝了这次支付。';
    return { kind: 'close', title: '支付没有完成', text: `${said}没有扣款。` };
  }
  // The sheet took the money and told the server, which has not acknowledged it yet (409: it
  // answered no; 502: it could not be reached). The notification is kept and sent again.
  if (typeof d.errcode === 'number' && (reply.statusCode === 409 || reply.statusCode === 502)) {
    return { kind: 'receipt', title: '已付款，正在确认', text: '已经付款，但便民还没有收到支付结果。钱不会丢失：收到结果后自动入账，无法入账会原路退回。请查看订单了解进度。' };
  }
  return { kind: 'retry', title: '支付没有完成', text: '本地服务没有给出支付结果，不确定是否已经扣款。可以再试一次，不会重复扣款。' };
}
