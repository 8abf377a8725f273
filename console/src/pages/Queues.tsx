import type { AdminOutputs, DifferenceView, OperatorView, StuckRefundView, TicketQueueGroup } from '@bianmin/core/admin/contract';
import { DEPARTMENTS, type DepartmentId } from '@bianmin/core/departments';
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Input, MessagePlugin, Table, Tag } from 'tdesign-react';
import { admin, ApiError } from '../api';
import { Labelled } from '../labelled';
import { beijing, yuan } from '../time';

const dept = (id: string | null) => (id ? (DEPARTMENTS[id as DepartmentId]?.name ?? id) : '—');

/** What needs a person: refunds WeChat keeps refusing, payments that do not reconcile, 12345 tickets due or overdue. */
export function QueuesPage({ operator }: { operator: OperatorView }) {
  const [refunds, setRefunds] = useState<StuckRefundView[]>([]);
  const [diffs, setDiffs] = useState<AdminOutputs['queues.differences'] | null>(null);
  const [tickets, setTickets] = useState<TicketQueueGroup[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const canWrite = operator.role !== 'auditor';
  // The 12345 centre chases ticket deadlines (and city administrators, auditors read them); the handling bureaus work in the platform.
  const chasesTickets = operator.role !== 'department_operator' || operator.departmentId === 'hotline';

  const load = useCallback(async () => {
    try {
      const [r, d, t] = await Promise.all([admin('queues.refunds'), admin('queues.differences', { status: 'open' }), chasesTickets ? admin('queues.tickets') : Promise.resolve(null)]);
      setRefunds(r.refunds);
      setDiffs(d);
      setTickets(t?.departments ?? []);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '队列没有取到，请刷新重试。');
    }
  }, [chasesTickets]);

  useEffect(() => {
    void load();
  }, [load]);

  const retry = async (r: StuckRefundView) => {
    try {
      const a = await admin('queues.retryRefund', { refundId: r.refundId });
      const words = { refunded: '微信支付已退款', requested: '已再次发起退款，等待微信支付确认', refused: '微信支付仍然拒绝' } as const;
      (a.outcome === 'refused' ? MessagePlugin.warning : MessagePlugin.success)(`${r.orderId}：${words[a.outcome]}`);
      await load();
    } catch (e) {
      MessagePlugin.error(e instanceof ApiError ? e.message : '没有成功，请重试。');
    }
  };

  const resolve = async (d: DifferenceView) => {
    try {
      await admin('queues.resolveDifference', { itemId: d.itemId, note: notes[d.itemId] ?? '' });
      MessagePlugin.success('已标记为处理完毕');
      await load();
    } catch (e) {
      MessagePlugin.error(e instanceof ApiError ? e.message : '没有成功，请重试。');
    }
  };

  const overdue = tickets.reduce((s, g) => s + g.overdue, 0);

  return (
    <div className="bm-page">
      <h2>待办队列</h2>
      {error && <div role="alert"><Alert theme="error" message={error} /></div>}
      <section aria-labelledby="q-refunds" className="bm-section">
          <h3 id="q-refunds">退款受阻（{refunds.length}）</h3>
          <Card bordered>
            <p className="bm-muted">微信支付多次拒绝的退款：钱是居民的，须有人跟进直到退回。</p>
            <Table
              rowKey="refundId"
              data={refunds}
              empty="没有受阻的退款"
              columns={[
                { colKey: 'orderId', title: '订单' },
                { colKey: 'departmentId', title: '部门', cell: ({ row }) => dept((row as StuckRefundView).departmentId) },
                { colKey: 'amount', title: '金额', cell: ({ row }) => yuan((row as StuckRefundView).amount) },
                { colKey: 'attempts', title: '已尝试', cell: ({ row }) => `${(row as StuckRefundView).attempts} 次` },
                { colKey: 'lastError', title: '微信支付的答复' },
                { colKey: 'createdAt', title: '发起于', cell: ({ row }) => beijing((row as StuckRefundView).createdAt) },
                {
                  colKey: 'op',
                  title: '操作',
                  cell: ({ row }) =>
                    canWrite ? (
                      <Button size="small" variant="outline" onClick={() => retry(row as StuckRefundView)} aria-label={`重新退款 ${(row as StuckRefundView).orderId}`}>
                        重新退款
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
      </section>
      <section aria-labelledby="q-differences" className="bm-section" data-queue="differences">
          <h3 id="q-differences">对账差异（{diffs?.differences.length ?? 0}）</h3>
          <Card bordered>
            <p className="bm-muted">
              每日对账：微信支付对账单、我们的台账、部门入账三方核对。
              {diffs?.lastRun ? `最近一次：${diffs.lastRun.day}（${diffs.lastRun.status === 'done' ? '已完成' : diffs.lastRun.status}）` : '尚未对过账。'}
            </p>
            <Table
              rowKey="itemId"
              data={diffs?.differences ?? []}
              empty="没有未处理的差异"
              columns={[
                { colKey: 'day', title: '账期' },
                { colKey: 'kindName', title: '差异' },
                { colKey: 'orderId', title: '订单', cell: ({ row }) => (row as DifferenceView).orderId ?? '—' },
                { colKey: 'wechatAmount', title: '微信支付', cell: ({ row }) => yuan((row as DifferenceView).wechatAmount) },
                { colKey: 'ledgerAmount', title: '台账', cell: ({ row }) => yuan((row as DifferenceView).ledgerAmount) },
                { colKey: 'postedAmount', title: '部门入账', cell: ({ row }) => yuan((row as DifferenceView).postedAmount) },
                { colKey: 'detail', title: '说明' },
                {
                  colKey: 'op',
                  title: '处理',
                  cell: ({ row }) => {
                    const d = row as DifferenceView;
                    return canWrite ? (
                      <div className="bm-row">
                        <Labelled id={`note-${d.itemId}`} label={`处理说明 ${d.orderId ?? d.itemId}`}>
                          <Input size="small" value={notes[d.itemId] ?? ''} onChange={(v) => setNotes((n) => ({ ...n, [d.itemId]: String(v) }))} placeholder="处理说明（至少 4 个字）" style={{ width: 200 }} />
                        </Labelled>
                        <Button size="small" variant="outline" onClick={() => resolve(d)}>
                          处理完毕
                        </Button>
                      </div>
                    ) : null;
                  },
                },
              ]}
            />
          </Card>
      </section>
      {chasesTickets && (
      <section aria-labelledby="q-tickets" className="bm-section">
          <h3 id="q-tickets">12345 临期与超期（{overdue} 件超期）</h3>
          <Card bordered>
            {tickets.length === 0 && <p>没有临期或超期的工单。</p>}
            {tickets.map((g) => (
              <section key={g.department} className="bm-section" aria-label={g.department}>
                <h3 style={{ fontSize: 16 }}>
                  {g.department} <Tag theme="danger">超期 {g.overdue}</Tag> <Tag theme="warning">临期 {g.dueSoon}</Tag>
                </h3>
                <Table
                  rowKey="dueAt"
                  data={g.tickets.map((t, i) => ({ ...t, key: `${t.ticketNo ?? 'new'}-${i}` }))}
                  columns={[
                    { colKey: 'ticketNo', title: '工单号', cell: ({ row }) => (row as { ticketNo: string | null }).ticketNo ?? '待受理' },
                    { colKey: 'category', title: '类别' },
                    { colKey: 'step', title: '环节', cell: ({ row }) => ((row as { step: string }).step === 'accept' ? '受理' : '答复') },
                    { colKey: 'rule', title: '时限' },
                    { colKey: 'dueAt', title: '到期', cell: ({ row }) => beijing((row as { dueAt: string }).dueAt) },
                    { colKey: 'state', title: '', cell: ({ row }) => ((row as { state: string }).state === 'overdue' ? <Tag theme="danger">已超期</Tag> : <Tag theme="warning">临期</Tag>) },
                  ]}
                />
              </section>
            ))}
          </Card>
      </section>
      )}
    </div>
  );
}
