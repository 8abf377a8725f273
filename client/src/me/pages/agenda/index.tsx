import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AgendaItem, AgendaResult, OrderView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/format';
import { callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { openPage } from '../../../navigation';
import { SandboxCheckout } from '../../../payments/sandbox-checkout';
import { useCheckout } from '../../../payments/use-checkout';
import { Button, COLORS, Fineprint, Page, PageHeader, pressable, RemoteStatus, StateView } from '../../../ui';
import { ACTION, amountLine, closedLine, deadlineLine, groupByPerson, groupTitle, spokenLabel, staleLine } from './describe';
import { AgendaPaySheet } from './pay-sheet';
import './index.css';

/** A bill's receipt (the bills subpackage's result page): the server says how the payment went. */
const resultUrl = (orderId: string, justPaid: boolean) => `/bills/pages/result/index?orderId=${encodeURIComponent(orderId)}${justPaid ? '&paid=1' : ''}`;

/**
 * 我的待办: everything the resident (and each relative they help) owes or must do, by person,
 * nearest deadline first. Each item opens the page that acts on it; a household's bills can be
 * paid from here at once (确认 → WeChat's sheet), at the amounts bills.bill gives.
 */
export default function AgendaPage() {
  const remote = useRemote(() => callFunction('me', { action: 'agenda' }));
  const [paying, setPaying] = useState<AgendaItem | null>(null);
  const checkout = useCheckout<AgendaItem>({
    place: (item, idempotencyKey) => {
      const pay = item.pay!;
      // A relative's household is paid acting for them: `actingFor` is the platform's key (read by
      // dispatch, like `action`), so it is in no action's input type.
      const call = { action: 'pay' as const, bindingId: pay.bindingId, billIds: pay.billIds, idempotencyKey };
      return callFunction('bills', pay.actingFor ? ({ ...call, actingFor: pay.actingFor } as typeof call) : call);
    },
    keyOf: (item) => `${item.pay!.bindingId}:${item.pay!.billIds.join(',')}`,
    receiptUrl: resultUrl,
    onAbandoned: () => void remote.reload(),
  });
  const data: AgendaResult | null = remote.data;
  const groups = data ? groupByPerson(data.items) : [];

  const open = async (item: AgendaItem) => {
    if ((await openPage(item.path)) === 'missing') {
      await Taro.showModal({ title: item.title, content: '该页面暂时打不开，请从首页进入对应服务办理。', showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    }
  };

  const startPay = (item: AgendaItem) => {
    if (item.stale) {
      void Taro.showModal({
        title: '暂不能缴费',
        content: '缴费单位暂时连不上，现在看到的不是最新账单。为免多缴或错缴，请稍后下拉刷新再缴费。',
        showCancel: false,
        confirmText: '知道了',
        confirmColor: COLORS.primary,
      });
      return;
    }
    setPaying(item);
    checkout.start(item);
  };

  const closeSheet = () => {
    checkout.close();
    setPaying(null);
  };

  return (
    <Page
      className='bm-agenda'
      overlay={
        <>
          {checkout.open ? <AgendaPaySheet item={paying} busy={checkout.busy} error={checkout.error} onConfirm={() => void checkout.pay()} onClose={closeSheet} /> : null}
          <SandboxCheckout checkout={checkout} payee={paying ? paying.detail.split(' ')[0] : null} describe={(o: OrderView) => `${o.providerName} · 户号尾号 ${o.accountNoMasked.slice(-4)}`} />
        </>
      }
    >
      <PageHeader
        title='我的待办'
        subtitle={data ? (data.items.length ? `共 ${data.items.length} 项，最近的截止日排在前面` : '没有待办事项') : '账单、罚款、12345 评价和养老金资格认证'}
      />
      <View className='bm-agenda-body'>
        <RemoteStatus remote={remote} prefix='bm-agenda' errorTitle='待办暂时打不开' loading={{ label: '正在汇总各部门的待办…', count: 3, className: 'bm-agenda-loading' }} />
        {data && data.items.length === 0 ? (
          <StateView kind='empty' className='bm-agenda-empty' icon='✓' title='没有待办事项' text='绑定的户号、车辆和提交的诉求有需要您处理的事，会列在这里。下拉可刷新。' />
        ) : null}
        {groups.map((g) => (
          <View key={g.forWhom} className='bm-agenda-group' data-for-whom={g.forWhom}>
            <View className='bm-agenda-group__head'>
              <Text className='bm-agenda-group__title'>{groupTitle(g.forWhom)}</Text>
              {g.total > 0 ? <Text className='bm-agenda-group__total'>{`今天合计 ${formatFen(g.total)}`}</Text> : null}
            </View>
            {g.items.map((item) => (
              <Item key={item.id} item={item} today={data!.asOf.slice(0, 10)} onOpen={() => void open(item)} onPay={() => startPay(item)} />
            ))}
          </View>
        ))}
        {data ? <Fineprint className='bm-agenda-footnote'>金额与各服务页面一致：今天的金额含今天的违约金，明天的金额含明天的违约金。下拉可刷新。</Fineprint> : null}
      </View>
    </Page>
  );
}

function Item({ item, today, onOpen, onPay }: { item: AgendaItem; today: string; onOpen(): void; onPay(): void }) {
  const lines = [amountLine(item), deadlineLine(item, today), closedLine(item), staleLine(item)];
  const canPay = item.kind === 'bill' && item.pay && !item.closed;
  return (
    <View className={`bm-agenda-item bm-agenda-item--${item.kind} ${item.stale ? 'bm-agenda-item--stale' : ''}`} data-item-id={item.id} data-kind={item.kind}>
      <View className='bm-agenda-item__main bm-focusable' {...pressable(onOpen)} ariaLabel={spokenLabel(item, today)} hoverClass='bm-agenda-item--pressed'>
        <Text className='bm-agenda-item__title'>{item.title}</Text>
        <Text className='bm-agenda-item__detail'>{item.detail}</Text>
        {lines[0] ? <Text className='bm-agenda-item__amount'>{lines[0]}</Text> : null}
        {lines[1] ? <Text className='bm-agenda-item__deadline'>{lines[1]}</Text> : null}
        {lines[2] ? <Text className='bm-agenda-item__closed'>{lines[2]}</Text> : null}
        {lines[3] ? <Text className='bm-agenda-item__stale'>{lines[3]}</Text> : null}
        <Text className='bm-agenda-item__go'>{`${ACTION[item.kind]} ›`}</Text>
      </View>
      {canPay ? (
        <Button className='bm-agenda-item__pay' onPress={onPay} label={`全部缴纳 ${formatFen(item.amountDue ?? 0)}`}>
          {`全部缴纳 ${formatFen(item.amountDue ?? 0)}`}
        </Button>
      ) : null}
    </View>
  );
}
