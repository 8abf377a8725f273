import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Availability, ViolationGroup, ViolationView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/money';
import { ApiError, callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, Notice, Page, PageHeader, pressable, RemoteStatus, StateView } from '../../../ui';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { refusalOf, useRefusal } from '../../../components/availability-sheet/use-refusal';
import { useTrafficAvailability } from '../../shared/availability';
import { formatAge, formatDateTime, groupSummary, STATUS_INFO, VIOLATION_RECORDS_NOTE } from '../../shared/format';
import { backTo, PATHS, violationUrl } from '../../shared/nav';
import { AvailabilityNotice, OrdersLink, Pill } from '../../shared/ui';
import '../../shared/traffic.css';
import './index.css';

export default function Violations() {
  const router = useRouter();
  const vehicleId = router.params.vehicleId ?? '';
  const hours = useTrafficAvailability();
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
  const total = data ? data.groups.reduce((n, g) => n + g.count, 0) : 0;

  return (
    <Page
      className='traffic-page traffic-violations'
      overlay={
        <>
          {hoursFor ? <AvailabilitySheet availability={hoursFor} serviceId={hoursFor.serviceId} visible onClose={() => setHoursFor(null)} /> : null}
          {refusal.sheet}
        </>
      }
    >
      <PageHeader
        title={data ? `${data.vehicle.plateMasked} 违法记录` : '违法记录'}
        subtitle={data ? `${data.vehicle.plateKindName} · ${data.vehicle.label || data.vehicle.vehicleType}` : '正在向交警查询…'}
      />
      <View className='traffic-body'>
        {closedBy ? (
          <StateView
            kind='closed'
            className='traffic-violations-closed'
            title={closedBy.state === 'maintenance' ? '违章查询系统维护中' : '违章查询暂不能办理'}
            message={closedBy.message}
            action={<Button onPress={() => setHoursFor(closedBy)}>查看办理时间</Button>}
          />
        ) : null}
        {!data && list.error?.code === 'NOT_FOUND' ? (
          <StateView
            kind='empty'
            className='traffic-violations-missing'
            icon='!'
            title='没有找到这辆车'
            text={list.error.message}
            action={<Button onPress={() => void backTo(PATHS.vehicles, PATHS.vehicles)}>返回我的车辆</Button>}
          />
        ) : null}
        {closedBy || (!data && list.error?.code === 'NOT_FOUND') ? null : (
          <RemoteStatus remote={list} prefix='traffic-violations' errorTitle='违法记录暂时查不到' loading={{ label: '正在向交警查询违法记录…', shape: 'cards', className: 'traffic-violations-loading' }} />
        )}

        {data ? (
          <>
            {data.stale ? (
              <Notice tone='stale' title='交警系统暂时连不上' className='traffic-violations__stale'>
                {`以下是 ${formatAge(data.ageSeconds)}查到的记录，可能不是最新。为免多缴或错缴，暂不能在线缴款，请稍后下拉刷新。`}
              </Notice>
            ) : null}
            <AvailabilityNotice service='traffic.pay' availability={hours.pay} onDetails={hours.pay ? () => setHoursFor(hours.pay!) : undefined} />

            {total === 0 ? (
              <StateView kind='empty' className='traffic-violations-empty' icon='✓' title='暂无违法记录' text='交警系统里这辆车没有违法记录。保持安全驾驶！' />
            ) : (
              data.groups.map((g) => <Group key={g.key} group={g} vehicleId={vehicleId} />)
            )}
            <Text className='traffic-violations__freshness'>
              {`${data.recordsUpdatedAt ? `交警系统中这辆车的记录更新于 ${formatDateTime(data.recordsUpdatedAt)}。` : ''}${VIOLATION_RECORDS_NOTE}`}
            </Text>
            <Text className={`traffic-violations__age ${data.stale ? 'traffic-violations__age--stale' : ''}`}>
              {`数据${data.ageSeconds < 10 && !data.stale ? '刚刚更新' : `更新于 ${formatAge(data.ageSeconds)}`}（${formatDateTime(data.fetchedAt)}）`}
            </Text>
          </>
        ) : null}
        <OrdersLink />
      </View>
    </Page>
  );
}

function Group({ group: g, vehicleId }: { group: ViolationGroup; vehicleId: string }) {
  return (
    <View className={`traffic-group traffic-group--${g.key}`} data-group={g.key}>
      <View className='traffic-group__head' role='heading' ariaRole='heading' aria-level='2'>
        <Text className='traffic-group__title'>{g.title}</Text>
        <Text className='traffic-group__summary'>{groupSummary(g)}</Text>
      </View>
      {g.violations.length === 0 ? (
        <Card className='traffic-group__none'>
          <Text className='traffic-fineprint'>{g.key === 'todo' ? '没有待处理的记录' : g.key === 'payable' ? '没有待缴的罚款' : '还没有已完成的记录'}</Text>
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
  const spoken = [v.description, formatDateTime(v.occurredAt), v.place, `罚款 ${formatFen(v.fine)}`, `记 ${v.points} 分`, s.label, due ? `今日应缴 ${formatFen(due.amountDue)}` : '']
    .filter(Boolean)
    .join('，');
  return (
    <View className='bm-card traffic-item bm-focusable' data-violation-id={v.violationId} {...pressable(onOpen)} ariaLabel={spoken} hoverClass='traffic-pressed'>
      <View className='traffic-item__head'>
        <Text className='traffic-item__what'>{v.description}</Text>
        <Pill tone={s.tone}>{s.label}</Pill>
      </View>
      <Text className='traffic-item__meta'>
        {formatDateTime(v.occurredAt)} · {v.place}
      </Text>
      <View className='traffic-item__money'>
        <Text>
          罚款 {formatFen(v.fine)} · 记 {v.points} 分
        </Text>
        {due ? <Text className='traffic-item__amount'>今日应缴 {formatFen(due.amountDue)}</Text> : null}
      </View>
      {due && due.overdueDays > 0 ? <Text className='traffic-item__meta traffic-item__late'>{due.note}</Text> : null}
    </View>
  );
}
