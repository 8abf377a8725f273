import { useState } from 'react';
import { formatDateTime } from '@bianmin/core/date-time';
import { Text, View } from '@tarojs/components';
import type { Availability, ReminderView, UpcomingClosureView } from '@bianmin/core';
import { refusesCalls } from '@bianmin/core/availability/vocabulary';
import { hotlineForService } from '@bianmin/core/hotlines';
import { callFunction, toApiError } from '../../api';
import { useRemote } from '../../hooks/use-remote';
import { Button } from '../../ui/button';
import { pressable } from '../../ui/press';
import { Sheet } from '../../ui/sheet';
import { DepartmentHotline } from '../department-hotline';
import { ServiceStatusBadge } from '../service-status-badge';
import { chooseReminderChannel } from './remind';
import './index.css';


export interface AvailabilitySheetProps {
  /** What is known already (the hub's tile, or a refused call's `error.availability`). */
  availability: Availability;
  /** When given, the sheet asks `services.status` for the week's hours and closures. */
  serviceId?: string;
  visible: boolean;
  onClose(): void;
  /** Shown as the title until `services.status` names the service. */
  serviceName?: string;
  /** Names a department that is down ("国网市供电公司系统暂时连不上"). */
  departmentName?: string;
  /** Adds 仍要进入 / 进入办理: the resident may still open the flow (e.g. to look up a bill). */
  onEnter?: () => void;
}

/** No known resident (UNAUTHENTICATED) or any other failure: the sheet simply offers no reminder. */
async function myReminders(): Promise<ReminderView[] | null> {
  try {
    return (await callFunction('services', { action: 'reminders' })).reminders;
  } catch {
    return null;
  }
}

/**
 * Why a service cannot be used and exactly when it can: the availability sentence first, then
 * the week's hours, the next 7 days' closures, and 提醒我 (remind me when it reopens). Used by
 * the hub (tap a tile) and by every flow whose call was refused (see use-refusal.ts).
 */
export function AvailabilitySheet({ availability, serviceId, visible, onClose, serviceName, departmentName, onEnter }: AvailabilitySheetProps) {
  const enabled = visible && Boolean(serviceId);
  const status = useRemote(() => callFunction('services', { action: 'status', serviceId: serviceId ?? '' }), { key: serviceId, enabled, pullDown: false });
  const reminders = useRemote(myReminders, { key: serviceId, enabled, pullDown: false });
  const [remindError, setRemindError] = useState<string | null>(null);

  const shown = status.data?.availability ?? availability;
  const title = status.data?.service.name ?? serviceName;
  const department = status.data?.service.departmentName ?? departmentName;
  const id = serviceId ?? shown.serviceId;
  const live = status.data ? status.data.service.live : true;
  const existing = reminders.data?.find((r) => r.serviceId === id);
  // A department that is down has no reopening time (a retry time is our guess): 恢复后提醒我.
  const down = shown.state === 'down';
  const canRemind = Boolean(serviceId) && live && reminders.data != null && !existing && refusesCalls(shown) && (down || Boolean(shown.opensAt));
  const blocked = refusesCalls(shown);
  // A utility that is down: its own hotline, since we cannot reach it but the resident can.
  const hotline = down ? hotlineForService(id) : undefined;

  const remind = async () => {
    if (!serviceId) return;
    setRemindError(null);
    try {
      const channel = await chooseReminderChannel();
      const { reminder } = await callFunction('services', { action: 'remind', serviceId, channel });
      reminders.update((list) => [...(list ?? []).filter((r) => r.serviceId !== serviceId), reminder]);
    } catch (e) {
      setRemindError(toApiError(e).message);
    }
  };

  const cancel = async () => {
    if (!existing) return;
    setRemindError(null);
    try {
      await callFunction('services', { action: 'cancelReminder', reminderId: existing.id });
      reminders.update((list) => (list ?? []).filter((r) => r.id !== existing.id));
    } catch (e) {
      setRemindError(toApiError(e).message);
    }
  };

  return (
    <Sheet
      visible={visible}
      title={title ? `${title} · 办理时间` : '办理时间'}
      label={`${title ?? '服务'}办理时间`}
      className='bm-availability-sheet'
      onClose={onClose}
      data={{ 'data-service-id': id }}
      actions={
        <>
          {canRemind ? (
            <Button
              className='bm-sheet__main bm-availability-sheet__remind'
              label={down ? `恢复后提醒我，${department ?? title ?? '该服务'}恢复后通知您` : `提醒我，${formatDateTime(shown.opensAt!)} 恢复时提醒`}
              onPress={remind}
            >
              {down ? '恢复后提醒我' : '提醒我'}
            </Button>
          ) : null}
          {onEnter ? (
            <Button variant='secondary' className='bm-availability-sheet__enter' onPress={onEnter}>
              {blocked ? '仍要进入' : '进入办理'}
            </Button>
          ) : null}
          <Button variant='plain' className='bm-availability-sheet__close' onPress={onClose}>
            关闭
          </Button>
        </>
      }
    >
      <View className='bm-availability-sheet__content'>
        <View className={`bm-availability-sheet__now bm-availability-sheet__now--${shown.state}`} role='status' ariaRole='status'>
          <ServiceStatusBadge availability={shown} departmentName={department} />
          <Text className='bm-availability-sheet__message'>{shown.message}</Text>
        </View>

        {status.loading && !status.data ? (
          <View className='bm-availability-sheet__loading'>
            <Text>正在查询办理时间…</Text>
          </View>
        ) : null}

        {status.error && !status.data ? (
          <View className='bm-availability-sheet__error' role='alert' ariaRole='alert'>
            <Text className='bm-availability-sheet__error-text'>办理时间暂时查不到：{status.error.message}</Text>
            <View className='bm-availability-sheet__link bm-focusable' {...pressable(() => void status.reload())} ariaLabel='重新查询办理时间'>
              重试
            </View>
          </View>
        ) : null}

        {status.data ? (
          <>
            <View className='bm-availability-sheet__section bm-availability-sheet__hours'>
              <Text className='bm-availability-sheet__section-title'>每周办理时间</Text>
              {status.data.schedule.lines.map((line) => (
                <Text key={line} className='bm-availability-sheet__line'>
                  {line}
                </Text>
              ))}
            </View>
            <View className='bm-availability-sheet__section bm-availability-sheet__upcoming'>
              <Text className='bm-availability-sheet__section-title'>近 7 天停办安排</Text>
              {status.data.upcoming.length === 0 ? (
                <Text className='bm-availability-sheet__line'>近 7 天无停办安排</Text>
              ) : (
                status.data.upcoming.map((u) => (
                  <View key={`${u.kind}-${u.startsAt}`} className='bm-availability-sheet__closure'>
                    <Text className='bm-availability-sheet__closure-when'>{closureHeading(u)}</Text>
                    <Text className='bm-availability-sheet__line'>{u.message || `${formatDateTime(u.startsAt)} 至 ${formatDateTime(u.endsAt)} 停办`}</Text>
                  </View>
                ))
              )}
            </View>
          </>
        ) : null}

        {existing ? (
          <View className='bm-availability-sheet__reminder' role='status' ariaRole='status'>
            <Text className='bm-availability-sheet__reminder-title'>已设置提醒</Text>
            <Text className='bm-availability-sheet__reminder-text'>
              {existing.until === 'recovers' ? '恢复后提醒您' : `将于 ${formatDateTime(existing.remindAt)} 提醒您`}
              {existing.channel === 'subscribe' ? '（微信服务通知和消息中心）' : '（消息中心）'}
            </Text>
            <Button
              variant='secondary'
              small
              className='bm-availability-sheet__cancel-reminder'
              label={existing.until === 'recovers' ? '取消恢复后的提醒' : `取消${formatDateTime(existing.remindAt)}的提醒`}
              onPress={cancel}
            >
              取消提醒
            </Button>
          </View>
        ) : null}

        {canRemind ? (
          <Text className='bm-availability-sheet__remind-hint'>
            {down ? '点“恢复后提醒我”，恢复办理时' : `点“提醒我”，${formatDateTime(shown.opensAt!)} 恢复办理时`}
            {process.env.TARO_ENV === 'weapp' ? '通过微信和' : '在'}消息中心通知您。
          </Text>
        ) : null}

        {hotline ? <DepartmentHotline hotline={hotline} className='bm-availability-sheet__hotline' /> : null}

        {remindError ? (
          <View className='bm-availability-sheet__error' role='alert' ariaRole='alert'>
            <Text className='bm-availability-sheet__error-text'>{remindError}</Text>
          </View>
        ) : null}
      </View>
    </Sheet>
  );
}

/** 清明 · 节假日休息 / 系统维护: the message itself already names the dates and the reopening. */
function closureHeading(u: UpcomingClosureView): string {
  const kind = u.kind === 'holiday' ? '节假日休息' : u.kind === 'maintenance' ? '系统维护' : '办理时间待定';
  return u.reason && u.reason !== kind ? `${u.reason} · ${kind}` : kind;
}
