import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Availability, BillView, OrderView } from '@bianmin/core';
import { changeLabel, refusesCalls } from '@bianmin/core/availability/vocabulary';
import { formatAge, formatDate, formatFen, formatMonth } from '@bianmin/core/format';
import { ApiError, callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { useServiceAvailability } from '../../../hooks/use-service-availability';
import { backTo } from '../../../back-to';
import { BottomBar, Button, Card, CardTitle, COLORS, Fineprint, Notice, Page, PageBody, PageHeader, RemoteStatus, Row, StateView, StatusPill, TextAction, Whole } from '../../../ui';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { AvailabilityNotice } from '../../../components/availability-notice';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { OrdersLink } from '../../../payments/orders-link';
import { SandboxCheckout } from '../../../payments/sandbox-checkout';
import { useCheckout } from '../../../payments/use-checkout';
import { householdsUrl, PATHS, resultUrl } from '../../flow';
import { isKind, KIND_INFO, payServiceId } from '../../shared/format';
import { OutageHelp } from '../../shared/outage';
import { orderTitle } from '../../shared/topup';
import { billState, prepaidNote } from '../../shared/words';
import { ConfirmPaySheet } from './confirm-sheet';
import { TopupSheet } from './topup-sheet';
import { UsageChart } from './usage-chart';
import '../../shared/bills.css';
import './index.css';

/** 0.1% of the overdue amount per day after the due date (the utilities' published rule). */
const LATE_FEE_RULE = '逾期未缴的，自缴费截止日次日起，每日按欠费金额 0.1% 计收违约金。';

/** The months in the order's words: '电费 · 2 期 · 户号尾号 6789'. */
const describe = (o: OrderView) => `${orderTitle(o)} · 户号尾号 ${o.accountNoMasked.slice(-4)}`;

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
  const hours = useServiceAvailability(kind ? [payServiceId(kind)] : []);
  const payAvailability = kind ? hours.of(payServiceId(kind)) : undefined;
  const closed = refusesCalls(payAvailability);
  const departmentDown = payAvailability?.state === 'down';

  const months = useCheckout<BillView[]>({
    place: (bills, idempotencyKey) => callFunction('bills', { action: 'pay', bindingId, billIds: bills.map((b) => b.billId), idempotencyKey }),
    keyOf: (bills) => bills.map((b) => b.billId).join(','),
    receiptUrl: resultUrl,
    handleRefusal: refusal.handle,
    onAbandoned: () => void bill.reload(),
  });
  const topup = useCheckout<number>({
    place: (amount, idempotencyKey) => callFunction('bills', { action: 'topup', bindingId, amount, idempotencyKey }),
    keyOf: String,
    receiptUrl: resultUrl,
    handleRefusal: refusal.handle,
    onAbandoned: () => void bill.reload(),
  });

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
    months.start([...bills].sort((a, b) => a.period.localeCompare(b.period)));
  };

  return (
    <Page
      className={`bm-bills-bill ${data && next && kind ? 'bm-page--with-bar' : ''}`}
      overlay={
        <>
          {binding ? (
            <ConfirmPaySheet
              visible={months.open}
              binding={binding}
              bills={months.subject}
              busy={months.busy}
              error={months.error}
              onConfirm={() => void months.pay()}
              onClose={months.close}
            />
          ) : null}
          <SandboxCheckout checkout={months} payee={binding?.providerName ?? null} describe={describe} />
          {binding && data?.topup && data.prepaidBalance !== undefined ? (
            <TopupSheet
              visible={topup.open}
              binding={binding}
              balance={data.prepaidBalance}
              rules={data.topup}
              busy={topup.busy}
              error={topup.error}
              fieldError={topup.fieldErrors.amount ?? null}
              onConfirm={(amount) => void topup.pay(amount)}
              onEdit={topup.edited}
              onClose={topup.close}
            />
          ) : null}
          <SandboxCheckout checkout={topup} payee={binding?.providerName ?? null} describe={describe} />
          {hoursFor && kind ? <AvailabilitySheet availability={hoursFor} serviceId={payServiceId(kind)} visible onClose={() => setHoursFor(null)} /> : null}
          {refusal.sheet}
        </>
      }
    >
      <PageHeader
        title={binding ? `${binding.label ? `${binding.label} · ` : ''}${kindName}账单` : `${kindName}账单`}
        subtitle={binding ? `${binding.providerName} · 户号 ${binding.accountNoMasked}` : bill.error ? '账单暂时查不到' : '正在向缴费单位查询…'}
      />

      <PageBody>
        {!data && bill.error?.code === 'NOT_FOUND' ? (
          <StateView
            kind='empty'
            className='bm-bills-bill-error'
            icon='!'
            title='没有找到这个户号'
            text={bill.error.message}
            action={<Button onPress={() => void backTo(PATHS.households, householdsUrl(kind))}>返回我的户号</Button>}
          />
        ) : (
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
            {data.stale && departmentDown ? null : <AvailabilityNotice name={`${kindName}缴纳`} consequence='暂不能缴费' availability={payAvailability} onDetails={showHours} />}
            {data.stale || departmentDown ? <OutageHelp kind={kind} down /> : null}

            <Card className='bm-bills-bill__summary'>
              {data.arrears.total > 0 ? (
                <View className='bm-bills-bill__due'>
                  <Text className='bm-bills-bill__due-label'>应缴金额</Text>
                  <Text className='bm-bills-bill__due-amount'>{formatFen(data.arrears.total)}</Text>
                  {next ? (
                    <Text className={`bm-bills-bill__due-date ${next.overdueDays > 0 ? 'bm-bills-bill__due-date--overdue' : ''}`}>
                      {next.overdueDays > 0 ? (
                        <>
                          <Whole>{`已逾期 ${next.overdueDays} 天`}</Whole>
                          {`（截止 ${formatDate(next.dueDate)}）`}
                        </>
                      ) : (
                        `请于 ${formatDate(next.dueDate)} 前缴纳`
                      )}
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
              <Card className='bm-bills-bill__prepaid' title='预付费电表'>
                <View className='bm-bills-bill__prepaid-balance'>
                  <Text className='bm-bills-bill__prepaid-label'>余额</Text>
                  <Text className='bm-bills-bill__prepaid-amount'>{formatFen(data.prepaidBalance)}</Text>
                </View>
                <Fineprint className='bm-bills-bill__prepaid-note'>{prepaidNote(data.prepaidBalance, data.arrears.total)}</Fineprint>
                <Button variant='secondary' className='bm-bills-bill__topup' disabled={closed || data.stale} onPress={() => (closed ? showHours() : topup.start())} label={`预存电费，当前余额 ${formatFen(data.prepaidBalance)}`}>
                  预存电费
                </Button>
              </Card>
            ) : null}

            {arrears.length > 1 || (arrears.length === 1 && arrears[0].billId !== data.bill?.billId) ? (
              <Card className='bm-bills-bill__arrears' title={`待缴账单（${arrears.length} 期）`}>
                <Fineprint>下方“立即缴费”一次缴清全部欠费；也可以只缴其中一期。</Fineprint>
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
      </PageBody>

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
      <BottomBar className='bm-bills-pay-bar bm-bills-pay-bar--closed'>
        <Button className='bm-bills-pay' disabled onPress={onHours} label={label}>
          {label}
        </Button>
      </BottomBar>
    );
  }
  if (stale) {
    return (
      <BottomBar className='bm-bills-pay-bar bm-bills-pay-bar--stale' hint='账单不是最新的，暂不能缴费'>
        <Button className='bm-bills-pay' onPress={onRefresh}>
          重新查询账单
        </Button>
      </BottomBar>
    );
  }
  if (!bills.length) return <BottomBar className='bm-bills-pay-bar' hint='家人正在为这户缴费，请稍后刷新查看结果' />;
  const total = bills.reduce((s, b) => s + b.amountDue, 0);
  const what = bills.length === 1 ? `${formatMonth(bills[0].period)}${kindName}` : `全部 ${bills.length} 期${kindName}`;
  const unfinished = bills.find((b) => b.status === 'pending' && b.orderId);
  return (
    <BottomBar
      className='bm-bills-pay-bar'
      hint={
        unfinished ? (
          <TextAction
            className='bm-bottom-bar__hint bm-bills-pay-bar__pending'
            label={`${formatMonth(unfinished.period)}有一笔待支付的订单，查看订单`}
            onPress={() => void Taro.navigateTo({ url: resultUrl(unfinished.orderId!) })}
          />
        ) : familyPaying ? (
          '家人正在缴纳其中一期，这里只缴其余的'
        ) : undefined
      }
    >
      <Button className='bm-bills-pay' onPress={onPay} label={`立即缴费 ${formatFen(total)}，缴纳${what}`}>
        立即缴费 {formatFen(total)}
      </Button>
    </BottomBar>
  );
}

function ArrearsItem({ bill, closed, onPay }: { bill: BillView; closed: boolean; onPay(): void }) {
  const state = billState(bill);
  return (
    <View className='bm-bills-arrears-item' data-bill-id={bill.billId}>
      <View className='bm-bills-arrears-item__head'>
        <Text className='bm-bills-arrears-item__period'>{formatMonth(bill.period)}</Text>
        <Text className='bm-bills-arrears-item__amount'>{formatFen(bill.amountDue)}</Text>
      </View>
      <Text className='bm-bills-arrears-item__line'>
        账单 {formatFen(bill.amount)}
        {bill.lateFee > 0 ? (
          <>
            {` + 违约金 ${formatFen(bill.lateFee)}（`}
            <Whole>{`逾期 ${bill.overdueDays} 天`}</Whole>）
          </>
        ) : null}
      </Text>
      <View className='bm-bills-arrears-item__foot'>
        <Text className={`bm-bills-arrears-item__due ${bill.overdueDays > 0 ? 'bm-bills-arrears-item__due--overdue' : ''}`}>
          截止 {formatDate(bill.dueDate)}
          {bill.status === 'pending' ? ` · ${state.label}` : ''}
        </Text>
        <Button small variant='secondary' disabled={closed} className='bm-bills-arrears-item__pay' onPress={onPay} label={`缴这一期，${formatMonth(bill.period)}账单 ${formatFen(bill.amountDue)}`}>
          缴这一期
        </Button>
      </View>
    </View>
  );
}

function BillDetail({ bill }: { bill: BillView }) {
  const state = billState(bill);
  return (
    <Card className='bm-bills-bill__detail'>
      <View className='bm-bills-bill__detail-head'>
        <CardTitle>{formatMonth(bill.period)}账单</CardTitle>
        <StatusPill tone={state.tone}>{state.label}</StatusPill>
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
            <View key={l.name} className='bm-bills-tiers__row' role='row' ariaRole='row' ariaLabel={`${l.name}，${l.quantity} ${l.unit}，每${l.unit} ${formatFen(l.unitPrice)}，${formatFen(l.amount)}`}>
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
      <Row label='违约金' value={
          bill.lateFee > 0 ? (
            <>
              {`${formatFen(bill.lateFee)}（`}
              <Whole>{`逾期 ${bill.overdueDays} 天`}</Whole>）
            </>
          ) : (
            '¥0.00（未逾期）'
          )
        } tone={bill.lateFee > 0 ? 'money' : undefined} />
      <Row label='缴费截止' value={formatDate(bill.dueDate)} />
      {bill.status !== 'paid' ? <Row className='bm-row--total' label='应缴' value={formatFen(bill.amountDue)} /> : null}
      <Fineprint className={`bm-bills-bill__rule ${bill.overdueDays > 0 ? 'bm-bills-bill__rule--active' : ''}`}>违约金规则：{LATE_FEE_RULE}</Fineprint>
    </Card>
  );
}
