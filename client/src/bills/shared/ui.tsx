import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Availability, UtilityKind } from '@bianmin/core';
import { KIND_INFO } from './format';
import Taro from '@tarojs/taro';
import { payBlocked } from './availability';
import { PATHS } from './nav';

export type NoticeTone = 'closed' | 'warn' | 'stale' | 'error' | 'info';

const MARKS: Record<NoticeTone, string> = { closed: '■', warn: '!', stale: '!', error: '✕', info: 'i' };

/** A boxed notice with a shape as well as a colour, read out as a status (or alert for errors). */
export function Notice({ tone, title, children, className, action }: { tone: NoticeTone; title: string; children?: ReactNode; className?: string; action?: ReactNode }) {
  const role = tone === 'error' || tone === 'stale' ? 'alert' : 'status';
  return (
    <View className={`bills-notice bills-notice--${tone} ${className ?? ''}`} role={role} ariaRole={role}>
      <View className='bills-notice__mark' aria-hidden='true'>
        <Text>{MARKS[tone]}</Text>
      </View>
      <View className='bills-notice__body'>
        <Text className='bills-notice__title'>{title}</Text>
        {children ? <Text className='bills-notice__text'>{children}</Text> : null}
        {action}
      </View>
    </View>
  );
}

/**
 * What the pay service's hours mean for this page, said before the resident taps Pay:
 * closed / maintenance / department down → why and until when; closing soon → how long is left.
 * Nothing when it is simply open.
 */
export function PayAvailabilityNotice({ kind, availability, onDetails }: { kind: UtilityKind; availability?: Availability; onDetails?: () => void }) {
  if (!availability || availability.state === 'open') return null;
  const name = `${KIND_INFO[kind].bill}缴纳`;
  const details = onDetails ? (
    <View className='bills-notice__action' role='button' ariaRole='button' ariaLabel={`查看${name}办理时间`} onClick={onDetails}>
      查看办理时间
    </View>
  ) : null;
  if (availability.state === 'closing_soon') {
    return (
      <Notice tone='warn' title={`${name}即将暂停`} className='bills-pay-status bills-pay-status--closing_soon' action={details}>
        {availability.message}
      </Notice>
    );
  }
  const title =
    availability.state === 'maintenance' ? `${name}系统维护中，暂不能缴费` : availability.state === 'down' ? `${name}暂不能办理` : `${name}暂停中，现在不能缴费`;
  return (
    <Notice tone='closed' title={title} className={`bills-pay-status bills-pay-status--${availability.state}`} action={details}>
      {availability.message}
    </Notice>
  );
}

export { payBlocked };

/** Empty and error states: an icon, a sentence, and the one thing to do next. */
export function StateView({ icon, tone, title, text, action, className }: { icon: string; tone?: 'error'; title: string; text?: string; action?: ReactNode; className?: string }) {
  return (
    <View className={`bills-card bills-state ${className ?? ''}`} role={tone === 'error' ? 'alert' : undefined} ariaRole={tone === 'error' ? 'alert' : undefined}>
      <View className={`bills-state__icon ${tone ? `bills-state__icon--${tone}` : ''}`} aria-hidden='true'>
        <Text>{icon}</Text>
      </View>
      <Text className='bills-state__title'>{title}</Text>
      {text ? <Text className='bills-state__text'>{text}</Text> : null}
      {action}
    </View>
  );
}

export function Row({ label, value, tone, className }: { label: string; value: ReactNode; tone?: 'strong' | 'money'; className?: string }) {
  return (
    <View className={`bills-row ${className ?? ''}`}>
      <Text className='bills-row__label'>{label}</Text>
      <Text className={`bills-row__value ${tone ? `bills-row__value--${tone}` : ''}`}>{value}</Text>
    </View>
  );
}

export function Button({
  children,
  onClick,
  variant,
  className,
  label,
  busy,
  disabled,
  small,
}: {
  children: ReactNode;
  onClick: () => void;
  variant?: 'secondary' | 'plain' | 'danger';
  className?: string;
  /** Accessible name when the visible text is not enough. */
  label?: string;
  busy?: boolean;
  /** Greyed and announced as unavailable, but still tappable (it explains why). */
  disabled?: boolean;
  small?: boolean;
}) {
  const classes = [
    'bills-button',
    variant ? `bills-button--${variant}` : '',
    disabled ? 'bills-button--disabled' : '',
    busy ? 'bills-button--busy' : '',
    small ? 'bills-button--small' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View
      className={classes}
      role='button'
      ariaRole='button'
      ariaLabel={label}
      aria-disabled={disabled || busy ? 'true' : undefined}
      hoverClass='bills-button--pressed'
      onClick={(e) => {
        e.stopPropagation();
        if (!busy) onClick();
      }}
    >
      {children}
    </View>
  );
}

/** The row that opens the payment history, at the foot of the households and bill pages. */
export function OrdersLink() {
  return (
    <View
      className='bills-orders-link'
      role='button'
      ariaRole='button'
      ariaLabel='查看缴费记录'
      hoverClass='bills-pressed'
      onClick={() => void Taro.navigateTo({ url: PATHS.orders })}
    >
      <Text>缴费记录</Text>
      <Text className='bills-orders-link__chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  );
}
