import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Availability, ViolationGroup, ViolationView } from '@bianmin/core';
import { formatAge, formatDateTime, formatFen } from '@bianmin/core/format';
import { ApiError, callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { useServiceAvailability } from '../../../hooks/use-service-availability';
import { backTo } from '../../../back-to';
import { Button, Card, Fineprint, Notice, Page, PageBody, PageHeader, Phrases, pressable, RemoteStatus, StateView, StatusPill, TextAction } from '../../../ui';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { AvailabilityNotice } from '../../../components/availability-notice';
import { refusalOf, useRefusal } from '../../../components/availability-sheet/use-refusal';
import { OrdersLink } from '../../../payments/orders-link';
import { PATHS, violationUrl } from '../../flow';
import { groupSummary, STATUS_INFO, VIOLATION_RECORDS_NOTE } from '../../shared/format';
import { violationsHeader } from '../../shared/header';
import '../../shared/traffic.css';
import './index.css';

export default function Violations() {
  const router = useRouter();
  const vehicleId = router.params.vehicleId ?? '';
  const hours = useServiceAvailability(['traffic.query', 'traffic.pay']);
  const [hoursFor, setHoursFor] = useState<Availability | null>(null);
  const refusal = useRefusal();
  const list = useRemote(
    async () => {
      if (!vehicleId) throw new ApiError({ code: 'NOT_FOUND', message: '缺少车辆信息，请从“我的车辆”进入。', retryable: false });
      return callFunction('traffic', { action: 'violations', vehicleId });
    },
    { key: vehicleId },
  );
  const data = list.data;
  // Refused for the hours (02:00–04:00): said as a closed state with the reopen time, not as an error.
  const closedBy = !data ? refusalOf(list.error) : null;
  // The plate is ours, not the traffic police's: when they cannot answer, the title still names the car.
  const mine = useRemote(async () => (await callFunction('traffic', { action: 'vehicles' })).vehicles.find((v) => v.vehicleId === vehicleId) ?? null, {
    key: vehicleId,
    enabled: !data && Boolean(list.error),
    pullDown: false,
  });
  const header = violationsHeader({ vehicle: data?.vehicle ?? mine.data ?? null, asking: !data && !list.error, refused: Boolean(closedBy), failed: !data && Boolean(list.error) });
  const total = data ? data.groups.reduce((n, g) => n + g.count, 0) : 0;
  const payHours = hours.of('traffic.pay');

  return (
    <Page
      className='bm-traffic-violations'
      overlay={
        <>
          {hoursFor ? <AvailabilitySheet availability={hoursFor} serviceId={hoursFor.serviceId} visible onClose={() => setHoursFor(null)} /> : null}
          {refusal.sheet}
        </>
      }
    >
      <PageHeader title={header.title} subtitle={header.subtitle} />
      {/* The list starts with a group's title, not a card: below the band, never on it. */}
      <PageBody flush>
        {closedBy ? (
          <StateView
            kind='closed'
            className='bm-traffic-violations-closed'
            title={closedBy.state === 'maintenance' ? '违章查询系统维护中' : '违章查询暂不能办理'}
            message={closedBy.message}
            action={<TextAction label='查看办理时间' onPress={() => setHoursFor(closedBy)} />}
          />
        ) : !data && list.error?.code === 'NOT_FOUND' ? (
          <StateView
            kind='empty'
            className='bm-traffic-violations-missing'
            icon='!'
            title='没有找到这辆车'
            text={list.error.message}
            action={<Button onPress={() => void backTo(PATHS.vehicles)}>返回我的车辆</Button>}
          />
        ) : (
          <RemoteStatus remote={list} prefix='bm-traffic-violations' errorTitle='违法记录暂时查不到' loading={{ label: '正在向交警查询违法记录…', shape: 'cards', className: 'bm-traffic-violations-loading' }} />
        )}

        {data ? (
          <>
            {data.stale ? (
              <Notice tone='stale' title='交警系统暂时连不上' className='bm-traffic-violations__stale'>
                {`以下是 ${formatAge(data.ageSeconds)}查到的记录，可能不是最新。为免多缴或错缴，暂不能在线缴款，请稍后下拉刷新。`}
              </Notice>
            ) : null}
            <AvailabilityNotice name='罚款缴纳' availability={payHours} onDetails={payHours ? () => setHoursFor(payHours) : undefined} />

            {total === 0 ? (
              <StateView kind='empty' className='bm-traffic-violations-empty' icon='✓' title='暂无违法记录' text='交警系统里这辆车没有违法记录。保持安全驾驶！' />
            ) : (
              data.groups.map((g) => <Group key={g.key} group={g} vehicleId={vehicleId} />)
            )}
            <Fineprint className='bm-traffic-violations__freshness'>
              {`${data.recordsUpdatedAt ? `交警系统中这辆车的记录更新于 ${formatDateTime(data.recordsUpdatedAt)}。` : ''}${VIOLATION_RECORDS_NOTE}`}
            </Fineprint>
            <Fineprint className={`bm-traffic-violations__age ${data.stale ? 'bm-traffic-violations__age--stale' : ''}`}>
              {`数据${data.ageSeconds < 10 && !data.stale ? '刚刚更新' : `更新于 ${formatAge(data.ageSeconds)}`}（${formatDateTime(data.fetchedAt)}）`}
            </Fineprint>
          </>
        ) : null}
        <OrdersLink />
      </PageBody>
    </Page>
  );
}

function Group({ group: g, vehicleId }: { group: ViolationGroup; vehicleId: string }) {
  return (
    <View className={`bm-traffic-group bm-traffic-group--${g.key}`} data-group={g.key}>
      <View className='bm-traffic-group__head' role='heading' ariaRole='heading' aria-level='2'>
        <Text className='bm-traffic-group__title'>{g.title}</Text>
        <Text className='bm-traffic-group__summary'>{groupSummary(g)}</Text>
      </View>
      {g.violations.length === 0 ? (
        <Card className='bm-traffic-group__none'>
          <Fineprint>{g.key === 'todo' ? '没有待处理的记录' : g.key === 'payable' ? '没有待缴的罚款' : '还没有已完成的记录'}</Fineprint>
        </Card>
      ) : (
        g.violations.map((v) => <Item key={v.violationId} v={v} onOpen={() => void Taro.navigateTo({ url: violationUrl(vehicleId, v.violationId) })} />)
      )}
    </View>
  );
}

function Item({ v, onOpen }: { v: ViolationView; onOpen(): void }) {
  const s = STATUS_INFO[v.status];
  const due = v.status === 'decided' && v.today ? v.today : null;
  const spoken = [
    v.description,
    s.label,
    formatDateTime(v.occurredAt),
    v.place,
    `罚款 ${formatFen(v.fine)}`,
    `记 ${v.points} 分`,
    due ? `今日应缴 ${formatFen(due.amountDue)}` : '',
    v.paidAmount !== undefined ? `已缴 ${formatFen(v.paidAmount)}` : '',
    due && due.overdueDays > 0 ? due.note : '',
  ]
    .filter(Boolean)
    .join('，');
  return (
    <View className='bm-card bm-traffic-item bm-focusable' data-violation-id={v.violationId} {...pressable(onOpen)} ariaLabel={spoken} hoverClass='bm-pressed'>
      <View className='bm-traffic-item__head'>
        <Text className='bm-traffic-item__what'>{v.description}</Text>
        <StatusPill tone={s.tone}>{s.label}</StatusPill>
      </View>
      <Text className='bm-traffic-item__meta'>
        {formatDateTime(v.occurredAt)} · {v.place}
      </Text>
      <View className='bm-traffic-item__money'>
        <Phrases parts={[`罚款 ${formatFen(v.fine)}`, `记 ${v.points} 分`]} />
        {due ? <Text className='bm-traffic-item__amount'>今日应缴 {formatFen(due.amountDue)}</Text> : null}
        {v.paidAmount !== undefined ? <Text className='bm-traffic-item__paid'>已缴 {formatFen(v.paidAmount)}</Text> : null}
      </View>
      {due && due.overdueDays > 0 ? <Text className='bm-traffic-item__meta bm-traffic-item__late'>{due.note}</Text> : null}
    </View>
  );
}
