import { z } from 'zod';
import type { AvailabilityNotice } from '../availability-types';
import { scheduleSchema } from '../availability/schedule';
import { CATALOGUE } from '../catalogue';
import { DEPARTMENT_IDS, type DepartmentId } from '../departments';
import { text } from '../text';
import { parseInstant } from '../time';

/**
 * The operator console's calls: `POST /api/admin` (CloudBase: the `admin` HTTP function) with
 * `Authorization: Bearer <token>` and the residents' envelope, `{ action, ...params }`. Operators
 * are staff; the words are still plain Chinese, and every field a form shows is checked here, by
 * the same schema the console validates with.
 */

export const OPERATOR_ROLES = ['city_admin', 'department_operator', 'auditor'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const ROLE_NAMES: Record<OperatorRole, string> = { city_admin: '市级管理员', department_operator: '部门运营人员', auditor: '审计人员' };

export const NOTICE_KINDS = ['maintenance', 'incident', 'notice'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_NAMES: Record<NoticeKind, string> = { maintenance: '计划维护', incident: '故障', notice: '公告' };

/** The longest a maintenance may be announced for: longer closures are schedule changes. */
export const MAX_MAINTENANCE_DAYS = 31;
/** How far ahead a notice may be published: residents plan a week or two, not a year. */
export const MAX_NOTICE_LEAD_DAYS = 180;

const SERVICE_IDS = CATALOGUE.services.map((s) => s.id) as [string, ...string[]];

const instant = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(40, `${label}格式不正确`)
    .refine((s) => parseInstant(s) !== null, `${label}应为带时区的时间，如 2026-03-11T01:00:00+08:00`);

const uuid = (label: string) => z.string({ error: `请提供${label}` }).uuid(`${label}格式不正确`);

const serviceId = z.enum(SERVICE_IDS, { error: '没有这项服务' });

const shanghaiDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD`)
    .refine((s) => parseInstant(`${s}T00:00:00+08:00`) !== null, `${label}不是真实的日期`);

export const noticeInputSchema = z
  .object({
    serviceIds: z.array(serviceId, { error: '请选择受影响的服务' }).min(1, '请至少选择一项服务').max(SERVICE_IDS.length, '服务重复了'),
    kind: z.enum(NOTICE_KINDS, { error: '类型应为 maintenance（计划维护）、incident（故障）或 notice（公告）' }),
    startsAt: instant('开始时间'),
    endsAt: instant('结束时间').optional(),
    /** What the resident is told, e.g. '电费系统升级': said as "因电费系统升级暂停办理". */
    reason: text({ label: '原因', min: 2, max: 60 }),
    /** GOV.UK: what happened to the resident's answers, what they can still do. */
    stillWorks: text({ label: '期间仍可办理的事项', min: 0, max: 120, multiline: false }).optional(),
    /** An alternative with its hours and a contact. */
    alternative: text({ label: '替代办理方式', min: 0, max: 120 }).optional(),
  })
  .strict()
  .superRefine((n, ctx) => {
    if (new Set(n.serviceIds).size !== n.serviceIds.length) ctx.addIssue({ code: 'custom', path: ['serviceIds'], message: '同一项服务选了两次' });
    const start = parseInstant(n.startsAt);
    const end = n.endsAt ? parseInstant(n.endsAt) : null;
    if (n.kind === 'maintenance' && !n.endsAt) {
      // GOV.UK's service-unavailable pattern: say exactly when it is back.
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '计划维护必须写明结束时间，居民需要知道何时恢复' });
    }
    if (start && end) {
      if (end.getTime() <= start.getTime()) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间应晚于开始时间' });
      else if (n.kind === 'maintenance' && end.getTime() - start.getTime() > MAX_MAINTENANCE_DAYS * 86_400_000) {
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `计划维护最长 ${MAX_MAINTENANCE_DAYS} 天；更长的停办请修改办理时间` });
      }
    }
  });
export type NoticeInput = z.input<typeof noticeInputSchema>;

export const adminInput = {
  /** The WeChat Work sign-in page to send the operator to (public). */
  signInUrl: z.object({ state: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'state 应为 8–64 位字母数字') }).strict(),
  /** WeChat Work's code after the sign-in → a session token (public). */
  signIn: z.object({ code: z.string().min(1, '缺少企业微信登录码').max(512).regex(/^[\x21-\x7e]+$/, '登录码格式不正确') }).strict(),
  me: z.object({}).strict(),
  signOut: z.object({}).strict(),
  'notices.publish': noticeInputSchema,
  'notices.end': z.object({ noticeId: uuid('公告编号 noticeId'), note: text({ label: '说明', min: 0, max: 200 }).optional() }).strict(),
  'notices.list': z.object({ status: z.enum(['current', 'ended', 'all'], { error: '范围应为 current、ended 或 all' }).default('current') }).strict(),
  'schedules.list': z.object({ serviceId: serviceId.optional() }).strict(),
  'schedules.set': z
    .object({
      serviceId,
      effectiveFrom: shanghaiDate('生效日期'),
      schedule: scheduleSchema,
      note: text({ label: '说明', min: 0, max: 200 }).optional(),
    })
    .strict(),
  'schedules.withdraw': z.object({ versionId: uuid('版本编号 versionId'), note: text({ label: '说明', min: 0, max: 200 }).optional() }).strict(),
  'queues.refunds': z.object({}).strict(),
  'queues.retryRefund': z.object({ refundId: z.string().regex(/^[0-9A-Za-z_|*@-]{1,64}$/, '退款编号格式不正确'), note: text({ label: '说明', min: 0, max: 200 }).optional() }).strict(),
  'queues.differences': z.object({ status: z.enum(['open', 'resolved', 'all'], { error: '状态应为 open、resolved 或 all' }).default('open') }).strict(),
  'queues.resolveDifference': z.object({ itemId: uuid('差异编号 itemId'), note: text({ label: '处理说明', min: 4, max: 300, multiline: true }) }).strict(),
  'queues.tickets': z.object({}).strict(),
  'health.history': z.object({ departmentId: z.enum(DEPARTMENT_IDS, { error: '没有这个部门' }).optional(), days: z.number({ error: '天数应为数字' }).int().min(1).max(90).default(30) }).strict(),
  'audit.list': z
    .object({
      operatorId: z.string().regex(/^[a-z0-9-]{2,40}$/, '操作员编号格式不正确').optional(),
      /** The action to list (`notices.publish`…): not `action`, which names the call itself. */
      ofAction: z.string().regex(/^[a-zA-Z.]{2,40}$/, '操作名格式不正确').optional(),
      /** Entries before this id (paging back). */
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    })
    .strict(),
  'operators.list': z.object({}).strict(),
};

export type AdminAction = keyof typeof adminInput;

export interface OperatorView {
  operatorId: string;
  name: string;
  role: OperatorRole;
  roleName: string;
  departmentId?: DepartmentId;
  departmentName?: string;
}

export type NoticeStatus = 'upcoming' | 'in_force' | 'ended';

export interface NoticeView extends AvailabilityNotice {
  serviceIds: string[];
  services: Array<{ serviceId: string; name: string }>;
  departmentIds: DepartmentId[];
  status: NoticeStatus;
  /** When it really ended (an early end by an operator), if it did. */
  endedAt?: string;
  createdAt: string;
  createdBy: string;
  endedBy?: string;
}

export interface ScheduleVersionView {
  versionId: string;
  serviceId: string;
  effectiveFrom: string;
  lines: string[];
  schedule: unknown;
  createdAt: string;
  createdBy: string;
  withdrawnAt?: string;
  status: 'scheduled' | 'in_force' | 'superseded' | 'withdrawn';
}

export interface ServiceScheduleView {
  serviceId: string;
  name: string;
  departmentId: DepartmentId;
  /** The catalogue's schedule, as residents read it. */
  catalogue: { lines: string[]; schedule: unknown };
  versions: ScheduleVersionView[];
}

export interface StuckRefundView {
  refundId: string;
  orderId: string;
  departmentId: DepartmentId | null;
  amount: number;
  reason: string;
  attempts: number;
  lastError: string | null;
  status: string;
  createdAt: string;
  nextAttemptAt: string;
}

export interface DifferenceView {
  itemId: string;
  day: string;
  kind: string;
  kindName: string;
  orderId: string | null;
  transactionId: string | null;
  departmentId: string | null;
  wechatAmount: number | null;
  ledgerAmount: number | null;
  postedAmount: number | null;
  detail: string;
  status: 'open' | 'resolved';
  foundAt: string;
  resolvedBy?: string;
  resolvedAt?: string;
  note?: string;
}

export interface TicketQueueItem {
  ticketNo: string | null;
  kind: string;
  category: string;
  urgent: boolean;
  status: string;
  step: 'accept' | 'answer';
  rule: string;
  dueAt: string;
  state: 'due_soon' | 'overdue';
  filedAt: string;
}

export interface TicketQueueGroup {
  department: string;
  overdue: number;
  dueSoon: number;
  tickets: TicketQueueItem[];
}

export interface OutageView {
  departmentId: DepartmentId;
  startedAt: string;
  endedAt?: string;
  cause: string;
  minutes: number;
}

export interface DepartmentHealthView {
  departmentId: DepartmentId;
  name: string;
  state: 'up' | 'down' | 'unknown';
  since?: string;
  lastProbeAt?: string;
  uptime: { days: number; share: number | null; probes: number };
  outages: OutageView[];
}

export interface AuditEntryView {
  id: number;
  at: string;
  operatorId: string;
  operatorName: string;
  role: OperatorRole;
  departmentId?: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  note?: string;
}

export interface AdminOutputs {
  signInUrl: { url: string };
  signIn: { token: string; expiresAt: string; operator: OperatorView };
  me: { operator: OperatorView; expiresAt: string };
  signOut: { signedOut: true };
  'notices.publish': { notice: NoticeView; told: number };
  'notices.end': { notice: NoticeView; told: number };
  'notices.list': { notices: NoticeView[] };
  'schedules.list': { services: ServiceScheduleView[] };
  'schedules.set': { version: ScheduleVersionView };
  'schedules.withdraw': { version: ScheduleVersionView };
  'queues.refunds': { refunds: StuckRefundView[] };
  'queues.retryRefund': { refund: StuckRefundView | null; outcome: 'refunded' | 'requested' | 'refused' };
  'queues.differences': { differences: DifferenceView[]; lastRun: { day: string; status: string; finishedAt?: string } | null };
  'queues.resolveDifference': { difference: DifferenceView };
  'queues.tickets': { departments: TicketQueueGroup[] };
  'health.history': { departments: DepartmentHealthView[] };
  'audit.list': { entries: AuditEntryView[] };
  'operators.list': { operators: Array<OperatorView & { wecomBound: boolean; disabled: boolean }> };
}
