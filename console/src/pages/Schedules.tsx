import type { OperatorView, ScheduleVersionView, ServiceScheduleView } from '@bianmin/core/admin/contract';
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, MessagePlugin, Radio, Select, Table, Tag } from 'tdesign-react';
import { admin, ApiError } from '../api';
import { Labelled } from '../labelled';
import { beijing } from '../time';

const { FormItem } = Form;

const STATUS: Record<ScheduleVersionView['status'], [string, 'warning' | 'success' | 'default']> = {
  scheduled: ['待生效', 'warning'],
  in_force: ['生效中', 'success'],
  superseded: ['已被替代', 'default'],
  withdrawn: ['已撤回', 'default'],
};

/** `09:00-12:00, 14:00-17:30` → windows; null when a part is not two HH:mm times. */
function windowsOf(text: string): Array<{ start: string; end: string }> | null {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  if (!parts.length) return null;
  const out = parts.map((p) => /^([01]\d|2[0-3]):[0-5]\d[-–~至]([01]\d|2[0-3]):[0-5]\d$|^([01]\d|2[0-3]):[0-5]\d[-–~至]24:00$/.test(p) ? { start: p.slice(0, 5), end: p.slice(6) } : null);
  return out.every(Boolean) ? (out as Array<{ start: string; end: string }>) : null;
}

/**
 * Opening hours with an effective date, versioned: a new version takes over from its day (the
 * residents' pages say the change ahead), a scheduled one can be withdrawn, and the catalogue's
 * hours stay underneath.
 */
export function SchedulesPage({ operator }: { operator: OperatorView }) {
  const [services, setServices] = useState<ServiceScheduleView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [from, setFrom] = useState('');
  const [days, setDays] = useState<'everyday' | 'workdays'>('everyday');
  const [allDay, setAllDay] = useState(false);
  const [windows, setWindows] = useState('');
  const [holidays, setHolidays] = useState(false);
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const canWrite = operator.role !== 'auditor';

  const load = useCallback(async () => {
    try {
      setServices((await admin('schedules.list')).services);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '没有取到，请刷新重试。');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const mine = services.filter((s) => operator.role !== 'department_operator' || s.departmentId === operator.departmentId);

  const save = async () => {
    const errs: Record<string, string> = {};
    const w = allDay ? [{ allDay: true as const }] : windowsOf(windows);
    if (!serviceId) errs.serviceId = '请选择服务';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) errs.effectiveFrom = '生效日期应为 YYYY-MM-DD';
    if (!w) errs.windows = '办理时段应写成 09:00-12:00, 14:00-17:30';
    setFieldErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await admin('schedules.set', {
        serviceId,
        effectiveFrom: from,
        schedule: { timezone: 'Asia/Shanghai', days, windows: w, closedOnHolidays: days === 'workdays' || holidays },
        ...(note.trim() ? { note } : {}),
      });
      MessagePlugin.success('新的办理时间已保存，自生效日起居民看到的是新时间');
      await load();
    } catch (e) {
      if (e instanceof ApiError) {
        setFieldErrors(e.fields);
        MessagePlugin.error(e.message);
      }
    }
  };

  const withdraw = async (v: ScheduleVersionView) => {
    try {
      await admin('schedules.withdraw', { versionId: v.versionId });
      MessagePlugin.success('已撤回');
      await load();
    } catch (e) {
      MessagePlugin.error(e instanceof ApiError ? e.message : '没有撤回成功，请重试。');
    }
  };

  return (
    <div className="bm-page">
      <h2>办理时间</h2>
      {error && (
        <div role="alert">
          <Alert theme="error" message={error} />
        </div>
      )}
      {canWrite && (
        <Card title="修改办理时间（自某日起）" bordered className="bm-section">
          <Form labelWidth={140} onSubmit={save} colon>
            <FormItem label="服务" for="schedule-service" status={fieldErrors.serviceId ? 'error' : undefined} tips={fieldErrors.serviceId}>
              <Labelled id="schedule-service">
                <Select value={serviceId} onChange={(v) => setServiceId(String(v))} options={mine.map((s) => ({ label: s.name, value: s.serviceId }))} placeholder="选择服务" />
              </Labelled>
            </FormItem>
            <FormItem label="生效日期" for="schedule-from" status={fieldErrors.effectiveFrom ? 'error' : undefined} tips={fieldErrors.effectiveFrom}>
              <Labelled id="schedule-from">
                <Input value={from} onChange={(v) => setFrom(String(v))} placeholder="2026-04-01" style={{ width: 160 }} />
              </Labelled>
            </FormItem>
            <FormItem label="办理日">
              <Radio.Group value={days} onChange={(v) => setDays(v as typeof days)}>
                <Radio value="everyday">每天</Radio>
                <Radio value="workdays">法定工作日</Radio>
              </Radio.Group>
            </FormItem>
            <FormItem label="办理时段（北京时间）" for="schedule-windows" status={fieldErrors.windows ? 'error' : undefined} tips={fieldErrors.windows}>
              <div className="bm-row">
                <Checkbox checked={allDay} onChange={(v) => setAllDay(Boolean(v))}>
                  全天
                </Checkbox>
                {!allDay && (
                  <Labelled id="schedule-windows">
                    <Input value={windows} onChange={(v) => setWindows(String(v))} placeholder="09:00-12:00, 14:00-17:30" style={{ width: 280 }} />
                  </Labelled>
                )}
              </div>
            </FormItem>
            {days === 'everyday' && (
              <FormItem label="节假日">
                <Checkbox checked={holidays} onChange={(v) => setHolidays(Boolean(v))}>
                  法定节假日不办理
                </Checkbox>
              </FormItem>
            )}
            <FormItem label="说明" for="schedule-note">
              <Labelled id="schedule-note">
                <Input value={note} onChange={(v) => setNote(String(v))} placeholder="夏季作息" maxlength={200} />
              </Labelled>
            </FormItem>
            <FormItem>
              <Button theme="primary" type="submit">
                保存
              </Button>
            </FormItem>
          </Form>
        </Card>
      )}
      {mine.map((s) => (
        <Card key={s.serviceId} title={s.name} bordered className="bm-section">
          <p className="bm-muted">目录中的办理时间：{s.catalogue.lines.join('；')}</p>
          <Table
            rowKey="versionId"
            data={s.versions}
            empty="没有修改过"
            columns={[
              { colKey: 'effectiveFrom', title: '生效日期' },
              { colKey: 'lines', title: '办理时间', cell: ({ row }) => (row as ScheduleVersionView).lines.join('；') },
              { colKey: 'status', title: '状态', cell: ({ row }) => <Tag theme={STATUS[(row as ScheduleVersionView).status][1]}>{STATUS[(row as ScheduleVersionView).status][0]}</Tag> },
              { colKey: 'createdBy', title: '修改人' },
              { colKey: 'createdAt', title: '修改于', cell: ({ row }) => beijing((row as ScheduleVersionView).createdAt) },
              {
                colKey: 'op',
                title: '操作',
                cell: ({ row }) => {
                  const v = row as ScheduleVersionView;
                  return canWrite && v.status === 'scheduled' ? (
                    <Button size="small" variant="outline" onClick={() => withdraw(v)}>
                      撤回
                    </Button>
                  ) : null;
                },
              },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
