import { useState } from 'react';
import { formatFen } from '@bianmin/core/format';
import { Input, Text, View } from '@tarojs/components';
import type { BindingView } from '@bianmin/core';
import { fenToYuan } from '@bianmin/core/money';
import { Button, Notice, Sheet } from '../../../ui';
import { Row } from '../../shared/ui';
import { checkTopupAmount, topupPresets, topupRulesText, type TopupRules } from '../../shared/topup';

/**
 * 预存电费: a preset or a typed amount, the department's rules said before typing, the problem
 * under the field (ours first, the server's `fields.amount` when it disagrees), then 确认支付.
 * The kit's Sheet ignores taps on its buttons for 500 ms after it opens, so the tap on 预存电费
 * cannot also confirm; 确认支付 sits at the foot, away from where that tap landed.
 */
export function TopupSheet({
  visible,
  binding,
  balance,
  rules,
  busy,
  error,
  fieldError,
  onConfirm,
  onEdit,
  onClose,
}: {
  visible: boolean;
  binding: BindingView;
  balance: number;
  rules: TopupRules;
  busy: boolean;
  /** The checkout's error (not about the amount). */
  error: string | null;
  /** The server's INVALID_INPUT on `amount`. */
  fieldError: string | null;
  onConfirm(amount: number): void;
  /** The amount changed: the server's last word on the old one no longer applies. */
  onEdit(): void;
  onClose(): void;
}) {
  const [text, setText] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const checked = checkTopupAmount(text, rules);
  const fen = 'fen' in checked ? checked.fen : null;
  const problem = shown ?? fieldError;

  const confirm = () => {
    if ('problem' in checked) {
      setShown(checked.problem);
      return;
    }
    setShown(null);
    onConfirm(checked.fen);
  };
  const choose = (f: number) => {
    setText(fenToYuan(f).replace(/\.00$/, ''));
    setShown(null);
    onEdit();
  };

  return (
    <Sheet
      visible={visible}
      title='预存电费'
      className='bm-bills-topup-sheet'
      busy={busy}
      onClose={onClose}
      actions={
        <View className='bm-bills-confirm-sheet__actions'>
          <Button
            className='bm-sheet__main bm-bills-topup-sheet__pay'
            onPress={confirm}
            busy={busy}
            label={busy ? '正在下单' : fen !== null ? `确认支付 ${formatFen(fen)}` : '确认支付'}
          >
            {busy ? '正在下单…' : fen !== null ? `确认支付 ${formatFen(fen)}` : '确认支付'}
          </Button>
          <Button variant='plain' className='bm-bills-topup-sheet__cancel' onPress={onClose} label='取消，不预存' busy={busy}>
            取消
          </Button>
        </View>
      }
    >
      <Row label='户号' value={`${binding.accountNoMasked}${binding.label ? `（${binding.label}）` : ''}`} />
      <Row label='当前余额' value={formatFen(balance)} tone='strong' className='bm-bills-topup-sheet__balance' />
      <View className='bm-bills-topup-sheet__presets' role='group' ariaRole='group' ariaLabel='常用金额'>
        {topupPresets(rules).map((f) => (
          <Button
            key={f}
            small
            variant={fen === f ? 'primary' : 'secondary'}
            className='bm-bills-topup-sheet__preset'
            onPress={() => choose(f)}
            label={`预存 ${formatFen(f)}${fen === f ? '，已选' : ''}`}
          >
            {formatFen(f)}
          </Button>
        ))}
      </View>
      <View className={`bm-bills-field bm-bills-field--amount ${problem ? 'bm-bills-field--invalid' : ''}`}>
        <Text className='bm-bills-field__label'>其他金额（元）</Text>
        <Text className='bm-bills-field__hint-text bm-bills-topup-sheet__rules'>{topupRulesText(rules)}</Text>
        <Input
          className='bm-bills-field__input bm-bills-topup-sheet__amount'
          type={process.env.TARO_ENV === 'weapp' ? 'digit' : 'text'}
          value={text}
          maxlength={10}
          placeholder={`¥${fenToYuan(rules.minimum).replace(/\.00$/, '')} 起`}
          placeholderClass='bm-bills-field__placeholder'
          ariaLabel={`预存金额，单位元，${topupRulesText(rules)}`}
          nativeProps={{ 'aria-label': `预存金额，单位元，${topupRulesText(rules)}`, inputMode: 'decimal', autoComplete: 'off', 'aria-invalid': problem ? 'true' : 'false' }}
          onInput={(e) => {
            setText(e.detail.value);
            setShown(null);
            onEdit();
          }}
          onBlur={() => {
            if (text && 'problem' in checked) setShown(checked.problem);
          }}
          onConfirm={confirm}
        />
        {problem ? (
          <View className='bm-bills-field__error bm-bills-topup-sheet__error' role='alert' ariaRole='alert'>
            {problem}
          </View>
        ) : null}
      </View>
      <Text className='bm-bills-fineprint'>{`支付后由本平台送达${binding.providerName}入账，余额以${binding.providerName}为准。`}</Text>
      {error ? (
        <Notice tone='error' title='没有支付成功' className='bm-bills-topup-sheet__failed'>
          {error}
        </Notice>
      ) : null}
    </Sheet>
  );
}
