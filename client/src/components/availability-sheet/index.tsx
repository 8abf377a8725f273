import { useCallback, useEffect, useRef, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { Availability, ReminderView, ServiceStatusResult, UpcomingClosureView } from '@bianmin/core';
import { callFunction, toApiError, type ApiError } from '../../api';
import { useLargeFont } from '../../a11y/large-font';
import { ServiceStatusBadge, describeAvailability } from '../service-status-badge';
import { formatDateTime } from './format';
import { chooseReminderChannel } from './remind';
import './index.css';

export { formatDateTime } from './format';

export interface AvailabilitySheetProps {
  /** What is known already (the hub's tile, or a refused call's `error.availability`). */
  availability: Availability;
  /** When given, the sheet asks `services.status` for the week's hours and closures. */
  serviceId?: string;
  visible: boolean;
  onClose(): void;
  /** Shown as the title until `services.status` names the service. */
  serviceName?: string;
  /** Adds 仍要进入: the resident may still open the flow (e.g. to look up a bill). */
  onEnter?: () => void;
}

type Load<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiError };

/** States in which the service cannot be used now, so a reminder makes sense. */
const NOT_OPEN = new Set(['closed', 'maintenance', 'down']);

/**
 * A bottom sheet that says why a service cannot be used and exactly when it can: the
 * availability sentence first, then the week's hours, the next 7 days' closures, and
 * 提醒我 (remind me when it reopens). Used by the hub (tap a tile) and by every flow whose
 * call was refused (see use-refusal.ts). A light custom sheet, not a library popup: it
 * lives in the main package, where every kilobyte is downloaded by every resident.
 */
export function AvailabilitySheet({ availability, serviceId, visible, onClose, serviceName, onEnter }: AvailabilitySheetProps) {
  const { largeFont } = useLargeFont();
  const [status, setStatus] = useState<Load<ServiceStatusResult>>({ state: 'idle' });
  const [reminders, setReminders] = useState<Load<ReminderView[]>>({ state: 'idle' });
  const [saving, setSaving] = useState<'remind' | 'cancel' | null>(null);
  const [remindError, setRemindError] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (!serviceId) return;
    const id = ++latest.current;
    setStatus({ state: 'loading' });
    setRemindError(null);
    const [s, r] = await Promise.allSettled([
      callFunction('services', { action: 'status', serviceId }),
      callFunction('services', { action: 'reminders' }),
    ]);
    if (id !== latest.current) return;
    setStatus(s.status === 'fulfilled' ? { state: 'ok', data: s.value } : { state: 'error', error: toApiError(s.reason) });
    // No known resident (UNAUTHENTICATED) or any other failure: the sheet simply offers no
    // reminder rather than an error the resident did not ask about.
    setReminders(r.status === 'fulfilled' ? { state: 'ok', data: r.value.reminders } : { state: 'error', error: toApiError(r.reason) });
  }, [serviceId]);

  useEffect(() => {
    if (visible) void load();
    else latest.current++; // a late answer must not land in a closed sheet
  }, [visible, load]);

  // h5: Esc closes the sheet, as keyboard users expect of a dialog.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !visible || typeof document === 'undefined') return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [visible, onClose]);

  if (!visible) return null;

  const shown = status.state === 'ok' ? status.data.availability : availability;
  const title = status.state === 'ok' ? status.data.service.name : serviceName;
  const d = describeAvailability(shown);
  const existing = reminders.state === 'ok' ? reminders.data.find((r) => r.serviceId === (serviceId ?? shown.serviceId)) : undefined;
  const canRemind = Boolean(serviceId) && reminders.state === 'ok' && !existing && NOT_OPEN.has(shown.state) && Boolean(shown.opensAt);

  const remind = async () => {
    if (!serviceId || saving) return;
    setSaving('remind');
    setRemindError(null);
    try {
      const channel = await chooseReminderChannel();
      const { reminder } = await callFunction('services', { action: 'remind', serviceId, channel });
      setReminders((prev) => ({ state: 'ok', data: [...(prev.state === 'ok' ? prev.data.filter((r) => r.serviceId !== serviceId) : []), reminder] }));
    } catch (e) {
      setRemindError(toApiError(e).message);
    } finally {
      setSaving(null);
    }
  };

  const cancel = async () => {
    if (!existing || saving) return;
    setSaving('cancel');
    setRemindError(null);
    try {
      await callFunction('services', { action: 'cancelReminder', reminderId: existing.id });
      setReminders((prev) => ({ state: 'ok', data: prev.state === 'ok' ? prev.data.filter((r) => r.id !== existing.id) : [] }));
    } catch (e) {
      setRemindError(toApiError(e).message);
    } finally {
      setSaving(null);
    }
  };

  return (
    <View className={`bm-sheet ${largeFont ? 'bm-sheet--large' : ''}`}>
      <View className='bm-sheet__mask' catchMove onClick={onClose} aria-hidden='true' />
      <View
        className='bm-sheet__panel availability-sheet'
        role='dialog'
        ariaRole='dialog'
        aria-modal='true'
        ariaLabel={`${title ?? '服务'}办理时间`}
        data-service-id={serviceId ?? shown.serviceId}
      >
        <View className='bm-sheet__handle' aria-hidden='true' />
        <View className='bm-sheet__head'>
          <View className='bm-sheet__title' role='heading' ariaRole='heading' aria-level='2'>
            {title ? `${title} · 办理时间` : '办理时间'}
          </View>
          <View className='bm-sheet__close' role='button' ariaRole='button' ariaLabel='关闭' hoverClass='bm-sheet__close--pressed' onClick={onClose}>
            <Text aria-hidden='true'>✕</Text>
          </View>
        </View>

        <ScrollView className='bm-sheet__body' scrollY>
          <View className={`availability-sheet__now availability-sheet__now--${d.tone}`} role='status' ariaRole='status'>
            <ServiceStatusBadge availability={shown} />
            <Text className='availability-sheet__message'>{shown.message || d.label}</Text>
          </View>

          {status.state === 'loading' ? (
            <View className='availability-sheet__loading'>
              <Text>正在查询办理时间…</Text>
            </View>
          ) : null}

          {status.state === 'error' ? (
            <View className='availability-sheet__error' role='alert' ariaRole='alert'>
              <Text className='availability-sheet__error-text'>办理时间暂时查不到：{status.error.message}</Text>
              <View className='bm-sheet__link' role='button' ariaRole='button' ariaLabel='重新查询办理时间' onClick={() => void load()}>
                重试
              </View>
            </View>
          ) : null}

          {status.state === 'ok' ? (
            <>
              <View className='availability-sheet__section availability-sheet__hours'>
                <Text className='availability-sheet__section-title'>每周办理时间</Text>
                {status.data.schedule.lines.map((line) => (
                  <Text key={line} className='availability-sheet__line'>
                    {line}
                  </Text>
                ))}
              </View>
              <View className='availability-sheet__section availability-sheet__upcoming'>
                <Text className='availability-sheet__section-title'>近 7 天停办安排</Text>
                {status.data.upcoming.length === 0 ? (
                  <Text className='availability-sheet__line availability-sheet__line--muted'>近 7 天无停办安排</Text>
                ) : (
                  status.data.upcoming.map((u) => (
                    <View key={`${u.kind}-${u.startsAt}`} className='availability-sheet__closure'>
                      <Text className='availability-sheet__closure-when'>{closureHeading(u)}</Text>
                      <Text className='availability-sheet__line'>{u.message || `${formatDateTime(u.startsAt)} 至 ${formatDateTime(u.endsAt)} 停办`}</Text>
                    </View>
                  ))
                )}
              </View>
            </>
          ) : null}

          {existing ? (
            <View className='availability-sheet__reminder' role='status' ariaRole='status'>
              <Text className='availability-sheet__reminder-title'>已设置提醒</Text>
              <Text className='availability-sheet__reminder-text'>
                将于 {formatDateTime(existing.remindAt)} 提醒您{existing.channel === 'subscribe' ? '（微信服务通知和消息中心）' : '（消息中心）'}
              </Text>
              <View
                className={`bm-sheet__link availability-sheet__cancel-reminder ${saving ? 'bm-sheet__button--busy' : ''}`}
                role='button'
                ariaRole='button'
                ariaLabel={`取消${formatDateTime(existing.remindAt)}的提醒`}
                onClick={() => void cancel()}
              >
                {saving === 'cancel' ? '正在取消…' : '取消提醒'}
              </View>
            </View>
          ) : null}

          {canRemind ? (
            <Text className='availability-sheet__remind-hint'>
              点“提醒我”，{formatDateTime(shown.opensAt!)} 恢复办理时{process.env.TARO_ENV === 'weapp' ? '通过微信和' : '在'}消息中心通知您。
            </Text>
          ) : null}

          {remindError ? (
            <View className='availability-sheet__error' role='alert' ariaRole='alert'>
              <Text className='availability-sheet__error-text'>{remindError}</Text>
            </View>
          ) : null}
        </ScrollView>

        <View className='bm-sheet__actions'>
          {canRemind ? (
            <View
              className={`bm-sheet__button bm-sheet__button--primary availability-sheet__remind ${saving ? 'bm-sheet__button--busy' : ''}`}
              role='button'
              ariaRole='button'
              ariaLabel={`提醒我，${formatDateTime(shown.opensAt!)} 恢复时提醒`}
              hoverClass='bm-sheet__button--pressed'
              onClick={() => void remind()}
            >
              {saving === 'remind' ? '正在设置…' : '提醒我'}
            </View>
          ) : null}
          {onEnter ? (
            <View
              className='bm-sheet__button availability-sheet__enter'
              role='button'
              ariaRole='button'
              ariaLabel={NOT_OPEN.has(shown.state) ? '仍要进入' : '进入办理'}
              hoverClass='bm-sheet__button--pressed'
              onClick={onEnter}
            >
              {NOT_OPEN.has(shown.state) ? '仍要进入' : '进入办理'}
            </View>
          ) : null}
          <View
            className='bm-sheet__button bm-sheet__button--plain availability-sheet__close'
            role='button'
            ariaRole='button'
            ariaLabel='关闭'
            hoverClass='bm-sheet__button--pressed'
            onClick={onClose}
          >
            关闭
          </View>
        </View>
      </View>
    </View>
  );
}

/** 清明 · 节假日休息 / 系统维护: the message itself already names the dates and the reopening. */
function closureHeading(u: UpcomingClosureView): string {
  const kind = u.kind === 'holiday' ? '节假日休息' : u.kind === 'maintenance' ? '系统维护' : '办理时间待定';
  return u.reason && u.reason !== kind ? `${u.reason} · ${kind}` : kind;
}
