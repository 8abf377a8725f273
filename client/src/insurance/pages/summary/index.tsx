import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Availability, InsuranceSummary, InsuranceView } from '@bianmin/core';
import { formatFen, formatMonth } from '@bianmin/core/format';
import { callFunction } from '../../../api';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { refusalOf } from '../../../components/availability-sheet/use-refusal';
import { Button, Card, CardTitle, Fineprint, LinkRow, Page, PageBody, PageHeader, pressable, Row, StateView, StatusPill } from '../../../ui';
import { PATHS, recordsUrl, verifyUrl } from '../../flow';
import { formatYearsMonths, insuranceStanding } from '../../shared/format';
import { useInsuranceRemote } from '../../shared/use-insurance';
import { DataAge, InsuranceRemoteStatus, VerificationLine } from '../../shared/ui';
import '../../shared/insurance.css';
import './index.css';

const SERVICE_ID = 'insurance.query';

export default function SummaryPage() {
  const remote = useInsuranceRemote(() => callFunction('insurance', { action: 'summary' }), { returnTo: PATHS.summary });
  const [hours, setHours] = useState<Availability | null>(null);
  const data = remote.data;
  const unknown = !data && remote.error?.code === 'NOT_FOUND';

  return (
    <Page className='bm-ins-summary' overlay={hours ? <AvailabilitySheet availability={hours} serviceId={SERVICE_ID} visible onClose={() => setHours(null)} /> : null}>
      <PageHeader title='我的社保' subtitle={data?.retirement ? '养老金、个人账户和参保状态' : '参保状态、个人账户和缴费年限'} />
      <PageBody>
        {unknown ? (
          <StateView
            kind='empty'
            icon='?'
            className='bm-ins-summary-unknown'
            title='未查到参保记录'
            text={`${remote.error!.message}\n如果刚参加工作，单位首次参保后约 1 个月可查到。也可以换一个身份重新认证。`}
            action={
              <Button variant='secondary' className='bm-ins-summary-unknown__verify' onPress={() => void Taro.redirectTo({ url: verifyUrl(PATHS.summary, 'other') })}>
                用其他身份认证
              </Button>
            }
          />
        ) : (
          <InsuranceRemoteStatus remote={remote} prefix='bm-ins-summary' errorTitle='社保信息暂时查不到' loading='正在向社保局查询…' onHours={() => setHours(refusalOf(remote.error))} />
        )}

        {data ? <SummaryBody data={data} /> : null}
      </PageBody>
    </Page>
  );
}

function SummaryBody({ data }: { data: InsuranceSummary }) {
  const retired = data.retirement;
  return (
    <>
      {/* A retiree's first question is the pension: it leads, before the record of contributions. */}
      {retired ? (
        <Card className='bm-ins-summary__retirement' title='养老金'>
          <Row label='每月养老金' value={formatFen(retired.monthlyPension)} tone='strong' className='bm-ins-summary__monthly-pension' />
          <Row label='退休时间' value={formatMonth(retired.retiredOn)} />
          <Fineprint>已退休，按月领取养老金，不再缴纳养老保险。</Fineprint>
          <LinkRow className='bm-ins-summary__payments' label='养老金发放记录' onPress={() => void Taro.navigateTo({ url: recordsUrl('pension') })} />
        </Card>
      ) : null}

      <Holder data={data} />

      <DataAge age={data} />
      <VerificationLine expiresAt={data.verification.expiresAt} />

      <Card className='bm-ins-summary__accounts' title='个人账户'>
        <Row label='养老保险个人账户' value={formatFen(data.balances.pension)} tone='strong' className='bm-ins-summary__pension' />
        <Row label='医疗保险个人账户' value={formatFen(data.balances.medical)} tone='strong' className='bm-ins-summary__medical' />
        <Row label={retired ? '累计缴费年限' : '养老保险累计缴费'} value={formatYearsMonths(data.totalMonths)} tone='strong' className='bm-ins-summary__years' />
        <Fineprint>{`共 ${data.totalMonths} 个月。个人账户余额以社保局记账为准。`}</Fineprint>
      </Card>

      <Card className='bm-ins-summary__insurances'>
        <CardTitle>五险参保状态</CardTitle>
        {data.insurances.map((i) => (
          <InsuranceRow key={i.type} insurance={i} />
        ))}
      </Card>

      <LinkRow className='bm-ins-summary__access' label='查询记录' detail='谁在什么时候查看了我的社保信息' onPress={() => void Taro.navigateTo({ url: PATHS.access })} />
    </>
  );
}

function Holder({ data }: { data: InsuranceSummary }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <Card className='bm-ins-summary__holder'>
      <View className='bm-ins-summary__holder-head'>
        <Text className='bm-ins-summary__name'>{data.holder.nameMasked}</Text>
        <StatusPill tone={data.insured ? 'ok' : 'muted'} icon={data.insured ? '✓' : '■'} className='bm-ins-summary__insured'>
          {data.retirement ? '已退休 · 领取养老金' : data.insured ? `${data.city}参保` : '未参保'}
        </StatusPill>
      </View>
      <View className='bm-ins-summary__id-row'>
        <View className='bm-ins-summary__id' ariaLabel={revealed ? `身份证号 ${data.holder.idNumber}` : `身份证号 ${data.holder.idNumberMasked}，已隐藏部分数字`}>
          {revealed ? data.holder.idNumber : data.holder.idNumberMasked}
        </View>
        <View className='bm-ins-summary__reveal bm-focusable' {...pressable(() => setRevealed((r) => !r))} ariaLabel={revealed ? '隐藏完整身份证号' : '显示完整身份证号'} hoverClass='bm-pressed'>
          {revealed ? '隐藏' : '显示'}
        </View>
      </View>
      {data.currentEmployer ? <Row label='当前参保单位' value={data.currentEmployer} /> : null}
    </Card>
  );
}

function InsuranceRow({ insurance: i }: { insurance: InsuranceView }) {
  const standing = insuranceStanding(i);
  return (
    <View
      className='bm-ins-insurance bm-focusable'
      data-insurance={i.type}
      {...pressable(() => void Taro.navigateTo({ url: recordsUrl(i.type) }))}
      ariaLabel={`${i.name}，${standing.label}，${standing.detail}，查看缴费记录`}
      hoverClass='bm-pressed'
    >
      <View className='bm-ins-insurance__text'>
        <Text className='bm-ins-insurance__name'>{i.name}</Text>
        <Text className='bm-ins-insurance__since'>{standing.detail}</Text>
      </View>
      <StatusPill tone={standing.tone} icon={standing.icon} className='bm-ins-insurance__status'>
        {standing.label}
      </StatusPill>
      <Text className='bm-ins-insurance__chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  );
}
