import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { BillResult, BindingView, UtilityKind } from '@bianmin/core';
import { formatFen } from '@bianmin/core/money';
import { callFunction, toApiError, type ApiError } from '../../../api';
import { Page } from '../../../components/page';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { payBlocked, usePayAvailability } from '../../shared/availability';
import { formatAge, formatDate, isKind, KIND_INFO, KINDS } from '../../shared/format';
import { billUrl, PATHS } from '../../shared/nav';
import { Button, OrdersLink, PayAvailabilityNotice, StateView } from '../../shared/ui';
import '../../shared/bills.css';
import './index.css';

type Filter = UtilityKind | 'all';
type Load<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiError };

/** Bills are fetched lazily, a few at a time: each one is a call to a department. */
const PARALLEL_BILLS = 3;

const TABS: Array<{ id: Filter; name: string }> = [...KINDS.map((k) => ({ id: k as Filter, name: KIND_INFO[k].tab })), { id: 'all', name: '全部' }];

export default function Households() {
  const router = useRouter();
  const [filter, setFilter] = useState<Filter>(isKind(router.params.kind) ? router.params.kind : 'all');
  const [list, setList] = useState<Load<BindingView[]>>({ state: 'loading' });
  const [bills, setBills] = useState<Record<string, Load<BillResult>>>({});
  const [unbinding, setUnbinding] = useState<string | null>(null);
  const generation = useRef(0);
  const shownOnce = useRef(false);
  const refusal = useRefusal();

  const loadBill = useCallback(async (bindingId: string, gen: number) => {
    try {
      const data = await callFunction('bills', { action: 'bill', bindingId });
      if (gen === generation.current) setBills((b) => ({ ...b, [bindingId]: { state: 'ok', data } }));
    } catch (e) {
      if (gen === generation.current) setBills((b) => ({ ...b, [bindingId]: { state: 'error', error: toApiError(e) } }));
    }
  }, []);

  const load = useCallback(async () => {
    const gen = ++generation.current;
    try {
      const { bindings } = await callFunction('bills', { action: 'bindings' });
      if (gen !== generation.current) return;
      shownOnce.current = true;
      setList({ state: 'ok', data: bindings });
      // Keep what is on screen while it refreshes; only new households show a skeleton.
      setBills((prev) => Object.fromEntries(bindings.map((b) => [b.bindingId, prev[b.bindingId] ?? { state: 'loading' }])));
      const queue = [...bindings];
      const worker = async () => {
        for (let next = queue.shift(); next && gen === generation.current; next = queue.shift()) await loadBill(next.bindingId, gen);
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_BILLS, queue.length) }, worker));
    } catch (e) {
      if (gen !== generation.current) return;
      const error = toApiError(e);
      // A failed refresh keeps the list on screen and says so; only a first load shows the error page.
      if (shownOnce.current) void Taro.showToast({ title: `刷新失败：${error.message}`, icon: 'none' });
      else setList({ state: 'error', error });
    }
  }, [loadBill]);

  // Fires on first show and whenever the resident comes back (after binding or paying).
  useDidShow(() => void load());
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: filter === 'all' ? '我的户号' : `我的${KIND_INFO[filter].bill}户号` });
  }, [filter]);

  const all = list.state === 'ok' ? list.data : [];
  const shown = filter === 'all' ? all : all.filter((b) => b.kind === filter);
  const kindsShown = useMemo(() => (filter === 'all' ? [...new Set(all.map((b) => b.kind))] : [filter]), [filter, all]);
  const pay = usePayAvailability(kindsShown);

  const retryBill = (bindingId: string) => {
    setBills((b) => ({ ...b, [bindingId]: { state: 'loading' } }));
    void loadBill(bindingId, generation.current);
  };

  const unbind = async (b: BindingView) => {
    const name = b.label ? `「${b.label}」` : '';
    const { confirm } = await Taro.showModal({
      title: '解绑户号',
      content: `确定解绑${name}${b.providerName}户号 ${b.accountNoMasked} 吗？解绑后不再显示它的账单，已缴费记录仍会保留。`,
      confirmText: '解绑',
      confirmColor: '#a8191f',
      cancelText: '取消',
      cancelColor: '#1f2a37',
    });
    if (!confirm) return;
    setUnbinding(b.bindingId);
    try {
      await callFunction('bills', { action: 'unbind', bindingId: b.bindingId });
      void Taro.showToast({ title: '已解绑', icon: 'success' });
      setList((l) => (l.state === 'ok' ? { state: 'ok', data: l.data.filter((x) => x.bindingId !== b.bindingId) } : l));
    } catch (e) {
      if (!refusal.handle(e)) void Taro.showModal({ title: '解绑没有成功', content: toApiError(e).message, showCancel: false, confirmText: '知道了', confirmColor: '#1557b0' });
    } finally {
      setUnbinding(null);
    }
  };

  const addKind = filter === 'all' ? null : filter;
  const add = () => void Taro.navigateTo({ url: addKind ? `${PATHS.bind}?kind=${addKind}` : PATHS.bind });
  const kindWord = addKind ? KIND_INFO[addKind].bill : '';

  return (
    <Page className='bills-page bills-households'>
      <View className='bills-header'>
        <View className='bills-header__title' role='heading' ariaRole='heading' aria-level='1'>
          {filter === 'all' ? '我的户号' : `我的${kindWord}户号`}
        </View>
        <Text className='bills-header__subtitle'>绑定水、电、燃气户号，随时查账单、在线缴费</Text>
      </View>

      <View className='bills-body'>
        <View className='bills-tabs' role='tablist' ariaRole='tablist' ariaLabel='按缴费类型筛选'>
          {TABS.map((t) => (
            <View
              key={t.id}
              className={`bills-tab ${filter === t.id ? 'bills-tab--active' : ''}`}
              role='tab'
              ariaRole='tab'
              aria-selected={filter === t.id}
              ariaLabel={`${t.name}${filter === t.id ? '，已选中' : ''}`}
              data-kind={t.id}
              hoverClass='bills-pressed'
              onClick={() => setFilter(t.id)}
            >
              {t.name}
            </View>
          ))}
        </View>

        {kindsShown.map((k) =>
          payBlocked(pay.byKind[k]) || pay.byKind[k]?.state === 'closing_soon' ? (
            <PayAvailabilityNotice key={k} kind={k} availability={pay.byKind[k]} />
          ) : null,
        )}

        {list.state === 'loading' ? <Skeleton /> : null}

        {list.state === 'error' ? (
          <StateView
            className='bills-households-error'
            icon='!'
            tone='error'
            title='户号列表暂时打不开'
            text={list.error.message}
            action={
              <Button className='bills-retry' onClick={() => { setList({ state: 'loading' }); void load(); }}>
                重试
              </Button>
            }
          />
        ) : null}

        {list.state === 'ok' && shown.length === 0 ? (
          <StateView
            className='bills-households-empty'
            icon={addKind ? KIND_INFO[addKind].glyph : '户'}
            title={addKind ? `还没有绑定${kindWord}户号` : '还没有绑定户号'}
            text={`绑定后可随时查看账单、在线缴费。户号印在${addKind ? kindWord : '水费、电费、燃气费'}通知单上，一分钟就能绑好。`}
            action={
              <Button className='bills-add' onClick={add} label={addKind ? `添加${kindWord}户号` : '添加户号'}>
                ＋ 添加{kindWord}户号
              </Button>
            }
          />
        ) : null}

        {shown.map((b) => (
          <HouseholdCard
            key={b.bindingId}
            binding={b}
            bill={bills[b.bindingId] ?? { state: 'loading' }}
            payClosed={payBlocked(pay.byKind[b.kind])}
            unbinding={unbinding === b.bindingId}
            onOpen={() => void Taro.navigateTo({ url: billUrl(b.bindingId, b.kind) })}
            onRetry={() => retryBill(b.bindingId)}
            onUnbind={() => void unbind(b)}
          />
        ))}

        {list.state === 'ok' && shown.length > 0 ? (
          <Button className='bills-add bills-add--bottom' variant='secondary' onClick={add} label={addKind ? `添加${kindWord}户号` : '添加户号'}>
            ＋ 添加{kindWord}户号
          </Button>
        ) : null}

        <OrdersLink />
        {list.state === 'ok' && shown.length > 0 ? <Text className='bills-fineprint bills-households__foot'>下拉页面可刷新账单</Text> : null}
      </View>
      {refusal.sheet}
    </Page>
  );
}

function HouseholdCard({
  binding: b,
  bill,
  payClosed,
  unbinding,
  onOpen,
  onRetry,
  onUnbind,
}: {
  binding: BindingView;
  bill: Load<BillResult>;
  payClosed: boolean;
  unbinding: boolean;
  onOpen(): void;
  onRetry(): void;
  onUnbind(): void;
}) {
  const info = KIND_INFO[b.kind];
  const title = b.label || info.bill;
  const owed = bill.state === 'ok' ? bill.data.arrears : null;
  const spoken = [
    title,
    `${b.providerName}${info.bill}`,
    `户号尾号${b.accountNoMasked.slice(-4)}`,
    owed ? (owed.total > 0 ? `应缴${formatFen(owed.total)}` : '已缴清') : '',
    '点按查看账单',
  ]
    .filter(Boolean)
    .join('，');

  return (
    <View className='bills-card bills-household' data-binding-id={b.bindingId} data-kind={b.kind}>
      <View className='bills-household__main' role='button' ariaRole='button' ariaLabel={spoken} hoverClass='bills-pressed' onClick={onOpen}>
        <View className='bills-household__head'>
          <View className={`bills-glyph bills-glyph--${b.kind}`} aria-hidden='true'>
            <Text>{info.glyph}</Text>
          </View>
          <View className='bills-household__who'>
            <Text className='bills-household__label'>{title}</Text>
            <Text className='bills-household__provider'>
              {b.providerName} · {info.bill}
            </Text>
          </View>
          <Text className='bills-household__chevron' aria-hidden='true'>
            ›
          </Text>
        </View>
        <View className='bills-household__meta'>
          <Text className='bills-household__account'>户号 {b.accountNoMasked}</Text>
          <Text className='bills-household__holder'>户主 {b.holderName}</Text>
        </View>
        <BillSummary bill={bill} payClosed={payClosed} onRetry={onRetry} />
      </View>
      <View className='bills-household__actions'>
        <Button small variant='secondary' className='bills-household__open' onClick={onOpen} label={`查看${title}的${info.bill}账单`}>
          查看账单
        </Button>
        <Button small variant='danger' className='bills-unbind' onClick={onUnbind} busy={unbinding} label={`解绑${title}的${info.bill}户号`}>
          {unbinding ? '正在解绑…' : '解绑'}
        </Button>
      </View>
    </View>
  );
}

function BillSummary({ bill, payClosed, onRetry }: { bill: Load<BillResult>; payClosed: boolean; onRetry(): void }) {
  if (bill.state === 'loading') {
    return (
      <View className='bills-household__due bills-household__due--loading' ariaLabel='正在查询账单'>
        <View className='bills-skeleton bills-skeleton--line bills-skeleton--mid' aria-hidden='true' />
        <View className='bills-skeleton bills-skeleton--line bills-skeleton--short' aria-hidden='true' />
      </View>
    );
  }
  if (bill.state === 'error') {
    return (
      <View className='bills-household__due bills-household__due--error' role='alert' ariaRole='alert'>
        <Text className='bills-household__due-error'>账单暂时查不到：{bill.error.message}</Text>
        <View
          className='bills-household__retry'
          role='button'
          ariaRole='button'
          ariaLabel='重新查询账单'
          onClick={(e) => {
            e.stopPropagation();
            onRetry();
          }}
        >
          重新查询
        </View>
      </View>
    );
  }
  const { arrears, stale, ageSeconds, prepaidBalance } = bill.data;
  const unpaid = arrears.bills.filter((x) => x.status === 'unpaid');
  const pending = arrears.bills.some((x) => x.status === 'pending');
  const oldest = unpaid[0] ?? arrears.bills[0];
  const overdueDays = Math.max(0, ...arrears.bills.map((x) => x.overdueDays));
  const lateFees = arrears.bills.reduce((s, x) => s + x.lateFee, 0);
  return (
    <View className='bills-household__due'>
      {arrears.total > 0 ? (
        <View className='bills-household__amount-row'>
          <View className='bills-household__amount'>
            <Text className='bills-household__amount-label'>应缴</Text>
            <Text className='bills-household__amount-value'>{formatFen(arrears.total)}</Text>
          </View>
          {pending ? <Text className='bills-status bills-status--progress'>支付处理中</Text> : null}
          {!pending && arrears.bills.length > 1 ? <Text className='bills-status bills-status--warn'>共 {arrears.bills.length} 期未缴</Text> : null}
        </View>
      ) : (
        <View className='bills-household__amount-row'>
          <Text className='bills-status bills-status--ok bills-household__paid'>✓ 已缴清</Text>
          {prepaidBalance !== undefined ? <Text className='bills-household__prepaid'>预存余额 {formatFen(prepaidBalance)}</Text> : null}
        </View>
      )}
      {arrears.total > 0 && oldest ? (
        <Text className={`bills-household__deadline ${overdueDays > 0 ? 'bills-household__deadline--overdue' : ''}`}>
          {overdueDays > 0 ? `已逾期 ${overdueDays} 天，含违约金 ${formatFen(lateFees)}` : `请于 ${formatDate(oldest.dueDate)} 前缴纳`}
        </Text>
      ) : null}
      {arrears.total > 0 && payClosed ? <Text className='bills-household__closed'>现在暂停缴费，可先查看账单</Text> : null}
      {stale ? (
        <Text className='bills-household__stale'>缴费单位暂时连不上，显示的是{formatAge(ageSeconds)}的数据</Text>
      ) : null}
    </View>
  );
}

function Skeleton() {
  return (
    <View className='bills-households-loading' ariaLabel='正在加载户号'>
      <Text className='bills-loading__text'>正在加载户号…</Text>
      {[0, 1].map((i) => (
        <View key={i} className='bills-card' aria-hidden='true'>
          <View className='bills-skeleton bills-skeleton--line bills-skeleton--mid' />
          <View className='bills-skeleton bills-skeleton--line bills-skeleton--long' />
          <View className='bills-skeleton bills-skeleton--line bills-skeleton--short' />
        </View>
      ))}
    </View>
  );
}
