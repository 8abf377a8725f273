import Taro from '@tarojs/taro';
import { PATHS } from '../bills/flow';
import { LinkRow } from '../ui/link-row';

/** 我的订单: the one payment history (bills, top-ups and fines), at the foot of every flow page that takes money. */
export const ORDERS_PAGE = PATHS.orders;

export function OrdersLink({ className }: { className?: string }) {
  return <LinkRow className={['bm-orders-link', className].filter(Boolean).join(' ')} label='我的订单' onPress={() => void Taro.navigateTo({ url: ORDERS_PAGE })} />;
}
