import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Availability, TrafficOrderView, VehicleView, ViolationView } from '@bianmin/core';
import { changeLabel, refusesCalls } from '@bianmin/core/availability/vocabulary';
import { formatDate, formatDateTime, formatFen } from '@bianmin/core/format';
import { ApiError, callFunction, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { useServiceAvailability } from '../../../hooks/use-service-availability';
import { backTo } from '../../../back-to';
import { Amount, BottomBar, Button, Card, COLORS, Fineprint, Notice, Page, PageBody, PageHeader, pressable, RemoteStatus, Row, StateView, StatusPill, TextAction } from '../../../ui';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { AvailabilityNotice } from '../../../components/availability-notice';
import { refusalOf, useRefusal } from '../../../components/availability-sheet/use-refusal';
import { OrdersLink } from '../../../payments/orders-link';
import { SandboxCheckout } from '../../../payments/sandbox-checkout';
import { useCheckout } from '../../../payments/use-checkout';
import { PATHS, receiptUrl } from '../../flow';
import { STATUS_INFO } from '../../shared/format';
import { ConfirmFineSheet } from './confirm-sheet';
import '../../shared/traffic.css';
import './index.css';

export default function ViolationDetail() {
  const router = useRouter();
  const vehicleId = router.params.vehicleId ?? '';
  const violationId = router.params.violationId ?? '';
  const hours = useServiceAvailability(['traffic.query', 'traffic.pay']);
  const payHours = hours.of('traffic.pay');
  const [hoursFor, setHoursFor] = useState<Availability | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refusal = useRefusal();
  const remote = useRemote(
    async () => {
      if (!vehicleId || !violationId) throw new ApiError({ code: 'NOT_FOUND', message: '缺少违法记录信息，请从违法记录列表进入。', retryable: false });
      return callFunction('traffic', { action: 'violation', vehicleId, violationId });
    },
    { key: `${vehicleId}/${violationId}` },
  );
  const fine = useCheckout<ViolationView, TrafficOrderView>({
    place: (v, idempotencyKey) => callFunction('traffic', { action: 'pay', vehicleId, violationId: v.violationId, idempotencyKey }),
    keyOf: (v) => v.violationId,
    receiptUrl,
    handleRefusal: refusal.handle,
    onAbandoned: () => void remote.reload(),
  });

  const data = remote.data;
  const v = data?.violation;
  const closedBy = !data ? refusalOf(remote.error) : null;
  const payClosed = refusesCalls(payHours);

  const confirm = async (x: ViolationView) => {
    const { confirm: ok } = await Taro.showModal({
      title: '确认违法事实',
      content: `确认后交警将出具处罚决定书（罚款 ${formatFen(x.fine)}），请在 15 日内缴纳，逾期每日加处罚款 3%。如对记录有异议，请不要确认，可到 ${x.office} 申请复核。`,
      confirmText: '确认处理',
      confirmColor: COLORS.primary,
      cancelText: '取消',
      cancelColor: COLORS.text,
    });
    if (!ok) return;
    setConfirming(true);
    try {
      const { violation } = await callFunction('traffic', { action: 'confirm', vehicleId, violationId: x.violationId });
      remote.update((d) => ({ ...d, violation }));
      void Taro.showToast({ title: '已处理，可缴款', icon: 'success' });
    } catch (e) {
      if (!refusal.handle(e)) void Taro.showModal({ title: '没有处理成功', content: toApiError(e).message, showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    } finally {
      setConfirming(false);
    }
  };

  const startPay = (x: ViolationView) => {
    if (payClosed && payHours) return setHoursFor(payHours);
    fine.start(x);
  };

  return (
    <Page
      className={`bm-traffic-violation ${v?.status === 'decided' ? 'bm-page--with-bar' : ''}`}
      overlay={
        <>
          {data && v ? (
            <ConfirmFineSheet visible={fine.open} vehicle={data.vehicle} violation={fine.subject} busy={fine.busy} error={fine.error} onConfirm={() => void fine.pay()} onClose={fine.close} />
          ) : null}
          <SandboxCheckout checkout={fine} payee={v?.office ?? null} describe={(o) => `交通罚款 · 决定书 ${o.decisionNo} · ${o.plateMasked}`} />
          {hoursFor ? <AvailabilitySheet availability={hoursFor} serviceId={hoursFor.serviceId} visible onClose={() => setHoursFor(null)} /> : null}
          {refusal.sheet}
        </>
      }
    >
      <PageHeader title={v ? v.description : '违法详情'} subtitle={data ? `${data.vehicle.plateMasked} · ${formatDateTime(v?.occurredAt)}` : remote.error ? '违法详情暂时查不到' : '正在向交警查询…'} />
      <PageBody>
        {closedBy ? (
          <StateView
            kind='closed'
            className='bm-traffic-violation-closed'
            title={closedBy.state === 'maintenance' ? '违章查询系统维护中' : '违章查询暂不能办理'}
            message={closedBy.message}
            action={<TextAction label='查看办理时间' onPress={() => setHoursFor(closedBy)} />}
          />
        ) : !data && remote.error?.code === 'NOT_FOUND' ? (
          <StateView
            kind='empty'
            className='bm-traffic-violation-missing'
            icon='!'
            title='没有找到这条违法记录'
            text={remote.error.message}
            action={<Button onPress={() => void backTo(PATHS.vehicles)}>返回我的车辆</Button>}
          />
        ) : (
          <RemoteStatus remote={remote} prefix='bm-traffic-violation' errorTitle='违法详情暂时查不到' loading={{ label: '正在查询违法详情…', shape: 'cards', count: 2, className: 'bm-traffic-violation-loading' }} />
        )}

        {data && v ? (
          <>
            {data.stale ? (
              <Notice tone='stale' title='交警系统暂时连不上' className='bm-traffic-violation__stale'>
                {`以下是 ${formatDateTime(data.fetchedAt)} 查到的记录，可能不是最新。为免多缴或错缴，暂不能在线缴款，请稍后下拉刷新。`}
              </Notice>
            ) : null}
            {v.status === 'decided' ? <AvailabilityNotice name='罚款缴纳' availability={payHours} onDetails={payHours ? () => setHoursFor(payHours) : undefined} /> : null}
            <StatusCard v={v} />
            <Action v={v} vehicle={data.vehicle} busy={confirming} onConfirm={() => void confirm(v)} />
            <Details v={v} />
            <OrdersLink />
          </>
        ) : null}
      </PageBody>

      {data && v?.status === 'decided' && v.today ? (
        data.stale ? (
          <BottomBar className='bm-traffic-pay-bar' hint='记录不是最新的，暂不能缴款'>
            <Button className='bm-traffic-pay' onPress={() => remote.reload()}>
              重新查询
            </Button>
          </BottomBar>
        ) : payClosed && payHours ? (
          <BottomBar className='bm-traffic-pay-bar'>
            <Button className='bm-traffic-pay' disabled onPress={() => setHoursFor(payHours)} label={`暂停缴款 · ${changeLabel(payHours) ?? ''}`}>
              {`暂停缴款 · ${changeLabel(payHours) ?? ''}`}
            </Button>
          </BottomBar>
        ) : (
          <BottomBar
            className='bm-traffic-pay-bar'
            hint={v.orderId ? <TextAction className='bm-bottom-bar__hint' label='这条罚款有一笔未完成的支付，查看订单' onPress={() => void Taro.navigateTo({ url: receiptUrl(v.orderId!) })} /> : undefined}
          >
            <Button className='bm-traffic-pay' onPress={() => startPay(v)} label={`${v.orderId ? '继续支付' : '立即缴款'} ${formatFen(v.today.amountDue)}，缴纳罚款`}>
              {v.orderId ? '继续支付' : '立即缴款'} {formatFen(v.today.amountDue)}
            </Button>
          </BottomBar>
        )
      ) : null}
    </Page>
  );
}

/** Where it stands and what it costs today and tomorrow, with the rule in words. */
function StatusCard({ v }: { v: ViolationView }) {
  const s = STATUS_INFO[v.status];
  return (
    <Card className='bm-traffic-violation__status'>
      <View className='bm-traffic-item__head'>
        <Text className='bm-traffic-item__what'>处理状态</Text>
        <StatusPill tone={s.tone} className='bm-traffic-violation__pill'>
          {s.label}
        </StatusPill>
      </View>
      {v.status === 'decided' && v.today ? (
        <>
          <Amount label='今日应缴' fen={v.today.amountDue} tone='danger' className='bm-traffic-violation__today' />
          <Row label='罚款' value={formatFen(v.fine)} />
          <Row label='加处罚款' value={formatFen(v.today.lateFee)} tone={v.today.lateFee > 0 ? 'money' : undefined} />
          {v.tomorrow ? <Row label='明天应缴' value={formatFen(v.tomorrow.amountDue)} className='bm-traffic-violation__tomorrow' /> : null}
          <Row label='缴款期限' value={`${formatDate(v.dueDate)}（决定日起 15 日内）`} />
          <Text className='bm-traffic-rule bm-traffic-violation__rule'>{v.today.note}</Text>
          <Fineprint>依据《行政处罚法》第七十二条：到期不缴纳罚款的，每日按罚款数额的 3% 加处罚款，加处罚款的数额不超出罚款的数额。</Fineprint>
        </>
      ) : null}
      {v.status === 'paid' || v.status === 'paying' ? (
        <>
          {v.paidAmount !== undefined ? <Row label='已缴金额' value={formatFen(v.paidAmount)} tone='strong' className='bm-traffic-violation__paid-amount' /> : null}
          {v.paidAt ? <Row label='缴款时间' value={formatDateTime(v.paidAt)} /> : null}
          {v.orderId ? (
            <Button small variant='secondary' className='bm-traffic-violation__receipt' onPress={() => void Taro.navigateTo({ url: receiptUrl(v.orderId!) })}>
              查看缴款凭证
            </Button>
          ) : null}
        </>
      ) : null}
      {v.decisionNo ? <Row label='决定书编号' value={v.decisionNo} className='bm-traffic-violation__decision' token /> : null}
      {v.decisionDate ? <Row label='决定日期' value={formatDate(v.decisionDate)} /> : null}
    </Card>
  );
}

/** Confirm online, or why not; under appeal, why it cannot be paid. */
function Action({ v, vehicle, busy, onConfirm }: { v: ViolationView; vehicle: VehicleView; busy: boolean; onConfirm(): void }) {
  if (v.status === 'under_appeal') {
    return (
      <Notice tone='info' title='申诉中，暂不能缴款' className='bm-traffic-violation__appeal'>
        {v.appealNote ?? '这条记录正在申诉复核，结果出来前不能缴款，也不会产生加处罚款。'}
      </Notice>
    );
  }
  if (v.status !== 'unhandled') return null;
  if (!v.confirmable) {
    return (
      <Notice tone='warn' title='需要驾驶证持有人本人处理' className='bm-traffic-violation__not-confirmable'>
        {v.confirmNote ?? '这条记录要记分，记分记在驾驶人的驾驶证上，只能由驾驶人本人处理。'}
      </Notice>
    );
  }
  return (
    <Card className='bm-traffic-violation__confirm' title='在线处理'>
      <Fineprint>{`这是电子监控记录，不记分。确认后交警出具处罚决定书，之后可在线缴纳罚款（${vehicle.plateMasked}）。`}</Fineprint>
      <Button className='bm-traffic-violation__confirm-button' onPress={onConfirm} busy={busy} label={busy ? '正在处理' : '确认并处理，确认违法事实后在线处理'}>
        {busy ? '正在处理…' : '确认并处理'}
      </Button>
    </Card>
  );
}

function Details({ v }: { v: ViolationView }) {
  const preview = (url: string) => void Taro.previewImage({ urls: v.evidence, current: url });
  return (
    <Card className='bm-traffic-violation__details' title='违法信息'>
      <Row label='违法时间' value={formatDateTime(v.occurredAt)} />
      <Row label='违法地点' value={v.place} className='bm-traffic-violation__place' />
      <Row label='违法代码' value={v.code} />
      <Row label='违法行为' value={v.description} />
      <Row label='罚款金额' value={formatFen(v.fine)} tone='strong' />
      <Row label='记分' value={`${v.points} 分`} />
      <Row label='记录来源' value={v.sourceName} />
      <Row label='采集机关' value={v.office} />
      <Row label='违反条款' />
      <Text className='bm-traffic-violation__law'>{v.law}</Text>
      <Row label='处罚依据' />
      <Text className='bm-traffic-violation__law'>{v.basis}</Text>
      {v.evidence.map((url, i) => (
        <View key={url} className='bm-traffic-violation__evidence bm-focusable' {...pressable(() => preview(url))} ariaLabel={`违法证据照片 ${i + 1}，点按查看大图`}>
          <Image className='bm-traffic-evidence' src={url} mode='aspectFill' lazyLoad />
        </View>
      ))}
      {v.evidence.length > 0 ? <Fineprint>点按照片查看大图</Fineprint> : null}
      {v.status === 'paid' ? null : <Fineprint>{`对记录有异议，可向${v.office}申请复核。`}</Fineprint>}
    </Card>
  );
}
