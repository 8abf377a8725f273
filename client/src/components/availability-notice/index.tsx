import type { Availability } from '@bianmin/core';
import { Notice } from '../../ui/notice';
import { TextAction } from '../../ui/text-action';
import { noticeTitle } from './title';

export { noticeTitle } from './title';

export interface AvailabilityNoticeProps {
  /** The service as the page names it: 电费缴纳, 违章查询. */
  name: string;
  availability?: Availability;
  /** What a closure stops on this page, added to the title (暂不能缴费). */
  consequence?: string;
  /** Opens the hours sheet. */
  onDetails?(): void;
  className?: string;
}

/**
 * What a service's hours mean for this page, said before the resident starts: closed /
 * maintenance / department down → why and until when; closing soon → how long is left. Nothing
 * while it is simply open.
 */
export function AvailabilityNotice({ name, availability, consequence, onDetails, className }: AvailabilityNoticeProps) {
  if (!availability || availability.state === 'open') return null;
  const details = onDetails ? <TextAction label='查看办理时间' onPress={onDetails} /> : null;
  return (
    <Notice
      tone={availability.state === 'closing_soon' ? 'warn' : 'closed'}
      title={noticeTitle(name, availability.state, consequence)}
      className={`bm-availability-notice bm-availability-notice--${availability.state} ${className ?? ''}`}
      action={details}
    >
      {availability.message}
    </Notice>
  );
}
