import { z } from 'zod';
import { defineContract } from '../../contract';
import { text } from '../../text';
import type { Availability } from '../../availability-types';
import { fileIdSchema } from '../../files';
import type { DeadlineView, TicketStatus } from './deadlines';
import { categoryRule, TICKET_CATEGORIES, TICKET_KINDS, TICKET_RATINGS, URGENT_KINDS, type TicketCategory, type TicketKind, type TicketRating } from './rules';

const uuid = (what: string) => z.string({ error: `请提供${what}` }).uuid(`${what}格式不正确`);

/** A client-made key per submission: duplicate taps carry the same one and file one ticket. */
const requestId = z
  .string({ error: '请提供 requestId' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId 应为 8–64 位字母、数字、下划线或连字符');

export const MAX_PHOTOS = 9;
export const MAX_VIDEO_SECONDS = 60;
export const DESCRIPTION_CHARS = { min: 10, max: 1000 } as const;

/** From wx.chooseLocation (name, address, coordinates) or typed by the resident (address only). */
export const placeSchema = z.object({
  name: text({ label: '地点名称', max: 50 }).optional(),
  address: text({ label: '地点', min: 2, max: 120 }),
  latitude: z.number({ error: '纬度应为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围').optional(),
  longitude: z.number({ error: '经度应为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围').optional(),
});
export type TicketPlace = z.output<typeof placeSchema>;

const submit = z
  .object({
    kind: z.enum(TICKET_KINDS, { error: `请选择诉求类型：${TICKET_KINDS.join('、')}` }),
    category: z.enum(TICKET_CATEGORIES, { error: `请选择诉求分类：${TICKET_CATEGORIES.join('、')}` }),
    /** Utilities cut off, a safety hazard: runs on calendar hours (24 h), not office hours. */
    urgent: z.boolean({ error: 'urgent 应为 true 或 false' }).default(false),
    description: text({ label: '问题描述', min: DESCRIPTION_CHARS.min, max: DESCRIPTION_CHARS.max, multiline: true }),
    place: placeSchema.optional(),
    photos: z.array(fileIdSchema, { error: 'photos 应为文件标识的列表' }).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]),
    video: fileIdSchema.optional(),
    contactPhone: z
      .string({ error: '联系电话应为 11 位手机号' })
      .transform((s) => s.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^1[3-9]\d{9}$/, '联系电话应为 11 位手机号，以 1 开头'))
      .optional(),
    public: z.boolean({ error: '请选择是否公开（public 应为 true 或 false）' }),
    requestId,
  })
  .superRefine((v, ctx) => {
    if (!categoryRule(v.category).kinds.includes(v.kind)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `“${v.category}”类可提交：${categoryRule(v.category).kinds.join('、')}` });
    }
    if (v.urgent && !URGENT_KINDS.includes(v.kind)) ctx.addIssue({ code: 'custom', path: ['urgent'], message: `只有${URGENT_KINDS.join('和')}可以标为紧急` });
    const seen = new Set<string>();
    v.photos.forEach((p, i) => {
      if (seen.has(p)) ctx.addIssue({ code: 'custom', path: ['photos', i], message: `第 ${i + 1} 张照片与前面的重复` });
      seen.add(p);
    });
  });

/**
 * What `wx.requestSubscribeMessage` answered for a template, as WeChat spells it: 'accept' grants
 * one message; 'ban' (总是拒绝) voids every grant of the template; 'reject' and 'filter' grant nothing.
 */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

export const ticketsInput = {
  categories: z.object({}),
  submit,
  tickets: z.object({}),
  ticket: z.object({ ticketId: uuid('工单编号 ticketId') }),
  rate: z.object({
    ticketId: uuid('工单编号 ticketId'),
    rating: z.enum(TICKET_RATINGS, { error: `评价应为${TICKET_RATINGS.join('、')}之一` }),
    comment: text({ label: '评价内容', max: 200, multiline: true }).optional(),
  }),
  reopen: z.object({ ticketId: uuid('工单编号 ticketId'), reason: text({ label: '重办理由', min: 5, max: 500, multiline: true }) }),
  /** `ticketId`: the ticket the resident wants to talk about (its number goes to the agent). */
  agent: z.object({ ticketId: uuid('工单编号 ticketId').optional() }),
  /** What the resident answered WeChat's subscribe prompt for the ticket template (asked when filing). */
  subscribed: z.object({
    templateId: z.string({ error: '请提供订阅消息模板 templateId' }).regex(/^[A-Za-z0-9_-]{1,64}$/, '订阅消息模板 templateId 应为 1–64 位字母、数字、下划线或连字符'),
    result: z.enum(SUBSCRIBE_RESULTS, { error: `result 应为 ${SUBSCRIBE_RESULTS.join('、')} 之一（微信 requestSubscribeMessage 的回答）` }),
  }),
};

export type { TicketStatus, DeadlineView };

export interface CategoriesResult {
  categories: Array<{ category: TicketCategory; kinds: TicketKind[]; hint: string; urgentKinds: TicketKind[] }>;
  kinds: TicketKind[];
  /** The time limits in words, per kind: '2 个工作小时内受理，5 个工作日内答复'. */
  limits: Record<TicketKind | 'urgent', string>;
  maxPhotos: number;
  maxVideoSeconds: number;
  description: { min: number; max: number };
}

export interface TicketEventView {
  at: string;
  type: TicketStatus | 'filed' | 'transferred' | 'rated';
  /** '已受理', '已派单'… */
  label: string;
  department: string | null;
  text: string;
}

export interface TicketSummary {
  ticketId: string;
  /** The platform's number; null while the ticket waits to reach the platform. */
  ticketNo: string | null;
  kind: TicketKind;
  category: TicketCategory;
  urgent: boolean;
  status: TicketStatus;
  statusLabel: string;
  /** The first 40 characters of the description. */
  preview: string;
  filedAt: string;
  nextDeadline: DeadlineView | null;
  /** Answered and not yet rated by the resident. */
  awaitingRating: boolean;
  /** '已保存，平台恢复后自动提交' while pending. */
  notice: string | null;
}

export interface TicketDetail extends TicketSummary {
  description: string;
  place: TicketPlace | null;
  photos: Array<{ fileId: string; url: string }>;
  video: { fileId: string; url: string } | null;
  /** 138****5678 */
  contactPhoneMasked: string | null;
  public: boolean;
  department: string | null;
  timeline: TicketEventView[];
  rating: { rating: TicketRating; comment: string | null; at: string } | null;
  reopen: { allowed: boolean; until: string | null; reason: string | null };
}

export interface AgentResult {
  availability: Availability;
  open: boolean;
  /** What `<Button openType="contact">` needs when agents are at work. */
  contact: { sessionFrom: string; sendMessageTitle: string; sendMessagePath: string; showMessageCard: boolean } | null;
  /** When agents are back (closed), ISO 8601 +08:00. */
  backAt: string | null;
  /** Outside hours: leave a consultation ticket instead. */
  offer: { kind: '咨询'; path: string; text: string } | null;
  message: string;
}

/** What each action answers. */
export interface TicketsOutputs {
  categories: CategoriesResult;
  submit: { ticket: TicketDetail; saved: boolean };
  tickets: { tickets: TicketSummary[] };
  ticket: { ticket: TicketDetail };
  rate: { ticket: TicketDetail };
  reopen: { ticket: TicketDetail };
  agent: AgentResult;
  /** How many 12345 status messages WeChat may now send this resident. */
  subscribed: { granted: number };
}

/** 12345 complaints and consultations: file, follow, rate, reopen, reach a person. */
export const ticketsContract = defineContract<TicketsOutputs>()({
  name: 'tickets',
  inputs: ticketsInput,
  services: ['tickets.submit', 'tickets.agent'],
  departments: ['hotline'],
});
