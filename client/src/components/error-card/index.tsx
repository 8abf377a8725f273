import { Text, View } from '@tarojs/components';
import './index.css';

interface Props {
  /** Class-name prefix of the page (`hub`, `messages`): `<prefix>-error`, `<prefix>-retry` place the card on its page and are the browser tests' hooks. */
  prefix: string;
  /** True when older data is still shown below: the card is then a slim notice above it. */
  inline: boolean;
  title: string;
  message: string;
  retrying: boolean;
  onRetry(): void;
}

/** A failed load: what went wrong in plain words and one retry button, announced to screen readers. */
export function ErrorCard({ prefix, inline, title, message, retrying, onRetry }: Props) {
  return (
    <View className={`bm-error-card ${prefix}-error ${inline ? 'bm-error-card--inline' : ''}`} role='alert' ariaRole='alert'>
      <Text className='bm-error-card__title'>{title}</Text>
      <Text className='bm-error-card__message'>{message}</Text>
      <View
        className={`bm-button ${prefix}-retry ${retrying ? 'bm-error-card__retry--busy' : ''}`}
        role='button'
        ariaRole='button'
        ariaLabel='重试'
        hoverClass='bm-button--pressed'
        onClick={() => !retrying && onRetry()}
      >
        {retrying ? '正在重试…' : '重试'}
      </View>
    </View>
  );
}
