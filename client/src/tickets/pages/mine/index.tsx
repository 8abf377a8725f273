import { Text, View } from '@tarojs/components';
import { formatDateTime } from '@bianmin/core/format';
import Taro from '@tarojs/taro';
import { callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Notice, Page, PageBody, PageHeader, Phrases, pressable, RemoteStatus, StateView, StatusPill } from '../../../ui';
import { awaitingRating, STATUS_CHIP } from '../../shared/format';
import { detailUrl, PATHS } from '../../flow';
import { DeadlineLine, TicketStatus } from '../../shared/ui';
import '../../shared/tickets.css';

export default function MyTickets() {
  const list = useRemote(async () => (await callFunction('tickets', { action: 'tickets' })).tickets);
  const tickets = list.data ?? [];
  const toRate = awaitingRating(tickets);
  const file = () => void Taro.navigateTo({ url: PATHS.new });

  return (
    <Page className='bm-tk-mine'>
      <PageHeader title='我的诉求' subtitle='每件诉求的办理进度和下一步时限，最新的在最前' />
      <PageBody>
        <RemoteStatus remote={list} prefix='bm-tk-mine' errorTitle='诉求列表暂时打不开' loading={{ label: '正在加载我的诉求…', shape: 'cards', className: 'bm-tk-mine-loading' }} />
        {toRate > 0 ? (
          <Notice tone='info' title={`${toRate} 件诉求等待您评价`} className='bm-tk-mine-to-rate'>
            部门已经答复，请告诉 12345 是否满意；不满意可以在 7 天内申请重办。
          </Notice>
        ) : null}
        {list.data && tickets.length === 0 ? (
          <StateView
            kind='empty'
            className='bm-tk-mine-empty'
            icon='诉'
            title='还没有提交过诉求'
            text='遇到城市管理、交通、水电燃气等问题，可以向 12345 投诉、咨询或求助，限时答复。'
            action={
              <Button className='bm-tk-mine-new' onPress={file}>
                提交诉求
              </Button>
            }
          />
        ) : null}
        {tickets.map((t) => {
          const spoken = [`${t.urgent ? '紧急 · ' : ''}${t.kind} · ${t.category}`, STATUS_CHIP[t.status].label, t.preview, t.ticketNo ? `工单号 ${t.ticketNo}` : '工单号分配中', `${formatDateTime(t.filedAt)} 提交`, t.awaitingRating ? '待评价' : '']
            .filter(Boolean)
            .join('，');
          return (
            <View
              key={t.ticketId}
              className='bm-card bm-tk-ticket bm-tk-mine-ticket bm-focusable'
              data-ticket-id={t.ticketId}
              data-status={t.status}
              {...pressable(() => void Taro.navigateTo({ url: detailUrl(t.ticketId) }))}
              ariaLabel={spoken}
              hoverClass='bm-pressed'
            >
              <View className='bm-tk-ticket__head'>
                <Text className='bm-tk-ticket__title'>
                  {t.urgent ? '紧急 · ' : ''}
                  {t.kind} · {t.category}
                </Text>
                <TicketStatus status={t.status} />
              </View>
              <Text className='bm-tk-ticket__preview'>{t.preview}</Text>
              <Phrases className='bm-tk-ticket__meta' parts={[t.ticketNo ? `工单号 ${t.ticketNo}` : '工单号分配中', `${formatDateTime(t.filedAt)} 提交`]} />
              {t.notice ? <Text className='bm-tk-ticket__notice'>{t.notice}</Text> : null}
              <DeadlineLine deadline={t.nextDeadline} />
              {t.awaitingRating ? (
                <StatusPill tone='warn' className='bm-tk-mine-rate'>
                  待评价
                </StatusPill>
              ) : null}
            </View>
          );
        })}
        {list.data && tickets.length > 0 ? (
          <Button variant='secondary' className='bm-tk-mine-new' onPress={file}>
            提交新的诉求
          </Button>
        ) : null}
      </PageBody>
    </Page>
  );
}
