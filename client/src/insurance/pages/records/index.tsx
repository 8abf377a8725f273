import { useState } from 'react';
import { formatDate, formatFen, formatMonth } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Availability, InsuranceRecords, InsuranceType, MonthRecord } from '@bianmin/core';
import { INSURANCE_NAMES, INSURANCE_TYPES } from '@bianmin/core/insurance-terms';
import { callFunction } from '../../../api';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { refusalOf } from '../../../components/availability-sheet/use-refusal';
import { Card, CardTitle, Page, PageHeader, pressable, StateView } from '../../../ui';
import { groupByYear, MONTH_LOOK, monthLabel, yearSummary } from '../../shared/format';
import { currentUrl, isInsuranceType, PATHS } from '../../shared/nav';
import { useInsuranceRemote } from '../../shared/use-insurance';
import { DataAge, InsuranceRemoteStatus, StatusPill, VerificationLine } from '../../shared/ui';
import '../../shared/insurance.css';
import './index.css';

export default function RecordsPage() {
  const router = useRouter();
  const [insurance, setInsurance] = useState<InsuranceType>(isInsuranceType(router.params.insurance) ? router.params.insurance : 'pension');
  const { remote, refusalSheet } = useInsuranceRemote(() => callFunction('insurance', { action: 'records', insurance }), {
    key: insurance,
    returnTo: currentUrl(PATHS.records, { insurance }),
  });
  const [hours, setHours] = useState<Availability | null>(null);
  // A tab's answer arriving late must not be shown under another tab.
  const data = remote.data?.insurance === insurance ? remote.data : null;


  return (
    <Page
      className='bm-ins-page bm-ins-records'
      overlay={
        <>
          {refusalSheet}
          {hours ? <AvailabilitySheet availability={hours} serviceId='insurance.query' visible onClose={() => setHours(null)} /> : null}
        </>
      }
    >
      <PageHeader title='缴费记录' subtitle='按险种和年份查看，最近的在前' />
      <View className='bm-ins-body'>
        <View className='bm-ins-tabs' role='tablist' ariaRole='tablist' ariaLabel='选择险种'>
          {INSURANCE_TYPES.map((t) => (
            <View
              key={t}
              className={`bm-ins-tab bm-focusable ${t === insurance ? 'bm-ins-tab--active' : ''}`}
              {...pressable(() => setInsurance(t), { role: 'tab' })}
              aria-selected={t === insurance}
              ariaLabel={INSURANCE_NAMES[t]}
              data-insurance={t}
              hoverClass='bm-ins-pressed'
            >
              {INSURANCE_NAMES[t].replace('保险', '')}
            </View>
          ))}
        </View>

        <InsuranceRemoteStatus
          remote={{ ...remote, data }}
          prefix='bm-ins-records'
          errorTitle='缴费记录暂时查不到'
          loading={`正在查询${INSURANCE_NAMES[insurance]}缴费记录…`}
          onHours={() => setHours(refusalOf(remote.error))}
        />

        {data ? <RecordsBody data={data} /> : null}
      </View>
    </Page>
  );
}

function RecordsBody({ data }: { data: InsuranceRecords }) {
  const years = groupByYear(data.months);
  return (
    <>
      <DataAge age={data} />
      <Card className='bm-ins-records__totals'>
        <CardTitle>{`${data.name} · ${formatMonth(data.from)} 至 ${formatMonth(data.to)}`}</CardTitle>
        <View className='bm-ins-records__total-grid'>
          <Total label='已缴月数' value={`${data.totals.paidMonths} 个月`} className='bm-ins-records__paid-months' />
          <Total label='个人缴纳合计' value={formatFen(data.totals.personal)} className='bm-ins-records__personal' />
          <Total label='单位缴纳合计' value={formatFen(data.totals.employer)} className='bm-ins-records__employer' />
        </View>
        <Text className='bm-ins-fineprint'>合计按社保局记账，含补缴，不含欠缴和断缴月份。</Text>
      </Card>
      <VerificationLine expiresAt={data.verification.expiresAt} />

      {data.payments && data.payments.length > 0 ? (
        <Card className='bm-ins-records__payments' title='养老金发放记录'>
          {data.payments.map((p) => (
            <View key={p.month} className='bm-ins-payment' ariaLabel={`${formatMonth(p.month)}养老金 ${formatFen(p.amount)}，${formatDate(p.paidOn)}发放`}>
              <Text className='bm-ins-payment__month'>{formatMonth(p.month)}</Text>
              <Text className='bm-ins-payment__paid-on'>{`${formatDate(p.paidOn)}发放`}</Text>
              <Text className='bm-ins-payment__amount'>{formatFen(p.amount)}</Text>
            </View>
          ))}
        </Card>
      ) : null}

      {years.length === 0 ? (
        <StateView
          kind='empty'
          icon='—'
          className='bm-ins-records-empty'
          title='这段时间没有缴费记录'
          text={data.payments?.length ? '已退休，不再缴纳养老保险，上面是养老金发放记录。' : '这段时间内该险种没有需要缴费的月份（例如退休后不再缴纳）。'}
        />
      ) : (
        years.map((y) => (
          <Card key={y.year} className='bm-ins-year'>
            <View className='bm-ins-year__head' data-year={y.year}>
              <CardTitle>{`${y.year}年`}</CardTitle>
              <Text className='bm-ins-year__summary'>{yearSummary(y.totals)}</Text>
            </View>
            {y.months.map((m) => (
              <MonthRow key={m.month} month={m} />
            ))}
          </Card>
        ))
      )}
    </>
  );
}

function Total({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`bm-ins-total ${className}`}>
      <Text className='bm-ins-total__label'>{label}</Text>
      <Text className='bm-ins-total__value'>{value}</Text>
    </View>
  );
}

function MonthRow({ month: m }: { month: MonthRecord }) {
  const look = MONTH_LOOK[m.status];
  return (
    <View className={`bm-ins-month bm-ins-month--${m.status}`} data-month={m.month} data-status={m.status} ariaLabel={monthLabel(m)}>
      <View className='bm-ins-month__head'>
        <Text className='bm-ins-month__month'>{formatMonth(m.month)}</Text>
        <StatusPill tone={look.tone} icon={look.icon} className='bm-ins-month__status'>
          {look.label}
        </StatusPill>
      </View>
      {m.status === 'gap' ? (
        <Text className='bm-ins-month__gap'>这个月没有缴费记录（断缴）</Text>
      ) : (
        <>
          {m.base !== undefined ? (
            <View className='bm-ins-month__amounts'>
              <Text className='bm-ins-month__amount'>{`基数 ${formatFen(m.base)}`}</Text>
              <Text className='bm-ins-month__amount'>{`单位 ${formatFen(m.employer ?? 0)}`}</Text>
              <Text className='bm-ins-month__amount bm-ins-month__personal'>{`个人 ${formatFen(m.personal ?? 0)}`}</Text>
            </View>
          ) : null}
          {m.employerName || (m.status === 'backpaid' && m.paidOn) ? (
            <Text className='bm-ins-month__employer'>
              {[m.employerName, m.status === 'backpaid' && m.paidOn ? `${formatDate(m.paidOn)}补缴` : ''].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </>
      )}
    </View>
  );
}
