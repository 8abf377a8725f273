import { Text, View } from '@tarojs/components';
import type { StatusPageResult, StatusPageService, TicketHandling } from '@bianmin/core';
import { momentLabel } from '@bianmin/core/availability/vocabulary';
import { callFunction } from '../../../api';
import { ServiceStatusBadge } from '../../../components/service-status-badge';
import { useRemote } from '../../../hooks/use-remote';
import { CardTitle, Page, PageHeader, RemoteStatus } from '../../../ui';
import { DEPARTMENT_STATE, departmentRecords, duration, percent, uptimeLine, type DepartmentRecord } from './record';
import './index.css';

/** The status changes under an open page (a maintenance starts, a department comes back). */
const REFRESH_MS = 60 * 1000;
/** Older incidents stay in the count; the list shows the newest. */
const SHOWN_INCIDENTS = 5;

/**
 * The public status page, after GOV.UK Pay's and HMRC's: each department's services now (the
 * reason and the reopening time, what still works, where else to go), its uptime measured by
 * the health probes, its incidents of the last 30 days and how its 12345 tickets were answered.
 * No sign-in: `services.statusPage` answers anyone.
 */
export default function ServiceStatus() {
  const remote = useRemote(() => callFunction('services', { action: 'statusPage' }), { refreshMs: REFRESH_MS, asOf: (d: StatusPageResult) => d.now });
  const page = remote.data;
  const records = page ? departmentRecords(page) : [];

  return (
    <Page className='bm-status'>
      <PageHeader className='bm-status-head' title='各部门服务状态' subtitle={page ? `更新于 ${momentLabel(page.now, page.now)}（北京时间）` : '停办原因、恢复时间和近 30 天记录'} />
      <View className='bm-status-body'>
        <RemoteStatus remote={remote} prefix='bm-status' errorTitle='服务状态暂时打不开' loading={{ label: '正在加载服务状态…', count: 2, className: 'bm-status-loading' }} />
        {records.map((d) => (
          <DepartmentCard key={d.departmentId} record={d} now={page!.now} />
        ))}
        {page ? <TicketsCard tickets={page.tickets} /> : null}
        {page ? <Text className='bm-status-footnote'>{remote.loading ? '正在更新…' : '可用率由便民每分钟探测各部门系统得出。下拉可刷新'}</Text> : null}
      </View>
    </Page>
  );
}

function DepartmentCard({ record: d, now }: { record: DepartmentRecord; now: string }) {
  const shown = d.incidents.slice(0, SHOWN_INCIDENTS);
  return (
    <View className={`bm-card bm-status-dept bm-status-dept--${d.state}`} data-department-id={d.departmentId}>
        <CardTitle>{d.name}</CardTitle>
        <Text className={`bm-status-dept__state bm-status-dept__state--${d.state}`}>{DEPARTMENT_STATE[d.state]}</Text>
        <Text className='bm-status-dept__uptime'>{uptimeLine(d.uptime)}</Text>

        {d.services.map((s) => (
          <ServiceRow key={s.serviceId} service={s} now={now} departmentName={d.name} />
        ))}

        <View className='bm-status-incidents'>
          <Text className='bm-status-incidents__title'>{d.incidents.length > 0 ? `近 30 天中断 ${d.incidents.length} 次` : '近 30 天没有中断'}</Text>
          {shown.map((i) => (
            <Text key={`${i.kind}-${i.startedAt}-${i.description}`} className={`bm-status-incident bm-status-incident--${i.kind}`}>
              {`${momentLabel(i.startedAt, now)} 起${i.endedAt ? `，${duration(i.minutes)}` : `，仍在处理（已 ${duration(i.minutes)}）`}：${i.description}${i.kind === 'incident' ? '（部门公告）' : ''}`}
            </Text>
          ))}
        </View>

    </View>
  );
}

function ServiceRow({ service: s, now, departmentName }: { service: StatusPageService; now: string; departmentName: string }) {
  const a = s.availability;
  const notice = a.notice;
  const planned = s.notices.filter((n) => n.status === 'upcoming');
  return (
    <View className='bm-status-service' data-service-id={s.serviceId} data-state={a.state}>
      <View className='bm-status-service__head'>
        <Text className='bm-status-service__name'>{s.name}</Text>
        <ServiceStatusBadge availability={a} departmentName={departmentName} />
      </View>
      {a.state !== 'open' ? <Text className='bm-status-service__message'>{a.message}</Text> : null}
      {notice && notice.reason && !a.message.includes(notice.reason) ? <Text className='bm-status-service__reason'>{`原因：${notice.reason}`}</Text> : null}
      {notice?.stillWorks ? <Text className='bm-status-service__detail'>{`仍可办理：${notice.stillWorks}`}</Text> : null}
      {notice?.alternative ? <Text className='bm-status-service__detail'>{`可改为：${notice.alternative}`}</Text> : null}
      {planned.map((n) => (
        <Text key={n.noticeId} className='bm-status-service__planned' data-notice-id={n.noticeId}>
          {`计划：${momentLabel(n.startsAt, now)} 至 ${n.endsAt ? momentLabel(n.endsAt, now) : '恢复为止'}，${n.reason}`}
        </Text>
      ))}
    </View>
  );
}

/**
 * How 12345 tickets were answered, by the department holding each (the 12345 centre until one is
 * dispatched; many are not among the services above), so residents can see who answers.
 */
function TicketsCard({ tickets }: { tickets: TicketHandling[] }) {
  const median = (m: number | null) => (m === null ? '暂无' : `中位 ${duration(m)}`);
  return (
    <View className='bm-card bm-status-tickets'>
      <CardTitle>12345 诉求办理（近 90 天）</CardTitle>
      {tickets.length === 0 ? <Text className='bm-status-tickets__line'>近 90 天没有诉求</Text> : null}
      {tickets.map((t) => (
        <View key={t.department} className='bm-status-tickets__dept' data-department={t.department}>
          <Text className='bm-status-tickets__title'>{`${t.department}：${t.tickets} 件`}</Text>
          <Text className='bm-status-tickets__line'>{`受理用时${median(t.accept.medianMinutes)}，按时 ${percent(t.accept.onTimeShare)}${t.accept.overdueNow ? `，${t.accept.overdueNow} 件已超时未受理` : ''}`}</Text>
          <Text className='bm-status-tickets__line'>{`答复用时${median(t.reply.medianMinutes)}，按时 ${percent(t.reply.onTimeShare)}${t.reply.overdueNow ? `，${t.reply.overdueNow} 件已超时未答复` : ''}`}</Text>
        </View>
      ))}
      {tickets[0] ? <Text className='bm-status-tickets__limit'>{`时限：受理 ${tickets[0].accept.limit}；答复 ${tickets[0].reply.limit}`}</Text> : null}
    </View>
  );
}
