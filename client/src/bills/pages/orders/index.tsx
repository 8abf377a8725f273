import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen } from '@bianmin/core/money';
import { callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Page, PageHeader, pressable, RemoteStatus, StateView } from '../../../ui';
import { formatDateTime, formatPeriod, KIND_INFO, ORDER_STATUS } from '../../shared/format';
import { backTo, householdsUrl, PATHS, resultUrl } from '../../shared/nav';
import '../../shared/bills.css';
import './index.css';

/** Payment history, newest first (as the server sends it); each one opens its receipt. */
export default function Orders() {
  const orders = useRemote(async () => (await callFunction('bills', { action: 'orders' })).orders);
  const list = orders.data;

  return (
    <Page className='bills-page bills-orders'>
      <PageHeader title='缴费记录' subtitle='水费、电费、燃气费的在线缴费，最新的在最前' />
      <View className='bills-body'>
        <RemoteStatus remote={orders} prefix='bills-orders' errorTitle='缴费记录暂时打不开' loading={{ label: '正在加载缴费记录…', count: 3, className: 'bills-orders-loading' }} />

        {list && list.length === 0 ? (
          <StateView
            kind='empty'
            className='bills-orders-empty'
            icon='单'
            title='还没有缴费记录'
            text='在账单页缴费后，每一笔都会记在这里，可随时查看回执。'
            action={<Button onPress={() => void backTo(PATHS.households, householdsUrl(null))}>去我的户号</Button>}
          />
        ) : null}

        {list
          ? list.map((o) => {
              const s = ORDER_STATUS[o.status];
              const what = `${KIND_INFO[o.kind].bill} · ${formatPeriod(o.period)}`;
              return (
                <View
                  key={o.orderId}
                  className='bm-card bills-order bm-focusable'
                  data-order-id={o.orderId}
                  data-status={o.status}
                  {...pressable(() => void Taro.navigateTo({ url: resultUrl(o.orderId) }))}
                  ariaLabel={`${what}，${o.providerName}，户号尾号${o.accountNoMasked.slice(-4)}，${formatFen(o.amount)}，${s.label}`}
                  hoverClass='bills-pressed'
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
