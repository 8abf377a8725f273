import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ServiceListItem, ServiceNotice } from '@bianmin/core';
import { closureLabel } from '@bianmin/core/availability/vocabulary';
import { pressable } from '../../ui/press';

/** Shown before "展开": enough to see that something is unusual without pushing the tiles away. */
const COLLAPSED = 2;

/**
 * What the banner lists: closures that are news — holidays, maintenance that is not the daily
 * window, a department down, closures later today — of services that are live. The nightly
 * hours are routine, and each tile already says them.
 */
export function unusualNotices(notices: readonly ServiceNotice[], services: readonly ServiceListItem[]): ServiceNotice[] {
  const live = new Set(services.filter((s) => s.live).map((s) => s.id));
  // One outage is one line: a department down refuses its query and its pay service alike, and
  // saying it once per service doubled the banner (in large font, a screen of it).
  const seen = new Set<string>();
  return notices.filter((n) => {
    if (n.routine || !live.has(n.serviceId)) return false;
    const key = `${n.kind}|${n.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Today's unusual closures (services.list `notices`), above the tiles: the resident learns that
 * the power company is unreachable before tapping 电费. Each line opens that service's sheet.
 */
export function HubNotices({ notices, services, onOpen }: { notices: ServiceNotice[]; services: ServiceListItem[]; onOpen: (serviceId: string) => void }) {
  const [expanded, setExpanded] = useState(false);
  const shownNotices = unusualNotices(notices, services);
  if (shownNotices.length === 0) return null;
  const department = (id: string) => services.find((s) => s.id === id)?.departmentName;
  const many = shownNotices.length > COLLAPSED + 1;
  const shown = many && !expanded ? shownNotices.slice(0, COLLAPSED) : shownNotices;
  return (
    <View className='bm-hub-notices' role='region' ariaRole='region' ariaLabel={`今日停办提醒，共 ${shownNotices.length} 项`}>
      <View className='bm-hub-notices__head'>
        <View className='bm-hub-notices__title' role='heading' ariaRole='heading' aria-level='2'>
          今日停办提醒
        </View>
        <Text className='bm-hub-notices__count'>共 {shownNotices.length} 项</Text>
      </View>
      {shown.map((n) => (
        <View
          key={`${n.serviceId}-${n.kind}`}
          className={`bm-hub-notice bm-hub-notice--${n.kind} bm-focusable`}
          data-service-id={n.serviceId}
          {...pressable(() => onOpen(n.serviceId))}
          // Named with the words it shows first (WCAG 2.5.3): a down department's kind reads 对方系统暂时连不上, its text names the department.
          ariaLabel={`${closureLabel(n.kind, n.kind === 'down' ? undefined : department(n.serviceId))}：${n.text}。查看办理时间`}
          hoverClass='bm-hub-notice--pressed'
        >
          <Text className='bm-hub-notice__kind'>{closureLabel(n.kind, n.kind === 'down' ? undefined : department(n.serviceId))}</Text>
          <Text className='bm-hub-notice__text'>
            {n.text.startsWith(n.serviceName) ? (
              <>
                <Text className='bm-hub-notice__service'>{n.serviceName}</Text>
                {n.text.slice(n.serviceName.length)}
              </>
            ) : (
              n.text
            )}
          </Text>
          <Text className='bm-hub-notice__more' aria-hidden='true'>
            ›
          </Text>
        </View>
      ))}
      {many ? (
        <View
          className='bm-hub-notices__toggle bm-focusable'
          {...pressable(() => setExpanded(!expanded))}
          aria-expanded={expanded}
          ariaLabel={expanded ? '收起停办提醒' : `展开其余 ${shownNotices.length - COLLAPSED} 项停办提醒`}
          hoverClass='bm-hub-notices__toggle--pressed'
        >
          {expanded ? '收起' : `展开其余 ${shownNotices.length - COLLAPSED} 项`}
        </View>
      ) : null}
    </View>
  );
}
