import { useEffect, useMemo, useState } from 'react';
import { formatAge, formatDate, formatFen } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { BillResult, BindingView, UtilityKind } from '@bianmin/core';
import { refusesCalls } from '@bianmin/core/availability/vocabulary';
import { callFunction, toApiError } from '../../../api';
import { useRemote, type Remote } from '../../../hooks/use-remote';
import { useServiceAvailability } from '../../../hooks/use-service-availability';
import { Button, COLORS, Fineprint, Glyph, Page, PageBody, PageHeader, Phrases, pressable, RemoteStatus, StateView, StatusPill, Tabs } from '../../../ui';
import { AvailabilityNotice } from '../../../components/availability-notice';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { OrdersLink } from '../../../payments/orders-link';
import { isKind, KIND_INFO, KINDS, payServiceId } from '../../shared/format';
import { limiter } from '../../shared/limit';
import { billState } from '../../shared/words';
import { billUrl, bindUrl } from '../../flow';
import '../../shared/bills.css';
import './index.css';

type Filter = UtilityKind | 'all';

/** Bills are asked for a few at a time: each one is a call to a department. */
const billQueue = limiter(3);

const TABS: Array<{ id: Filter; name: string }> = [...KINDS.map((k) => ({ id: k as Filter, name: KIND_INFO[k].tab })), { id: 'all', name: '全部' }];

export default function Households() {
  const router = useRouter();
  const [filter, setFilter] = useState<Filter>(isKind(router.params.kind) ? router.params.kind : 'all');
  const [unbinding, setUnbinding] = useState<string | null>(null);
  const refusal = useRefusal();
  const list = useRemote(async () => (await callFunction('bills', { action: 'bindings' })).bindings);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: filter === 'all' ? '我的户号' : `我的${KIND_INFO[filter].bill}户号` });
  }, [filter]);

  const all = useMemo(() => list.data ?? [], [list.data]);
  const shown = filter === 'all' ? all : all.filter((b) => b.kind === filter);
  const kindsShown = useMemo(() => (filter === 'all' ? [...new Set(all.map((b) => b.kind))] : [filter]), [filter, all]);
  const hours = useServiceAvailability(kindsShown.map(payServiceId));
  const payOf = (k: UtilityKind) => hours.of(payServiceId(k));

  const unbind = async (b: BindingView) => {
    const name = b.label ? `「${b.label}」` : '';
    const { confirm } = await Taro.showModal({
      title: '解绑户号',
      content: `确定解绑${name}${b.providerName}户号 ${b.accountNoMasked} 吗？解绑后不再显示它的账单，已缴费记录仍会保留。`,
      confirmText: '解绑',
      confirmColor: COLORS.danger,
      cancelText: '取消',
      cancelColor: COLORS.text,
    });
    if (!confirm) return;
    setUnbinding(b.bindingId);
    try {
      await callFunction('bills', { action: 'unbind', bindingId: b.bindingId });
      void Taro.showToast({ title: '已解绑', icon: 'success' });
      list.update((bindings) => bindings.filter((x) => x.bindingId !== b.bindingId));
    } catch (e) {
      if (!refusal.handle(e)) void Taro.showModal({ title: '解绑没有成功', content: toApiError(e).message, showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    } finally {
      setUnbinding(null);
    }
  };

  const [switching, setSwitching] = useState<string | null>(null);
  const setReminders = async (b: BindingView, on: boolean) => {
    setSwitching(b.bindingId);
    try {
      const { binding } = await callFunction('bills', { action: 'dueReminders', bindingId: b.bindingId, on });
      list.update((bindings) => bindings.map((x) => (x.bindingId === binding.bindingId ? binding : x)));
      void Taro.showToast({ title: on ? '已开启到期提醒' : '已关闭到期提醒', icon: 'none' });
    } catch (e) {
      void Taro.showModal({ title: '没有设置成功', content: toApiError(e).message, showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    } finally {
      setSwitching(null);
    }
  };

  const addKind = filter === 'all' ? null : filter;
  const add = () => void Taro.navigateTo({ url: bindUrl(addKind) });
  const kindWord = addKind ? KIND_INFO[addKind].bill : '';

  return (
    <Page className='bm-bills-households' overlay={refusal.sheet}>
      <PageHeader title={filter === 'all' ? '我的户号' : `我的${kindWord}户号`} subtitle='绑定水、电、燃气户号，随时查账单、在线缴费' />

      <PageBody>
        <Tabs<Filter> label='按缴费类型筛选' tabs={TABS} value={filter} onChange={setFilter} className='bm-bills-households__tabs' />

        {kindsShown.map((k) => (
          <AvailabilityNotice key={k} name={`${KIND_INFO[k].bill}缴纳`} consequence='暂不能缴费' availability={payOf(k)} />
        ))}

        <RemoteStatus remote={list} prefix='bm-bills-households' errorTitle='户号列表暂时打不开' loading={{ label: '正在加载户号…', className: 'bm-bills-households-loading' }} />

        {list.data && shown.length === 0 ? (
          <StateView
            kind='empty'
            className='bm-bills-households-empty'
            icon={addKind ? KIND_INFO[addKind].glyph : '户'}
            title={addKind ? `还没有绑定${kindWord}户号` : '还没有绑定户号'}
            text={`绑定后可随时查看账单、在线缴费。户号印在${addKind ? kindWord : '水费、电费、燃气费'}通知单上，一分钟就能绑好。`}
            action={
              <Button className='bm-bills-add' onPress={add} label={addKind ? `添加${kindWord}户号` : '添加户号'}>
                ＋ 添加{kindWord}户号
              </Button>
            }
          />
        ) : null}

        {shown.map((b) => (
          <HouseholdCard
            key={b.bindingId}
            binding={b}
            payClosed={refusesCalls(payOf(b.kind))}
            unbinding={unbinding === b.bindingId}
            onOpen={() => void Taro.navigateTo({ url: billUrl(b.bindingId, b.kind) })}
            onUnbind={() => void unbind(b)}
            switching={switching === b.bindingId}
            onReminders={(on) => setReminders(b, on)}
          />
        ))}

        {list.data && shown.length > 0 ? (
          <Button className='bm-bills-add bm-bills-add--bottom' variant='secondary' onPress={add} label={addKind ? `添加${kindWord}户号` : '添加户号'}>
            ＋ 添加{kindWord}户号
          </Button>
        ) : null}

        <OrdersLink />
        {list.data && shown.length > 0 ? <Fineprint className='bm-bills-households__foot'>下拉页面可刷新账单</Fineprint> : null}
      </PageBody>
    </Page>
  );
}

/** One household: who and where, and what it owes (its own request: each bill is a call to a department). */
function HouseholdCard({
  binding: b,
  payClosed,
  unbinding,
  onOpen,
  onUnbind,
  switching,
  onReminders,
}: {
  binding: BindingView;
  payClosed: boolean;
  unbinding: boolean;
  onOpen(): void;
  onUnbind(): void;
  switching: boolean;
  onReminders(on: boolean): Promise<void>;
}) {
  const bill = useRemote(() => billQueue(() => callFunction('bills', { action: 'bill', bindingId: b.bindingId })), { key: b.bindingId });
  const info = KIND_INFO[b.kind];
  const title = b.label || info.bill;
  const owed = bill.data?.arrears ?? null;
  const spoken = [title, `${b.providerName}${info.bill}`, `户号尾号 ${b.accountNoMasked.slice(-4)}`, owed ? (owed.total > 0 ? `应缴 ${formatFen(owed.total)}` : '已缴清') : '']
    .filter(Boolean)
    .join('，');

  return (
    <View className='bm-card bm-bills-household' data-binding-id={b.bindingId} data-kind={b.kind}>
      <View className='bm-bills-household__main bm-focusable' {...pressable(onOpen)} ariaLabel={spoken} hoverClass='bm-pressed'>
        <View className='bm-bills-household__head'>
          <Glyph glyph={info.glyph} tone={b.kind} />
          <View className='bm-bills-household__who'>
            <Text className='bm-bills-household__label'>{title}</Text>
            <Text className='bm-bills-household__provider'>
              {b.providerName} · {info.bill}
            </Text>
          </View>
          <Text className='bm-bills-household__chevron' aria-hidden='true'>
            ›
          </Text>
        </View>
        <View className='bm-bills-household__meta'>
          <Text className='bm-bills-household__account'>户号 {b.accountNoMasked}</Text>
          <Text className='bm-bills-household__holder'>户主 {b.holderName}</Text>
        </View>
        <BillSummary bill={bill} payClosed={payClosed} />
      </View>
      <ReminderSwitch on={b.dueReminders} busy={switching} what={`${title}的${info.bill}`} onChange={onReminders} />
      <View className='bm-bills-household__actions'>
        <Button small variant='secondary' className='bm-bills-household__open' onPress={onOpen} label={`查看账单：${title}的${info.bill}`}>
          查看账单
        </Button>
        <Button small variant='danger' className='bm-bills-unbind' onPress={onUnbind} busy={unbinding} label={`解绑${title}的${info.bill}户号`}>
          {unbinding ? '正在解绑…' : '解绑'}
        </Button>
      </View>
    </View>
  );
}

/**
 * 到期提醒: on by default; the reminders job then tells the resident 3 days before a bill's due
 * date and once it is overdue (with its late fee). A switch to a screen reader, with its state.
 */
function ReminderSwitch({ on, busy, what, onChange }: { on: boolean; busy: boolean; what: string; onChange(on: boolean): Promise<void> }) {
  const press = () => {
    if (!busy) void onChange(!on);
  };
  return (
    <View
      className={`bm-bills-household__remind bm-focusable ${on ? 'bm-bills-household__remind--on' : ''}`}
      {...pressable(press, { role: 'switch', stop: true })}
      aria-checked={on ? 'true' : 'false'}
      aria-busy={busy ? 'true' : undefined}
      ariaLabel={`${what}到期提醒，${on ? '已开启，到期前 3 天和逾期时通知您' : '已关闭'}`}
      hoverClass='bm-pressed'
    >
      <View className='bm-bills-household__remind-text'>
        <Text className='bm-bills-household__remind-title'>到期提醒</Text>
        <Text className='bm-bills-household__remind-hint'>{on ? '到期前 3 天和逾期时在消息中心提醒' : '已关闭，不再提醒这户的账单'}</Text>
      </View>
      <View className='bm-bills-household__remind-state' aria-hidden='true'>
        <Text>{busy ? '…' : on ? '已开启' : '已关闭'}</Text>
      </View>
    </View>
  );
}

function BillSummary({ bill, payClosed }: { bill: Remote<BillResult>; payClosed: boolean }) {
  if (!bill.data && !bill.error) {
    return (
      <View className='bm-bills-household__due bm-bills-household__due--loading' role='status' ariaRole='status' ariaLabel='正在查询账单'>
        <Text className='bm-bills-household__loading'>正在查询账单…</Text>
      </View>
    );
  }
  if (!bill.data && bill.error) {
    return (
      <View className='bm-bills-household__due bm-bills-household__due--error' role='alert' ariaRole='alert'>
        <Text className='bm-bills-household__due-error'>账单暂时查不到：{bill.error.message}</Text>
        <Button small variant='secondary' className='bm-bills-household__retry' label='重新查询账单' busy={bill.loading} onPress={() => bill.reload()}>
          重新查询
        </Button>
      </View>
    );
  }
  const { arrears, stale, ageSeconds, prepaidBalance } = bill.data!;
  const unpaid = arrears.bills.filter((x) => x.status === 'unpaid');
  const pending = arrears.bills.find((x) => x.status === 'pending');
  const oldest = unpaid[0] ?? arrears.bills[0];
  const overdueDays = Math.max(0, ...arrears.bills.map((x) => x.overdueDays));
  const lateFees = arrears.bills.reduce((s, x) => s + x.lateFee, 0);
  return (
    <View className='bm-bills-household__due'>
      {arrears.total > 0 ? (
        <View className='bm-bills-household__amount-row'>
          <View className='bm-bills-household__amount'>
            <Text className='bm-bills-household__amount-label'>应缴</Text>
            <Text className='bm-bills-household__amount-value'>{formatFen(arrears.total)}</Text>
          </View>
          {/* A cancelled sheet leaves our order pending: that is 待支付, not "processing". */}
          {pending ? (
            <StatusPill tone={billState(pending).tone} className='bm-bills-household__pending'>
              {billState(pending).label}
            </StatusPill>
          ) : null}
          {!pending && arrears.bills.length > 1 ? <StatusPill tone='warn'>共 {arrears.bills.length} 期未缴</StatusPill> : null}
        </View>
      ) : (
        <View className='bm-bills-household__amount-row'>
          <StatusPill tone='ok' icon='✓' className='bm-bills-household__paid'>
            已缴清
          </StatusPill>
          {prepaidBalance !== undefined ? <Text className='bm-bills-household__prepaid'>预存余额 {formatFen(prepaidBalance)}</Text> : null}
        </View>
      )}
      {arrears.total > 0 && oldest ? (
        <Phrases
          className={`bm-bills-household__deadline ${overdueDays > 0 ? 'bm-bills-household__deadline--overdue' : ''}`}
          separator='，'
          parts={overdueDays > 0 ? [`已逾期 ${overdueDays} 天`, `含违约金 ${formatFen(lateFees)}`] : [`请于 ${formatDate(oldest.dueDate)} 前缴纳`]}
        />
      ) : null}
      {arrears.total > 0 && payClosed ? <Text className='bm-bills-household__closed'>现在暂停缴费，可先查看账单</Text> : null}
      {stale ? <Text className='bm-bills-household__stale'>缴费单位暂时连不上，显示的是 {formatAge(ageSeconds)}的数据</Text> : null}
      {bill.error ? <Text className='bm-bills-household__stale'>刷新失败（{bill.error.message}），显示的是上次查到的账单</Text> : null}
    </View>
  );
}
