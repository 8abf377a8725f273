import { Text, View } from '@tarojs/components';
import type { BillView, BindingView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/money';
import { formatPeriod, KIND_INFO } from '../../shared/format';
import { Button, Notice, Sheet } from '../../../ui';
import { Row } from '../../shared/ui';

/** What is about to be paid, said in full before any money moves. */
export function ConfirmPaySheet({
  visible,
  binding,
  bill,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  visible: boolean;
  binding: BindingView;
  bill: BillView | null;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}) {
  if (!bill) return null;
  const kindName = KIND_INFO[binding.kind].bill;
  return (
    <Sheet
      visible={visible}
      title='确认缴费'
      className='bills-confirm-sheet'
      busy={busy}
      onClose={onClose}
      actions={
        <>
          <Button variant='plain' className='bills-confirm-sheet__cancel' onPress={onClose} label='取消，不缴费' busy={busy}>
            取消
          </Button>
          <Button
            className='bm-sheet__main bills-confirm-sheet__pay'
            onPress={onConfirm}
            busy={busy}
            label={busy ? '正在下单' : `确认支付 ${formatFen(bill.amountDue)}`}
          >
            {busy ? '正在下单…' : error ? `重试支付 ${formatFen(bill.amountDue)}` : `确认支付 ${formatFen(bill.amountDue)}`}
          </Button>
        </>
      }
    >
      <View className='bills-amount'>
        <Text className='bills-amount__label'>应付金额</Text>
        <Text className='bills-amount__value bills-confirm-sheet__amount'>{formatFen(bill.amountDue)}</Text>
      </View>
      <Row label='缴费项目' value={`${kindName} · ${formatPeriod(bill.period)}账单`} />
      <Row label='缴费单位' value={binding.providerName} />
      <Row label='户号' value={`${binding.accountNoMasked}${binding.label ? `（${binding.label}）` : ''}`} />
      <Row label='户主' value={binding.holderName} />
      <Row label='账单金额' value={formatFen(bill.amount)} />
      <Row
        label='违约金'
        value={bill.lateFee > 0 ? `${formatFen(bill.lateFee)}（逾期 ${bill.overdueDays} 天）` : '¥0.00'}
        tone={bill.lateFee > 0 ? 'money' : undefined}
      />
      <Text className='bills-fineprint'>金额以缴费单位此刻的账单为准。支付成功后由本平台送达缴费单位入账，无需重复缴费。</Text>
      {error ? (
        <Notice tone='error' title='没有支付成功' className='bills-confirm-sheet__error'>
          {error}
        </Notice>
      ) : null}
    </Sheet>
  );
}
