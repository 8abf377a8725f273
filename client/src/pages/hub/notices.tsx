import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ServiceNotice } from '@bianmin/core';

/** Shown before "展开": enough to see that something is closed without pushing the tiles away. */
const COLLAPSED = 2;

const KIND_LABEL: Record<ServiceNotice['kind'], string> = {
  hours: '非办理时间',
  holiday: '节假日',
  maintenance: '系统维护',
  down: '系统故障',
};

/**
 * Today's closures (services.list `notices`), above the tiles: the resident learns that
 * 电费缴纳 pauses at 23:30 before tapping it. Each line opens that service's sheet.
 */
export function HubNotices({ notices, onOpen }: { notices: ServiceNotice[]; onOpen: (serviceId: string) => void }) {
  const [expanded, setExpanded] = useState(false);
  if (notices.length === 0) return null;
  const many = notices.length > COLLAPSED + 1;
  const shown = many && !expanded ? notices.slice(0, COLLAPSED) : notices;
  return (
    <View className='hub-notices' role='region' ariaRole='region' ariaLabel={`今日停办提醒，共 ${notices.length} 项`}>
      <View className='hub-notices__head'>
        <View className='hub-notices__title' role='heading' ariaRole='heading' aria-level='2'>
          今日停办提醒
        </View>
        <Text className='hub-notices__count'>共 {notices.length} 项</Text>
      </View>
      {shown.map((n) => (
        <View
          key={`${n.serviceId}-${n.kind}`}
          className={`hub-notice hub-notice--${n.kind}`}
          data-service-id={n.serviceId}
          role='button'
          ariaRole='button'
          ariaLabel={`${n.text}，点按查看办理时间`}
          hoverClass='hub-notice--pressed'
          onClick={() => onOpen(n.serviceId)}
        >
          <Text className='hub-notice__kind'>{KIND_LABEL[n.kind] ?? '暂停'}</Text>
          <Text className='hub-notice__text'>
            {n.text.startsWith(n.serviceName) ? (
              <>
                <Text className='hub-notice__service'>{n.serviceName}</Text>
                {n.text.slice(n.serviceName.length)}
              </>
            ) : (
              n.text
            )}
          </Text>
          <Text className='hub-notice__more' aria-hidden='true'>
            ›
          </Text>
        </View>
      ))}
      {many ? (
        <View
          className='hub-notices__toggle'
          role='button'
          ariaRole='button'
          aria-expanded={expanded}
          ariaLabel={expanded ? '收起停办提醒' : `展开其余 ${notices.length - COLLAPSED} 项停办提醒`}
          hoverClass='hub-notices__toggle--pressed'
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? '收起' : `展开其余 ${notices.length - COLLAPSED} 项`}
        </View>
      ) : null}
    </View>
  );
}
