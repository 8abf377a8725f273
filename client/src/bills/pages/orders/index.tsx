import { useCallback, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { OrderView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/money';
import { callFunction, toApiError, type ApiError } from '../../../api';
import { Page } from '../../../components/page';
import { formatDateTime, formatPeriod, KIND_INFO, ORDER_STATUS } from '../../shared/format';
import { backTo, householdsUrl, PATHS, resultUrl } from '../../shared/nav';
import { Button, StateView } from '../../shared/ui';
import '../../shared/bills.css';
import './index.css';

type Load = { state: 'loading' } | { state: 'ok'; orders: OrderView[] } | { state: 'error'; error: ApiError };

/** Payment history, newest first (as the server sends it); each one opens its receipt. */
export default function Orders() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const latest = useRef(0);

  const fetchOrders = useCallback(async () => {
    const id = ++latest.current;
    try {
      const { orders } = await callFunction('bills', { action: 'orders' });
      if (id === latest.current) setLoad({ state: 'ok', orders });
    } catch (e) {
      if (id !== latest.current) return;
      const error = toApiError(e);
      setLoad((prev) => {
        if (prev.state === 'ok') {
          void Taro.showToast({ title: `刷新失败：${error.message}`, icon: 'none' });
          return prev;
        }
        return { state: 'error', error };
      });
    }
  }, []);

  useDidShow(() => void fetchOrders());
  usePullDownRefresh(() => {
    void fetchOrders().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <Page className='bills-page bills-orders'>
      <View className='bills-header'>
        <View className='bills-header__title' role='heading' ariaRole='heading' aria-level='1'>
          缴费记录
        </View>
        <Text className='bills-header__subtitle'>水费、电费、燃气费的在线缴费，最新的在最前</Text>
      </View>
      <View className='bills-body'>
        {load.state === 'loading' ? (
          <View className='bills-orders-loading' ariaLabel='正在加载缴费记录'>
            <Text className='bills-loading__text'>正在加载缴费记录…</Text>
            {[0, 1, 2].map((i) => (
              <View key={i} className='bills-card' aria-hidden='true'>
                <View className='bills-skeleton bills-skeleton--line bills-skeleton--mid' />
                <View className='bills-skeleton bills-skeleton--line bills-skeleton--short' />
              </View>
            ))}
          </View>
        ) : null}

        {load.state === 'error' ? (
          <StateView
            className='bills-orders-error'
            icon='!'
            tone='error'
            title='缴费记录暂时打不开'
            text={load.error.message}
            action={
              <Button
                className='bills-retry'
                onClick={() => {
                  setLoad({ state: 'loading' });
                  void fetchOrders();
                }}
              >
                重试
              </Button>
            }
          />
        ) : null}

        {load.state === 'ok' && load.orders.length === 0 ? (
          <StateView
            className='bills-orders-empty'
            icon='单'
            title='还没有缴费记录'
            text='在账单页缴费后，每一笔都会记在这里，可随时查看回执。'
            action={<Button onClick={() => void backTo(PATHS.households, householdsUrl(null))}>去我的户号</Button>}
          />
        ) : null}

        {load.state === 'ok'
          ? load.orders.map((o) => {
              const s = ORDER_STATUS[o.status];
              const what = `${KIND_INFO[o.kind].bill} · ${formatPeriod(o.period)}`;
              return (
                <View
                  key={o.orderId}
                  className='bills-card bills-order'
                  data-order-id={o.orderId}
                  data-status={o.status}
                  role='button'
                  ariaRole='button'
                  ariaLabel={`${what}，${o.providerName}，户号尾号${o.accountNoMasked.slice(-4)}，${formatFen(o.amount)}，${s.label}，点按查看详情`}
                  hoverClass='bills-pressed'
                  onClick={() => void Taro.navigateTo({ url: resultUrl(o.orderId) })}
                >
                  <View className='bills-order__head'>
                    <View className={`bills-glyph bills-glyph--${o.kind}`} aria-hidden='true'>
                      <Text>{KIND_INFO[o.kind].glyph}</Text>
                    </View>
                    <View className='bills-order__what'>
                      <Text className='bills-order__title'>{what}</Text>
                      <Text className='bills-order__sub'>
                        {o.providerName} · 户号 {o.accountNoMasked}
                      </Text>
                    </View>
                    <Text className='bills-order__amount'>{formatFen(o.amount)}</Text>
                  </View>
                  <View className='bills-order__foot'>
                    <Text className={`bills-status bills-status--${s.tone} bills-order__status`}>{s.label}</Text>
                    <Text className='bills-order__time'>{formatDateTime(o.paidAt ?? o.createdAt)}</Text>
                  </View>
                </View>
              );
            })
          : null}
      </View>
    </Page>
  );
}
