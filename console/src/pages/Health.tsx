import type { DepartmentHealthView, OutageView } from '@bianmin/core/admin/contract';
import { useEffect, useState } from 'react';
import { Alert, Card, Table, Tag } from 'tdesign-react';
import { admin, ApiError } from '../api';
import { beijing } from '../time';

const pct = (share: number | null) => (share === null ? '暂无数据' : `${(share * 100).toFixed(2)}%`);

/** Each department's health history: its state now, uptime over 30 days, outages with start, end and cause. */
export function HealthPage() {
  const [rows, setRows] = useState<DepartmentHealthView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    admin('health.history', { days: 30 })
      .then((r) => setRows(r.departments))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '没有取到，请刷新重试。'));
  }, []);
  return (
    <div className="bm-page">
      <h2>部门健康</h2>
      {error && <div role="alert"><Alert theme="error" message={error} /></div>}
      {rows.map((d) => (
        <Card key={d.departmentId} title={d.name} className="bm-section" bordered actions={<Tag theme={d.state === 'up' ? 'success' : d.state === 'down' ? 'danger' : 'default'}>{d.state === 'up' ? '正常' : d.state === 'down' ? '不可用' : '未知'}</Tag>}>
          <p>
            近 {d.uptime.days} 天可用率：{pct(d.uptime.share)}（{d.uptime.probes} 次探测）；最近探测 {beijing(d.lastProbeAt)}
          </p>
          <Table
            rowKey="startedAt"
            data={d.outages}
            empty="期间没有中断"
            columns={[
              { colKey: 'startedAt', title: '开始', cell: ({ row }) => beijing((row as OutageView).startedAt) },
              { colKey: 'endedAt', title: '恢复', cell: ({ row }) => ((row as OutageView).endedAt ? beijing((row as OutageView).endedAt) : '仍在中断') },
              { colKey: 'minutes', title: '时长', cell: ({ row }) => `${(row as OutageView).minutes} 分钟` },
              { colKey: 'cause', title: '原因' },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
