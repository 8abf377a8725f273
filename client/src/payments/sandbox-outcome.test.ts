import { sandboxPayOutcome } from './sandbox-outcome';

const failure = (statusCode: number, data: unknown) => {
  const o = sandboxPayOutcome({ statusCode, data });
  if (o.kind === 'paid') throw new Error('expected a failure');
  return o;
};

describe('what the sandbox pay sheet says when paying did not finish', () => {
  it('is paid only when the sandbox says the server acknowledged the payment', () => {
    expect(sandboxPayOutcome({ statusCode: 200, data: { errcode: 0, errmsg: 'OK' } })).toEqual({ kind: 'paid' });
    expect(sandboxPayOutcome({ statusCode: 200, data: { errcode: 1, errmsg: 'malformed' } }).kind).not.toBe('paid');
  });

  it('offers no retry for a closed order: nothing was taken, start again', () => {
    const o = failure(409, { errcode: 1, errmsg: 'ORDERCLOSED' });
    expect(o).toMatchObject({ kind: 'close', title: '这笔订单已关闭' });
    expect(o.text).toContain('没有扣款');
    expect(o.text).toContain('重新支付');
    expect(o.text).not.toMatch(/再试/);
  });

  it('offers no retry for an order the payment sandbox does not know (it restarted)', () => {
    const o = failure(404, { errcode: 1, errmsg: 'ORDERNOTEXIST' });
    expect(o).toMatchObject({ kind: 'close' });
    expect(o.text).toContain('没有扣款');
    expect(o.text).not.toMatch(/再试/);
  });

  it.each([
    [409, { errcode: 1, errmsg: 'unknown order' }],
    [409, { errcode: 1, errmsg: 'amount mismatch' }],
    [502, { errcode: 1, errmsg: 'notify url unreachable' }],
  ])('says the money was taken and sends the resident to the order when the server has not booked it (%i)', (status, data) => {
    const o = failure(status, data);
    expect(o).toMatchObject({ kind: 'receipt', title: '已付款，正在确认' });
    expect(o.text).toContain('原路退回');
    expect(o.text).not.toContain('没有扣款');
  });

  it('passes on the gateway’s own refusal in its words, with nothing taken', () => {
    const o = failure(404, { ok: false, error: { code: 'NOT_FOUND', message: '微信支付沙箱不在本进程中。', retryable: false } });
    expect(o).toEqual({ kind: 'close', title: '支付没有完成', text: '微信支付沙箱不在本进程中。没有扣款。' });
  });

  it('offers a retry, safe to repeat, when it cannot tell what happened', () => {
    expect(sandboxPayOutcome(null)).toMatchObject({ kind: 'retry', text: expect.stringContaining('不会重复扣款') });
    expect(failure(500, '<html>')).toMatchObject({ kind: 'retry', text: expect.stringContaining('不会重复扣款') });
  });

  it.each([
    [409, { errcode: 1, errmsg: 'ORDERCLOSED' }],
    [404, { errcode: 1, errmsg: 'ORDERNOTEXIST' }],
    [409, { errcode: 1, errmsg: 'transaction id belongs to another order' }],
    [502, { errcode: 1, errmsg: 'notify url unreachable' }],
    [500, { errcode: 7, errmsg: 'SYSTEMERROR' }],
  ])('never shows a code or an HTTP status (%i)', (status, data) => {
    const o = failure(status, data);
    expect(`${o.title}${o.text}`).not.toMatch(/[A-Z_]{4,}|HTTP|\b\d{3}\b|errmsg|errcode/);
  });
});
