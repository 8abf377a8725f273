import { useState } from 'react';
import { View } from '@tarojs/components';
import type { BindingView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/format';
import { fenToYuan } from '@bianmin/core/money';
import { Button, Field, Fineprint, Notice, Row, Sheet } from '../../../ui';
import { checkTopupAmount, topupPresets, topupRulesText, type TopupRules } from '../../shared/topup';

/**
 * 预存电费: a preset or a typed amount, the department's rules said before typing, the problem
 * under the field (ours first, the server's `fields.amount` when it disagrees), then 确认支付.
 * A stacked sheet like every payment's: 确认支付 above 取消, the foot clear.
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
  const confirmText = busy ? '正在下单…' : fen !== null ? `确认支付 ${formatFen(fen)}` : '确认支付';

  return (
    <Sheet
      visible={visible}
      title='预存电费'
      className='bm-bills-topup-sheet'
      busy={busy}
      onClose={onClose}
      stacked
      actions={
        <>
          <Button className='bm-sheet__main bm-bills-topup-sheet__pay' onPress={confirm} busy={busy} label={confirmText.replace('…', '')}>
            {confirmText}
          </Button>
          <Button variant='plain' className='bm-bills-topup-sheet__cancel' onPress={onClose} label='取消，不预存' busy={busy}>
            取消
          </Button>
        </>
      }
    >
      <Row label='户号' value={`${binding.accountNoMasked}${binding.label ? `（${binding.label}）` : ''}`} />
      <Row label='当前余额' value={formatFen(balance)} tone='strong' className='bm-bills-topup-sheet__balance' />
      <View className='bm-bills-topup-sheet__presets' role='group' ariaRole='group' ariaLabel='常用金额'>
        {topupPresets(rules).map((f) => (
          <Button key={f} small variant={fen === f ? 'primary' : 'secondary'} className='bm-bills-topup-sheet__preset' onPress={() => choose(f)} label={`${formatFen(f)}${fen === f ? '，已选' : ''}`}>
            {formatFen(f)}
          </Button>
        ))}
      </View>
      <Field
        label='其他金额（元）'
        rules={topupRulesText(rules)}
        keyboard='decimal'
        value={text}
        maxlength={10}
        placeholder={`¥${fenToYuan(rules.minimum).replace(/\.00$/, '')} 起`}
        error={problem}
        inputClassName='bm-bills-topup-sheet__amount'
        errorClassName='bm-bills-topup-sheet__error'
        onInput={(v) => {
          setText(v);
          setShown(null);
          onEdit();
        }}
        onBlur={() => {
          if (text && 'problem' in checked) setShown(checked.problem);
        }}
        onConfirm={confirm}
      />
      <Fineprint>{`支付后由本平台送达${binding.providerName}入账，余额以${binding.providerName}为准。`}</Fineprint>
      {error ? (
        <Notice tone='error' title='没有支付成功' className='bm-bills-topup-sheet__failed'>
          {error}
        </Notice>
      ) : null}
    </Sheet>
  );
}
