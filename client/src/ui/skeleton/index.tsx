import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import type { SkeletonProps } from './types';
import './index.css';

export type { SkeletonProps } from './types';

const LINES = ['mid', 'long', 'short'] as const;

/** The one loading placeholder: a sentence saying what is loading, then grey shapes (hidden from screen readers). */
export function Skeleton({ label, shape = 'cards', count = 2, className }: SkeletonProps) {
  const groups = Array.from({ length: count }, (_, i) => i);
  return (
    <View className={cx('bm-skeleton', className)} role='status' ariaRole='status' ariaLabel={label} aria-busy='true'>
      <Text className='bm-skeleton__label'>{label}</Text>
      {groups.map((g) => (
        <View key={g} className='bm-skeleton__group' aria-hidden='true'>
          {shape === 'tiles' ? (
            <>
              <View className='bm-skeleton__bar bm-skeleton__bar--title' />
              <View className='bm-skeleton__grid'>
                {[0, 1, 2, 3].map((t) => (
                  <View key={t} className='bm-skeleton__bar bm-skeleton__bar--tile' />
                ))}
              </View>
            </>
          ) : (
            LINES.map((l) => <View key={l} className={`bm-skeleton__bar bm-skeleton__bar--${l}`} />)
          )}
        </View>
      ))}
    </View>
  );
}
