import { useCallback, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useUnload } from '@tarojs/taro';
import type { ServiceListItem, ServicesListResult } from '@bianmin/core';
import { callFunction, toApiError, type ApiError } from '../../api';
import { openPage } from '../../navigation';
import { Page } from '../../components/page';
import { ErrorCard } from '../../components/error-card';
import { LargeFontToggle } from '../../components/large-font-toggle';
import { DevPanel } from '../../components/resident-picker';
import { formatWhen } from '../../components/service-status-badge';
import { AvailabilitySheet } from '../../components/availability-sheet';
import { groupServices } from './group';
import { ServiceTile } from './service-tile';
import { HubNotices } from './notices';
import { MessagesEntry } from './messages-entry';
import './index.css';

/** Opening hours change under an open page (23:30 settlement pauses…): re-ask once a minute. */
const REFRESH_MS = 60 * 1000;
const BLOCKED = new Set(['closed', 'maintenance', 'down']);
const MESSAGES_PAGE = '/messages/pages/index/index';

export default function Hub() {
  const [data, setData] = useState<ServicesListResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  /** Unread messages; null while no resident is known (then there is no message centre to open). */
  const [unread, setUnread] = useState<number | null>(null);
  /** The service whose availability sheet is open. */
  const [sheetId, setSheetId] = useState<string | null>(null);
  const latest = useRef(0);
  const latestInbox = useRef(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const loadInbox = useCallback(async () => {
    const id = ++latestInbox.current;
    try {
      const { unread: n } = await callFunction('messages', { action: 'list' });
      if (id === latestInbox.current) setUnread(n);
    } catch (e) {
      // UNAUTHENTICATED: no resident, no entry. Anything else keeps the last count.
      if (id === latestInbox.current && toApiError(e).code === 'UNAUTHENTICATED') setUnread(null);
    }
  }, []);

  const load = useCallback(async () => {
    void loadInbox();
    const id = ++latest.current; // only the newest answer may land
    setLoading(true);
    try {
      const result = await callFunction('services', { action: 'list' });
      if (id !== latest.current) return;
      setData(result);
      setError(null);
    } catch (e) {
      if (id !== latest.current) return;
      setError(toApiError(e));
    } finally {
      if (id === latest.current) setLoading(false);
    }
  }, [loadInbox]);

  const stopTimer = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };

  // Fires on first show too: the one place the list is loaded from.
  useDidShow(() => {
    void load();
    stopTimer();
    timer.current = setInterval(() => void load(), REFRESH_MS);
  });
  useDidHide(stopTimer);
  useUnload(stopTimer);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const enter = useCallback(async (s: ServiceListItem) => {
    if ((await openPage(s.path)) === 'missing') {
      // The flow's subpackage is not in this build yet.
      await Taro.showModal({ title: s.name, content: '该服务正在接入中，敬请期待', showCancel: false, confirmText: '知道了', confirmColor: '#1557b0' });
    }
  }, []);

  const open = useCallback(
    (s: ServiceListItem) => {
      // Say why and until when before the resident starts, not halfway through the flow.
      if (s.availability && BLOCKED.has(s.availability.state)) setSheetId(s.id);
      else void enter(s);
    },
    [enter],
  );

  const showInfo = useCallback((s: ServiceListItem) => setSheetId(s.id), []);

  const openMessages = useCallback(async () => {
    if ((await openPage(MESSAGES_PAGE)) === 'missing') {
      await Taro.showModal({ title: '消息', content: '消息中心暂时打不开，请稍后再试', showCancel: false, confirmText: '知道了', confirmColor: '#1557b0' });
    }
  }, []);

  const sheetService = sheetId ? data?.services.find((s) => s.id === sheetId) : undefined;

  const groups = data ? groupServices(data) : [];
  const updatedAt = data ? formatWhen(data.now, data.now) : null;

  return (
    <Page className='hub'>
      <View className='hub-header'>
        <View className='hub-header__top'>
          <View className='hub-header__title' role='heading' ariaRole='heading' aria-level='1'>
            便民服务
          </View>
          <View className='hub-header__actions'>
            {unread !== null ? <MessagesEntry unread={unread} onOpen={() => void openMessages()} /> : null}
            <LargeFontToggle />
          </View>
        </View>
        <Text className='hub-header__subtitle'>水电燃气缴费、交通违法、社保查询、12345 诉求，办理前先看能不能办</Text>
        {process.env.TARO_ENV === 'h5' ? <DevPanel onChange={() => void load()} /> : null}
      </View>

      <View className='hub-body'>
        {error ? (
          <ErrorCard
            prefix='hub'
            inline={!!data}
            title={data ? '刷新失败，下面是上次的结果' : '服务列表暂时打不开'}
            message={error.message}
            retrying={loading}
            onRetry={() => void load()}
          />
        ) : null}

        {!data && !error ? <LoadingSkeleton /> : null}

        {data ? <HubNotices notices={data.notices ?? []} onOpen={setSheetId} /> : null}

        {data && groups.length === 0 ? (
          <View className='hub-empty'>
            <Text className='hub-empty__title'>暂时没有可办理的服务</Text>
            <Text className='hub-empty__hint'>下拉页面可刷新</Text>
          </View>
        ) : null}

        {groups.map((g) => (
          <View key={g.category.id} className='hub-category' data-category-id={g.category.id}>
            <View className='hub-category__title' role='heading' ariaRole='heading' aria-level='2'>
              {g.category.name}
            </View>
            <View className='hub-grid'>
              {g.services.map((s) => (
                <ServiceTile key={s.id} service={s} onOpen={open} onInfo={showInfo} />
              ))}
            </View>
          </View>
        ))}

        {data && groups.length > 0 ? (
          <Text className='hub-footnote'>
            {loading ? '正在更新办理状态…' : `办理状态更新于 ${updatedAt ?? ''}，下拉可刷新`}
          </Text>
        ) : null}
      </View>

      {sheetService ? (
        <AvailabilitySheet
          availability={sheetService.availability}
          serviceId={sheetService.id}
          serviceName={sheetService.name}
          visible
          onClose={() => setSheetId(null)}
          onEnter={() => {
            setSheetId(null);
            void enter(sheetService);
          }}
        />
      ) : null}
    </Page>
  );
}

function LoadingSkeleton() {
  return (
    <View className='hub-loading' ariaLabel='正在加载服务'>
      <Text className='hub-loading__text'>正在加载服务…</Text>
      {[0, 1].map((c) => (
        <View key={c} className='hub-skeleton-category' aria-hidden='true'>
          <View className='hub-skeleton hub-skeleton--title' />
          <View className='hub-grid'>
            {[0, 1, 2, 3].map((t) => (
              <View key={t} className='hub-skeleton hub-skeleton--tile' />
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
