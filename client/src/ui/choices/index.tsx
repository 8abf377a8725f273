import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { cx, pressable } from '../press';
import './index.css';

export interface Choice<T> {
  value: T;
  /** Shown on the chip, and its accessible name unless `spoken` says more. */
  text: string;
  /** More for a screen reader, after the visible text (WCAG 2.5.3: it starts with what is shown). */
  spoken?: string;
  /** Shown but not offered now (a kind a category does not take): drawn muted. */
  muted?: boolean;
}

export interface ChoicesProps<T> {
  /** What is chosen, for screen readers (号牌种类, 对办理结果是否满意). */
  label: string;
  choices: ReadonlyArray<Choice<T>>;
  value: T | null;
  onChange(value: T): void;
  /** `data-<name>` on each chip, the browser tests' hook. */
  name?: string;
  className?: string;
  children?: ReactNode;
}

/** One of a few, as chips: a radiogroup, the chosen one said checked and drawn filled. */
export function Choices<T extends string | boolean>({ label, choices, value, onChange, name = 'value', className, children }: ChoicesProps<T>) {
  return (
    <View className={cx('bm-choices', className)} role='radiogroup' ariaRole='radiogroup' ariaLabel={label}>
      {choices.map((c) => (
        <View
          key={String(c.value)}
          className={cx('bm-choice', 'bm-focusable', value === c.value && 'bm-choice--on', c.muted && 'bm-choice--muted')}
          {...pressable(() => onChange(c.value), { role: 'radio' })}
          aria-checked={value === c.value}
          ariaLabel={c.spoken ? `${c.text}，${c.spoken}` : c.text}
          {...{ [`data-${name}`]: String(c.value) }}
          hoverClass='bm-choice--pressed'
        >
          {c.text}
        </View>
      ))}
      {children}
    </View>
  );
}
