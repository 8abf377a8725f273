import { View } from '@tarojs/components';
import { cx, pressable } from '../press';
import './index.css';

export interface TabsProps<T extends string> {
  /** What the tabs choose, for screen readers (按缴费类型筛选). */
  label: string;
  tabs: ReadonlyArray<{ id: T; name: string }>;
  value: T;
  onChange(id: T): void;
  className?: string;
}

/** A segmented switch (水费 / 电费 / 燃气费 / 全部; 养老 / 医疗 …): a tablist, the chosen tab said selected and drawn filled. */
export function Tabs<T extends string>({ label, tabs, value, onChange, className }: TabsProps<T>) {
  return (
    <View className={cx('bm-tabs', className)} role='tablist' ariaRole='tablist' ariaLabel={label}>
      {tabs.map((t) => (
        <View
          key={t.id}
          className={cx('bm-tab', 'bm-focusable', value === t.id && 'bm-tab--active')}
          {...pressable(() => onChange(t.id), { role: 'tab' })}
          aria-selected={value === t.id}
          ariaLabel={t.name}
          data-tab={t.id}
          hoverClass='bm-tab--pressed'
        >
          {t.name}
        </View>
      ))}
    </View>
  );
}
