import Taro from '@tarojs/taro';

export type ReminderChannel = 'subscribe' | 'inbox';

/**
 * The subscribe-message template for "service reopened" reminders, defined at build time.
 * Read defensively: when the build does not define it, `process` may not exist at all in the
 * mini-program runtime.
 */
function templateId(): string {
  try {
    return process.env.REMINDER_TEMPLATE_ID || '';
  } catch {
    return '';
  }
}

/**
 * How the reminder should reach the resident. weapp: ask WeChat for one subscribe message (a
 * one-off permission, only grantable from a tap); if there is no template or the resident
 * declines, the in-app message centre still gets it. h5 has no subscribe messages.
 * Must be called directly from the tap handler: WeChat refuses the prompt otherwise.
 */
export async function chooseReminderChannel(): Promise<ReminderChannel> {
  if (process.env.TARO_ENV !== 'weapp') return 'inbox';
  const id = templateId();
  if (!id) return 'inbox';
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [id] } as Taro.requestSubscribeMessage.Option);
    return (res as unknown as Record<string, unknown>)[id] === 'accept' ? 'subscribe' : 'inbox';
  } catch {
    return 'inbox';
  }
}
