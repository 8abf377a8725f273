import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Provider } from '@bianmin/core';
import { accountNoProblem, PROVIDERS, providerForKind } from '@bianmin/core/providers';
import { callFunction, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, CardTitle, Notice, Page, PageHeader, pressable } from '../../../ui';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { isKind, KIND_INFO } from '../../shared/format';
import { billUrl } from '../../shared/nav';
import { OutageHelp } from '../../shared/outage';
import '../../shared/bills.css';
import './index.css';

type Field = 'providerId' | 'accountNo' | 'holderName' | 'label';
type Errors = Partial<Record<Field, string>>;

const LABEL_MAX = 12;
const HOLDER_MAX = 40;
const LABEL_CHIPS = ['我家', '爸妈家', '出租屋', '单位'];

/** What the server stores: upper case, no spaces (the server's schema does the same). */
function normalize(accountNo: string): string {
  return accountNo.toUpperCase().replace(/\s+/g, '');
}

/** The same rule as the server (`accountNoProblem`), so a wrong number is caught before the round trip. */
function accountError(provider: Provider | undefined, raw: string): string | undefined {
  const v = normalize(raw);
  if (!v) return '请填写户号';
  if (!provider) return undefined;
  return accountNoProblem(provider, v) ?? undefined;
}

export default function Bind() {
  const router = useRouter();
  const kind = isKind(router.params.kind) ? router.params.kind : null;
  // The list ships with the app (core is shared with the server), so the form is usable at once;
  // the server's list replaces it when it answers, in case a deployment configures it differently.
  const served = useRemote(async () => (await callFunction('bills', { action: 'providers' })).providers, { pullDown: false });
  const providers: readonly Provider[] = served.data && served.data.length > 0 ? served.data : PROVIDERS;
  const [providerId, setProviderId] = useState<string | null>(kind ? providerForKind(kind).id : null);
  const [accountNo, setAccountNo] = useState('');
  const [holderName, setHolderName] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** The last failure was the company's system being down: the help card offers 恢复后提醒我. */
  const [formDown, setFormDown] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const refusal = useRefusal();

  const provider = providers.find((p) => p.id === providerId);

  const pickProvider = (p: Provider) => {
    setProviderId(p.id);
    setErrors((e) => ({ ...e, providerId: undefined, accountNo: e.accountNo && accountNo ? accountError(p, accountNo) : undefined }));
  };

  const onAccountInput = (value: string) => {
    // Letters in gas numbers are upper case on the card: type them either way.
    const v = provider && /[A-Z]/.test(provider.accountNo.pattern) ? value.toUpperCase() : value;
    setAccountNo(v);
    if (errors.accountNo) setErrors((e) => ({ ...e, accountNo: accountError(provider, v) }));
    return v;
  };

  const submit = async () => {
    if (submitting) return;
    const next: Errors = {
      providerId: provider ? undefined : '请选择缴费单位',
      accountNo: accountError(provider, accountNo),
      holderName: !holderName.trim() ? '请填写户主姓名' : Array.from(holderName.trim()).length > HOLDER_MAX ? `户主姓名最多 ${HOLDER_MAX} 个字` : undefined,
      label: Array.from(label.trim()).length > LABEL_MAX ? `备注名最多 ${LABEL_MAX} 个字` : undefined,
    };
    setErrors(next);
    setFormError(null);
    if (next.providerId || next.accountNo || next.holderName || next.label || !provider) return;
    setSubmitting(true);
    try {
      const { binding } = await callFunction('bills', {
        action: 'bind',
        providerId: provider.id,
        accountNo: normalize(accountNo),
        holderName: holderName.trim(),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      await Taro.redirectTo({ url: `${billUrl(binding.bindingId, binding.kind)}&bound=1` });
    } catch (e) {
      if (refusal.handle(e)) return;
      const err = toApiError(e);
      const fields = err.fields ?? {};
      const mapped: Errors = {};
      for (const f of ['providerId', 'accountNo', 'holderName', 'label'] as const) {
        // For "not found" and "already bound" the message names the number: more useful than the short field text.
        if (fields[f]) mapped[f] = err.code === 'INVALID_INPUT' ? fields[f] : err.message;
      }
      if (Object.keys(mapped).length > 0) setErrors(mapped);
      else {
        setFormError(err.message);
        setFormDown(err.code === 'DEPARTMENT_UNAVAILABLE');
      }
    } finally {
      setSubmitting(false);
    }
  };

  const digitsOnly = provider ? /^\^\\d\{\d+\}\$$/.test(provider.accountNo.pattern) : false;

  return (
    <Page className='bm-bills-page bm-bills-bind' overlay={refusal.sheet}>
      <PageHeader title={`添加${kind ? KIND_INFO[kind].bill : ''}户号`} subtitle='绑定前会向缴费单位核实户号，只显示户名的部分信息' />

      <View className='bm-bills-body'>
        {formError ? (
          <Notice tone='error' title='没有绑定成功' className='bm-bills-bind__form-error'>
            {formError}
          </Notice>
        ) : null}
        {formError && provider ? <OutageHelp kind={provider.kind} down={formDown} /> : null}

        <Card>
          <CardTitle>缴费单位</CardTitle>
          <View className='bm-bills-providers' role='radiogroup' ariaRole='radiogroup' ariaLabel='选择缴费单位'>
            {providers.map((p) => {
              const on = p.id === providerId;
              return (
                <View
                  key={p.id}
                  className={`bm-bills-provider bm-focusable ${on ? 'bm-bills-provider--on' : ''}`}
                  {...pressable(() => pickProvider(p), { role: 'radio' })}
                  aria-checked={on}
                  ariaLabel={`${p.kindName}，${p.name}`}
                  data-provider-id={p.id}
                  hoverClass='bm-bills-pressed'
                >
                  <View className={`bm-bills-glyph bm-bills-glyph--${p.kind}`} aria-hidden='true'>
                    <Text>{KIND_INFO[p.kind].glyph}</Text>
                  </View>
                  <View className='bm-bills-provider__text'>
                    <Text className='bm-bills-provider__kind'>{p.kindName}</Text>
                    <Text className='bm-bills-provider__name'>{p.name}</Text>
                  </View>
                  <View className='bm-bills-provider__check' aria-hidden='true'>
                    <Text>{on ? '✓' : ''}</Text>
                  </View>
                </View>
              );
            })}
          </View>
          {errors.providerId ? (
            <View className='bm-bills-field__error bm-bills-field__error--provider' role='alert' ariaRole='alert'>
              {errors.providerId}
            </View>
          ) : null}
        </Card>

        <Card>
          <View className={`bm-bills-field bm-bills-field--account ${errors.accountNo ? 'bm-bills-field--invalid' : ''}`}>
            <Text className='bm-bills-field__label'>户号</Text>
            <Input
              className='bm-bills-field__input bm-bills-bind__account'
              type={digitsOnly && process.env.TARO_ENV === 'weapp' ? 'number' : 'text'}
              value={accountNo}
              maxlength={provider?.accountNo.maxLength ?? 32}
              placeholder={provider ? `例如 ${provider.accountNo.example}` : '请先选择缴费单位'}
              placeholderClass='bm-bills-field__placeholder'
              ariaLabel='户号'
              nativeProps={{ 'aria-label': '户号', inputMode: digitsOnly ? 'numeric' : 'text', autoComplete: 'off', 'aria-invalid': errors.accountNo ? 'true' : 'false' }}
              onInput={(e) => onAccountInput(e.detail.value)}
              onBlur={() => {
                if (accountNo) setErrors((er) => ({ ...er, accountNo: accountError(provider, accountNo) }));
              }}
              onConfirm={() => void submit()}
            />
            {errors.accountNo ? (
              <View className='bm-bills-field__error bm-bills-field__error--account' role='alert' ariaRole='alert'>
                {errors.accountNo}
              </View>
            ) : null}
            {provider ? (
              <View className='bm-bills-field__hint'>
                <Text className='bm-bills-field__hint-text'>{provider.accountNo.hint}</Text>
                <Text className='bm-bills-field__hint-example'>示例：{provider.accountNo.example}</Text>
              </View>
            ) : (
              <Text className='bm-bills-field__hint-text'>选好缴费单位后，这里会告诉您户号在哪里找</Text>
            )}
          </View>

          <View className={`bm-bills-field bm-bills-field--holder ${errors.holderName ? 'bm-bills-field--invalid' : ''}`}>
            <Text className='bm-bills-field__label'>户主姓名</Text>
            <Input
              className='bm-bills-field__input bm-bills-bind__holder'
              type='text'
              value={holderName}
              maxlength={HOLDER_MAX}
              placeholder='缴费单上的户主全名'
              placeholderClass='bm-bills-field__placeholder'
              ariaLabel='户主姓名'
              nativeProps={{ 'aria-label': '户主姓名', autoComplete: 'off', 'aria-invalid': errors.holderName ? 'true' : 'false' }}
              onInput={(e) => {
                setHolderName(e.detail.value);
                if (errors.holderName) setErrors((er) => ({ ...er, holderName: undefined }));
              }}
              onConfirm={() => void submit()}
            />
            {errors.holderName ? (
              <View className='bm-bills-field__error bm-bills-field__error--holder' role='alert' ariaRole='alert'>
                {errors.holderName}
              </View>
            ) : null}
            <Text className='bm-bills-field__hint-text'>缴费单位会核对户号与户主姓名是否一致，核对通过后才显示地址</Text>
          </View>

          <View className={`bm-bills-field bm-bills-field--label ${errors.label ? 'bm-bills-field--invalid' : ''}`}>
            <Text className='bm-bills-field__label'>备注名（选填）</Text>
            <Input
              className='bm-bills-field__input bm-bills-bind__label'
              type='text'
              value={label}
              maxlength={LABEL_MAX}
              placeholder='如：我家、爸妈家'
              placeholderClass='bm-bills-field__placeholder'
              ariaLabel='备注名，选填'
              nativeProps={{ 'aria-label': '备注名，选填' }}
              onInput={(e) => {
                setLabel(e.detail.value);
                if (errors.label) setErrors((er) => ({ ...er, label: undefined }));
              }}
            />
            <View className='bm-bills-chips'>
              {LABEL_CHIPS.map((c) => (
                <View
                  key={c}
                  className={`bm-bills-chip bm-focusable ${label === c ? 'bm-bills-chip--on' : ''}`}
                  {...pressable(() => {
                    setLabel(c);
                    setErrors((er) => ({ ...er, label: undefined }));
                  })}
                  ariaLabel={`备注名填为${c}`}
                  hoverClass='bm-bills-pressed'
                >
                  {c}
                </View>
              ))}
            </View>
            {errors.label ? (
              <View className='bm-bills-field__error bm-bills-field__error--label' role='alert' ariaRole='alert'>
                {errors.label}
              </View>
            ) : null}
          </View>
        </Card>

        <Button className='bm-bills-bind__submit' onPress={submit} busy={submitting} label={submitting ? '正在核实户号' : '绑定户号'}>
          {submitting ? '正在核实户号…' : '绑定户号'}
        </Button>
        <Text className='bm-bills-fineprint bm-bills-bind__privacy'>户号只用于查询账单和缴费；页面上只显示户号后 4 位和部分户名。</Text>
      </View>
    </Page>
  );
}
