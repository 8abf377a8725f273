import { useState } from 'react';
import { formatClock } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { VERIFICATION_TTL_MINUTES } from '@bianmin/core/insurance-terms';
import { Button, Card, CardTitle, Field, Fineprint, Notice, Page, PageBody, PageHeader, StateView } from '../../../ui';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { FACE_PROVIDER_NAME } from '../../shared/face-step';
import { safeReturn } from '../../flow';
import { useVerify } from './use-verify';
import '../../shared/insurance.css';
import './index.css';

const REASONS: Record<string, { title: string; text: string }> = {
  expired: { title: '认证已超过 30 分钟', text: `为保护您的个人信息，实名认证 ${VERIFICATION_TTL_MINUTES} 分钟后失效。请重新完成人脸认证，认证后回到刚才的页面。` },
  other: { title: '用其他身份认证', text: '请填写要查询的本人姓名和身份证号，并由本人刷脸。' },
  check: { title: '养老金待遇资格认证', text: '请本人刷脸。认证通过后，将自动提交社保局作为本年度的待遇资格认证。' },
  required: { title: '请先完成实名认证', text: '社保信息属于敏感个人信息，查看前需要确认是您本人。认证后回到刚才的页面。' },
};

export default function VerifyPage() {
  const router = useRouter();
  const returnTo = safeReturn(router.params.return);
  const reason = router.params.reason ? REASONS[router.params.reason] : undefined;
  const refusal = useRefusal();
  const flow = useVerify({ returnTo, handleRefusal: refusal.handle, forceForm: Boolean(reason) });
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const v = flow.verification;

  return (
    <Page className='bm-ins-verify' overlay={refusal.sheet}>
      <PageHeader title='实名认证' subtitle='查看社保信息前，需确认是您本人' />
      <PageBody>
        {reason && (flow.step === 'form' || flow.step === 'checking') ? (
          <Notice tone='info' title={reason.title} className='bm-ins-verify__reason'>
            {reason.text}
          </Notice>
        ) : null}

        {flow.step === 'checking' ? <StateView kind='loading' label='正在查询认证状态…' className='bm-ins-verify-loading' /> : null}

        {flow.step === 'live' && v ? (
          <Card className='bm-ins-verify__live'>
            <CardTitle>您已完成实名认证</CardTitle>
            <Text className='bm-ins-verify__who'>{`${v.nameMasked} · ${v.idNumberMasked}`}</Text>
            <Fineprint>{`${formatClock(v.expiresAt)} 前可直接查看社保信息。`}</Fineprint>
            <Button className='bm-ins-verify__continue' onPress={flow.proceed}>
              查看社保信息
            </Button>
            <Button variant='plain' className='bm-ins-verify__again' onPress={flow.restart}>
              用其他身份重新认证
            </Button>
          </Card>
        ) : null}

        {flow.step === 'waiting' ? (
          <Card className='bm-ins-verify__waiting'>
            <View role='status' ariaRole='status'>
              <CardTitle>正在等待人脸认证结果</CardTitle>
              <Fineprint>{`完成刷脸后回到这里，结果会自动显示。认证结果由社保服务向${FACE_PROVIDER_NAME}查询，不以手机上的显示为准。`}</Fineprint>
            </View>
            <Button className='bm-ins-verify__check' onPress={flow.checkNow}>
              我已完成，查看结果
            </Button>
            <Button variant='plain' className='bm-ins-verify__restart' onPress={flow.restart}>
              重新填写
            </Button>
          </Card>
        ) : null}

        {flow.step === 'failed' && v ? (
          <Card className='bm-ins-verify__failed'>
            <View role='alert' ariaRole='alert'>
              <CardTitle>{v.status === 'abandoned' ? '人脸认证未完成' : v.status === 'expired' ? '认证已过期' : '人脸认证未通过'}</CardTitle>
              <Text className='bm-ins-verify__failed-message'>{v.message ?? '人脸认证未通过，请重新认证。'}</Text>
              <Fineprint>未通过时不会显示任何社保信息。1 小时内失败 5 次后需等待一段时间才能再次认证。</Fineprint>
            </View>
            <Button className='bm-ins-verify__retry' onPress={flow.restart}>
              重新认证
            </Button>
          </Card>
        ) : null}

        {flow.step === 'form' ? (
          <>
            <Card className='bm-ins-verify__why' title='为什么要认证'>
              <Text className='bm-ins-verify__why-line'>· 社保缴费、账户余额属于敏感个人信息（《个人信息保护法》），只向本人展示。</Text>
              <Text className='bm-ins-verify__why-line'>{`· 刷脸确认是本人后，${VERIFICATION_TTL_MINUTES} 分钟内可查看，之后需重新认证。`}</Text>
              <Text className='bm-ins-verify__why-line'>· 每次查看都会记录时间和所用的认证，您可以在“查询记录”里看到。</Text>
              <Text className='bm-ins-verify__why-line'>· 身份证号只以加密摘要保存，不会写入日志。</Text>
            </Card>

            {flow.formError ? (
              <Notice tone='error' title={flow.formError.title} className='bm-ins-verify__form-error'>
                {flow.formError.message}
              </Notice>
            ) : null}

            <Card>
              <Field
                label='姓名'
                value={name}
                maxlength={30}
                placeholder='与身份证上一致'
                error={flow.errors.name}
                inputClassName='bm-ins-verify__name'
                errorClassName='bm-ins-verify__name-error'
                onInput={(v) => {
                  setName(v);
                  if (flow.errors.name) flow.clearError('name');
                }}
              />
              <Field
                label='身份证号'
                keyboard='idcard'
                value={idNumber}
                maxlength={22}
                placeholder='18 位居民身份证号'
                error={flow.errors.idNumber}
                inputClassName='bm-ins-verify__id'
                errorClassName='bm-ins-verify__id-error'
                onInput={(v) => {
                  setIdNumber(v);
                  if (flow.errors.idNumber) flow.clearError('idNumber');
                }}
                onConfirm={() => void flow.submit({ name, idNumber })}
              />
            </Card>

            <Button className='bm-ins-verify__submit' busy={flow.submitting} onPress={() => flow.submit({ name, idNumber })} label={flow.submitting ? '正在发起人脸认证' : '下一步：人脸认证'}>
              {flow.submitting ? '正在发起…' : '下一步：人脸认证'}
            </Button>
            <Fineprint className='bm-ins-verify__privacy'>{`人脸认证由${FACE_PROVIDER_NAME}完成，照片和视频不会传给便民。`}</Fineprint>
          </>
        ) : null}
      </PageBody>
    </Page>
  );
}
