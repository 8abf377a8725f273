import type { OrderView } from '@bianmin/core';
import { layoutReceipt, textsOf, textWidth, wrap } from '../../payments/receipt-image/layout';
import { type Canvas2D, paintReceipt } from '../../payments/receipt-image/paint';
import { billReceiptFileName, billReceiptImage } from './receipt-image';

/** Two months of water in one order, settled: each month posted with its own receipt number. */
const ORDER: OrderView = {
  orderId: 'BM20260310120000ABCD1234',
  billId: 'WATER-310204587-202601',
  bindingId: '6f1c1f5e-2f0a-4c1e-9a53-3f1d8f1b2c3d',
  kind: 'water',
  providerName: '市自来水公司',
  accountNoMasked: '*****4587',
  period: '2026-01 至 2026-02',
  amount: 41602,
  lateFee: 302,
  status: 'settled',
  createdAt: '2026-03-10T12:00:00+08:00',
  paidAt: '2026-03-10T04:00:30.000Z',
  settledAt: '2026-03-10T12:01:00+08:00',
  expiresAt: '2026-03-10T12:30:00+08:00',
  transactionId: '4200001234202603100000001',
  departmentRef: 'WATERPAY0001',
  lines: [
    { billId: 'WATER-310204587-202601', period: '2026-01', amount: 10782, lateFee: 302, departmentRef: 'WATERPAY0001' },
    { billId: 'WATER-310204587-202602', period: '2026-02', amount: 30820, lateFee: 0, departmentRef: 'WATERPAY0002' },
  ],
};

describe('the bills receipt image (缴费凭证)', () => {
  const texts = textsOf(layoutReceipt(billReceiptImage(ORDER, '张晓明')));

  it('masks the payer, even when given a full name, and shows the household only masked', () => {
    expect(texts).toContain('张*明');
    expect(texts.join('\n')).not.toContain('张晓明');
    expect(texts).toContain('*****4587');
    expect(texts.join('\n')).not.toMatch(/310204587/);
  });

  it('lists each period with its amount and late fee, then the bill amount, late fee and total', () => {
    expect(texts).toEqual(
      expect.arrayContaining(['2026年1月', '¥107.82（含违约金 ¥3.02）', '2026年2月', '¥308.20', '账单金额', '¥413.00', '违约金', '¥3.02', '实付金额', '¥416.02']),
    );
    expect(texts.indexOf('2026年1月')).toBeLessThan(texts.indexOf('2026年2月'));
  });

  it('carries the order number, WeChat Pay’s number and each month’s department receipt number', () => {
    expect(texts).toEqual(expect.arrayContaining(['订单号', ORDER.orderId, '微信支付单号', ORDER.transactionId, '回执号 2026年1月', 'WATERPAY0001', '回执号 2026年2月', 'WATERPAY0002']));
  });

  it('states the times in Shanghai, whatever the host’s zone (tests run in UTC)', () => {
    expect(texts).toEqual(expect.arrayContaining(['支付时间', '2026年3月10日 12:00', '入账时间', '2026年3月10日 12:01']));
    expect(texts.join('\n')).toContain('北京时间');
  });

  it('names a single month’s receipt number plainly, and leaves the payer out when it is not known', () => {
    const single: OrderView = { ...ORDER, lines: [ORDER.lines[1]], amount: 30820, lateFee: 0, departmentRef: 'WATERPAY0002' };
    const t = textsOf(layoutReceipt(billReceiptImage(single, null)));
    expect(t).toEqual(expect.arrayContaining(['缴费单位回执号', 'WATERPAY0002']));
    expect(t).not.toContain('缴费户主');
    expect(t).not.toContain('回执号 2026年2月');
  });

  it('names the file after the order', () => {
    expect(billReceiptFileName(ORDER)).toBe('缴费凭证-BM20260310120000ABCD1234.png');
  });
});

describe('the receipt layout', () => {
  it('keeps every text inside the image', () => {
    const layout = layoutReceipt(billReceiptImage(ORDER, '张晓明'));
    expect(layout.height).toBeGreaterThan(400);
    for (const s of layout.steps) {
      if (s.kind !== 'text') continue;
      const w = textWidth(s.text, s.size);
      const [from, to] = s.align === 'left' ? [s.x, s.x + w] : s.align === 'right' ? [s.x - w, s.x] : [s.x - w / 2, s.x + w / 2];
      expect([s.text, from >= 0 && to <= layout.width && s.y > 0 && s.y < layout.height]).toEqual([s.text, true]);
    }
  });

  it('wraps a long value into lines that fit, cutting a number only when it is longer than a line', () => {
    const fee = wrap('¥107.82（含违约金 ¥3.02）', 14, 120);
    expect(fee.length).toBe(2);
    expect(fee[0]).toMatch(/^¥107\.82（/);
    expect(fee.join('').replace(/\s/g, '')).toBe('¥107.82（含违约金¥3.02）');
    for (const l of fee) expect(textWidth(l, 14)).toBeLessThanOrEqual(120);
    const long = wrap('9'.repeat(40), 14, 100);
    expect(long.length).toBeGreaterThan(1);
    for (const l of long) expect(textWidth(l, 14)).toBeLessThanOrEqual(100);
    expect(long.join('')).toBe('9'.repeat(40));
  });

  it('paints every step on a 2D canvas at the pixel ratio, background first', () => {
    const calls: string[] = [];
    const ctx = new Proxy({} as Canvas2D, {
      get: (_t, k) => (k in _t ? (_t as never)[k] : (...args: unknown[]) => calls.push(`${String(k)}(${args.map(String).join(',')})`)),
      set: (t, k, v) => ((t as unknown as Record<string | symbol, unknown>)[k] = v, calls.push(`${String(k)}=${String(v)}`), true),
    });
    const layout = layoutReceipt(billReceiptImage(ORDER, '张晓明'));
    paintReceipt(ctx, layout, 2);
    expect(calls[0]).toBe('scale(2,2)');
    expect(calls.filter((c) => c.startsWith('fillText(')).length).toBe(textsOf(layout).length);
    expect(calls.find((c) => c.startsWith('fillRect('))).toBe(`fillRect(0,0,${layout.width},${layout.height})`);
    const id = layout.steps.find((st) => st.kind === 'text' && st.text === ORDER.orderId) as { x: number; y: number };
    expect(calls).toContain(`fillText(${ORDER.orderId},${id.x},${id.y})`);
  });
});
