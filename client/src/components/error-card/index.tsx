import { Text, View } from '@tarojs/components';

interface Props {
  /** Class-name prefix of the page (`hub`, `messages`): its stylesheet and browser tests use `<prefix>-error`, `<prefix>-retry`. */
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
    <View className={`${prefix}-error ${inline ? `${prefix}-error--inline` : ''}`} role='alert' ariaRole='alert'>
      <Text className={`${prefix}-error__title`}>{title}</Text>
      <Text className={`${prefix}-error__message`}>{message}</Text>
      <View
        className={`bm-button ${prefix}-retry ${retrying ? `${prefix}-retry--busy` : ''}`}
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
