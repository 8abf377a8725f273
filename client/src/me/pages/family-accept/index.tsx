import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { FamilyHoldingView } from '@bianmin/core';
import { FAMILY_SCOPE_NAMES } from '@bianmin/core/family-scopes';
import { useState } from 'react';
import { callFunction, toApiError } from '../../../api';
import { rememberActingLabels } from '../../../family/acting-for';
import { Button, Card, Field, Notice, Page, PageHeader, StateView } from '../../../ui';
import { actingUrl, PATHS } from '../../flow';
import './index.css';

/**
 * 接受代办邀请: opened from the share card with the code filled in (`?code=`), or typed in. The
 * helper says how the holder will see them; once accepted, one tap acts for the holder.
 */
export default function FamilyAccept() {
  const { params } = useRouter();
  const [code, setCode] = useState(typeof params.code === 'string' ? decodeURIComponent(params.code) : '');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<FamilyHoldingView | null>(null);

  const accept = async () => {
    setError(null);
    try {
      const res = await callFunction('me', { action: 'familyAccept', inviteCode: code, ...(label.trim() ? { label: label.trim() } : {}) });
      rememberActingLabels({ [res.link.linkId]: res.link.label });
      setLink(res.link);
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  if (link) {
    return (
      <Page className='bm-family-accept-page'>
        <StateView kind='empty' className='bm-family-accepted' icon='✓' title={`您现在可以为 ${link.label} 代办`} text={`可代办：${link.scopes.map((s) => FAMILY_SCOPE_NAMES[s]).join('、')}。您办的每一件事对方都能看到，双方都可以随时解除。`} />
        <View className='bm-family-accept-body'>
          {link.scopes.map((s) => (
            <Button key={s} className={`bm-family-act bm-family-act--${s}`} onPress={() => void Taro.redirectTo({ url: actingUrl(s, link.linkId) })}>
              {`为 ${link.label} 办理${FAMILY_SCOPE_NAMES[s]}`}
            </Button>
          ))}
          <Button variant='secondary' className='bm-family-to-list' onPress={() => void Taro.redirectTo({ url: PATHS.family })}>
            查看亲友代办
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page className='bm-family-accept-page'>
      <PageHeader title='接受代办邀请' subtitle='接受后，您可以在对方授权的范围内帮对方办理' />
      <View className='bm-family-accept-body'>
        <Card className='bm-family-accept-form'>
          <Field label='邀请码' value={code} onInput={(v) => setCode(v.toUpperCase())} maxlength={24} placeholder='16 位字母和数字' className='bm-family-code-field' />
          <Field label='对方怎么称呼您（选填）' value={label} onInput={setLabel} maxlength={12} placeholder='如：儿子' className='bm-family-label' />
        </Card>
        <Text className='bm-family-accept-note'>邀请码只能使用一次，24 小时内有效。代办时页面顶部会提示您正在为谁办理。</Text>
        {error ? (
          <Notice tone='error' title='没有接受成功' className='bm-family-accept-error'>
            {error}
          </Notice>
        ) : null}
        <Button className='bm-family-accept-go' disabled={code.trim() === ''} onPress={accept}>
          接受邀请
        </Button>
      </View>
    </Page>
  );
}
