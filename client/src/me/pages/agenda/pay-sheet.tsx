import type { AgendaItem } from '@bianmin/core';
import { formatFen, formatMonth } from '@bianmin/core/format';
import { Amount, Button, Fineprint, Row, Sheet } from '../../../ui';

/**
 * Everything a household owes, said in full before any money moves: each month with today's
 * amount, and the total. The same words and stacking as the bill page's confirm sheet.
 */
export function AgendaPaySheet({ item, busy, error, onConfirm, onClose }: { item: AgendaItem | null; busy: boolean; error: string | null; onConfirm(): void; onClose(): void }) {
  if (!item?.bills?.length) return null;
  const total = item.amountDue ?? item.bills.reduce((s, b) => s + b.amountDue, 0);
  const confirmText = busy ? '正在下单…' : `${error ? '重试支付' : '确认支付'} ${formatFen(total)}`;
  return (
    <Sheet
      visible
      title='确认缴费'
      className='bm-agenda-pay-sheet'
      busy={busy}
      onClose={onClose}
      stacked
      footnote={<Fineprint className='bm-agenda-pay-sheet__note'>金额以缴费单位此刻的账单为准。一次支付，由本平台逐期送达缴费单位入账，无需重复缴费。</Fineprint>}
      actions={
        <>
          <Button className='bm-sheet__main bm-agenda-pay-sheet__pay' onPress={onConfirm} busy={busy} label={confirmText.replace('…', '')}>
            {confirmText}
          </Button>
          <Button variant='plain' className='bm-agenda-pay-sheet__cancel' onPress={onClose} label='取消，不缴费' busy={busy}>
            取消
          </Button>
        </>
      }
    >
      <Amount label='应付金额' fen={total} className='bm-agenda-pay-sheet__amount' />
      <Row label='缴费项目' value={item.title.replace(/待缴$/, '')} />
      <Row label='户号' value={item.detail.split('，')[0]} />
      {item.forWhom !== '我' ? <Row label='代缴' value={`为 ${item.forWhom} 缴纳`} /> : null}
      {item.bills.map((b) => (
        <Row key={b.billId} label={`${formatMonth(b.period)}账单`} value={formatFen(b.amountDue)} />
      ))}
      {error ? <Fineprint className='bm-agenda-pay-sheet__error'>{error}</Fineprint> : null}
    </Sheet>
  );
}
