import type { BillView, BindingView } from '@bianmin/core';
import { formatFen, formatMonth } from '@bianmin/core/format';
import { Amount, Button, Fineprint, Notice, Row, Sheet, Whole } from '../../../ui';
import { KIND_INFO } from '../../shared/format';

/**
 * What is about to be paid, said in full before any money moves: each month with its late fee,
 * and the total. A stacked sheet: 确认支付 above 取消 and the foot left clear, so the second tap
 * of a double tap on 立即缴费 lands on neither (the sheet also ignores taps for 500 ms).
 */
export function ConfirmPaySheet({
  visible,
  binding,
  bills,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  visible: boolean;
  binding: BindingView;
  bills: BillView[] | null;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}) {
  if (!bills?.length) return null;
  const kindName = KIND_INFO[binding.kind].bill;
  const total = bills.reduce((s, b) => s + b.amountDue, 0);
  const lateFee = bills.reduce((s, b) => s + b.lateFee, 0);
  const what = bills.length === 1 ? `${kindName} · ${formatMonth(bills[0].period)}账单` : `${kindName} · ${bills.length} 期账单`;
  const confirmText = busy ? '正在下单…' : `${error ? '重试支付' : '确认支付'} ${formatFen(total)}`;
  return (
    <Sheet
      visible={visible}
      title='确认缴费'
      className='bm-bills-confirm-sheet'
      busy={busy}
      onClose={onClose}
      stacked
      footnote={<Fineprint className='bm-bills-confirm-sheet__note'>金额以缴费单位此刻的账单为准。一次支付，由本平台逐期送达缴费单位入账，无需重复缴费。</Fineprint>}
      actions={
        <>
          <Button className='bm-sheet__main bm-bills-confirm-sheet__pay' onPress={onConfirm} busy={busy} label={confirmText.replace('…', '')}>
            {confirmText}
          </Button>
          <Button variant='plain' className='bm-bills-confirm-sheet__cancel' onPress={onClose} label='取消，不缴费' busy={busy}>
            取消
          </Button>
        </>
      }
    >
      <Amount label='应付金额' fen={total} className='bm-bills-confirm-sheet__amount' />
      <Row label='缴费项目' value={what} />
      <Row label='缴费单位' value={binding.providerName} />
      <Row label='户号' value={`${binding.accountNoMasked}${binding.label ? `（${binding.label}）` : ''}`} />
      <Row label='户主' value={binding.holderName} />
      {bills.map((b) => (
        <Row
          key={b.billId}
          className='bm-bills-confirm-sheet__period'
          label={formatMonth(b.period)}
          value={
            b.lateFee > 0 ? (
              <>
                {`${formatFen(b.amountDue)}（含违约金 ${formatFen(b.lateFee)}，`}
                <Whole>{`逾期 ${b.overdueDays} 天`}</Whole>）
              </>
            ) : (
              formatFen(b.amountDue)
            )
          }
          tone={b.lateFee > 0 ? 'money' : undefined}
        />
      ))}
      {bills.length > 1 ? <Row label='违约金合计' value={formatFen(lateFee)} tone={lateFee > 0 ? 'money' : undefined} /> : null}
      {error ? (
        <Notice tone='error' title='没有支付成功' className='bm-bills-confirm-sheet__error'>
          {error}
        </Notice>
      ) : null}
    </Sheet>
  );
}
