import { NOTICE_KIND_NAMES, NOTICE_KINDS, noticeInputSchema, type NoticeKind, type NoticeView, type OperatorView } from '@bianmin/core/admin/contract';
import { CATALOGUE } from '@bianmin/core/catalogue/index';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, MessagePlugin, Radio, Select, Table, Tag } from 'tdesign-react';
import { admin, ApiError } from '../api';
import { Labelled } from '../labelled';
import { beijing, instant } from '../time';

const { FormItem } = Form;

const STATUS = { upcoming: ['未开始', 'warning'], in_force: ['生效中', 'danger'], ended: ['已结束', 'default'] } as const;

interface Draft {
  serviceIds: string[];
  kind: NoticeKind;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  reason: string;
  stillWorks: string;
  alternative: string;
}

const EMPTY: Draft = { serviceIds: [], kind: 'maintenance', startDate: '', startTime: '', endDate: '', endTime: '', reason: '', stillWorks: '', alternative: '' };

/**
 * Closures and notices: what an operator publishes reaches the residents' hub, the service pages
 * and the status page at once (the functions re-read it within seconds). A department operator
 * publishes for their own department's services only; the server says so too.
 */
export function NoticesPage({ operator }: { operator: OperatorView }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<NoticeView[]>([]);
  const [scope, setScope] = useState<'current' | 'ended' | 'all'>('current');
  const [loadError, setLoadError] = useState<string | null>(null);
  const canWrite = operator.role !== 'auditor';

  const services = useMemo(
    () => CATALOGUE.services.filter((s) => operator.role !== 'department_operator' || s.department === operator.departmentId),
    [operator],
  );

  const load = useCallback(async () => {
    try {
      setNotices((await admin('notices.list', { status: scope })).notices);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '公告列表没有取到，请刷新重试。');
    }
  }, [scope]);

  useEffect(() => {
    void load();
  }, [load]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const publish = async () => {
    setFormError(null);
    const startsAt = instant(draft.startDate, draft.startTime);
    const endsAt = draft.endDate || draft.endTime ? instant(draft.endDate, draft.endTime) : undefined;
    const local: Record<string, string> = {};
    if (!startsAt) local.startsAt = '请填写开始日期（YYYY-MM-DD）和时间（HH:mm，北京时间）';
    if (endsAt === null) local.endsAt = '请填写结束日期（YYYY-MM-DD）和时间（HH:mm，北京时间）';
    const input = {
      serviceIds: draft.serviceIds,
      kind: draft.kind,
      startsAt: startsAt ?? '',
      ...(endsAt ? { endsAt } : {}),
      reason: draft.reason,
      ...(draft.stillWorks.trim() ? { stillWorks: draft.stillWorks } : {}),
      ...(draft.alternative.trim() ? { alternative: draft.alternative } : {}),
    };
    // The very schema the server parses with: the same words, before the round trip.
    const parsed = noticeInputSchema.safeParse(input);
    if (!parsed.success) for (const i of parsed.error.issues) local[String(i.path[0] ?? '_')] ??= i.message;
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const r = await admin('notices.publish', input);
      MessagePlugin.success(`已发布：${r.notice.services.map((s) => s.name).join('、')}${r.told ? `，已通知 ${r.told} 位设了提醒的居民` : ''}`);
      setDraft(EMPTY);
      await load();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.fields);
        setFormError(e.message);
      } else setFormError('发布没有成功，请重试。');
    } finally {
      setBusy(false);
    }
  };

  const end = async (n: NoticeView) => {
    try {
      const r = await admin('notices.end', { noticeId: n.noticeId });
      MessagePlugin.success(`已结束：${r.notice.reason}`);
      await load();
    } catch (e) {
      MessagePlugin.error(e instanceof ApiError ? e.message : '没有结束成功，请重试。');
    }
  };

  const status = (k: string) => (errors[k] ? ('error' as const) : undefined);

  return (
    <div className="bm-page">
      <h2>停服与公告</h2>
      {canWrite && (
        <Card title="发布" className="bm-section" bordered>
          {formError && <div role="alert"><Alert theme="error" message={formError} style={{ marginBottom: 16 }} /></div>}
          <Form labelWidth={140} onSubmit={publish} colon>
            <FormItem label="受影响的服务" for="notice-services" name="serviceIds" status={status('serviceIds')} tips={errors.serviceIds}>
              <Labelled id="notice-services">
              <Select
                multiple
                value={draft.serviceIds}
                onChange={(v) => set('serviceIds', v as string[])}
                options={services.map((s) => ({ label: s.name, value: s.id }))}
                placeholder="选择服务"
              />
              </Labelled>
            </FormItem>
            <FormItem label="类型" name="kind">
              <Radio.Group value={draft.kind} onChange={(v) => set('kind', v as NoticeKind)}>
                {NOTICE_KINDS.map((k) => (
                  <Radio key={k} value={k}>
                    {NOTICE_KIND_NAMES[k]}
                  </Radio>
                ))}
              </Radio.Group>
            </FormItem>
            <FormItem label="开始（北京时间）" for="notice-start-date" name="startsAt" status={status('startsAt')} tips={errors.startsAt}>
              <div className="bm-row">
                <Labelled id="notice-start-date" label="开始（北京时间）日期">
                  <Input value={draft.startDate} onChange={(v) => set('startDate', String(v))} placeholder="2026-03-11" style={{ width: 160 }} />
                </Labelled>
                <Labelled id="notice-start-time" label="开始（北京时间）时刻">
                  <Input value={draft.startTime} onChange={(v) => set('startTime', String(v))} placeholder="01:00" style={{ width: 100 }} />
                </Labelled>
              </div>
            </FormItem>
            <FormItem label="结束（北京时间）" for="notice-end-date" name="endsAt" status={status('endsAt')} tips={errors.endsAt ?? (draft.kind === 'incident' ? '故障可不填结束时间，恢复后点“结束”' : undefined)}>
              <div className="bm-row">
                <Labelled id="notice-end-date" label="结束（北京时间）日期">
                  <Input value={draft.endDate} onChange={(v) => set('endDate', String(v))} placeholder="2026-03-11" style={{ width: 160 }} />
                </Labelled>
                <Labelled id="notice-end-time" label="结束（北京时间）时刻">
                  <Input value={draft.endTime} onChange={(v) => set('endTime', String(v))} placeholder="03:00" style={{ width: 100 }} />
                </Labelled>
              </div>
            </FormItem>
            <FormItem label="原因" for="notice-reason" name="reason" status={status('reason')} tips={errors.reason ?? '居民看到：“因＿＿暂停办理”'}>
              <Labelled id="notice-reason">
                <Input value={draft.reason} onChange={(v) => set('reason', String(v))} placeholder="电费系统升级" maxlength={60} />
              </Labelled>
            </FormItem>
            <FormItem label="期间仍可办理" for="notice-still-works" name="stillWorks" status={status('stillWorks')} tips={errors.stillWorks}>
              <Labelled id="notice-still-works">
                <Input value={draft.stillWorks} onChange={(v) => set('stillWorks', String(v))} placeholder="已提交的缴费照常到账" maxlength={120} />
              </Labelled>
            </FormItem>
            <FormItem label="替代办理方式" for="notice-alternative" name="alternative" status={status('alternative')} tips={errors.alternative}>
              <Labelled id="notice-alternative">
                <Input value={draft.alternative} onChange={(v) => set('alternative', String(v))} placeholder="拨打 95598（24 小时）" maxlength={120} />
              </Labelled>
            </FormItem>
            <FormItem>
              <Button theme="primary" type="submit" loading={busy}>
                发布
              </Button>
            </FormItem>
          </Form>
        </Card>
      )}
      <Card
        title="已发布"
        bordered
        actions={
          <Radio.Group variant="default-filled" value={scope} onChange={(v) => setScope(v as typeof scope)}>
            <Radio.Button value="current">当前与未开始</Radio.Button>
            <Radio.Button value="ended">已结束</Radio.Button>
            <Radio.Button value="all">全部</Radio.Button>
          </Radio.Group>
        }
      >
        {loadError && <div role="alert"><Alert theme="error" message={loadError} /></div>}
        <Table
          rowKey="noticeId"
          data={notices}
          empty="暂无"
          columns={[
            { colKey: 'services', title: '服务', cell: ({ row }) => (row as NoticeView).services.map((s) => s.name).join('、') },
            { colKey: 'kind', title: '类型', cell: ({ row }) => NOTICE_KIND_NAMES[(row as NoticeView).kind] },
            { colKey: 'reason', title: '原因' },
            { colKey: 'window', title: '时间', cell: ({ row }) => `${beijing((row as NoticeView).startsAt)} 至 ${(row as NoticeView).endsAt ? beijing((row as NoticeView).endsAt) : '恢复为止'}` },
            {
              colKey: 'status',
              title: '状态',
              cell: ({ row }) => {
                const [label, theme] = STATUS[(row as NoticeView).status];
                return <Tag theme={theme as 'warning' | 'danger' | 'default'}>{label}</Tag>;
              },
            },
            { colKey: 'createdBy', title: '发布人' },
            {
              colKey: 'op',
              title: '操作',
              cell: ({ row }) => {
                const n = row as NoticeView;
                return canWrite && n.status !== 'ended' ? (
                  <Button variant="outline" theme="danger" size="small" onClick={() => end(n)} aria-label={`结束 ${n.reason}`}>
                    结束
                  </Button>
                ) : null;
              },
            },
          ]}
        />
      </Card>
    </div>
  );
}
