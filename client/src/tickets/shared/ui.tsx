import { View } from '@tarojs/components';
import type { DeadlineView, TicketStatus } from '@bianmin/core';
import { StatusPill } from '../../ui';
import { deadlineLine, deadlineSpoken, STATUS_CHIP } from './format';

/** A ticket's status on the kit's pill, in words (never colour alone). */
export function TicketStatus({ status, className }: { status: TicketStatus; className?: string }) {
  const chip = STATUS_CHIP[status];
  return (
    <StatusPill tone={chip.tone} status={status} className={className}>
      {chip.label}
    </StatusPill>
  );
}

/** The next deadline and whether it is on time, due soon or overdue. */
export function DeadlineLine({ deadline }: { deadline: DeadlineView | null }) {
  if (!deadline) return null;
  return (
    <View className={`bm-tk-deadline bm-tk-deadline--${deadline.state}`} ariaLabel={deadlineSpoken(deadline)} data-state={deadline.state}>
      {deadlineLine(deadline)}
    </View>
  );
}
