import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import type { TrafficOrderView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/format';
import { backTo } from '../../../back-to';
import { Button, Notice, Page, PageHeader, Row } from '../../../ui';
import { ORDERS_PAGE } from '../../../payments/orders-link';
import { Receipt, ReceiptActions, ReceiptStates } from '../../../payments/receipt';
import { FINE_POSTING } from '../../../payments/status';
import { paymentOrder, useOrderPolling } from '../../../payments/use-order-polling';
import { PATHS, violationsUrl } from '../../flow';
import { moneySplit } from '../../shared/format';
import { fineReceiptFileName, fineReceiptImage } from '../../shared/receipt-image';
import './index.css';

/** The receipt of a fine (`?orderId=…&paid=1`): the order as the server has it, on the shared receipt layout. 我的订单 links here. */
export default function FineReceipt() {
  const router = useRouter();
  const orderId = router.params.orderId ?? '';
  const justPaid = router.params.paid === '1';
  const polling = useOrderPolling(orderId, () => paymentOrder(orderId, 'traffic'), { justPaid });
  const order = polling.remote.data;
  const toViolations = () => void backTo(order?.vehicleId ? PATHS.violations : PATHS.vehicles, order?.vehicleId ? violationsUrl(order.vehicleId) : PATHS.vehicles);
  const actions = (
    <ReceiptActions>
      <Button className='bm-traffic-receipt__back' onPress={toViolations}>
        {order?.vehicleId ? '返回这辆车的违法记录' : '返回我的车辆'}
      </Button>
      <Button className='bm-traffic-receipt__orders' variant='secondary' onPress={() => void backTo(ORDERS_PAGE)}>
        我的订单
      </Button>
    </ReceiptActions>
  );

  return (
    <Page className='bm-traffic-receipt'>
      <PageHeader className='bm-receipt__header' title='缴款凭证' />
      <ReceiptStates polling={polling} actions={actions}>
        {(o) => (
          <Receipt
            order={o}
            posting={FINE_POSTING}
            departmentRefLabel='交警回执号'
            justPaid={justPaid}
            polling={polling.polling}
            onRefresh={polling.restart}
            pendingHint='如需继续支付，请回到违法详情点“继续支付”。'
            notices={
              o.refund ? (
                <Notice tone='warn' title={o.refund.status === 'refunded' ? `${formatFen(o.refund.amount)} 已退回` : `${formatFen(o.refund.amount)} 正在退回`} className='bm-traffic-receipt__refund-notice'>
                  罚款仍未缴纳，交警仍按当日金额（含加处罚款）计算。请回到这辆车的违法记录重新缴纳。
                </Notice>
              ) : null
            }
            details={
              <>
                <FineLines order={o} />
                {o.eReceipt ? <FiscalReceiptLines receipt={o.eReceipt} /> : null}
              </>
            }
            image={o.status === 'settled' ? { model: fineReceiptImage(o), fileName: fineReceiptFileName(o) } : null}
            actions={actions}
          />
        )}
      </ReceiptStates>
    </Page>
  );
}

function FineLines({ order }: { order: TrafficOrderView }) {
  const split = moneySplit(order);
  return (
    <>
      <Row label='车辆' value={order.plateMasked} />
      <Row label='处罚决定书编号' value={order.decisionNo} className='bm-traffic-receipt__decision' token />
      <Row label={split[0]!.label} value={split[0]!.value} className='bm-traffic-receipt__money-0' />
      <Row label={split[1]!.label} value={split[1]!.value} tone={order.lateFee > 0 ? 'money' : undefined} className='bm-traffic-receipt__money-1' />
      <Row label={order.status === 'closed' ? '订单金额' : '实付金额'} value={split[2]!.value} tone='strong' className='bm-traffic-receipt__money-2' />
    </>
  );
}

/**
 * The treasury's 财政电子票据 for a paid fine. WeChat has no mini-program API that puts it in the
 * card wallet (卡包): the treasury inserts it server-side (nontax/insertbill) once the resident has
 * authorised it, so the action says what happens rather than pretending to do it (h5 and weapp alike).
 */
function FiscalReceiptLines({ receipt }: { receipt: { billTypeCode: string; billNo: string } }) {
  const [asked, setAsked] = useState(false);
  return (
    <>
      <Row label='财政电子票据号码' value={receipt.billNo} className='bm-traffic-receipt__bill-no' token />
      <Row label='票据类型编码' value={receipt.billTypeCode} className='bm-traffic-receipt__bill-type' token />
      <Button className='bm-traffic-receipt__card-wallet' variant='secondary' onPress={() => setAsked(true)}>
        存入微信卡包
      </Button>
      {asked ? (
        <Notice tone='info' title='存入微信卡包' className='bm-traffic-receipt__card-wallet-notice'>
          正式版中，您授权后财政部门会把这张财政电子票据放进您的微信卡包（我-卡包-票证），可随时查看和下载 PDF。本地演示环境不连接财政票据平台，票据号码以上方为准。
        </Notice>
      ) : null}
    </>
  );
}
