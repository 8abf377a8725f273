import { Text, View } from '@tarojs/components';
import { formatRecent } from '@bianmin/core/format';
import Taro from '@tarojs/taro';
import type { InboxMessage } from '@bianmin/core';
import { callFunction } from '../../../api';
import { devClockNow } from '../../../api/dev-session';
import { useRemote } from '../../../hooks/use-remote';
import { openPage } from '../../../navigation';
import { COLORS, Notice, Page, PageHeader, pressable, RemoteStatus, StateView } from '../../../ui';
import { messageAction, newestFirst } from './format';
import './index.css';

async function inbox(): Promise<{ messages: InboxMessage[]; unread: number }> {
  const res = await callFunction('messages', { action: 'list' });
  return { messages: newestFirst(res.messages), unread: res.unread };
}

/**
 * The message centre: reminders that a service reopened (and whatever else the backend files
 * for the resident), newest first. Tapping one marks it read and opens the page it names.
 */
export default function Messages() {
  const remote = useRemote(inbox);
  const now = clockNow();
  const data = remote.data;
  const messages = data?.messages ?? null;

  const open = async (m: InboxMessage) => {
    if (!m.read) {
      // Marked read on screen at once; the server is told in the background and a failure
      // only means it shows as unread again on the next visit.
      remote.update((d) => ({ messages: d.messages.map((x) => (x.id === m.id ? { ...x, read: true } : x)), unread: Math.max(0, d.unread - 1) }));
      callFunction('messages', { action: 'read', messageId: m.id }).catch(() => undefined);
    }
    if (m.path && (await openPage(m.path)) === 'missing') {
      await Taro.showModal({ title: m.title, content: '该服务即将上线，上线后可在这里直接办理。', showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    }
  };

  return (
    <Page className='bm-messages'>
      <PageHeader
        className='bm-messages-head'
        title='消息中心'
        subtitle={messages && messages.length > 0 ? <Text className='bm-messages-head__summary'>{data!.unread > 0 ? `${data!.unread} 条未读` : '全部已读'}</Text> : '服务恢复办理等通知'}
      />

      <View className='bm-messages-body'>
        {/* Said once, above the list: scam SMS impersonating 12123 and the city's services carry links; ours never do. */}
        <Notice tone='info' title='便民不会通过短信发送链接' className='bm-messages-sms-notice'>
          便民的通知只在这里和微信服务通知里出现。收到自称交管 12123、社保或便民的短信链接，请不要点开，也不要填写银行卡号或验证码；查询和缴费请直接打开便民小程序。
        </Notice>
        <RemoteStatus remote={remote} prefix='bm-messages' errorTitle='消息暂时打不开' loading={{ label: '正在加载消息…', count: 1, className: 'bm-messages-loading' }} />

        {messages && messages.length === 0 ? (
          <StateView kind='empty' className='bm-messages-empty' icon='信' title='暂无消息' text='在服务暂停时点“提醒我”，恢复办理时会在这里通知您。下拉可刷新。' />
        ) : null}

        {messages && messages.length > 0 ? (
          <View className='bm-messages-list'>
            {messages.map((m) => (
              <View
                key={m.id}
                className={`bm-message-item bm-focusable ${m.read ? 'bm-message-item--read' : 'bm-message-item--unread'}`}
                data-message-id={m.id}
                {...pressable(() => void open(m))}
                ariaLabel={`${m.read ? '' : '未读，'}${m.title}，${m.body}，${formatRecent(m.createdAt, now)}${m.path ? `，${messageAction(m.kind)}` : ''}`}
                hoverClass='bm-message-item--pressed'
              >
                <View className='bm-message-item__head'>
                  {m.read ? null : <View className='bm-message-item__dot' aria-hidden='true' />}
                  <Text className='bm-message-item__title'>{m.title}</Text>
                  {m.read ? null : <Text className='bm-message-item__badge'>未读</Text>}
                </View>
                <Text className='bm-message-item__body'>{m.body}</Text>
                <View className='bm-message-item__foot'>
                  <Text className='bm-message-item__time'>{formatRecent(m.createdAt, now)}</Text>
                  {m.path ? <Text className='bm-message-item__go'>{`${messageAction(m.kind)} ›`}</Text> : null}
                </View>
              </View>
            ))}
            <Text className='bm-messages-footnote'>{remote.loading ? '正在更新…' : '下拉可刷新'}</Text>
          </View>
        ) : null}
      </View>
    </Page>
  );
}

/** "今天/昨天" relative to the local stack's clock when one is set (h5 only), else the device's. */
function clockNow(): Date {
  return (process.env.TARO_ENV === 'h5' ? devClockNow() : null) ?? new Date();
}
