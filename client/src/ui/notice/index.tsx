import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import type { NoticeProps, NoticeTone } from './types';
import './index.css';

export type { NoticeProps, NoticeTone } from './types';

/** A shape per tone as well as a colour, for residents who cannot tell the colours apart. */
const MARKS: Record<NoticeTone, string> = { closed: '■', warn: '!', stale: '!', error: '✕', info: 'i' };

/** A boxed notice, read out as an alert when something went wrong and as a status otherwise. */
export function Notice({ tone, title, children, action, className }: NoticeProps) {
  const role = tone === 'error' || tone === 'stale' ? 'alert' : 'status';
  return (
    <View className={cx('bm-notice', `bm-notice--${tone}`, className)} role={role} ariaRole={role}>
      <View className='bm-notice__mark' aria-hidden='true'>
        <Text>{MARKS[tone]}</Text>
      </View>
      <View className='bm-notice__body'>
        <Text className='bm-notice__title'>{title}</Text>
        {children ? <Text className='bm-notice__text'>{children}</Text> : null}
        {action}
      </View>
    </View>
  );
}
