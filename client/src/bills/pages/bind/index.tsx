import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Provider } from '@bianmin/core';
import { PROVIDERS, providerForKind } from '@bianmin/core/providers';
import { callFunction, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, CardTitle, Choices, Field, FieldError, Fineprint, Glyph, Notice, Page, PageBody, PageHeader, pressable } from '../../../ui';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { billUrl } from '../../flow';
import { accountError, type BindErrors, type BindField, bindRefusal, normalizeAccountNo } from '../../shared/bind';
import { isKind, KIND_INFO } from '../../shared/format';
import { OutageHelp } from '../../shared/outage';
import '../../shared/bills.css';
import './index.css';

const LABEL_MAX = 12;
const HOLDER_MAX = 40;
const LABEL_CHIPS = ['我家', '爸妈家', '出租屋', '单位'];

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
  const [errors, setErrors] = useState<BindErrors>({});
  const [marked, setMarked] = useState<BindField[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  /** The last failure was the company's system being down: the help card offers 恢复后提醒我. */
  const [formDown, setFormDown] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const refusal = useRefusal();

  const provider = providers.find((p) => p.id === providerId);
  const clear = (f: BindField) => {
    setErrors((e) => ({ ...e, [f]: undefined }));
    setMarked((m) => m.filter((x) => x !== f));
  };

  const pickProvider = (p: Provider) => {
    setProviderId(p.id);
    setErrors((e) => ({ ...e, providerId: undefined, accountNo: e.accountNo && accountNo ? accountError(p, accountNo) : undefined }));
  };

  const onAccountInput = (value: string) => {
    // Letters in gas numbers are upper case on the card: type them either way.
    const v = provider && /[A-Z]/.test(provider.accountNo.pattern) ? value.toUpperCase() : value;
    setAccountNo(v);
    setMarked((m) => m.filter((x) => x !== 'accountNo'));
    if (errors.accountNo) setErrors((e) => ({ ...e, accountNo: accountError(provider, v) }));
  };

  const submit = async () => {
    if (submitting) return;
    const next: BindErrors = {
      providerId: provider ? undefined : '请选择缴费单位',
      accountNo: accountError(provider, accountNo),
      holderName: !holderName.trim() ? '请填写户主姓名' : Array.from(holderName.trim()).length > HOLDER_MAX ? `户主姓名最多 ${HOLDER_MAX} 个字` : undefined,
      label: Array.from(label.trim()).length > LABEL_MAX ? `备注名最多 ${LABEL_MAX} 个字` : undefined,
    };
    setErrors(next);
    setMarked([]);
    setFormError(null);
    if (next.providerId || next.accountNo || next.holderName || next.label || !provider) return;
    setSubmitting(true);
    try {
      const { binding } = await callFunction('bills', {
        action: 'bind',
        providerId: provider.id,
        accountNo: normalizeAccountNo(accountNo),
        holderName: holderName.trim(),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      await Taro.redirectTo({ url: billUrl(binding.bindingId, binding.kind, { bound: true }) });
    } catch (e) {
      if (refusal.handle(e)) return;
      const err = toApiError(e);
      const said = bindRefusal(err);
      setErrors(said.fields);
      setMarked(said.marked);
      setFormError(said.form);
      setFormDown(err.code === 'DEPARTMENT_UNAVAILABLE');
    } finally {
      setSubmitting(false);
    }
  };

  const digitsOnly = provider ? /^\^\\d\{\d+\}\$$/.test(provider.accountNo.pattern) : false;

  return (
    <Page className='bm-bills-bind' overlay={refusal.sheet}>
      <PageHeader title={`添加${kind ? KIND_INFO[kind].bill : ''}户号`} subtitle='绑定前会向缴费单位核实户号，只显示户名的部分信息' />

      <PageBody>
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
                  hoverClass='bm-pressed'
                >
                  <Glyph glyph={KIND_INFO[p.kind].glyph} tone={p.kind} />
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
          {errors.providerId ? <FieldError className='bm-bills-bind__provider-error' text={errors.providerId} /> : null}
        </Card>

        <Card>
          <Field
            label='户号'
            keyboard={digitsOnly ? 'number' : 'text'}
            value={accountNo}
            maxlength={provider?.accountNo.maxLength ?? 32}
            placeholder={provider ? `例如 ${provider.accountNo.example}` : '请先选择缴费单位'}
            error={errors.accountNo}
            invalid={marked.includes('accountNo')}
            inputClassName='bm-bills-bind__account'
            errorClassName='bm-bills-bind__account-error'
            hint={
              provider ? (
                <>
                  <Text className='bm-bills-bind__hint'>{provider.accountNo.hint}</Text>
                  <Text className='bm-bills-bind__hint'>示例：{provider.accountNo.example}</Text>
                </>
              ) : (
                '选好缴费单位后，这里会告诉您户号在哪里找'
              )
            }
            onInput={onAccountInput}
            onBlur={() => {
              if (accountNo) setErrors((er) => ({ ...er, accountNo: accountError(provider, accountNo) }));
            }}
            onConfirm={() => void submit()}
          />

          <Field
            label='户主姓名'
            value={holderName}
            maxlength={HOLDER_MAX}
            placeholder='缴费单上的户主全名'
            error={errors.holderName}
            invalid={marked.includes('holderName')}
            inputClassName='bm-bills-bind__holder'
            hint='缴费单位会核对户号与户主姓名是否一致，核对通过后才显示地址'
            onInput={(v) => {
              setHolderName(v);
              clear('holderName');
            }}
            onConfirm={() => void submit()}
          />

          <Field
            label='备注名（选填）'
            value={label}
            maxlength={LABEL_MAX}
            placeholder='如：我家、爸妈家'
            error={errors.label}
            inputClassName='bm-bills-bind__label'
            onInput={(v) => {
              setLabel(v);
              clear('label');
            }}
          />
          <Choices
            label='常用备注名'
            className='bm-bills-bind__labels'
            choices={LABEL_CHIPS.map((c) => ({ value: c, text: c }))}
            value={LABEL_CHIPS.includes(label) ? label : null}
            onChange={(c) => {
              setLabel(c);
              clear('label');
            }}
          />
        </Card>

        <Button className='bm-bills-bind__submit' onPress={submit} busy={submitting} label={submitting ? '正在核实户号' : '绑定户号'}>
          {submitting ? '正在核实户号…' : '绑定户号'}
        </Button>
        <Fineprint className='bm-bills-bind__privacy'>户号只用于查询账单和缴费；页面上只显示户号后 4 位和部分户名。</Fineprint>
      </PageBody>
    </Page>
  );
}
