import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Availability, InsuranceRecords, InsuranceType, MonthRecord } from '@bianmin/core';
import { formatDate, formatFen, formatMonth, formatMonthRange } from '@bianmin/core/format';
import { INSURANCE_NAMES, INSURANCE_TYPES } from '@bianmin/core/insurance-terms';
import { callFunction, toApiError } from '../../../api';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { refusalOf } from '../../../components/availability-sheet/use-refusal';
import { Button, Card, CardTitle, Fineprint, Notice, Page, PageBody, PageHeader, Phrases, StateView, StatusPill, Tabs } from '../../../ui';
import { currentUrl, isInsuranceType, PATHS } from '../../flow';
import { earlierWindow, groupByYear, MONTH_LOOK, monthLabel, yearNote, yearSummaryParts } from '../../shared/format';
import { useInsuranceRemote } from '../../shared/use-insurance';
import { DataAge, InsuranceRemoteStatus, VerificationLine } from '../../shared/ui';
import '../../shared/insurance.css';
import './index.css';

const TABS = INSURANCE_TYPES.map((t) => ({ id: t, name: INSURANCE_NAMES[t].replace('保险', '') }));

export default function RecordsPage() {
  const router = useRouter();
  const [insurance, setInsurance] = useState<InsuranceType>(isInsuranceType(router.params.insurance) ? router.params.insurance : 'pension');
  const remote = useInsuranceRemote(() => callFunction('insurance', { action: 'records', insurance }), { key: insurance, returnTo: currentUrl(PATHS.records, { insurance }) });
  const [hours, setHours] = useState<Availability | null>(null);
  // A tab's answer arriving late must not be shown under another tab.
  const data = remote.data?.insurance === insurance ? remote.data : null;

  return (
    <Page className='bm-ins-records' overlay={hours ? <AvailabilitySheet availability={hours} serviceId='insurance.query' visible onClose={() => setHours(null)} /> : null}>
      <PageHeader title='缴费记录' subtitle='按险种和年份查看，最近的在前，可查看更早的年份' />
      <PageBody>
        <Tabs<InsuranceType> label='选择险种' className='bm-ins-tabs' tabs={TABS} value={insurance} onChange={setInsurance} />

        <InsuranceRemoteStatus
          remote={{ ...remote, data }}
          prefix='bm-ins-records'
          errorTitle='缴费记录暂时查不到'
          loading={`正在查询${INSURANCE_NAMES[insurance]}缴费记录…`}
          onHours={() => setHours(refusalOf(remote.error))}
        />

        {data ? <RecordsBody key={`${insurance}:${data.from}:${data.fetchedAt}`} first={data} /> : null}
      </PageBody>
    </Page>
  );
}

/** The records shown: the first window, then any earlier ones the resident asked for, a window at a time. */
function RecordsBody({ first }: { first: InsuranceRecords }) {
  const [earlier, setEarlier] = useState<InsuranceRecords[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setEarlier([]), [first]);
  const windows = [first, ...earlier];
  const oldest = windows[windows.length - 1]!;
  const next = earlierWindow(oldest.from, first.startMonth, first.contributionsEndMonth);
  const months = windows.flatMap((w) => w.months);
  const years = groupByYear(months);
  const totals = windows.reduce((t, w) => ({ employer: t.employer + w.totals.employer, personal: t.personal + w.totals.personal, paidMonths: t.paidMonths + w.totals.paidMonths }), { employer: 0, personal: 0, paidMonths: 0 });
  const from = months.length ? months[months.length - 1]!.month : oldest.from;
  const to = months.length ? months[0]!.month : first.to;
  const retired = first.contributionsEndMonth && first.contributionsEndMonth < first.from;

  const loadEarlier = async () => {
    if (!next || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await callFunction('insurance', { action: 'records', insurance: first.insurance, ...next });
      setEarlier((e) => [...e, r]);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* A retiree reads the pension first; the contributions that earned it come after. */}
      {first.payments && first.payments.length > 0 ? (
        <Card className='bm-ins-records__payments' title='养老金发放记录'>
          {first.payments.map((p) => (
            <View key={p.month} className='bm-ins-payment' ariaLabel={`${formatMonth(p.month)}养老金 ${formatFen(p.amount)}，${formatDate(p.paidOn)}发放`}>
              <Text className='bm-ins-payment__month'>{formatMonth(p.month)}</Text>
              <Text className='bm-ins-payment__paid-on'>{`${formatDate(p.paidOn)}发放`}</Text>
              <Text className='bm-ins-payment__amount'>{formatFen(p.amount)}</Text>
            </View>
          ))}
        </Card>
      ) : null}

      <DataAge age={first} />

      {retired && months.length === 0 ? (
        <Notice tone='info' title={`${formatMonth(first.contributionsEndMonth!)}后不再缴费`} className='bm-ins-records__retired'>
          {first.payments?.length ? '已退休，领取养老金，不再缴纳养老保险。退休前的缴费记录可在下方查看。' : `${first.name}缴至${formatMonth(first.contributionsEndMonth!)}，之后不再缴费。退休前的缴费记录可在下方查看。`}
        </Notice>
      ) : (
        <Card className='bm-ins-records__totals'>
          <CardTitle>
            <Phrases parts={[first.name, formatMonthRange(from, to)]} />
          </CardTitle>
          <View className='bm-ins-records__total-grid'>
            <Total label='已缴月数' value={`${totals.paidMonths} 个月`} className='bm-ins-records__paid-months' />
            <Total label='个人缴纳合计' value={formatFen(totals.personal)} className='bm-ins-records__personal' />
            <Total label='单位缴纳合计' value={formatFen(totals.employer)} className='bm-ins-records__employer' />
          </View>
          <Fineprint>合计按社保局记账，含补缴（灵活就业补缴计入个人），不含欠缴和断缴月份。</Fineprint>
        </Card>
      )}
      <VerificationLine expiresAt={first.verification.expiresAt} />

      {years.length === 0 && !retired ? (
        <StateView kind='empty' icon='—' className='bm-ins-records-empty' title='这段时间没有缴费记录' text='这段时间内该险种没有需要缴费的月份。' />
      ) : (
        years.map((y) => (
          <Card key={y.year} className='bm-ins-year'>
            <View className='bm-ins-year__head' data-year={y.year}>
              <CardTitle>{`${y.year}年`}</CardTitle>
              <Phrases className='bm-ins-year__summary' parts={[yearNote(y.year, first), ...yearSummaryParts(y.totals)]} />
            </View>
            {y.months.map((m) => (
              <MonthRow key={m.month} month={m} />
            ))}
          </Card>
        ))
      )}

      {error ? (
        <Notice tone='error' title='更早的记录暂时查不到' className='bm-ins-records__earlier-error'>
          {error}
        </Notice>
      ) : null}
      {next ? (
        <Button variant='secondary' className='bm-ins-records__earlier' busy={busy} onPress={loadEarlier} label={busy ? '正在查询' : `查看更早的记录（${next.from.slice(0, 4)}–${next.to.slice(0, 4)} 年），${formatMonthRange(next.from, next.to)}`}>
          {busy ? '正在查询…' : `查看更早的记录（${next.from.slice(0, 4)}–${next.to.slice(0, 4)} 年）`}
        </Button>
      ) : (
        <Fineprint className='bm-ins-records__start'>{`${formatMonth(first.startMonth)}首次参保，之前没有缴费记录。`}</Fineprint>
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
  const self = m.payer === 'self';
  return (
    <View className={`bm-ins-month bm-ins-month--${m.status}`} data-month={m.month} data-status={m.status} ariaLabel={monthLabel(m)}>
      <View className='bm-ins-month__head'>
        <Text className='bm-ins-month__month'>{formatMonth(m.month)}</Text>
        <StatusPill tone={look.tone} icon={look.icon} className='bm-ins-month__status' status={m.status}>
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
              {/* 灵活就业: no employer; the person paid both parts, and the page never calls it 单位 money. */}
              {self ? null : <Text className='bm-ins-month__amount'>{`单位 ${formatFen(m.employer ?? 0)}`}</Text>}
              <Text className='bm-ins-month__amount bm-ins-month__personal'>{`个人 ${formatFen(m.personal ?? 0)}`}</Text>
            </View>
          ) : null}
          {m.employerName || (m.status === 'backpaid' && m.paidOn) || self ? (
            <Text className='bm-ins-month__employer'>
              {[m.employerName, self ? '全部由个人缴纳' : '', m.status === 'backpaid' && m.paidOn ? `${formatDate(m.paidOn)}补缴` : ''].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </>
      )}
    </View>
  );
}
