import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen } from '@bianmin/core/money';
import { devHeaders } from '../api/dev-session';
import { Button, Notice, Row, Sheet } from '../ui';
import type { SandboxPaySheetProps } from './sandbox-types';
import './sandbox-pay-sheet.css';

/**
 * The local stand-in for WeChat Pay's sheet (h5 only). 确认支付 posts to the gateway's
 * `confirmPath`, which delivers the very notification WeChat Pay would send to payNotify; the
 * receipt page then reads the order's state from the server like on a phone. Labelled 沙箱支付
 * so nobody mistakes it for a real payment.
 */
export function SandboxPaySheet({ visible, order, payment, description, onPaid, onCancel }: SandboxPaySheetProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (visible) {
      setBusy(false);
      setError(null);
    }
  }, [visible, payment?.orderId]);

  if (!payment) return null;

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await Taro.request<{ errcode?: number; errmsg?: string }>({
        url: payment.confirmPath,
        method: 'POST',
        header: await devHeaders(),
        timeout: 20000,
        dataType: 'json',
      });
      if (res.statusCode === 200 && res.data?.errcode === 0) {
        onPaid(payment.orderId);
        return;
      }
      setError(`沙箱没有确认这笔支付（${res.data?.errmsg ?? `HTTP ${res.statusCode}`}），没有扣款。可以再试一次。`);
    } catch {
      setError('连不上本地沙箱，没有扣款。请确认本地服务在运行后再试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      visible={visible}
      title='沙箱支付'
      className='pay-sandbox-sheet'
      busy={busy}
      onClose={onCancel}
      tag={<Text className='pay-sandbox-sheet__tag'>本地演示 · 不会真实扣款</Text>}
      actions={
        <>
          <Button variant='plain' className='pay-sandbox-sheet__cancel' onPress={onCancel} label='取消支付'>
            取消
          </Button>
          <Button className='bm-sheet__main pay-sandbox-sheet__confirm' onPress={confirm} busy={busy} label={`确认支付 ${formatFen(payment.amount)}`}>
            {busy ? '正在支付…' : '确认支付'}
          </Button>
        </>
      }
    >
      <View className='pay-amount'>
        <Text className='pay-amount__label'>支付金额</Text>
        <Text className='pay-amount__value pay-sandbox-sheet__amount'>{formatFen(payment.amount)}</Text>
      </View>
      <Row label='缴费内容' value={description} />
      {order ? <Row label='收款单位' value={order.providerName} /> : null}
      <Row label='订单号' value={payment.orderId} />
      <Text className='pay-fineprint'>
        这是本地开发环境里代替微信支付的沙箱：点“确认支付”，后台会收到与微信支付完全相同的支付成功通知。
      </Text>
      {error ? (
        <Notice tone='error' title='支付没有完成' className='pay-sandbox-sheet__error'>
          {error}
        </Notice>
      ) : null}
    </Sheet>
  );
}

