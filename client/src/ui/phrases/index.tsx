import { Text } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/**
 * A line of short phrases (罚款 ¥200.00 · 记 0 分; 已逾期 23 天): each phrase is kept whole and
 * the line breaks only between them, so large-font mode never leaves "记 0" on one line and "分"
 * on the next.
 */
export function Phrases({ parts, separator = ' · ', className }: { parts: ReadonlyArray<string | false | null | undefined>; separator?: string; className?: string }) {
  const shown = parts.filter((p): p is string => Boolean(p));
  return (
    <Text className={cx('bm-phrases', className)}>
      {shown.map((p, i) => (
        <Text key={i}>
          {i > 0 ? separator : null}
          <Text className='bm-phrase'>{p}</Text>
        </Text>
      ))}
    </Text>
  );
}

/**
 * A short token kept on one line inside running text ("逾期 23 天"): the line may break before or
 * after it, never between the number and its unit.
 */
export function Whole({ children }: { children: string }) {
  return <Text className='bm-phrase'>{children}</Text>;
}
