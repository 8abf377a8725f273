import { Text, View } from '@tarojs/components';
import { formatDate, formatFen } from '@bianmin/core/format';
import type { VehicleView, ViolationView } from '@bianmin/core';
import { Button, Notice, Sheet } from '../../../ui';
import { Row } from '../../shared/ui';

/** What is about to be paid, said in full before any money moves; the server fixes the amount when it makes the order. */
export function ConfirmFineSheet({
  visible,
  vehicle,
  violation: v,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  visible: boolean;
  vehicle: VehicleView;
  violation: ViolationView | null;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}) {
  if (!v || !v.today) return null;
  const due = v.today;
  return (
    <Sheet
      visible={visible}
      title='确认缴纳罚款'
      className='bm-traffic-confirm-sheet'
      busy={busy}
      onClose={onClose}
      actions={
        <>
          <Button variant='plain' className='bm-traffic-confirm-sheet__cancel' onPress={onClose} label='取消，不缴款' busy={busy}>
            取消
          </Button>
          <Button className='bm-sheet__main bm-traffic-confirm-sheet__pay' onPress={onConfirm} busy={busy} label={busy ? '正在下单' : `确认支付 ${formatFen(due.amountDue)}`}>
            {busy ? '正在下单…' : error ? `重试支付 ${formatFen(due.amountDue)}` : `确认支付 ${formatFen(due.amountDue)}`}
          </Button>
        </>
      }
    >
      <View className='bm-traffic-amount'>
        <Text className='bm-traffic-amount__label'>今日应缴</Text>
        <Text className='bm-traffic-amount__value bm-traffic-confirm-sheet__amount'>{formatFen(due.amountDue)}</Text>
      </View>
      <Row label='车辆' value={vehicle.plateMasked} />
      <Row label='决定书编号' value={v.decisionNo ?? ''} />
      <Row label='决定日期' value={formatDate(v.decisionDate)} />
      <Row label='罚款' value={formatFen(v.fine)} />
      <Row label='加处罚款' value={due.lateFee > 0 ? `${formatFen(due.lateFee)}（逾期 ${due.overdueDays} 天）` : '¥0.00'} tone={due.lateFee > 0 ? 'money' : undefined} />
      <Row label='收款机关' value={v.office} />
      <Text className='bm-traffic-fineprint'>{due.note}。金额由服务器按今天的日期计算，下单后当日有效。支付成功后由本平台送达交警销账，无需重复缴款。</Text>
      {error ? (
        <Notice tone='error' title='没有支付成功' className='bm-traffic-confirm-sheet__error'>
          {error}
        </Notice>
      ) : null}
    </Sheet>
  );
}
