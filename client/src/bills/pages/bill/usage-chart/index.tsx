import { Text, View } from '@tarojs/components';
import { formatAge, formatFen, formatMonth } from '@bianmin/core/format';
import type { UsageResult, UtilityKind } from '@bianmin/core';
import { useLargeFont } from '../../../../a11y/large-font';
import { callFunction } from '../../../../api';
import { useRemote } from '../../../../hooks/use-remote';
import { Card, Fineprint, RemoteStatus } from '../../../../ui';
import { barLabel, monthLabel, percent, scaleMax, summary, thresholdLabel, unitWord, usageVerb } from './describe';
import './index.css';

/**
 * The household's last 12 months at a glance: bars made of views with CSS heights (no chart
 * library: nothing added to the package), the tier step marked as a line, one screen-reader
 * sentence per bar. In large-font mode the months become rows with bars across, wide enough to
 * read. Its own request (one department call, cached), so a slow history never holds the bill up.
 */
export function UsageChart({ bindingId, kind }: { bindingId: string; kind: UtilityKind }) {
  const { largeFont } = useLargeFont();
  const usage = useRemote(() => callFunction('bills', { action: 'usage', bindingId }), { key: bindingId });
  const data = usage.data;
  const verb = usageVerb(kind);

  return (
    <Card className='bm-bills-usage' title={`近 12 个月${verb}`}>
      <RemoteStatus remote={usage} prefix='bm-bills-usage' errorTitle={`${verb}记录暂时查不到`} loading={{ label: `正在查询近 12 个月${verb}…`, count: 1, className: 'bm-bills-usage-loading' }} />
      {data && data.months.length === 0 ? <Fineprint className='bm-bills-usage__empty'>缴费单位还没有这户的用量记录。</Fineprint> : null}
      {data && data.months.length > 0 ? <Chart data={data} kind={kind} largeFont={largeFont} /> : null}
    </Card>
  );
}

function Chart({ data, kind, largeFont }: { data: UsageResult; kind: UtilityKind; largeFont: boolean }) {
  const max = scaleMax(data.months, data.threshold);
  const latest = data.months[data.months.length - 1];
  const unit = unitWord(data.unit);
  const threshold = data.threshold ? { at: percent(data.threshold.value, max), label: thresholdLabel(data.unit, data.threshold) } : null;
  const first = data.months[0];

  return (
    <View className={`bm-bills-usage__chart ${largeFont ? 'bm-bills-usage__chart--rows' : 'bm-bills-usage__chart--bars'}`}>
      <Text className='bm-bills-usage__summary'>{summary(kind, data.unit, data.months)}</Text>
      {data.stale ? <Text className='bm-bills-usage__stale'>{`以下是 ${formatAge(data.ageSeconds)}查到的记录，缴费单位暂时连不上`}</Text> : null}
      {largeFont ? (
        <View className='bm-bills-usage__rows' role='list' ariaRole='list' ariaLabel={`近 12 个月${usageVerb(kind)}`}>
          {data.months.map((m) => (
            <View
              key={m.period}
              className={`bm-bills-usage__row ${m === latest ? 'bm-bills-usage__row--latest' : ''}`}
              role='listitem'
              ariaRole='listitem'
              ariaLabel={barLabel(kind, data.unit, m)}
              data-period={m.period}
            >
              <View className='bm-bills-usage__row-head' aria-hidden='true'>
                <Text className='bm-bills-usage__row-month'>{formatMonth(m.period)}</Text>
                <Text className='bm-bills-usage__row-usage'>
                  {m.usage} {unit}
                </Text>
                <Text className='bm-bills-usage__row-amount'>{formatFen(m.amount)}</Text>
              </View>
              <View className='bm-bills-usage__track' aria-hidden='true'>
                <View className='bm-bills-usage__fill' style={{ width: percent(m.usage, max) }} />
                {threshold ? <View className='bm-bills-usage__threshold bm-bills-usage__threshold--across' style={{ left: threshold.at }} /> : null}
              </View>
            </View>
          ))}
        </View>
      ) : (
        <>
        {threshold ? (
          // The line's words sit above the plot, beside a sample of the line, never on the bars:
          // a label over the columns hid the tops of the months above the step.
          <View className='bm-bills-usage__legend' aria-hidden='true'>
            <View className='bm-bills-usage__legend-line' />
            <Text className='bm-bills-usage__threshold-label'>{threshold.label}</Text>
          </View>
        ) : null}
        <View className='bm-bills-usage__plot'>
          <View className='bm-bills-usage__bars' role='list' ariaRole='list' ariaLabel={`近 12 个月${usageVerb(kind)}`}>
            {data.months.map((m) => (
              <View
                key={m.period}
                className={`bm-bills-usage__bar ${m === latest ? 'bm-bills-usage__bar--latest' : ''}`}
                role='listitem'
                ariaRole='listitem'
                ariaLabel={barLabel(kind, data.unit, m)}
                data-period={m.period}
              >
                <View className='bm-bills-usage__column' aria-hidden='true'>
                  <View className='bm-bills-usage__fill' style={{ height: percent(m.usage, max) }} />
                </View>
                <Text className='bm-bills-usage__month' aria-hidden='true'>
                  {monthLabel(m.period)}
                </Text>
              </View>
            ))}
          </View>
          {threshold ? (
            // A layer exactly over the columns (not their month labels), so that the line's
            // percentage is the bars' own scale.
            <View className='bm-bills-usage__layer' aria-hidden='true'>
              <View className='bm-bills-usage__threshold bm-bills-usage__threshold--up' style={{ bottom: threshold.at }} />
            </View>
          ) : null}
        </View>
        </>
      )}
      <Fineprint className='bm-bills-usage__caption'>
        {`${formatMonth(first.period)}至${formatMonth(latest.period)}，最近一个月${usageVerb(kind)} ${latest.usage} ${unit}，${formatFen(latest.amount)}。`}
        {threshold ? `${threshold.label}${largeFont ? '（竖线）' : '（虚线）'}。` : ''}
      </Fineprint>
    </View>
  );
}
