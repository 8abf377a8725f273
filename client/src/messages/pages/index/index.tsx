import { useCallback, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { InboxMessage } from '@bianmin/core';
import { callFunction, toApiError, type ApiError } from '../../../api';
import { openPage } from '../../../navigation';
import { Page } from '../../../components/page';
import { ErrorCard } from '../../../components/error-card';
import { getDevNow } from '../../../api/dev-session';
import { parseInstant } from '@bianmin/core/time';
import { describeMessageTime, newestFirst } from './format';
import './index.css';

/**
 * The message centre: reminders that a service reopened (and whatever else the backend files
 * for the resident), newest first. Tapping one marks it read and opens the page it names.
 */
export default function Messages() {
  const [messages, setMessages] = useState<InboxMessage[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [now, setNow] = useState(clockNow);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const id = ++latest.current;
    setLoading(true);
    try {
      const res = await callFunction('messages', { action: 'list' });
      if (id !== latest.current) return;
      setMessages(newestFirst(res.messages));
      setUnread(res.unread);
      setError(null);
      setNow(clockNow());
    } catch (e) {
      if (id !== latest.current) return;
      setError(toApiError(e));
    } finally {
      if (id === latest.current) setLoading(false);
    }
  }, []);

  useDidShow(() => void load());
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const open = async (m: InboxMessage) => {
    if (!m.read) {
      // Marked read on screen at once; the server is told in the background and a failure
      // only means it shows as unread again on the next visit.
      setMessages((list) => list?.map((x) => (x.id === m.id ? { ...x, read: true } : x)) ?? list);
      setUnread((n) => Math.max(0, n - 1));
      callFunction('messages', { action: 'read', messageId: m.id }).catch(() => undefined);
    }
    if (m.path && (await openPage(m.path)) === 'missing') {
      await Taro.showModal({ title: m.title, content: '该服务正在接入中，敬请期待', showCancel: false, confirmText: '知道了', confirmColor: '#1557b0' });
    }
  };

  return (
    <Page className='messages'>
      {process.env.TARO_ENV === 'h5' ? (
        // The browser build has no native navigation bar to go back with.
        <View className='messages-back' role='button' ariaRole='button' ariaLabel='返回' hoverClass='messages-back--pressed' onClick={goBack}>
          ‹ 返回
        </View>
      ) : null}
      <View className='messages-head'>
        <View className='messages-head__title' role='heading' ariaRole='heading' aria-level='1'>
          消息中心
        </View>
        {messages && messages.length > 0 ? (
          <Text className='messages-head__summary'>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
        ) : null}
      </View>

      {error ? (
        <ErrorCard
          prefix='messages'
          inline={!!messages}
          title={messages ? '刷新失败，下面是上次的消息' : '消息暂时打不开'}
          message={error.message}
          retrying={loading}
          onRetry={() => void load()}
        />
      ) : null}

      {!messages && !error ? (
        <View className='messages-loading' ariaLabel='正在加载消息'>
          <Text>正在加载消息…</Text>
        </View>
      ) : null}

      {messages && messages.length === 0 ? (
        <View className='messages-empty'>
          <Text className='messages-empty__title'>暂无消息</Text>
          <Text className='messages-empty__hint'>在服务暂停时点“提醒我”，恢复办理时会在这里通知您。下拉可刷新。</Text>
        </View>
      ) : null}

      {messages && messages.length > 0 ? (
        <View className='messages-list'>
          {messages.map((m) => (
            <View
              key={m.id}
              className={`message-item ${m.read ? 'message-item--read' : 'message-item--unread'}`}
              data-message-id={m.id}
              role='button'
              ariaRole='button'
              ariaLabel={`${m.read ? '' : '未读，'}${m.title}，${m.body}，${describeMessageTime(m.createdAt, now)}`}
              hoverClass='message-item--pressed'
              onClick={() => void open(m)}
            >
              <View className='message-item__head'>
                {m.read ? null : <View className='message-item__dot' aria-hidden='true' />}
                <Text className='message-item__title'>{m.title}</Text>
                {m.read ? null : <Text className='message-item__badge'>未读</Text>}
              </View>
              <Text className='message-item__body'>{m.body}</Text>
              <View className='message-item__foot'>
                <Text className='message-item__time'>{describeMessageTime(m.createdAt, now)}</Text>
                {m.path ? <Text className='message-item__go'>去办理 ›</Text> : null}
              </View>
            </View>
          ))}
          <Text className='messages-footnote'>{loading ? '正在更新…' : '下拉可刷新'}</Text>
        </View>
      ) : null}
    </Page>
  );
}

/** "今天/昨天" relative to the dev clock when one is pinned (h5 only), else the device's. */
function clockNow(): Date {
  const pinned = process.env.TARO_ENV === 'h5' ? getDevNow() : null;
  return (pinned && parseInstant(pinned)) || new Date();
}

/** Back to where the resident came from; opened straight from an address or a message, to the hub. */
function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: '/pages/hub/index' });
}
