import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FamilyOutputs } from '@bianmin/core';
import { FAMILY_SCOPE_NAMES, FAMILY_SCOPES, type FamilyScope, formatInviteCode } from '@bianmin/core/family-scopes';
import { formatDateTime } from '@bianmin/core/date-time';
import { useState } from 'react';
import { callFunction, toApiError } from '../../../api';
import { Button, Card, Field, Notice, Page, PageHeader, pressable } from '../../../ui';
import { ShareInvite } from './share';
import './index.css';

const SCOPE_HINTS: Record<FamilyScope, string> = {
  bills: '查看和缴纳您绑定的水费、电费、燃气费',
  traffic: '查询您车辆的违法记录、确认和缴纳罚款',
  tickets: '查看和提交您的 12345 诉求、评价办理结果',
  insurance: '查询您的社保记录（需要您先完成本人人脸核验表示同意）',
};

/**
 * 邀请亲友代办: choose what the relative may do (checkboxes), how they will call you, then send
 * the one-time code — on weapp a share card, on h5 a link to copy.
 */
export default function FamilyInvite() {
  const [scopes, setScopes] = useState<FamilyScope[]>(['bills']);
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<FamilyOutputs['familyInvite'] | null>(null);
  const [error, setError] = useState<{ message: string; verify: boolean } | null>(null);

  const toggle = (s: FamilyScope) => setScopes((now) => (now.includes(s) ? now.filter((x) => x !== s) : FAMILY_SCOPES.filter((x) => x === s || now.includes(x))));

  const invite = async () => {
    setError(null);
    try {
      setMade(await callFunction('me', { action: 'familyInvite', scopes, ...(label.trim() ? { label: label.trim() } : {}) }));
    } catch (e) {
      const err = toApiError(e);
      setError({ message: err.message, verify: err.code === 'VERIFICATION_REQUIRED' });
    }
  };

  if (made) {
    const holderLabel = label.trim() || '亲友';
    return (
      <Page className='bm-family-invite-page'>
        <PageHeader title='邀请已生成' subtitle={`${formatDateTime(made.expiresAt)} 前有效，只能使用一次`} />
        <View className='bm-family-invite-body'>
          <Card className='bm-family-code'>
            <Text className='bm-family-code__label'>邀请码</Text>
            <Text className='bm-family-code__value' data-code={made.inviteCode}>
              {formatInviteCode(made.inviteCode)}
            </Text>
            <Text className='bm-family-code__scopes'>{`可代办：${made.scopes.map((s) => FAMILY_SCOPE_NAMES[s]).join('、')}`}</Text>
          </Card>
          <ShareInvite code={made.inviteCode} holderLabel={holderLabel} />
        </View>
      </Page>
    );
  }

  return (
    <Page className='bm-family-invite-page'>
      <PageHeader title='邀请亲友代办' subtitle='对方只能办理您勾选的事项，您能看到对方办的每一件事' />
      <View className='bm-family-invite-body'>
        <Card title='授权范围'>
          <View className='bm-family-scopes' role='group' aria-label='授权范围'>
            {FAMILY_SCOPES.map((s) => {
              const on = scopes.includes(s);
              return (
                <View
                  key={s}
                  className={`bm-family-scope bm-focusable ${on ? 'bm-family-scope--on' : ''}`}
                  {...pressable(() => toggle(s), { role: 'checkbox' })}
                  aria-checked={on}
                  ariaLabel={`${FAMILY_SCOPE_NAMES[s]}，${SCOPE_HINTS[s]}`}
                  data-scope={s}
                >
                  <Text className='bm-family-scope__box' aria-hidden='true'>
                    {on ? '✓' : ''}
                  </Text>
                  <View className='bm-family-scope__text'>
                    <Text className='bm-family-scope__name'>{FAMILY_SCOPE_NAMES[s]}</Text>
                    <Text className='bm-family-scope__hint'>{SCOPE_HINTS[s]}</Text>
                  </View>
                </View>
              );
            })}
          </View>
        </Card>
        <Field label='对方怎么称呼您（选填）' value={label} onInput={setLabel} maxlength={12} placeholder='如：妈妈' className='bm-family-label' />
        {error ? (
          <Notice tone='error' title='邀请没有生成' className='bm-family-invite-error'>
            {error.message}
          </Notice>
        ) : null}
        {error?.verify ? (
          <Button variant='secondary' className='bm-family-verify' onPress={() => void Taro.navigateTo({ url: '/insurance/pages/verify/index?reason=required' })}>
            去完成本人人脸核验
          </Button>
        ) : null}
        <Button className='bm-family-make' disabled={scopes.length === 0} onPress={invite}>
          生成邀请
        </Button>
      </View>
    </Page>
  );
}
