import type { StatusPageResult, StatusPageService, TicketHandling } from '@bianmin/core';
import { useEffect, useState } from 'react';
import { Alert, Card, Table, Tag } from 'tdesign-react';
import { ApiError, residentCall } from '../api';
import { beijing } from '../time';

const STATE: Record<string, [string, 'success' | 'warning' | 'danger' | 'default']> = {
  open: ['可办理', 'success'],
  closing_soon: ['即将暂停', 'warning'],
  closed: ['非办理时间', 'default'],
  maintenance: ['维护中', 'warning'],
  down: ['暂不可用', 'danger'],
};
const pct = (share: number | null) => (share === null ? '暂无数据' : `${(share * 100).toFixed(2)}%`);
const minutes = (m: number | null) => (m === null ? '—' : m < 60 ? `${m} 分钟` : `${(m / 60).toFixed(1)} 小时`);

/**
 * The public status page (`services.statusPage`, no sign-in), after GOV.UK Pay's and HMRC's:
 * each service now, what is planned in the next 7 days, what went wrong in the last 30, uptime;
 * and how each department handled its 12345 tickets against the limits.
 */
export function StatusPage() {
  const [page, setPage] = useState<StatusPageResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    residentCall<StatusPageResult>('services', { action: 'statusPage' })
      .then(setPage)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '状态页暂时没有取到，请稍后刷新。'));
  }, []);
  return (
    <div className="bm-page">
      <h2>便民服务状态</h2>
      {error && <div role="alert"><Alert theme="error" message={error} /></div>}
      {page && (
        <>
          <p className="bm-muted">更新于 {beijing(page.now)}（北京时间）</p>
          {page.services.map((s: StatusPageService) => {
            const [label, theme] = STATE[s.availability.state] ?? [s.availability.state, 'default'];
            return (
              <div key={s.serviceId} data-service-id={s.serviceId}>
              <Card className="bm-status-service" bordered title={`${s.name}（${s.departmentName}）`} actions={<Tag theme={theme}>{label}</Tag>}>
                <p>{s.availability.message}</p>
                {s.notices.map((n) => (
                  <p key={n.noticeId} data-notice-id={n.noticeId}>
                    <Tag variant="light">{n.status === 'in_force' ? '进行中' : n.status === 'upcoming' ? '计划' : '已结束'}</Tag> {beijing(n.startsAt)} 至 {n.endsAt ? beijing(n.endsAt) : '恢复为止'}：{n.reason}
                    {n.alternative ? `；可改为：${n.alternative}` : ''}
                  </p>
                ))}
                {s.planned
                  .filter((c) => !s.notices.some((n) => n.startsAt === c.startsAt))
                  .map((c) => (
                    <p key={c.startsAt} className="bm-muted">
                      计划：{c.message}
                    </p>
                  ))}
                <p className="bm-muted">
                  可用率：近 30 天 {pct(s.uptime.days30)}，近 90 天 {pct(s.uptime.days90)}；近 30 天中断 {s.incidents.length} 次
                </p>
              </Card>
              </div>
            );
          })}
          <Card title="12345 工单办理情况（近 90 天）" bordered>
            <Table
              rowKey="department"
              data={page.tickets}
              empty="暂无工单"
              columns={[
                { colKey: 'department', title: '办理部门' },
                { colKey: 'tickets', title: '工单数' },
                { colKey: 'accept', title: '受理用时中位数', cell: ({ row }) => `${minutes((row as TicketHandling).accept.medianMinutes)}（时限 ${(row as TicketHandling).accept.limit}）` },
                { colKey: 'acceptOnTime', title: '按时受理', cell: ({ row }) => pct((row as TicketHandling).accept.onTimeShare) },
                { colKey: 'reply', title: '答复用时中位数', cell: ({ row }) => `${minutes((row as TicketHandling).reply.medianMinutes)}（时限 ${(row as TicketHandling).reply.limit}）` },
                { colKey: 'replyOnTime', title: '按时答复', cell: ({ row }) => pct((row as TicketHandling).reply.onTimeShare) },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
