import { type AuditEntryView, ROLE_NAMES } from '@bianmin/core/admin/contract';
import { useEffect, useState } from 'react';
import { Alert, Card, Table } from 'tdesign-react';
import { admin, ApiError } from '../api';
import { beijing } from '../time';

const ACTION_NAMES: Record<string, string> = {
  'notices.publish': '发布公告',
  'notices.end': '结束公告',
  'schedules.set': '修改办理时间',
  'schedules.withdraw': '撤回办理时间',
  'queues.retryRefund': '重新退款',
  'queues.resolveDifference': '处理对账差异',
  signIn: '登录',
  signOut: '退出',
};

const brief = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v).slice(0, 160));

/** Every operator action, who, what, when, before → after: append-only, read by auditors and city administrators. */
export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    admin('audit.list', { limit: 200 })
      .then((r) => setEntries(r.entries))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '审计日志没有取到，请刷新重试。'));
  }, []);
  return (
    <div className="bm-page">
      <h2>审计日志</h2>
      {error && <div role="alert"><Alert theme="error" message={error} /></div>}
      <Card bordered>
        <Table
          rowKey="id"
          data={entries}
          empty="暂无记录"
          columns={[
            { colKey: 'at', title: '时间', cell: ({ row }) => beijing((row as AuditEntryView).at), width: 150 },
            { colKey: 'operatorName', title: '操作人', cell: ({ row }) => `${(row as AuditEntryView).operatorName}（${ROLE_NAMES[(row as AuditEntryView).role]}）` },
            { colKey: 'action', title: '操作', cell: ({ row }) => ACTION_NAMES[(row as AuditEntryView).action] ?? (row as AuditEntryView).action },
            { colKey: 'subjectId', title: '对象' },
            { colKey: 'before', title: '之前', cell: ({ row }) => brief((row as AuditEntryView).before) },
            { colKey: 'after', title: '之后', cell: ({ row }) => brief((row as AuditEntryView).after) },
            { colKey: 'note', title: '说明' },
          ]}
        />
      </Card>
    </div>
  );
}
