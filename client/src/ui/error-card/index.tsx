import { Text, View } from '@tarojs/components';
import { Button } from '../button';
import { cx } from '../press';
import { RoundIcon } from '../round-icon';
import type { ErrorCardProps } from './types';
import './index.css';

export type { ErrorCardProps } from './types';

/** A failed load: what went wrong in plain words and one retry button, announced to screen readers. */
export function ErrorCard({ prefix, inline, title, message, retrying, onRetry, retryClassName }: ErrorCardProps) {
  return (
    <View className={cx('bm-error-card', `${prefix}-error`, inline && 'bm-error-card--inline')} role='alert' ariaRole='alert'>
      {inline ? null : <RoundIcon glyph='!' tone='error' />}
      <Text className='bm-error-card__title'>{title}</Text>
      <Text className='bm-error-card__message'>{message}</Text>
      <Button className={cx('bm-error-card__retry', `${prefix}-retry`, retryClassName)} busy={retrying} label={retrying ? '正在重试' : '重试'} onPress={onRetry}>
        {retrying ? '正在重试…' : '重试'}
      </Button>
    </View>
  );
}
