import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ReminderView } from '@bianmin/core';
import { providerForKind, type UtilityKind } from '@bianmin/core/providers';
import { callFunction, toApiError } from '../../api';
import { useRemote } from '../../hooks/use-remote';
import { Button, Card, Fineprint } from '../../ui';
import { DepartmentHotline } from '../../components/department-hotline';
import { chooseReminderChannel } from '../../components/availability-sheet/remind';
import { payServiceId } from './format';

/** No known resident or any other failure: the card then simply offers no reminder. */
async function pendingReminder(serviceId: string): Promise<ReminderView | null> {
  try {
    const { reminders } = await callFunction('services', { action: 'reminders' });
    return reminders.find((r) => r.serviceId === serviceId) ?? null;
  } catch {
    return null;
  }
}

/**
 * What a bills failure page offers besides 重试: the company's own hotline, always, and — when
 * its system is down (`down`) — 恢复后提醒我: one message (and a WeChat notice on weapp when the
 * resident allows it) once the company answers again. Asking twice keeps one reminder.
 */
export function OutageHelp({ kind, down, className }: { kind: UtilityKind; down: boolean; className?: string }) {
  const provider = providerForKind(kind);
  const serviceId = payServiceId(kind);
  const existing = useRemote(() => pendingReminder(serviceId), { key: serviceId, enabled: down, pullDown: false });
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<ReminderView | null>(null);
  const set = made ?? existing.data;

  const remind = async () => {
    setError(null);
    try {
      const channel = await chooseReminderChannel();
      const { reminder } = await callFunction('services', { action: 'remind', serviceId, channel });
      setMade(reminder);
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  return (
    <Card className={`bm-bills-outage ${className ?? ''}`} title={down ? `${provider.name}暂时连不上` : `联系${provider.name}`}>
      {down ? (
        set ? (
          <View className='bm-bills-outage__set' role='status' ariaRole='status'>
            <Text className='bm-bills-outage__set-title'>已设置恢复提醒</Text>
            <Fineprint>
              {set.until === 'recovers' ? `${provider.name}恢复后` : '恢复办理时'}，我们会在{set.channel === 'subscribe' ? '微信服务通知和' : ''}消息中心通知您。
            </Fineprint>
          </View>
        ) : (
          <>
            <Fineprint>我们每分钟自动重试。不想一直等，可以让我们在它恢复后通知您。</Fineprint>
            <Button className='bm-bills-outage__remind' label={`恢复后提醒我，${provider.name}恢复后在消息中心通知您`} onPress={remind}>
              恢复后提醒我
            </Button>
          </>
        )
      ) : null}
      {error ? (
        <View className='bm-bills-outage__error' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      <DepartmentHotline hotline={provider.hotline} className='bm-bills-outage__hotline' />
    </Card>
  );
}
