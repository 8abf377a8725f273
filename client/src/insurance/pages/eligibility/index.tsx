import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Availability, EligibilityResult } from '@bianmin/core';
import { formatDate, formatDateTime } from '@bianmin/core/format';
import { callFunction, toApiError } from '../../../api';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { refusalOf } from '../../../components/availability-sheet/use-refusal';
import { Button, Card, COLORS, Fineprint, Notice, Page, PageBody, PageHeader, Row, StatusPill } from '../../../ui';
import { eligibilityUrl, PATHS, verifyUrl } from '../../flow';
import { useInsuranceRemote } from '../../shared/use-insurance';
import { InsuranceRemoteStatus } from '../../shared/ui';
import { eligibilitySentence, offersCheck } from './words';
import '../../shared/insurance.css';
import './index.css';

type Required = Extract<EligibilityResult, { required: true }>;

const TONE = { ok: 'ok', due: 'warn', overdue: 'danger', suspended: 'danger' } as const;

/**
 * 养老金待遇资格认证: when it is due, and doing it here. The check is a face verification of the
 * retiree: a live one (passed, within its 30 minutes) is posted to the bureau as this year's
 * check; otherwise the verify step runs first and comes back here (`check=1`) to post it.
 */
export default function EligibilityPage() {
  const router = useRouter();
  const back = router.params.check === '1';
  const remote = useInsuranceRemote(() => callFunction('insurance', { action: 'eligibility' }), { returnTo: PATHS.eligibility });
  const [hours, setHours] = useState<Availability | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const e = remote.data;
  const posted = useRef(false);

  const check = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { verification } = await callFunction('insurance', { action: 'verification' });
      if (!verification || verification.status !== 'passed') {
        void Taro.redirectTo({ url: verifyUrl(eligibilityUrl(true), 'check') });
        return;
      }
      const r = await callFunction('insurance', { action: 'eligibilityCheck', verificationId: verification.verificationId });
      remote.update(() => r.eligibility);
      setDone(r.checkNo);
    } catch (err) {
      const a = toApiError(err);
      if (a.code === 'VERIFICATION_REQUIRED') void Taro.redirectTo({ url: verifyUrl(eligibilityUrl(true), 'check') });
      else setError(a.message);
    } finally {
      setBusy(false);
    }
  };

  // Back from the face check started for this: post it once.
  useEffect(() => {
    if (back && e?.required && !posted.current) {
      posted.current = true;
      void check();
    }
  });

  const confirmCheck = async () => {
    const { confirm } = await Taro.showModal({
      title: '刷脸完成本年度认证',
      content: '将用您本人的人脸认证结果向市社保局提交本年度养老金待遇资格认证。如您刚完成过人脸认证（30 分钟内），将直接使用该结果。',
      confirmText: '开始认证',
      cancelText: '取消',
      confirmColor: COLORS.primary,
    });
    if (confirm) await check();
  };

  return (
    <Page className='bm-ins-eligibility' overlay={hours ? <AvailabilitySheet availability={hours} serviceId='insurance.query' visible onClose={() => setHours(null)} /> : null}>
      <PageHeader title='养老金待遇资格认证' subtitle='领取养老金的人员每 12 个月需认证一次' />
      <PageBody>
        <InsuranceRemoteStatus remote={remote} prefix='bm-ins-eligibility' errorTitle='认证状态暂时查不到' loading='正在向社保局查询认证状态…' onHours={() => setHours(refusalOf(remote.error))} />
        {e && !e.required ? <Notice tone='info' title='无需认证' className='bm-ins-eligibility__none'>{e.message}</Notice> : null}
        {e && e.required ? <Status e={e} /> : null}
        {done ? (
          <Notice tone='info' title='认证已提交' className='bm-ins-eligibility__done'>
            {`社保局已记录本年度认证，回执号 ${done}。`}
          </Notice>
        ) : null}
        {error ? (
          <Notice tone='error' title='认证没有提交' className='bm-ins-eligibility__error'>
            {error}
          </Notice>
        ) : null}
        {e && e.required && offersCheck(e) && !done ? (
          <Button className='bm-ins-eligibility__check' onPress={confirmCheck} busy={busy} label='刷脸完成本年度认证'>
            刷脸完成本年度认证
          </Button>
        ) : null}
        <Fineprint className='bm-ins-eligibility__note'>老人也可由亲友陪同，到社区工作站或社保窗口认证。认证结果以市社保局记录为准。</Fineprint>
      </PageBody>
    </Page>
  );
}

function Status({ e }: { e: Required }) {
  return (
    <Card className={`bm-ins-eligibility__status bm-ins-eligibility__status--${e.status}`}>
      <View className='bm-ins-eligibility__head'>
        <Text className='bm-ins-eligibility__title'>本年度认证</Text>
        <StatusPill tone={TONE[e.status]} status={e.status}>
          {e.statusName}
        </StatusPill>
      </View>
      <Text className='bm-ins-eligibility__sentence'>{eligibilitySentence(e)}</Text>
      <Row label='认证截止日' value={formatDate(e.dueBy)} />
      <Row label='上次认证' value={`${formatDate(e.lastCheckedOn)}（${e.lastCheckedBy}）`} />
      {e.stale ? <Text className='bm-ins-eligibility__stale'>{`社保系统暂时连不上，以上为 ${formatDateTime(e.fetchedAt)} 的查询结果。`}</Text> : null}
    </Card>
  );
}
