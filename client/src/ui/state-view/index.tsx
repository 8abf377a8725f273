import { Text, View } from '@tarojs/components';
import { ErrorCard } from '../error-card';
import { Notice } from '../notice';
import { RoundIcon } from '../round-icon';
import { Skeleton } from '../skeleton';
import { cx } from '../press';
import type { StateViewProps } from './types';
import './index.css';

export type { StateViewProps } from './types';

/**
 * Whatever a page shows instead of (or above) its data: loading, empty, a failed first load,
 * a failed refresh over older data, or a closed service. One look for all pages.
 */
export function StateView(props: StateViewProps) {
  switch (props.kind) {
    case 'loading':
      return <Skeleton label={props.label} shape={props.shape} count={props.count} className={props.className} />;
    case 'empty':
      return (
        <View className={cx('bm-state', props.className)}>
          <RoundIcon glyph={props.icon} />
          <Text className='bm-state__title'>{props.title}</Text>
          {props.text ? <Text className='bm-state__text'>{props.text}</Text> : null}
          {props.action}
        </View>
      );
    case 'error':
      return <ErrorCard prefix={props.prefix} inline={false} title={props.title} message={props.message} retrying={props.retrying} onRetry={props.onRetry} />;
    case 'stale':
      return (
        <ErrorCard
          prefix={props.prefix}
          inline
          title={props.since ? `刷新失败，下面是 ${props.since} 的结果` : '刷新失败，下面是上次的结果'}
          message={props.message}
          retrying={props.retrying}
          onRetry={props.onRetry}
        />
      );
    case 'closed':
      return (
        <Notice tone='closed' title={props.title} action={props.action} className={props.className}>
          {props.message}
        </Notice>
      );
  }
}
