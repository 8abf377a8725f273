import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ServicesListResult } from '@bianmin/core';
import { callFunction, toApiError } from '../../api';
import { openPage } from '../../navigation';
import { useRemote } from '../../hooks/use-remote';
import { CardTitle } from '../../ui/card';
import { COLORS } from '../../ui/tokens';
import { Page } from '../../ui/page';
import { PageHeader } from '../../ui/page-header';
import { RemoteStatus } from '../../ui/remote-status';
import { StateView } from '../../ui/state-view';
import { LargeFontToggle } from '../../components/large-font-toggle';
import { DevPanel } from '../../components/resident-picker';
import { AvailabilitySheet } from '../../components/availability-sheet';
import { groupServices, type HubTile } from './group';
import { ServiceTile } from './service-tile';
import { HubNotices } from './notices';
import { AgendaEntry } from './agenda-entry';
import { MessagesEntry } from './messages-entry';
import { MyTicketsEntry, type MyTicketsCount } from './my-tickets-entry';
import { HubLinkRow } from './link-row';
import { ComingSoonSheet } from './coming-soon-sheet';
import { openNowSentence } from './summary';
import './index.css';

/** Opening hours change under an open page (23:30 settlement pauses…): re-ask once a minute. */
const REFRESH_MS = 60 * 1000;
const MESSAGES_PAGE = '/messages/pages/index/index';
const FAMILY_PAGE = '/me/pages/family/index';

/** A resident's own number; null while no resident is known (then there is nothing of theirs to open). */
async function signedIn<T>(ask: () => Promise<T>): Promise<T | null> {
  try {
    return await ask();
  } catch (e) {
    if (toApiError(e).code === 'UNAUTHENTICATED') return null;
    throw e;
  }
}

/** Unread messages. */
const unreadCount = () => signedIn(async () => (await callFunction('messages', { action: 'list' })).unread);

const MY_TICKETS_PAGE = '/tickets/pages/mine/index';
/** What Bianmin holds about the resident: see, export, delete. */
const MY_DATA_PAGE = '/me/pages/data/index';
const AGENDA_PAGE = '/me/pages/agenda/index';

/** How many things wait for the resident (我的待办): not a department that did not answer. */
const agendaCount = () => signedIn(async () => (await callFunction('me', { action: 'agenda' })).items.filter((i) => i.kind !== 'unavailable').length);
/** The public record of every department (no sign-in). */
const STATUS_PAGE = '/services/pages/status/index';

/** The resident's 12345 tickets in two numbers. */
const ticketCount = () =>
  signedIn(async (): Promise<MyTicketsCount> => {
    const { tickets } = await callFunction('tickets', { action: 'tickets' });
    return { total: tickets.length, toRate: tickets.filter((t) => t.awaitingRating).length };
  });

export default function Hub() {
  const list = useRemote(() => callFunction('services', { action: 'list' }), { refreshMs: REFRESH_MS, asOf: (d: ServicesListResult) => d.now });
  const inbox = useRemote(unreadCount, { refreshMs: REFRESH_MS });
  const myTickets = useRemote(ticketCount, { refreshMs: REFRESH_MS });
  // Asks every department the resident has something with: once per visit, not every minute.
  const agenda = useRemote(agendaCount);
  /** The service whose availability sheet is open. */
  const [sheetId, setSheetId] = useState<string | null>(null);
  const [comingSoon, setComingSoon] = useState<string | null>(null);
  const data = list.data;

  const enter = useCallback(async (t: HubTile) => {
    if ((await openPage(t.path)) === 'missing') setComingSoon(t.name);
  }, []);

  const open = useCallback(
    (t: HubTile) => {
      if (!t.live) setComingSoon(t.name);
      // Say why and until when before the resident starts, not halfway through the flow.
      else if (t.blocked) setSheetId(t.main.id);
      else void enter(t);
    },
    [enter],
  );

  const openMessages = useCallback(async () => {
    if ((await openPage(MESSAGES_PAGE)) === 'missing') {
      await Taro.showModal({ title: '消息', content: '消息中心暂时打不开，请稍后再试', showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    }
  }, []);

  const reloadAll = () => {
    void list.reload();
    void inbox.reload();
    void myTickets.reload();
    void agenda.reload();
  };

  const groups = data ? groupServices(data) : [];
  const tiles = groups.flatMap((g) => g.tiles);
  const liveNames = tiles.filter((t) => t.live).map((t) => t.name);
  const sheetService = sheetId ? data?.services.find((s) => s.id === sheetId) : undefined;
  const sheetTile = sheetService ? tiles.find((t) => t.ids.includes(sheetService.id)) : undefined;
  const updatedAt = list.asOf ? list.asOf.slice(11, 16) : null;

  return (
    <Page
      className='bm-hub'
      overlay={
        <>
          {sheetService ? (
            <AvailabilitySheet
              availability={sheetService.availability}
              serviceId={sheetService.id}
              serviceName={sheetService.name}
              departmentName={sheetService.departmentName}
              visible
              onClose={() => setSheetId(null)}
              onEnter={
                sheetTile
                  ? () => {
                      setSheetId(null);
                      void enter(sheetTile);
                    }
                  : undefined
              }
            />
          ) : null}
          <ComingSoonSheet name={comingSoon} liveNames={liveNames} onClose={() => setComingSoon(null)} />
        </>
      }
    >
      <PageHeader
        className='bm-hub-header'
        back={false}
        title='便民服务'
        subtitle={openNowSentence(tiles)}
        actions={
          <>
            {inbox.data != null ? <MessagesEntry unread={inbox.data} onOpen={() => void openMessages()} /> : null}
            <LargeFontToggle />
          </>
        }
      >
        {process.env.TARO_ENV === 'h5' ? <DevPanel onChange={reloadAll} /> : null}
      </PageHeader>

      <View className='bm-hub-body'>
        <RemoteStatus remote={list} prefix='bm-hub' errorTitle='服务列表暂时打不开' loading={{ label: '正在加载服务…', shape: 'tiles', className: 'bm-hub-loading' }} />

        {agenda.data != null ? <AgendaEntry count={agenda.data} onOpen={() => void openPage(AGENDA_PAGE)} /> : null}

        {data ? <HubNotices notices={data.notices} services={data.services} onOpen={setSheetId} /> : null}

        {data && groups.length === 0 ? (
          <StateView kind='empty' className='bm-hub-empty' icon='办' title='暂时没有可办理的服务' text='下拉页面可刷新' />
        ) : null}

        {groups.map((g) => (
          <View key={g.category.id} className='bm-hub-category' data-category-id={g.category.id}>
            <CardTitle className='bm-hub-category__title'>{g.category.name}</CardTitle>
            <View className='bm-hub-grid'>
              {g.tiles.map((t) => (
                <ServiceTile key={t.id} tile={t} onOpen={open} onInfo={(x) => setSheetId(x.main.id)} />
              ))}
            </View>
            {g.category.id === 'tickets' && myTickets.data ? <MyTicketsEntry count={myTickets.data} onOpen={() => void openPage(MY_TICKETS_PAGE)} /> : null}
          </View>
        ))}

        {data && groups.length > 0 ? <HubLinkRow className='bm-hub-family-entry' title='亲友代办' note='帮家人缴费查询' onOpen={() => void openPage(FAMILY_PAGE)} /> : null}
        {data && groups.length > 0 ? <HubLinkRow className='bm-hub-status-entry' title='各部门服务状态' note='停办与中断记录' onOpen={() => void openPage(STATUS_PAGE)} /> : null}
        {inbox.data != null ? <HubLinkRow className='bm-hub-my-data' title='我的数据' note='查看、导出或删除' onOpen={() => void openPage(MY_DATA_PAGE)} /> : null}

        {data && groups.length > 0 ? (
          <Text className='bm-hub-footnote'>{list.loading ? '正在更新办理状态…' : `办理状态更新于 ${updatedAt ?? ''}，下拉可刷新`}</Text>
        ) : null}
      </View>
    </Page>
  );
}
