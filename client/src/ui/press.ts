import type { ITouchEvent } from '@tarojs/components';

/** What a View needs to act as a button: the role for screen readers and, on h5, the keyboard. */
export interface PressProps {
  role: string;
  ariaRole: string;
  onClick(e: ITouchEvent): void;
  /** h5: reachable by Tab. Lower case: Taro's h5 components pass attributes through dash-cased. */
  tabindex?: number;
  onKeyDown?(e: { key: string; preventDefault(): void }): void;
}

/**
 * Makes a View pressable on both platforms: a tap on weapp; on h5 also Tab to reach it and
 * Enter or Space to press it, as a keyboard user expects of anything announced as a button.
 * `stop`: the press does not also reach a pressable parent (a button on a card). `role`: what a
 * screen reader calls it (a switch, a tab, a radio), button by default.
 */
export function pressable(onPress: () => void, opts: { stop?: boolean; role?: string } = {}): PressProps {
  const role = opts.role ?? 'button';
  const props: PressProps = {
    role,
    ariaRole: role,
    onClick: (e) => {
      if (opts.stop) e.stopPropagation?.();
      onPress();
    },
  };
  if (process.env.TARO_ENV === 'h5') {
    props.tabindex = 0;
    props.onKeyDown = (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      onPress();
    };
  }
  return props;
}

/** Joins class names, skipping the empty ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
