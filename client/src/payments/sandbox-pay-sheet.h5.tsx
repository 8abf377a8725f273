import { useEffect, useState } from 'react';
import { formatFen } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { devHeaders } from '../api/dev-session';
import { Button, Notice, Row, Sheet } from '../ui';
import { type SandboxPayOutcome, sandboxPayOutcome } from './sandbox-outcome';
import type { SandboxPaySheetProps } from './sandbox-types';
import './sandbox-pay-sheet.css';

/**
 * The local stand-in for WeChat Pay's sheet (h5 only). 确认支付 posts to the gateway's
 * `confirmPath`, which delivers the very notification WeChat Pay would send to payNotify; the
 * receipt page then reads the order's state from the server like on a phone. Labelled 沙箱支付
 * so nobody mistakes it for a real payment.
 */
export function SandboxPaySheet({ visible, payee, payment, description, onPaid, onCancel }: SandboxPaySheetProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Exclude<SandboxPayOutcome, { kind: 'paid' }> | null>(null);

  useEffect(() => {
    if (visible) {
      setBusy(false);
      setFailed(null);
    }
  }, [visible, payment?.orderId]);

  if (!payment) return null;

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(null);
    let outcome: SandboxPayOutcome;
    try {
      const res = await Taro.request<unknown>({
        url: payment.confirmPath,
        method: 'POST',
        header: await devHeaders(),
        timeout: 20000,
        dataType: 'json',
      });
      outcome = sandboxPayOutcome({ statusCode: res.statusCode, data: res.data });
    } catch {
      outcome = sandboxPayOutcome(null);
    } finally {
      setBusy(false);
    }
    if (outcome.kind === 'paid') onPaid(payment.orderId);
    else setFailed(outcome);
  };

  // What the main button does now: pay (again, when that is safe), look at the order whose money
  // was taken, or close a sheet that can never be paid.
  const main =
    failed?.kind === 'close'
      ? { press: onCancel, label: '关闭，重新缴费', text: '关闭' }
      : failed?.kind === 'receipt'
        ? { press: () => onPaid(payment.orderId), label: '查看订单', text: '查看订单' }
        : failed
          ? { press: confirm, label: busy ? '正在支付' : `再试一次，确认支付 ${formatFen(payment.amount)}`, text: busy ? '正在支付…' : '再试一次' }
          : { press: confirm, label: busy ? '正在支付' : `确认支付 ${formatFen(payment.amount)}`, text: busy ? '正在支付…' : `确认支付 ${formatFen(payment.amount)}` };

  return (
    <Sheet
      visible={visible}
      title='沙箱支付'
      className='bm-pay-sandbox-sheet'
      busy={busy}
      onClose={onCancel}
      tag={<Text className='bm-pay-sandbox-sheet__tag'>本地演示 · 不会真实扣款</Text>}
      stacked
      actions={
        <>
          <Button className='bm-sheet__main bm-pay-sandbox-sheet__confirm' onPress={main.press} busy={busy} label={main.label}>
            {main.text}
          </Button>
          {failed?.kind === 'close' ? null : (
            <Button variant='plain' className='bm-pay-sandbox-sheet__cancel' onPress={onCancel} label='取消支付'>
              取消
            </Button>
          )}
        </>
      }
    >
      <View className='bm-pay-amount'>
        <Text className='bm-pay-amount__label'>支付金额</Text>
        <Text className='bm-pay-amount__value bm-pay-sandbox-sheet__amount'>{formatFen(payment.amount)}</Text>
      </View>
      <Row label='缴费内容' value={description} />
      {payee ? <Row label='收款单位' value={payee} /> : null}
      <Row label='订单号' value={payment.orderId} />
      <Text className='bm-pay-fineprint'>
        这是本地开发环境里代替微信支付的沙箱：点“确认支付”，后台会收到与微信支付完全相同的支付成功通知。
      </Text>
      {failed ? (
        <Notice tone={failed.kind === 'receipt' ? 'info' : 'error'} title={failed.title} className='bm-pay-sandbox-sheet__error'>
          {failed.text}
        </Notice>
      ) : null}
    </Sheet>
  );
}

