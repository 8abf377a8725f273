/**
 * The 12345 rules as data: what a resident may file, in which category, and how long the
 * centre has for each step. One definition, read by the function, the sandbox and the client.
 */
export const TICKET_KINDS = ['投诉', '咨询', '建议', '求助', '表扬'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TICKET_CATEGORIES = ['城市管理', '交通出行', '水电燃气', '社会保障', '环境保护', '住房物业', '市场监管', '其他'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export interface CategoryRule {
  category: TicketCategory;
  /** The kinds a resident may file under it, in the order the client offers them. */
  kinds: readonly TicketKind[];
  /** What belongs here, for the picker. */
  hint: string;
}

/**
 * Praise goes where a department did something (not to market supervision, whose cases are
 * reports); help requests go where a department can act for one person; environment and market
 * supervision take complaints, questions and suggestions.
 */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  { category: '城市管理', kinds: ['投诉', '咨询', '建议', '求助', '表扬'], hint: '市容环卫、占道经营、井盖路灯、违章搭建' },
  { category: '交通出行', kinds: ['投诉', '咨询', '建议', '表扬'], hint: '公交地铁、道路设施、停车、出租网约车' },
  { category: '水电燃气', kinds: ['投诉', '咨询', '求助', '表扬'], hint: '停水停电停气、水压电压、抄表收费' },
  { category: '社会保障', kinds: ['投诉', '咨询', '建议', '求助'], hint: '社保医保、就业、养老、救助' },
  { category: '环境保护', kinds: ['投诉', '咨询', '建议'], hint: '噪声、油烟、污水、废气' },
  { category: '住房物业', kinds: ['投诉', '咨询', '建议', '求助'], hint: '物业服务、电梯、房屋安全、租赁' },
  { category: '市场监管', kinds: ['投诉', '咨询', '建议'], hint: '消费纠纷、食品安全、价格、虚假宣传' },
  { category: '其他', kinds: ['投诉', '咨询', '建议', '求助', '表扬'], hint: '以上都不是' },
];

export function categoryRule(category: TicketCategory): CategoryRule {
  return CATEGORY_RULES.find((c) => c.category === category)!;
}

/** Urgent (utilities cut off, a safety hazard) is a complaint or a help request marked so. */
export const URGENT_KINDS: readonly TicketKind[] = ['投诉', '求助'];

export type TimeLimit = { workingMinutes: number } | { calendarMinutes: number };

export interface KindLimits {
  /** 受理: the centre takes the ticket on (or refuses it, with a reason). */
  accept: TimeLimit;
  /** 答复: a department answers the resident. */
  answer: TimeLimit;
}

const workingHours = (h: number): TimeLimit => ({ workingMinutes: h * 60 });
const workingDays = (d: number): TimeLimit => ({ workingMinutes: d * 9 * 60 });
const calendarHours = (h: number): TimeLimit => ({ calendarMinutes: h * 60 });

/**
 * How long each step may take. 投诉 and 咨询 as the issue states them (after the State Council's
 * 2020 guidance on 12345 hotlines: consultations answered within one working day). Our choices
 * for the rest: 建议 needs study by the department, 10 working days; 求助 is one person's need,
 * 3 working days; 表扬 is passed on and acknowledged, 5 working days. Urgent tickets run on the
 * clock, not office hours: taken on within 1 hour and answered within 24 hours.
 */
export const TIME_LIMITS: Record<TicketKind | 'urgent', KindLimits> = {
  咨询: { accept: workingHours(2), answer: workingDays(1) },
  投诉: { accept: workingHours(2), answer: workingDays(5) },
  建议: { accept: workingHours(2), answer: workingDays(10) },
  求助: { accept: workingHours(2), answer: workingDays(3) },
  表扬: { accept: workingHours(2), answer: workingDays(5) },
  urgent: { accept: calendarHours(1), answer: calendarHours(24) },
};

/** A deadline is "due soon" when this share of its limit or less is left. */
export const DUE_SOON_SHARE = 0.25;

/** After a reply the resident may ask for the ticket to be handled again, this long and once per reply. */
export const REOPEN_WINDOW_DAYS = 7;

export const TICKET_RATINGS = ['满意', '基本满意', '不满意'] as const;
export type TicketRating = (typeof TICKET_RATINGS)[number];

/** A plain-Chinese statement of a limit: '2 个工作小时', '5 个工作日', '24 小时'. */
export function describeLimit(limit: TimeLimit): string {
  if ('calendarMinutes' in limit) return limit.calendarMinutes % 60 === 0 ? `${limit.calendarMinutes / 60} 小时` : `${limit.calendarMinutes} 分钟`;
  const m = limit.workingMinutes;
  if (m % (9 * 60) === 0) return `${m / (9 * 60)} 个工作日`;
  if (m % 60 === 0) return `${m / 60} 个工作小时`;
  return `${m} 个工作分钟`;
}
