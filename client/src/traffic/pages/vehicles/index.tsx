import { useState } from 'react';
import { formatFen } from '@bianmin/core/format';
import { refusesCalls } from '@bianmin/core/availability/vocabulary';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Availability, VehicleView } from '@bianmin/core';
import { callFunction, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { useServiceAvailability } from '../../../hooks/use-service-availability';
import { Button, COLORS, Fineprint, Glyph, Page, PageBody, PageHeader, pressable, RemoteStatus, StateView, StatusPill } from '../../../ui';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { AvailabilityNotice } from '../../../components/availability-notice';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { OrdersLink } from '../../../payments/orders-link';
import { vehicleCounts } from '../../shared/format';
import { PATHS, violationsUrl } from '../../flow';
import '../../shared/traffic.css';
import './index.css';

export default function Vehicles() {
  const refusal = useRefusal();
  const hours = useServiceAvailability(['traffic.query', 'traffic.pay']);
  const query = hours.of('traffic.query');
  const pay = hours.of('traffic.pay');
  const [hoursFor, setHoursFor] = useState<Availability | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const list = useRemote(async () => (await callFunction('traffic', { action: 'vehicles' })).vehicles);
  const queryClosed = refusesCalls(query);

  const remove = async (v: VehicleView) => {
    const { confirm } = await Taro.showModal({
      title: '删除车辆',
      content: `确定删除车辆 ${v.plateMasked} 吗？删除后不再显示它的违法记录；已缴罚款的订单仍会保留。`,
      confirmText: '删除',
      confirmColor: COLORS.danger,
      cancelText: '取消',
      cancelColor: COLORS.text,
    });
    if (!confirm) return;
    setRemoving(v.vehicleId);
    try {
      await callFunction('traffic', { action: 'removeVehicle', vehicleId: v.vehicleId });
      void Taro.showToast({ title: '已删除', icon: 'success' });
      list.update((vs) => vs.filter((x) => x.vehicleId !== v.vehicleId));
    } catch (e) {
      if (!refusal.handle(e)) void Taro.showModal({ title: '删除没有成功', content: toApiError(e).message, showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    } finally {
      setRemoving(null);
    }
  };

  const add = () => void Taro.navigateTo({ url: PATHS.add });
  const vehicles = list.data ?? [];

  return (
    <Page
      className='bm-traffic-vehicles'
      overlay={
        <>
          {hoursFor ? <AvailabilitySheet availability={hoursFor} serviceId={hoursFor.serviceId} visible onClose={() => setHoursFor(null)} /> : null}
          {refusal.sheet}
        </>
      }
    >
      <PageHeader title='我的车辆' subtitle='添加车辆，查违法记录、在线处理和缴纳罚款' />
      <PageBody>
        <AvailabilityNotice name='违章查询' availability={query} onDetails={query ? () => setHoursFor(query) : undefined} />
        {pay && pay.state !== 'open' && pay.state !== query?.state ? <AvailabilityNotice name='罚款缴纳' availability={pay} onDetails={() => setHoursFor(pay)} /> : null}

        <RemoteStatus remote={list} prefix='bm-traffic-vehicles' errorTitle='车辆列表暂时打不开' loading={{ label: '正在加载车辆…', className: 'bm-traffic-vehicles-loading' }} />

        {list.data && vehicles.length === 0 ? (
          <StateView
            kind='empty'
            className='bm-traffic-vehicles-empty'
            icon='车'
            title='还没有添加车辆'
            text='添加后可随时查看违法记录、在线处理和缴纳罚款。拍一张行驶证就能自动填好。'
            action={
              <Button className='bm-traffic-add' onPress={add}>
                添加车辆
              </Button>
            }
          />
        ) : null}

        {vehicles.map((v) => (
          <VehicleCard
            key={v.vehicleId}
            vehicle={v}
            queryClosed={queryClosed}
            removing={removing === v.vehicleId}
            onOpen={() => void Taro.navigateTo({ url: violationsUrl(v.vehicleId) })}
            onRemove={() => void remove(v)}
          />
        ))}

        {vehicles.length > 0 ? (
          <Button className='bm-traffic-add' variant='secondary' onPress={add}>
            添加车辆
          </Button>
        ) : null}

        <OrdersLink />
        {vehicles.length > 0 ? <Fineprint className='bm-traffic-vehicles__foot'>下拉页面可刷新违法记录</Fineprint> : null}
      </PageBody>
    </Page>
  );
}

/** One vehicle: the masked plate (tap to see it whole), its counts, open and remove. */
function VehicleCard({
  vehicle: v,
  queryClosed,
  removing,
  onOpen,
  onRemove,
}: {
  vehicle: VehicleView;
  queryClosed: boolean;
  removing: boolean;
  onOpen(): void;
  onRemove(): void;
}) {
  const [full, setFull] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  // Counts cost one department call per vehicle: skipped while the traffic police are in maintenance.
  const counts = useRemote(() => callFunction('traffic', { action: 'violations', vehicleId: v.vehicleId }), { key: v.vehicleId, enabled: !queryClosed });

  const toggle = async () => {
    if (full) return setFull(null);
    setRevealing(true);
    try {
      setFull((await callFunction('traffic', { action: 'revealVehicle', vehicleId: v.vehicleId })).plateFormatted);
    } catch (e) {
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    } finally {
      setRevealing(false);
    }
  };

  const c = counts.data ? vehicleCounts(counts.data.groups) : null;
  const name = v.label || v.vehicleType;
  return (
    <View className='bm-card bm-traffic-vehicle' data-vehicle-id={v.vehicleId}>
      <View className='bm-traffic-vehicle__main'>
        <View className='bm-traffic-vehicle__head'>
          <Glyph glyph='车' tone='traffic' />
          <View className='bm-traffic-vehicle__who'>
            <View
              className='bm-traffic-vehicle__plate bm-focusable'
              {...pressable(() => void toggle())}
              ariaLabel={revealing ? '正在显示' : full ? `${full}，完整号牌，点按隐藏` : `${v.plateMasked}，号牌已隐藏部分，点按显示完整号牌`}
            >
              {revealing ? '正在显示…' : (full ?? v.plateMasked)}
            </View>
            <Text className='bm-traffic-vehicle__kind'>
              {v.plateKindName} · {name}
            </Text>
          </View>
        </View>
        <View className='bm-traffic-vehicle__counts' role='status' ariaRole='status'>
          {queryClosed ? <Fineprint>违章查询维护中，恢复后可查看违法记录</Fineprint> : null}
          {!queryClosed && !counts.data && !counts.error ? <Fineprint>正在查询违法记录…</Fineprint> : null}
          {!queryClosed && !counts.data && counts.error ? <Fineprint>违法记录暂时查不到：{counts.error.message}</Fineprint> : null}
          {c && c.todo === 0 && c.payable === 0 ? <StatusPill tone='ok'>暂无待处理违法</StatusPill> : null}
          {c && c.todo > 0 ? <StatusPill tone='warn' className='bm-traffic-vehicle__todo'>{`待处理 ${c.todo} 条`}</StatusPill> : null}
          {c && c.payable > 0 ? <StatusPill tone='danger' className='bm-traffic-vehicle__payable'>{`待缴款 ${c.payable} 条 · ${formatFen(c.payableTotal)}`}</StatusPill> : null}
        </View>
      </View>
      <View className='bm-traffic-vehicle__actions'>
        <Button small className='bm-traffic-vehicle__open' onPress={onOpen} label={`违法记录，${v.plateMasked}`}>
          违法记录
        </Button>
        <Button small variant='danger' className='bm-traffic-vehicle__remove' onPress={onRemove} busy={removing} label={removing ? '正在删除' : `删除，车辆 ${v.plateMasked}`}>
          {removing ? '正在删除…' : '删除'}
        </Button>
      </View>
    </View>
  );
}
