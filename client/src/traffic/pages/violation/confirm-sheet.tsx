import type { VehicleView, ViolationView } from '@bianmin/core';
import { formatDate, formatFen } from '@bianmin/core/format';
import { Amount, Button, Fineprint, Notice, Row, Sheet, Whole } from '../../../ui';

/**
 * What is about to be paid, said in full before any money moves — the late fee above all; the
 * server fixes the amount when it makes the order. A stacked sheet like every payment's:
 * 确认支付 above 取消 and the foot left clear, so a second tap where 立即缴款 was lands on nothing
 * and cannot skip this step.
 */
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
  const confirmText = busy ? '正在下单…' : `${error ? '重试支付' : '确认支付'} ${formatFen(due.amountDue)}`;
  return (
    <Sheet
      visible={visible}
      title='确认缴纳罚款'
      className='bm-traffic-confirm-sheet'
      busy={busy}
      onClose={onClose}
      stacked
      actions={
        <>
          <Button className='bm-sheet__main bm-traffic-confirm-sheet__pay' onPress={onConfirm} busy={busy} label={confirmText.replace('…', '')}>
            {confirmText}
          </Button>
          <Button variant='plain' className='bm-traffic-confirm-sheet__cancel' onPress={onClose} label='取消，不缴款' busy={busy}>
            取消
          </Button>
        </>
      }
    >
      <Amount label='今日应缴' fen={due.amountDue} className='bm-traffic-confirm-sheet__amount' />
      <Row label='车辆' value={vehicle.plateMasked} />
      <Row label='决定书编号' value={v.decisionNo ?? ''} token />
      <Row label='决定日期' value={formatDate(v.decisionDate)} />
      <Row label='罚款' value={formatFen(v.fine)} />
      <Row label='加处罚款' value={
          due.lateFee > 0 ? (
            <>
              {`${formatFen(due.lateFee)}（`}
              <Whole>{`逾期 ${due.overdueDays} 天`}</Whole>）
            </>
          ) : (
            '¥0.00'
          )
        } tone={due.lateFee > 0 ? 'money' : undefined} className='bm-traffic-confirm-sheet__late-fee' />
      <Row label='收款机关' value={v.office} />
      <Fineprint>{due.note}。金额由服务器按今天的日期计算，下单后当日有效。支付成功后由本平台送达交警销账，无需重复缴款。</Fineprint>
      {error ? (
        <Notice tone='error' title='没有支付成功' className='bm-traffic-confirm-sheet__error'>
          {error}
        </Notice>
      ) : null}
    </Sheet>
  );
}
