import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Availability } from '@bianmin/core';
import { Notice, pressable } from '../../ui';
import { PATHS } from './nav';
import type { TrafficService } from './availability';

const SERVICE_NAME: Record<TrafficService, string> = { 'traffic.query': '违章查询', 'traffic.pay': '罚款缴纳' };

/**
 * What the service's hours mean for this page, said before the resident starts: maintenance /
 * closed / department down → why and until when; closing soon → how long is left. Nothing when open.
 */
export function AvailabilityNotice({ service, availability, onDetails }: { service: TrafficService; availability?: Availability; onDetails?: () => void }) {
  if (!availability || availability.state === 'open') return null;
  const name = SERVICE_NAME[service];
  const details = onDetails ? (
    <View className='bm-notice__action bm-focusable' {...pressable(onDetails)} ariaLabel={`查看${name}办理时间`}>
      查看办理时间
    </View>
  ) : null;
  const cls = `bm-traffic-status-notice bm-traffic-status-notice--${availability.state}`;
  if (availability.state === 'closing_soon') {
    return (
      <Notice tone='warn' title={`${name}即将暂停`} className={cls} action={details}>
        {availability.message}
      </Notice>
    );
  }
  const title = availability.state === 'maintenance' ? `${name}系统维护中` : availability.state === 'down' ? `${name}暂不能办理` : `${name}暂停中`;
  return (
    <Notice tone='closed' title={title} className={cls} action={details}>
      {availability.message}
    </Notice>
  );
}


/** A state in words (never colour alone). */
export function Pill({ tone, children, className }: { tone: string; children: ReactNode; className?: string }) {
  return <Text className={`bm-traffic-pill bm-traffic-pill--${tone} ${className ?? ''}`}>{children}</Text>;
}

/** The shared payment history (bills and fines together), at the foot of the traffic pages. */
export function OrdersLink() {
  return (
    <View className='bm-traffic-orders-link bm-focusable' {...pressable(() => void Taro.navigateTo({ url: PATHS.orders }))} ariaLabel='我的订单（缴费与罚款记录）' hoverClass='bm-traffic-pressed'>
      <Text>我的订单</Text>
      <Text className='bm-traffic-orders-link__chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  );
}

/** The kit's label / value row, under the name this flow's pages import. */
export { Row } from '../../ui';
