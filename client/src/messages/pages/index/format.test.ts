import { messageAction } from './format';

describe("a message's link, in words", () => {
  it('offers 去办理 only where there is something to do, and says what the others open', () => {
    expect(messageAction('reminder')).toBe('去办理');
    expect(messageAction('ticket')).toBe('查看进度');
    expect(messageAction('bill_due')).toBe('去缴费');
    expect(messageAction('refund')).toBe('查看订单');
    expect(messageAction('something_new')).toBe('查看');
  });
});
