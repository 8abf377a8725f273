import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { cx, pressable } from '../press';
import { useSheetGuard } from '../sheet/guard';
import type { ButtonProps } from './types';
import './index.css';

export type { ButtonProps } from './types';

/** The one button: primary / secondary / plain / danger, a loading state, and no double taps. */
export function Button({ children, onPress, variant = 'primary', small, busy, disabled, label, className }: ButtonProps) {
  const [pending, setPending] = useState(false);
  // A ref as well as state: two taps in one frame both see the state before either re-render.
  const inFlight = useRef(false);
  const working = Boolean(busy) || pending;
  const tooSoon = useSheetGuard();

  const press = () => {
    if (working || inFlight.current || tooSoon()) return;
    const result = onPress();
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      inFlight.current = true;
      setPending(true);
      void (result as Promise<unknown>).finally(() => {
        inFlight.current = false;
        setPending(false);
      });
    }
  };

  return (
    <View
      className={cx('bm-button', 'bm-focusable', `bm-button--${variant}`, small && 'bm-button--small', disabled && 'bm-button--disabled', working && 'bm-button--busy', className)}
      {...pressable(press, { stop: true })}
      ariaLabel={label}
      aria-disabled={disabled || working ? 'true' : undefined}
      aria-busy={working ? 'true' : undefined}
      hoverClass='bm-button--pressed'
    >
      {children}
    </View>
  );
}
