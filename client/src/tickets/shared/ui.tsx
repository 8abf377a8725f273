import { Text, View } from '@tarojs/components';
import type { DeadlineView, TicketStatus } from '@bianmin/core';
import { deadlineLine, deadlineSpoken, STATUS_CHIP } from './format';

/** A status in words, coloured by tone (never colour alone). */
export function StatusChip({ status }: { status: TicketStatus }) {
  const chip = STATUS_CHIP[status];
  return <Text className={`bm-tk-status bm-tk-status--${chip.tone}`} data-status={status}>{chip.label}</Text>;
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
