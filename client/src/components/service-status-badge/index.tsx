import { Text, View } from '@tarojs/components';
import type { Availability } from '@bianmin/core';
import { describeAvailability } from './describe';
import './index.css';

export { describeAvailability, formatWhen } from './describe';
export type { StatusDescription, StatusTone } from './describe';

/**
 * A service's live status, in words (可办理 / 即将暂停 · 还剩 10 分钟 / 已暂停 · 00:30 恢复 /
 * 维护中 / 部门系统故障). Renders nothing when the server sent no availability.
 */
export function ServiceStatusBadge({ availability, className }: { availability?: Availability; className?: string }) {
  if (!availability) return null;
  const d = describeAvailability(availability);
  return (
    <View className={`service-status service-status--${d.tone} ${className ?? ''}`} ariaLabel={d.spoken}>
      <Text className='service-status__mark'>{MARKS[d.tone]}</Text>
      <Text className='service-status__label'>{d.label}</Text>
    </View>
  );
}

// A shape per state as well as a colour, for residents who cannot tell the colours apart.
const MARKS = { open: '✓', warn: '!', closed: '■', maintenance: '◆', down: '✕' } as const;
