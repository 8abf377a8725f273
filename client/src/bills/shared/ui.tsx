import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Availability, UtilityKind } from '@bianmin/core';
import { Notice, pressable } from '../../ui';
import { KIND_INFO } from './format';
import { PATHS } from './nav';

/**
 * What the pay service's hours mean for this page, said before the resident taps Pay:
 * closed / maintenance / department down → why and until when; closing soon → how long is left.
 * Nothing when it is simply open.
 */
export function PayAvailabilityNotice({ kind, availability, onDetails }: { kind: UtilityKind; availability?: Availability; onDetails?: () => void }) {
  if (!availability || availability.state === 'open') return null;
  const name = `${KIND_INFO[kind].bill}缴纳`;
  const details = onDetails ? (
    <View className='bm-notice__action bm-focusable' {...pressable(onDetails)} ariaLabel={`查看${name}办理时间`}>
      查看办理时间
    </View>
  ) : null;
  if (availability.state === 'closing_soon') {
    return (
      <Notice tone='warn' title={`${name}即将暂停`} className='bm-bills-pay-status bm-bills-pay-status--closing_soon' action={details}>
        {availability.message}
      </Notice>
    );
  }
  const title =
    availability.state === 'maintenance' ? `${name}系统维护中，暂不能缴费` : availability.state === 'down' ? `${name}暂不能办理` : `${name}暂停中，现在不能缴费`;
  return (
    <Notice tone='closed' title={title} className={`bm-bills-pay-status bm-bills-pay-status--${availability.state}`} action={details}>
      {availability.message}
    </Notice>
  );
}


/** The row that opens the payment history, at the foot of the households and bill pages. */
export function OrdersLink() {
  return (
    <View className='bm-bills-orders-link bm-focusable' {...pressable(() => void Taro.navigateTo({ url: PATHS.orders }))} ariaLabel='缴费记录' hoverClass='bm-bills-pressed'>
      <Text>缴费记录</Text>
      <Text className='bm-bills-orders-link__chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  );
}

/** The kit's label / value row, under the name this flow's pages import. */
export { Row } from '../../ui';
