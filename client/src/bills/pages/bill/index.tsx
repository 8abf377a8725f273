import { useState } from 'react';
import { formatAge, formatDate, formatFen, formatMonth } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Availability, BillView } from '@bianmin/core';
import { changeLabel } from '@bianmin/core/availability/vocabulary';
import { ApiError, callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, CardTitle, COLORS, Notice, Page, PageHeader, pressable, RemoteStatus, StateView } from '../../../ui';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { payBlocked, usePayAvailability } from '../../shared/availability';
import { isKind, KIND_INFO, payServiceId } from '../../shared/format';
import { backTo, householdsUrl, PATHS, resultUrl } from '../../shared/nav';
import { OrdersLink, PayAvailabilityNotice, Row } from '../../shared/ui';
import { OutageHelp } from '../../shared/outage';
import { ConfirmPaySheet } from './confirm-sheet';
import { SandboxPaySheet } from '../../../payments/sandbox-pay-sheet';
import { usePayment } from './use-payment';
import { TopupSheet } from './topup-sheet';
import { useTopup } from './use-topup';
import { UsageChart } from './usage-chart';
import '../../shared/bills.css';
import './index.css';

/** 0.1% of the overdue amount per day after the due date (the utilities' published rule). */
const LATE_FEE_RULE = '逾期未缴的，自缴费截止日次日起，每日按欠费金额 0.1% 计收违约金。';

export default function BillPage() {
  const router = useRouter();
  const bindingId = router.params.bindingId ?? '';
  const justBound = router.params.bound === '1';
  const [hoursFor, setHoursFor] = useState<Availability | null>(null);
  const refusal = useRefusal();
  const bill = useRemote(
    async () => {
      if (!bindingId) throw new ApiError({ code: 'NOT_FOUND', message: '缺少户号信息，请从“我的户号”进入。', retryable: false });
      return callFunction('bills', { action: 'bill', bindingId });
    },
    { key: bindingId, onError: refusal.handle },
  );

  const data = bill.data;
  const kind = data?.binding.kind ?? (isKind(router.params.kind) ? router.params.kind : null);
  const pay = usePayAvailability(kind ? [kind] : []);
  const payAvailability = kind ? pay.byKind[kind] : undefined;
  const closed = payBlocked(payAvailability);
  const departmentDown = payAvailability?.state === 'down';

  const flow = usePayment({ bindingId, handleRefusal: refusal.handle, onAbandoned: () => void bill.reload() });
  const topup = useTopup({ bindingId, handleRefusal: refusal.handle, onAbandoned: () => void bill.reload() });

  const kindName = kind ? KIND_INFO[kind].bill : '账单';
  const binding = data?.binding;
  const arrears = data?.arrears.bills ?? [];
  const next = arrears[0] ?? null;
  // What 立即缴费 pays: every month owed, late fees included — but not a month a family member
  // is paying right now (a pending order that is not ours). Our own unpaid order is replaced.
  const payable = arrears.filter((b) => b.status === 'unpaid' || (b.status === 'pending' && b.orderId));

  const showHours = () => {
    if (payAvailability) setHoursFor(payAvailability);
  };

  const startPay = (bills: BillView[]) => {
    if (closed) return showHours();
    if (data?.stale) {
      void Taro.showModal({
        title: '暂不能缴费',
        content: '缴费单位暂时连不上，现在看到的不是最新账单。为免多缴或错缴，请稍后下拉刷新再缴费。',
        showCancel: false,
        confirmText: '知道了',
        confirmColor: COLORS.primary,
      });
      return;
    }
    flow.open(bills);
  };

  return (
    <Page
      className='bm-bills-page bm-bills-bill bm-bills-page--with-bar'
      overlay={
        <>
          {binding ? (
            <ConfirmPaySheet
              visible={flow.confirming !== null}
              binding={binding}
              bills={flow.confirming}
              busy={flow.busy}
              error={flow.error}
              onConfirm={() => void flow.pay()}
              onClose={flow.close}
            />
          ) : null}
          <SandboxPaySheet
            visible={flow.sandbox !== null}
            order={flow.sandbox?.order ?? null}
            payment={flow.sandbox?.payment ?? null}
            description={
              flow.sandbox
                ? `${KIND_INFO[flow.sandbox.order.kind].bill} · ${flow.sandbox.order.lines.length > 1 ? `${flow.sandbox.order.lines.length} 期` : formatMonth(flow.sandbox.order.period)} · 户号尾号 ${flow.sandbox.order.accountNoMasked.slice(-4)}`
                : ''
            }
            onPaid={flow.sandboxPaid}
            onCancel={flow.sandboxCancelled}
          />
          {binding && data?.topup && data.prepaidBalance !== undefined ? (
            <TopupSheet
              visible={topup.open}
              binding={binding}
              balance={data.prepaidBalance}
              rules={data.topup}
              busy={topup.busy}
              error={topup.error}
              fieldError={topup.fieldError}
              onConfirm={(amount) => void topup.pay(amount)}
              onEdit={topup.edited}
              onClose={topup.close}
            />
          ) : null}
          <SandboxPaySheet
            visible={topup.sandbox !== null}
            order={topup.sandbox?.order ?? null}
            payment={topup.sandbox?.payment ?? null}
            description={topup.sandbox ? `预存电费 · 户号尾号 ${topup.sandbox.order.accountNoMasked.slice(-4)}` : ''}
            onPaid={topup.sandboxPaid}
            onCancel={topup.sandboxCancelled}
          />
          {hoursFor && kind ? <AvailabilitySheet availability={hoursFor} serviceId={payServiceId(kind)} visible onClose={() => setHoursFor(null)} /> : null}
          {refusal.sheet}
        </>
      }
    >
      <PageHeader
        title={binding ? `${binding.label ? `${binding.label} · ` : ''}${kindName}账单` : `${kindName}账单`}
        subtitle={binding ? `${binding.providerName} · 户号 ${binding.accountNoMasked}` : '正在向缴费单位查询…'}
      />

      <View className='bm-bills-body'>
        {!data && bill.error?.code === 'NOT_FOUND' ? (
          <StateView
            kind='empty'
            className='bm-bills-bill-error'
            icon='!'
            title='没有找到这个户号'
            text={bill.error.message}
            action={<Button onPress={() => void backTo(PATHS.households, householdsUrl(kind))}>返回我的户号</Button>}
          />
        ) : null}
        {bill.error?.code === 'NOT_FOUND' && !data ? null : (
          <RemoteStatus remote={bill} prefix='bm-bills-bill' errorTitle='账单暂时查不到' loading={{ label: '正在向缴费单位查询账单…', className: 'bm-bills-bill-loading' }} />
        )}
        {/* Every failure state names the company's own hotline; a company that is down also offers 恢复后提醒我. */}
        {!data && bill.error && kind ? <OutageHelp kind={kind} down={bill.error.code === 'DEPARTMENT_UNAVAILABLE' || departmentDown} /> : null}

        {data && binding && kind ? (
          <>
            {justBound ? (
              <Notice tone='info' title='户号已绑定' className='bm-bills-bill__bound'>
                以后可在“我的户号”里直接查看这户的账单。
              </Notice>
            ) : null}

            {data.stale ? (
              <Notice tone='stale' title='缴费单位暂时连不上' className='bm-bills-bill__stale'>
                {`以下是 ${formatAge(data.ageSeconds)}查到的账单，可能不是最新。为免多缴或错缴，暂不能在线缴费，请稍后下拉刷新。`}
                {departmentDown && payAvailability?.message ? `\n${payAvailability.message}` : ''}
              </Notice>
            ) : null}

            {/* The same outage said twice would be noise: the stale notice above already carries it. */}
            {data.stale && departmentDown ? null : <PayAvailabilityNotice kind={kind} availability={payAvailability} onDetails={showHours} />}
            {data.stale || departmentDown ? <OutageHelp kind={kind} down /> : null}

            <Card className='bm-bills-bill__summary'>
              {data.arrears.total > 0 ? (
                <View className='bm-bills-bill__due'>
                  <Text className='bm-bills-bill__due-label'>应缴金额</Text>
                  <View className='bm-bills-bill__due-amount' ariaLabel={`应缴金额 ${formatFen(data.arrears.total)}`}>
                    {formatFen(data.arrears.total)}
                  </View>
                  {next ? (
                    <Text className={`bm-bills-bill__due-date ${next.overdueDays > 0 ? 'bm-bills-bill__due-date--overdue' : ''}`}>
                      {next.overdueDays > 0
                        ? `已逾期 ${next.overdueDays} 天（截止 ${formatDate(next.dueDate)}）`
                        : `请于 ${formatDate(next.dueDate)} 前缴纳`}
                    </Text>
                  ) : null}
                </View>
              ) : (
                <View className='bm-bills-bill__due bm-bills-bill__due--clear'>
                  <Text className='bm-bills-bill__clear-mark' aria-hidden='true'>
                    ✓
                  </Text>
                  <Text className='bm-bills-bill__clear'>已缴清</Text>
                  <Text className='bm-bills-bill__due-date'>这户目前没有欠费</Text>
                </View>
              )}
              <Text className={`bm-bills-bill__age ${data.stale ? 'bm-bills-bill__age--stale' : ''}`}>
                {data.ageSeconds < 10 && !data.stale ? '数据刚刚更新' : `数据更新于 ${formatAge(data.ageSeconds)}`}
                {data.stale ? '（缴费单位暂时连不上）' : ''}
              </Text>
              <View className='bm-bills-bill__who'>
                <Row label='户主' value={binding.holderName} />
                <Row label='地址' value={binding.address} />
                {data.prepaidBalance !== undefined && !data.topup ? <Row label='预存余额' value={formatFen(data.prepaidBalance)} tone='strong' /> : null}
              </View>
            </Card>

            {data.topup && data.prepaidBalance !== undefined ? (
              <Card className='bm-bills-bill__prepaid'>
                <View className='bm-bills-bill__prepaid-balance' ariaLabel={`预付费电表余额 ${formatFen(data.prepaidBalance)}`}>
                  <Text className='bm-bills-bill__prepaid-label'>余额</Text>
                  <Text className='bm-bills-bill__prepaid-amount'>{formatFen(data.prepaidBalance)}</Text>
                </View>
                <Text className='bm-bills-fineprint'>预付费电表：余额用完会停电，可随时预存。</Text>
                <Button
                  variant='secondary'
                  className='bm-bills-bill__topup'
                  disabled={closed || data.stale}
                  onPress={() => (closed ? showHours() : topup.start())}
                  label={`预存电费，当前余额 ${formatFen(data.prepaidBalance)}`}
                >
                  预存电费
                </Button>
              </Card>
            ) : null}

            {arrears.length > 1 || (arrears.length === 1 && arrears[0].billId !== data.bill?.billId) ? (
              <Card className='bm-bills-bill__arrears' title={`待缴账单（${arrears.length} 期）`}>
                <Text className='bm-bills-fineprint'>下方“立即缴费”一次缴清全部欠费；也可以只缴其中一期。</Text>
                {arrears.map((b) => (
                  <ArrearsItem key={b.billId} bill={b} closed={closed || data.stale} onPay={() => startPay([b])} />
                ))}
              </Card>
            ) : null}

            {data.bill ? <BillDetail bill={data.bill} /> : <Card>缴费单位还没有出这户的账单。</Card>}

            <UsageChart bindingId={bindingId} kind={kind} />

            <OrdersLink />
          </>
        ) : null}
      </View>

      {data && next && kind ? (
        <PayBar
          bills={payable}
          familyPaying={arrears.length > payable.length}
          kindName={kindName}
          availability={closed ? payAvailability! : null}
          stale={data.stale}
          onPay={() => startPay(payable)}
          onHours={showHours}
          onRefresh={() => bill.reload()}
        />
      ) : null}
    </Page>
  );
}

/** The bottom bar: pays everything owed in one order, or says plainly why it cannot right now. */
function PayBar({
  bills,
  familyPaying,
  kindName,
  availability,
  stale,
  onPay,
  onHours,
  onRefresh,
}: {
  bills: BillView[];
  familyPaying: boolean;
  kindName: string;
  availability: Availability | null;
  stale: boolean;
  onPay(): void;
  onHours(): void;
  onRefresh(): void | Promise<void>;
}) {
  if (availability) {
    // The same words as the hub's tile and the hours sheet: '00:30 恢复', not '明天 00:30'.
    const at = changeLabel(availability);
    const label = at ? `暂停缴费 · ${at}` : '暂停缴费';
    return (
      // The notice at the top says why in full; the button keeps "until when" in view while scrolling.
      <View className='bm-bills-bar bm-bills-pay-bar bm-bills-pay-bar--closed'>
        <Button className='bm-bills-pay' disabled onPress={onHours} label={label}>
          {label}
        </Button>
      </View>
    );
  }
  if (stale) {
    return (
      <View className='bm-bills-bar bm-bills-pay-bar bm-bills-pay-bar--stale'>
        <Text className='bm-bills-bar__hint'>账单不是最新的，暂不能缴费</Text>
        <Button className='bm-bills-pay' onPress={onRefresh} label='账单不是最新的，暂不能缴费。重新查询账单'>
          重新查询账单
        </Button>
      </View>
    );
  }
  if (!bills.length) {
    return (
      <View className='bm-bills-bar bm-bills-pay-bar'>
        <Text className='bm-bills-bar__hint bm-bills-pay-bar__family'>家人正在为这户缴费，请稍后刷新查看结果</Text>
      </View>
    );
  }
  const total = bills.reduce((s, b) => s + b.amountDue, 0);
  const what = bills.length === 1 ? `${formatMonth(bills[0].period)}${kindName}` : `全部 ${bills.length} 期${kindName}`;
  const unfinished = bills.find((b) => b.status === 'pending' && b.orderId);
  return (
    <View className='bm-bills-bar bm-bills-pay-bar'>
      {unfinished ? (
        <View
          className='bm-bills-bar__hint bm-bills-pay-bar__pending bm-focusable'
          {...pressable(() => void Taro.navigateTo({ url: resultUrl(unfinished.orderId!) }))}
          ariaLabel='有一笔待支付的订单，查看订单'
        >
          {formatMonth(unfinished.period)}有一笔待支付的订单，查看订单 ›
        </View>
      ) : familyPaying ? (
        <Text className='bm-bills-bar__hint'>家人正在缴纳其中一期，这里只缴其余的</Text>
      ) : null}
      <Button className='bm-bills-pay' onPress={onPay} label={`缴纳${what} ${formatFen(total)}`}>
        立即缴费 {formatFen(total)}
      </Button>
    </View>
  );
}

/** A bill's own payment state in words: our unpaid order is 待支付 (the resident may have cancelled), a family member's is theirs. */
function pendingWord(bill: BillView): string {
  return bill.orderId ? '待支付' : '家人支付中';
}

function ArrearsItem({ bill, closed, onPay }: { bill: BillView; closed: boolean; onPay(): void }) {
  return (
    <View className='bm-bills-arrears-item' data-bill-id={bill.billId}>
      <View className='bm-bills-arrears-item__head'>
        <Text className='bm-bills-arrears-item__period'>{formatMonth(bill.period)}</Text>
        <Text className='bm-bills-arrears-item__amount'>{formatFen(bill.amountDue)}</Text>
      </View>
      <Text className='bm-bills-arrears-item__line'>
        账单 {formatFen(bill.amount)}
        {bill.lateFee > 0 ? ` + 违约金 ${formatFen(bill.lateFee)}（逾期 ${bill.overdueDays} 天）` : ''}
      </Text>
      <View className='bm-bills-arrears-item__foot'>
        <Text className={`bm-bills-arrears-item__due ${bill.overdueDays > 0 ? 'bm-bills-arrears-item__due--overdue' : ''}`}>
          截止 {formatDate(bill.dueDate)}
          {bill.status === 'pending' ? ` · ${pendingWord(bill)}` : ''}
        </Text>
        <Button
          small
          variant='secondary'
          disabled={closed}
          className='bm-bills-arrears-item__pay'
          onPress={onPay}
          label={`缴纳${formatMonth(bill.period)}账单 ${formatFen(bill.amountDue)}`}
        >
          缴这一期
        </Button>
      </View>
    </View>
  );
}

function BillDetail({ bill }: { bill: BillView }) {
  return (
    <Card className='bm-bills-bill__detail'>
      <View className='bm-bills-bill__detail-head'>
        <CardTitle>{formatMonth(bill.period)}账单</CardTitle>
        <Text className={`bm-bills-status bm-bills-status--${bill.status === 'paid' ? 'ok' : bill.status === 'pending' ? 'progress' : bill.overdueDays > 0 ? 'danger' : 'warn'}`}>
          {bill.status === 'paid' ? '已缴清' : bill.status === 'pending' ? pendingWord(bill) : bill.overdueDays > 0 ? '已逾期' : '待缴'}
        </Text>
      </View>
      <Row label='本期用量' value={`${bill.usage.value} ${bill.usage.unit}`} tone='strong' />

      {bill.lines.length > 0 ? (
        <View className='bm-bills-tiers' role='table' ariaRole='table' ariaLabel='阶梯计费明细'>
          <View className='bm-bills-tiers__row bm-bills-tiers__row--head' role='row' ariaRole='row'>
            <Text className='bm-bills-tiers__cell bm-bills-tiers__cell--name'>阶梯</Text>
            <Text className='bm-bills-tiers__cell'>用量</Text>
            <Text className='bm-bills-tiers__cell'>单价/{bill.lines[0].unit}</Text>
            <Text className='bm-bills-tiers__cell bm-bills-tiers__cell--amount'>金额</Text>
          </View>
          {bill.lines.map((l) => (
            <View
              key={l.name}
              className='bm-bills-tiers__row'
              role='row'
              ariaRole='row'
              ariaLabel={`${l.name}，${l.quantity} ${l.unit}，每${l.unit} ${formatFen(l.unitPrice)}，${formatFen(l.amount)}`}
            >
              <Text className='bm-bills-tiers__cell bm-bills-tiers__cell--name'>{l.name}</Text>
              <Text className='bm-bills-tiers__cell'>
                {l.quantity} {l.unit}
              </Text>
              <Text className='bm-bills-tiers__cell'>{formatFen(l.unitPrice)}</Text>
              <Text className='bm-bills-tiers__cell bm-bills-tiers__cell--amount'>{formatFen(l.amount)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Row label='账单金额' value={formatFen(bill.amount)} />
      <Row
        label='违约金'
        value={bill.lateFee > 0 ? `${formatFen(bill.lateFee)}（逾期 ${bill.overdueDays} 天）` : '¥0.00（未逾期）'}
        tone={bill.lateFee > 0 ? 'money' : undefined}
      />
      <Row label='缴费截止' value={formatDate(bill.dueDate)} />
      {bill.status !== 'paid' ? <Row className='bm-row--total' label='应缴' value={formatFen(bill.amountDue)} /> : null}
      <Text className={`bm-bills-fineprint bm-bills-bill__rule ${bill.overdueDays > 0 ? 'bm-bills-bill__rule--active' : ''}`}>违约金规则：{LATE_FEE_RULE}</Text>
    </Card>
  );
}
