import type { ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/** The keyboard a field asks for: digits, money, an ID number (with X), a phone number, or text. */
export type FieldKeyboard = 'text' | 'number' | 'decimal' | 'idcard' | 'tel';

export interface FieldProps {
  /** The field's name, shown above it and its accessible name (WCAG 2.5.3: the name contains what is shown). */
  label: string;
  value: string;
  /** May return the value as it should stand (upper-cased…). */
  onInput(value: string): void;
  onBlur?(): void;
  /** The keyboard's 完成/Enter. */
  onConfirm?(): void;
  /** @default 'text' */
  keyboard?: FieldKeyboard;
  maxlength?: number;
  placeholder?: string;
  /** h5 autocomplete (`off` for account and ID numbers, `tel` for a phone). @default 'off' */
  autoComplete?: string;
  /** Several lines (a description, a reason): the same frame and type size as a one-line field. */
  multiline?: boolean;
  /** The rule said before anything is typed (最低 ¥10.00…): shown above the input and read with its name. */
  rules?: string;
  /** What is wrong, under the input, read out when it appears; the field is marked invalid. */
  error?: string | null;
  /** Marked invalid without words of its own (the form says once what is wrong with two fields). */
  invalid?: boolean;
  /** Help under the input while there is no error (where to find the number…). */
  hint?: ReactNode;
  /** A live count under a multi-line field (12/1000 · 至少 10 字). */
  count?: { text: string; ok: boolean };
  /** Beside the input (在地图上选); under it in large-font mode. */
  accessory?: ReactNode;
  /** On the field's root (`bm-field` is always there). */
  className?: string;
  /** On the input: the browser tests' hook. */
  inputClassName?: string;
  /** On the error line, besides `bm-field__error`. */
  errorClassName?: string;
}

/** What the weapp keyboard is called, and what h5 asks the browser for. */
const KEYBOARDS: Record<FieldKeyboard, { weapp: 'text' | 'number' | 'digit' | 'idcard'; inputMode: string }> = {
  text: { weapp: 'text', inputMode: 'text' },
  number: { weapp: 'number', inputMode: 'numeric' },
  decimal: { weapp: 'digit', inputMode: 'decimal' },
  idcard: { weapp: 'idcard', inputMode: 'text' },
  tel: { weapp: 'number', inputMode: 'tel' },
};

/**
 * The one form field: label above, the input in a frame the whole of which takes the tap, the
 * rule before typing, the error under it (announced), else a hint; in large-font mode the
 * label, input and accessory stack and grow with the type. Every form of every flow uses it.
 */
export function Field(props: FieldProps) {
  const { label, value, onInput, onBlur, onConfirm, keyboard = 'text', maxlength, placeholder, autoComplete = 'off', multiline, rules, error, hint, count, accessory } = props;
  const name = rules ? `${label}，${rules}` : label;
  const invalid = Boolean(error) || Boolean(props.invalid);
  const native = { 'aria-label': name, 'aria-invalid': invalid ? 'true' : 'false', autoComplete, inputMode: KEYBOARDS[keyboard].inputMode };
  const common = {
    className: cx('bm-field__input', multiline && 'bm-field__input--multiline', props.inputClassName),
    value,
    maxlength,
    placeholder,
    placeholderClass: 'bm-field__placeholder',
    ariaLabel: name,
    nativeProps: native,
    onInput: (e: { detail: { value: string } }) => onInput(e.detail.value),
    onBlur: onBlur ? () => onBlur() : undefined,
  };
  return (
    <View className={cx('bm-field', invalid && 'bm-field--invalid', props.className)}>
      <Text className='bm-field__label'>{label}</Text>
      {rules ? <Text className='bm-field__rules'>{rules}</Text> : null}
      <View className={cx('bm-field__row', accessory ? 'bm-field__row--with-accessory' : null)}>
        {multiline ? (
          <Textarea {...common} autoHeight={false} />
        ) : (
          <Input {...common} type={process.env.TARO_ENV === 'weapp' ? KEYBOARDS[keyboard].weapp : 'text'} onConfirm={onConfirm ? () => onConfirm() : undefined} />
        )}
        {accessory ? <View className='bm-field__accessory'>{accessory}</View> : null}
      </View>
      {count ? (
        <Text className={cx('bm-field__count', !count.ok && 'bm-field__count--bad')} aria-live='polite'>
          {count.text}
        </Text>
      ) : null}
      {error ? (
        <View className={cx('bm-field__error', props.errorClassName)} role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : hint ? (
        <View className='bm-field__hint'>{hint}</View>
      ) : null}
    </View>
  );
}

/** An error that belongs to a group of choices rather than to one input (号牌种类, 缴费单位). */
export function FieldError({ text, className }: { text: string; className?: string }) {
  return (
    <View className={cx('bm-field__error', className)} role='alert' ariaRole='alert'>
      {text}
    </View>
  );
}
