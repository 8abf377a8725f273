import { Text, View } from '@tarojs/components';
import type { Availability } from '@bianmin/core';
import { cx } from '../../ui/press';
import { describeAvailability } from './describe';
import './index.css';

export { describeAvailability } from './describe';
export type { StatusDescription, StatusTone } from './describe';

// A shape per state as well as a colour, for residents who cannot tell the colours apart.
const MARKS = { open: '✓', warn: '!', closed: '■', maintenance: '◆', down: '✕' } as const;

/**
 * A service's live status in words (可办理 / 即将暂停 · 还剩 10 分钟 / 暂停办理 · 00:30 恢复 /
 * 系统维护 / …系统暂时连不上). `label` overrides the words (a tile of several actions).
 * Renders nothing when the server sent no availability.
 */
export function ServiceStatusBadge({ availability, departmentName, label, className }: { availability?: Availability; departmentName?: string; label?: string; className?: string }) {
  if (!availability) return null;
  const d = describeAvailability(availability, departmentName);
  return (
    <View className={cx('bm-service-status', `bm-service-status--${d.tone}`, className)} ariaLabel={label ?? d.spoken}>
      <Text className='bm-service-status__mark' aria-hidden='true'>
        {MARKS[d.tone]}
      </Text>
      <Text className='bm-service-status__label'>{label ?? d.label}</Text>
    </View>
  );
}
