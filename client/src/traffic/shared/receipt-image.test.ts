import type { TrafficOrderView } from '@bianmin/core';
import { layoutReceipt, textsOf } from '../../payments/receipt-image/layout';
import { fineReceiptImage } from './receipt-image';

const FINE: TrafficOrderView = {
  orderId: 'BM20260310120000FINE0001',
  kind: 'traffic_fine',
  violationId: '44030126000001',
  vehicleId: 'v1',
  plateMasked: '粤B·1**45',
  decisionNo: '440304100012345678',
  fine: 20000,
  lateFee: 20000,
  amount: 40000,
  status: 'settled',
  createdAt: '2026-03-10T12:00:00+08:00',
  expiresAt: '2026-03-10T12:30:00+08:00',
  paidAt: '2026-03-10T04:01:00.000Z',
  settledAt: '2026-03-10T12:02:00+08:00',
  transactionId: '4200001234202603100000009',
  departmentRef: 'JJPAY2026031000001',
};

describe("a fine's receipt image", () => {
  it('states the vehicle, the decision, fine + late fee = amount, every number and the times in Shanghai', () => {
    const texts = textsOf(layoutReceipt(fineReceiptImage(FINE)));
    expect(texts).toEqual(expect.arrayContaining(['缴款凭证', '交通罚款 · 粤B·1**45', '¥400.00', '支付成功 · 已销账', '440304100012345678', '¥200.00', 'BM20260310120000FINE0001', 'JJPAY2026031000001', '2026年3月10日 12:01', '2026年3月10日 12:02']));
  });
});
